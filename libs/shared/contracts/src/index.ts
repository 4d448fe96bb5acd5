export * from './lib/health';
export * from './lib/language';
export * from './lib/org-unit';
export * from './lib/page';
export * from './lib/problem-details';
export * from './lib/identity';
export * from './lib/audit';
export * from './lib/position';
