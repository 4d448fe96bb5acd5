export * from './lib/authoring.module';
export * from './lib/attachments/attachment-url';
export * from './lib/attachments/attachment-storage';
export * from './lib/attachments/attachment.repository';
export * from './lib/attachments/attachment.service';
export * from './lib/course-access';
