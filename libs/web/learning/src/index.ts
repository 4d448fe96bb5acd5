export * from './lib/pages';
