import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiContentText, CatalogueCourseDto, PageDtoOf, PersonRefDto } from '@border-academy/api-authoring';
import { PageQueryDto } from '@border-academy/api-platform';
import {
  AttemptQuestion,
  CERTIFICATE_STATUSES,
  COURSE_LEVELS,
  CertificateRef,
  CertificateStatus,
  CertificateVerification,
  ContentText,
  CourseLevel,
  DEFAULT_PAGE_SIZE,
  ENROLMENT_SOURCES,
  ENROLMENT_STATUSES,
  EnrolmentDetail,
  EnrolmentProgress,
  EnrolmentSource,
  EnrolmentStatus,
  EnrolmentSummary,
  LESSON_COMPLETION_RULES,
  LESSON_KINDS,
  LESSON_STATES,
  LearnerAttachment,
  LearnerCourse,
  LearnerLesson,
  LearnerLessonSummary,
  LearnerModule,
  LearnerQuizState,
  LessonCompletionRule,
  LessonKind,
  LessonProgress,
  LessonState,
  MAX_PAGE_SIZE,
  MAX_PROGRESS_EVENTS_PER_REQUEST,
  MY_LEARNING_SECTIONS,
  MyEnrolmentsQuery,
  MyLearning,
  MyLearningQuery,
  MyLearningSection,
  PROGRESS_EVENT_KINDS,
  PROGRESS_EVENT_OUTCOMES,
  ProgressEventInput,
  ProgressEventKind,
  ProgressEventOutcome,
  QUESTION_KINDS,
  QuestionKind,
  QuestionReview,
  QuizAnswer,
  QuizAttempt,
  QuizSubmissionResult,
  RecordProgressEventsRequest,
  RecordProgressEventsResponse,
  StartQuizAttemptRequest,
  SubmitQuizAttemptRequest,
  THEMATIC_AREAS,
  ThematicArea,
} from '@border-academy/shared-contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export class EnrolmentLessonParamsDto {
  @IsUUID()
  id!: string;

  @IsUUID()
  lessonId!: string;
}

export class MyLearningQueryDto implements MyLearningQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize?: number;
}

export class MyEnrolmentsQueryDto extends PageQueryDto implements MyEnrolmentsQuery {
  @ApiProperty({ enum: MY_LEARNING_SECTIONS })
  @IsIn(MY_LEARNING_SECTIONS)
  section!: MyLearningSection;
}

export class CertificateRefDto implements CertificateRef {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'K7Q2M4XW9ABCDEFGHJ3NPRSTUV', description: 'Public verification code' })
  code!: string;

  @ApiProperty({ format: 'date-time' })
  issuedAt!: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  validUntil!: string | null;

  @ApiProperty({ enum: CERTIFICATE_STATUSES })
  status!: CertificateStatus;

  @ApiProperty({ example: '/api/v1/certificates/00000000-0000-0000-0000-000000000000/pdf' })
  pdfPath!: string;

  @ApiProperty({ example: '/verify/K7Q2M4XW9ABCDEFGHJ3NPRSTUV' })
  verificationPath!: string;
}

export class EnrolmentSummaryDto implements EnrolmentSummary {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  courseId!: string;

  @ApiProperty({ format: 'uuid', description: 'The version the enrolment is pinned to' })
  courseVersionId!: string;

  @ApiProperty()
  versionNumber!: number;

  @ApiProperty()
  courseCode!: string;

  @ApiContentText()
  title!: ContentText;

  @ApiProperty()
  defaultLanguage!: string;

  @ApiProperty({ enum: THEMATIC_AREAS })
  area!: ThematicArea;

  @ApiProperty({ enum: COURSE_LEVELS })
  level!: CourseLevel;

  @ApiProperty()
  estimatedHours!: number;

  @ApiProperty({ type: PersonRefDto })
  learner!: PersonRefDto;

  @ApiProperty({ enum: ENROLMENT_SOURCES })
  source!: EnrolmentSource;

  @ApiProperty({ type: PersonRefDto, nullable: true })
  assignedBy!: PersonRefDto | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  dueAt!: string | null;

  @ApiProperty()
  overdue!: boolean;

  @ApiProperty({ enum: ENROLMENT_STATUSES })
  status!: EnrolmentStatus;

  @ApiProperty({ minimum: 0, maximum: 100 })
  progressPercent!: number;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  continueLessonId!: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  lastLessonId!: string | null;

  @ApiProperty({ format: 'date-time' })
  enrolledAt!: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  startedAt!: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  completedAt!: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  withdrawnAt!: string | null;

  @ApiProperty({ type: CertificateRefDto, nullable: true })
  certificate!: CertificateRefDto | null;

  @ApiProperty()
  canWithdraw!: boolean;
}

export class EnrolmentSummaryPageDto extends PageDtoOf(EnrolmentSummaryDto) {}

export class MyLearningDto implements MyLearning {
  @ApiProperty({ type: EnrolmentSummaryPageDto })
  assigned!: EnrolmentSummaryPageDto;

  @ApiProperty({ type: EnrolmentSummaryPageDto })
  inProgress!: EnrolmentSummaryPageDto;

