export * from './lib/qualifications.module';
export * from './lib/clock';
export * from './lib/grants/grant.service';
export * from './lib/notifications/notification.service';
