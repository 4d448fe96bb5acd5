export * from './lib/api-platform';
