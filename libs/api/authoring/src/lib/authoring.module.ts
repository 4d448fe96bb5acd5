import { Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { AuditModule } from '@border-academy/api-audit';
import { ApiConfig } from '@border-academy/api-platform';
import { ATTACHMENT_LIMITS } from '@border-academy/shared-contracts';
import { FastifyInstance } from 'fastify';

import { AttachmentController } from './attachments/attachment.controller';
import { AttachmentRepository } from './attachments/attachment.repository';
import { AttachmentService } from './attachments/attachment.service';
import { AttachmentStorage, attachmentStorageFor } from './attachments/attachment-storage';
import { AuthoringPersonalData } from './authoring-personal-data';

import { CatalogueController } from './catalogue/catalogue.controller';
import { CatalogueRepository } from './catalogue/catalogue.repository';
import { CatalogueService } from './catalogue/catalogue.service';
import { CompetencyRepository } from './content/competency.repository';
import { ContentController } from './content/content.controller';
import { ContentLanguageRepository } from './content/content-language.repository';
import { CourseController } from './courses/course.controller';
import { CourseRepository } from './courses/course.repository';
import { CourseService } from './courses/course.service';
import { OutlineController } from './outline/outline.controller';
import { OutlineRepository } from './outline/outline.repository';
import { OutlineService } from './outline/outline.service';
import { QuestionRepository } from './questions/question.repository';
import { QuestionService } from './questions/question.service';
import { QuestionBankController } from './quizzes/question-bank.controller';
import { QuizRepository } from './quizzes/quiz.repository';
import { QuizService } from './quizzes/quiz.service';
import { ExchangeController } from './exchange/exchange.controller';
import { ExchangeRepository } from './exchange/exchange.repository';
import { ExchangeService, PACKAGE_MEDIA_TYPES } from './exchange/exchange.service';
import { CourseVersionController } from './versions/course-version.controller';
import { CourseVersionRepository } from './versions/course-version.repository';
import { CourseVersionService } from './versions/course-version.service';
import { DraftEditor } from './versions/draft-editor';
import { ReviewQueueRepository } from './versions/review-queue.repository';

@Module({
  imports: [AuditModule],
  controllers: [
    AttachmentController,
    ContentController,
    CourseController,
    CourseVersionController,
    ExchangeController,
    OutlineController,
    QuestionBankController,
    CatalogueController,
  ],
  providers: [
    AttachmentRepository,
    AttachmentService,
    AuthoringPersonalData,
    { provide: AttachmentStorage, useFactory: attachmentStorageFor, inject: [ApiConfig] },
    CatalogueRepository,
    CatalogueService,
    CompetencyRepository,
    ContentLanguageRepository,
    CourseRepository,
    CourseService,
    CourseVersionRepository,
    CourseVersionService,
    DraftEditor,
    ExchangeRepository,
    ExchangeService,
    OutlineRepository,
    OutlineService,
    QuestionRepository,
    QuestionService,
    QuizRepository,
    QuizService,
    ReviewQueueRepository,
  ],
  exports: [
    AttachmentRepository,
    AttachmentService,
    AttachmentStorage,
    ContentLanguageRepository,
    CourseRepository,
    CourseVersionRepository,
    DraftEditor,
  ],
})
export class AuthoringModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  /**
   * Course files and packages arrive as the raw body, read as a stream so a video or a package never
   * sits whole in memory; their receivers enforce their own size limits.
   */
  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    for (const type of [...Object.keys(ATTACHMENT_LIMITS), ...PACKAGE_MEDIA_TYPES]) {
      if (!fastify.hasContentTypeParser(type)) {
        fastify.addContentTypeParser(type, (_request, payload, done) => done(null, payload));
      }
    }
  }
}
