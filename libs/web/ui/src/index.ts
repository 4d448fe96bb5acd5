export * from './lib/health-status-card/health-status-card';
export * from './lib/content-text/content-text';
export * from './lib/content-text/content-text-in';
export * from './lib/lookup-field/lookup-field';
export * from './lib/save-blob/save-blob';
