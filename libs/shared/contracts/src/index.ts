export * from './lib/health';
export * from './lib/language';
export * from './lib/problem-details';
