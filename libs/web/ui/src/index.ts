export * from './lib/health-status-card/health-status-card';
