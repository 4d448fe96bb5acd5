import { Module } from '@nestjs/common';
import { AuditModule } from '@border-academy/api-audit';

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
    QuestionBankController,
    CatalogueController,
  ],
  providers: [
    CatalogueRepository,
    CatalogueService,
    CompetencyRepository,
    ContentLanguageRepository,
    CourseRepository,
    CourseService,
    CourseVersionRepository,
    CourseVersionService,
    DraftEditor,
    OutlineRepository,
    OutlineService,
    QuestionRepository,
    QuestionService,
    QuizRepository,
    QuizService,
    ReviewQueueRepository,
  ],
  exports: [ContentLanguageRepository, CourseRepository, CourseVersionRepository, DraftEditor],
})
export class AuthoringModule {}
