export * from './lib/data-source';
export * from './lib/database';
export * from './lib/database.module';
export * from './lib/embedded-postgres';
export * from './lib/entities';
export * from './migrations';
export * from './testing';
export * from './seeds';