  @ApiProperty({ type: EnrolmentSummaryPageDto })
  completed!: EnrolmentSummaryPageDto;
}

export class LearnerLessonSummaryDto implements LearnerLessonSummary {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  moduleId!: string;

  @ApiProperty({ enum: LESSON_KINDS })
  kind!: LessonKind;

  @ApiContentText()
  title!: ContentText;

  @ApiProperty()
  required!: boolean;

  @ApiProperty({ nullable: true, type: Number })
  estimatedMinutes!: number | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  quizId!: string | null;

  @ApiProperty({ enum: LESSON_STATES })
  state!: LessonState;
}

export class LearnerModuleDto implements LearnerModule {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiContentText()
  title!: ContentText;

  @ApiProperty({ type: [LearnerLessonSummaryDto] })
  lessons!: LearnerLessonSummaryDto[];
}

class PrerequisiteDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  code!: string;

  @ApiContentText()
  title!: ContentText;
}

export class LearnerCourseDto extends CatalogueCourseDto implements LearnerCourse {
  @ApiProperty({ enum: LESSON_COMPLETION_RULES })
  lessonCompletion!: LessonCompletionRule;

  @ApiProperty({ type: [LearnerModuleDto] })
  modules!: LearnerModuleDto[];

  @ApiProperty({ type: [PrerequisiteDto] })
  prerequisites!: PrerequisiteDto[];

  @ApiProperty({ type: EnrolmentSummaryDto, nullable: true })
  enrolment!: EnrolmentSummaryDto | null;

  @ApiProperty()
  canEnrol!: boolean;
}

export class LearnerQuizStateDto implements LearnerQuizState {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiContentText()
  title!: ContentText;

  @ApiProperty()
  passMarkPercent!: number;

  @ApiProperty({ nullable: true, type: Number })
  attemptLimit!: number | null;

  @ApiProperty()
  attemptsUsed!: number;

  @ApiProperty({ nullable: true, type: Number })
  timeLimitMinutes!: number | null;

  @ApiProperty()
  allowReview!: boolean;

  @ApiProperty()
  questionCount!: number;

  @ApiProperty()
  passed!: boolean;

  @ApiProperty({ nullable: true, type: Number })
  bestScorePercent!: number | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  openAttemptId!: string | null;
}

export class EnrolmentDetailDto extends EnrolmentSummaryDto implements EnrolmentDetail {
  @ApiContentText({ nullable: true })
  description!: ContentText | null;

  @ApiProperty({ enum: LESSON_COMPLETION_RULES })
  lessonCompletion!: LessonCompletionRule;

  @ApiProperty({ type: [LearnerModuleDto] })
  modules!: LearnerModuleDto[];

  @ApiProperty({ type: [LearnerQuizStateDto] })
  quizzes!: LearnerQuizStateDto[];

  @ApiProperty()
  isOwn!: boolean;
}

class LearnerAttachmentDto implements LearnerAttachment {
  @ApiProperty()
  fileName!: string;

  @ApiProperty()
  mediaType!: string;

  @ApiProperty()
  sizeBytes!: number;

  @ApiProperty({ description: 'Signed, expiring address of the content' })
  url!: string;
}

export class LearnerLessonDto extends LearnerLessonSummaryDto implements LearnerLesson {
  @ApiProperty({ format: 'uuid' })
  enrolmentId!: string;

  @ApiContentText({ description: 'Sanitised HTML per language' })
  bodyHtml!: ContentText;

  @ApiProperty({ type: LearnerAttachmentDto, nullable: true })
  attachment!: LearnerAttachmentDto | null;

  @ApiProperty({ nullable: true, type: String })
  externalUrl!: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  previousLessonId!: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  nextLessonId!: string | null;

  @ApiProperty({ enum: [...LESSON_COMPLETION_RULES, 'quiz-passed'] })
  completion!: LessonCompletionRule | 'quiz-passed';
}

export class ProgressEventInputDto implements ProgressEventInput {
  @ApiProperty({ format: 'uuid', description: 'Generated by the client once, when the event happened' })
  @IsUUID()
  id!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  enrolmentId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  lessonId!: string;

  @ApiProperty({ enum: PROGRESS_EVENT_KINDS })
  @IsIn(PROGRESS_EVENT_KINDS)
  kind!: ProgressEventKind;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  occurredAt!: string;
}

export class RecordProgressEventsRequestDto implements RecordProgressEventsRequest {
  @ApiProperty({ type: [ProgressEventInputDto], minItems: 1, maxItems: MAX_PROGRESS_EVENTS_PER_REQUEST })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_PROGRESS_EVENTS_PER_REQUEST)
  @ValidateNested({ each: true })
  @Type(() => ProgressEventInputDto)
  events!: ProgressEventInputDto[];
}

class LessonProgressDto implements LessonProgress {
  @ApiProperty({ format: 'uuid' })
  lessonId!: string;

  @ApiProperty({ enum: LESSON_STATES })
  state!: LessonState;
}

export class EnrolmentProgressDto implements EnrolmentProgress {
  @ApiProperty({ format: 'uuid' })
  enrolmentId!: string;

