export * from './lib/learning.module';
