export * from './lib/identity.module';
export * from './lib/password/password-hasher';
export * from './lib/password/password-policy';
export * from './lib/user-import/user-import.module';