  @ApiProperty({ enum: ENROLMENT_STATUSES })
  status!: EnrolmentStatus;

  @ApiProperty()
  progressPercent!: number;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  continueLessonId!: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  lastLessonId!: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  completedAt!: string | null;

  @ApiProperty({ type: [LessonProgressDto] })
  lessons!: LessonProgressDto[];

  @ApiProperty({ type: CertificateRefDto, nullable: true })
  certificate!: CertificateRefDto | null;
}

class ProgressEventResultDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: PROGRESS_EVENT_OUTCOMES })
  outcome!: ProgressEventOutcome;
}

export class RecordProgressEventsResponseDto implements RecordProgressEventsResponse {
  @ApiProperty({ type: [ProgressEventResultDto] })
  results!: ProgressEventResultDto[];

  @ApiProperty({ type: [EnrolmentProgressDto] })
  enrolments!: EnrolmentProgressDto[];

  @ApiProperty({ type: [CertificateRefDto] })
  issuedCertificates!: CertificateRefDto[];
}

export class StartQuizAttemptRequestDto implements StartQuizAttemptRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  quizId!: string;
}

export class QuizAnswerDto implements QuizAnswer {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  questionId!: string;

  @ApiPropertyOptional({ type: [String], description: 'single- and multiple-choice' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  optionIds?: string[];

  @ApiPropertyOptional({ description: 'true-false' })
  @IsOptional()
  @IsBoolean()
  value?: boolean;

  @ApiPropertyOptional({ maxLength: 1000, description: 'short-answer' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  text?: string;
}

export class SubmitQuizAttemptRequestDto implements SubmitQuizAttemptRequest {
  @ApiProperty({ type: [QuizAnswerDto] })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => QuizAnswerDto)
  answers!: QuizAnswerDto[];
}

class AttemptOptionDto {
  @ApiProperty()
  id!: string;

  @ApiContentText()
  text!: ContentText;
}

class AttemptQuestionDto implements AttemptQuestion {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: QUESTION_KINDS })
  kind!: QuestionKind;

  @ApiContentText()
  stem!: ContentText;

  @ApiProperty({ type: [AttemptOptionDto] })
  options!: AttemptOptionDto[];

  @ApiProperty()
  points!: number;
}

class QuestionReviewDto implements QuestionReview {
  @ApiProperty({ format: 'uuid' })
  questionId!: string;

  @ApiProperty()
  correct!: boolean;

  @ApiProperty()
  pointsAwarded!: number;

  @ApiProperty({ type: [String] })
  correctOptionIds!: string[];

  @ApiProperty({ nullable: true, type: Boolean })
  correctBoolean!: boolean | null;

  @ApiProperty({ type: [String] })
  acceptedAnswers!: string[];

  @ApiContentText({ nullable: true })
  feedback!: ContentText | null;
}

export class QuizAttemptDto implements QuizAttempt {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  enrolmentId!: string;

  @ApiProperty({ format: 'uuid' })
  quizId!: string;

  @ApiProperty()
  attemptNo!: number;

  @ApiContentText()
  title!: ContentText;

  @ApiContentText({ nullable: true })
  instructions!: ContentText | null;

  @ApiProperty()
  passMarkPercent!: number;

  @ApiProperty({ nullable: true, type: Number })
  attemptLimit!: number | null;

  @ApiProperty({ format: 'date-time' })
  startedAt!: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  deadlineAt!: string | null;

  @ApiProperty({ format: 'date-time' })
  serverNow!: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  submittedAt!: string | null;

  @ApiProperty({ type: [AttemptQuestionDto] })
  questions!: AttemptQuestionDto[];

  @ApiProperty({ type: [QuizAnswerDto], nullable: true })
  answers!: QuizAnswerDto[] | null;

  @ApiProperty({ nullable: true, type: Number })
  scorePercent!: number | null;

  @ApiProperty({ nullable: true, type: Boolean })
  passed!: boolean | null;

  @ApiProperty({ type: [QuestionReviewDto], nullable: true })
  review!: QuestionReviewDto[] | null;
}

export class QuizSubmissionResultDto implements QuizSubmissionResult {
  @ApiProperty({ type: QuizAttemptDto })
  attempt!: QuizAttemptDto;

  @ApiProperty({ nullable: true, type: Number })
  attemptsLeft!: number | null;

  @ApiProperty({ type: EnrolmentProgressDto })
  enrolment!: EnrolmentProgressDto;

  @ApiProperty({ type: CertificateRefDto, nullable: true })
  issuedCertificate!: CertificateRefDto | null;
}

export class VerificationCodeParamDto {
  @IsString()
  @MaxLength(64)
  code!: string;
}

export class CertificateVerificationDto implements CertificateVerification {
  @ApiProperty()
  holderName!: string;

  @ApiContentText()
  courseTitle!: ContentText;

  @ApiProperty({ format: 'date-time' })
  issuedAt!: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  validUntil!: string | null;

  @ApiProperty({ enum: CERTIFICATE_STATUSES })
  status!: CertificateStatus;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  revokedAt!: string | null;
}
