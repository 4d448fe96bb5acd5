export * from './lib/authoring.module';
export * from './lib/attachments/attachment-url';
export * from './lib/attachments/attachment-storage';
export * from './lib/attachments/attachment.repository';
export * from './lib/attachments/attachment.service';
export * from './lib/course-access';
// what the learning side reuses: the catalogue's rows, the learner-facing rendering and the shared shapes
export { CatalogueCourseDto } from './lib/catalogue/catalogue.dto';
export { ApiContentText } from './lib/content/content-text';
export { ORG_UNIT_REF_SQL, personRefSql } from './lib/courses/course.repository';
export { IdParamDto, OrgUnitRefDto, PageDtoOf, PersonRefDto } from './lib/dto';
export { attachmentIdsIn, renderMarkdown } from './lib/markdown/markdown';
export { isoInstant, selectPage } from './lib/sql-page';
// what the qualifications side reuses for evidence files: the same typed, spooled upload and download headers
export { receiveUpload, uploadLimitFor } from './lib/attachments/upload-receiver';
export { contentDisposition } from './lib/attachments/attachment.controller';
