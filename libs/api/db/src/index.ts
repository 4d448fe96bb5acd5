export * from './lib/api-db';
