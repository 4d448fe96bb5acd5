export type { Area } from './lib/area-placeholder/area-placeholder';
export * from './lib/pages';
export * from './lib/shell/shell';
