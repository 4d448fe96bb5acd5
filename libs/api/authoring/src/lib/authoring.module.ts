import { Module } from '@nestjs/common';
import { AuditModule } from '@border-academy/api-audit';

import { CatalogueController } from './catalogue/catalogue.controller';
import { CatalogueRepository } from './catalogue/catalogue.repository';
import { CompetencyRepository } from './content/competency.repository';
import { ContentController } from './content/content.controller';
import { ContentLanguageRepository } from './content/content-language.repository';
import { CourseController } from './courses/course.controller';
import { CourseRepository } from './courses/course.repository';
import { CourseService } from './courses/course.service';
import { OutlineController } from './outline/outline.controller';
import { OutlineRepository } from './outline/outline.repository';
import { OutlineService } from './outline/outline.service';
import { CourseVersionController } from './versions/course-version.controller';
import { CourseVersionRepository } from './versions/course-version.repository';
import { CourseVersionService } from './versions/course-version.service';
import { DraftEditor } from './versions/draft-editor';
import { ReviewQueueRepository } from './versions/review-queue.repository';

@Module({
  imports: [AuditModule],
  controllers: [
    ContentController,
    CourseController,
    CourseVersionController,
    OutlineController,
    CatalogueController,
  ],
  providers: [
    CatalogueRepository,
    CompetencyRepository,
    ContentLanguageRepository,
    CourseRepository,
    CourseService,
    CourseVersionRepository,
    CourseVersionService,
    DraftEditor,
    OutlineRepository,
    OutlineService,
    ReviewQueueRepository,
  ],
  exports: [ContentLanguageRepository, CourseRepository, CourseVersionRepository, DraftEditor],
})
export class AuthoringModule {}
