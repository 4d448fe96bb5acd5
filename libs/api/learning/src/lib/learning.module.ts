import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { AuthoringModule } from '@border-academy/api-authoring';
import { ApiConfig, SlidingWindowThrottlerStorage } from '@border-academy/api-platform';

import { CertificateController } from './certificates/certificate.controller';
import { CertificateRepository } from './certificates/certificate.repository';
import { CertificateService } from './certificates/certificate.service';
import { EnrolmentCompletionListeners } from './completion-listeners';
import { EnrolmentController } from './enrolments/enrolment.controller';
import { EnrolmentRepository } from './enrolments/enrolment.repository';
import { EnrolmentService } from './enrolments/enrolment.service';
import { LearningPersonalData } from './learning-personal-data';
import { ProgressController } from './progress/progress.controller';
import { ProgressService } from './progress/progress.service';
import { QuizAttemptController } from './quizzes/quiz-attempt.controller';
import { QuizAttemptRepository } from './quizzes/quiz-attempt.repository';
import { QuizAttemptService } from './quizzes/quiz-attempt.service';

@Module({
  imports: [
    AuthoringModule,
    // the public verification's own limiter, per address, apart from sign-in's
    ThrottlerModule.forRootAsync({
      inject: [ApiConfig],
      useFactory: (config: ApiConfig) => ({
        throttlers: [{ ttl: 60_000, limit: config.VERIFICATIONS_PER_MINUTE }],
        storage: new SlidingWindowThrottlerStorage(),
      }),
    }),
  ],
  controllers: [EnrolmentController, ProgressController, QuizAttemptController, CertificateController],
  providers: [
    EnrolmentCompletionListeners,
    CertificateRepository,
    CertificateService,
    EnrolmentRepository,
    EnrolmentService,
    LearningPersonalData,
    ProgressService,
    QuizAttemptRepository,
    QuizAttemptService,
  ],
  exports: [EnrolmentCompletionListeners],
})
export class LearningModule {}
