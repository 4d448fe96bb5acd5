export * from './lib/authoring.module';
