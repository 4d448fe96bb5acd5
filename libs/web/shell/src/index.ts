export * from './lib/pages';
export * from './lib/shell/shell';
