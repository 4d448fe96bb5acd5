export * from './lib/accept-language-interceptor';
export * from './lib/api-error';
export * from './lib/error-notification';
export * from './lib/error-notifier';
export * from './lib/health-client';
export * from './lib/problem-interceptor';
