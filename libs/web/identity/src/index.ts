export * from './lib/pages';
export * from './lib/session-expired/provide-session-expired-dialog';
