import { ApiProperty } from '@nestjs/swagger';
import {
  COURSE_VERSION_STATUSES,
  LESSON_KINDS,
  ContentText,
  CourseModule,
  CourseVersion,
  CourseVersionStatus,
  LanguageCompleteness,
  LessonKind,
  LessonSummary,
  QuizSummary,
  ReorderOutlineRequest,
  ReturnCourseVersionRequest,
  ReviewQueueItem,
  UpdateCourseVersionRequest,
} from '@border-academy/shared-contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';

import { ApiContentText, IsContentText } from '../content/content-text';
import { COMPLETENESS_SCHEMA, OrgUnitRefDto, PersonRefDto, PageDtoOf } from '../dto';

export class LessonSummaryDto implements LessonSummary {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  moduleId!: string;

  @ApiProperty({ enum: LESSON_KINDS })
  kind!: LessonKind;

  @ApiContentText()
  title!: ContentText;

  @ApiProperty({ description: 'Counts towards completion' })
  required!: boolean;
}

export class CourseModuleDto implements CourseModule {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiContentText()
  title!: ContentText;

  @ApiProperty({ type: [LessonSummaryDto] })
  lessons!: LessonSummaryDto[];
}

export class QuizSummaryDto implements QuizSummary {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiContentText()
  title!: ContentText;

  @ApiProperty()
  passMarkPercent!: number;

  @ApiProperty({ description: 'Questions one attempt holds' })
  questionCount!: number;
}

export class CourseVersionDto implements CourseVersion {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  courseId!: string;

  @ApiProperty()
  number!: number;

  @ApiProperty({ enum: COURSE_VERSION_STATUSES })
  status!: CourseVersionStatus;

  @ApiProperty()
  defaultLanguage!: string;

  @ApiContentText()
  title!: ContentText;

  @ApiContentText({ nullable: true })
  description!: ContentText | null;

  @ApiProperty({ type: [CourseModuleDto] })
  modules!: CourseModuleDto[];

  @ApiProperty({ type: [QuizSummaryDto] })
  quizzes!: QuizSummaryDto[];

  @ApiProperty(COMPLETENESS_SCHEMA)
  completeness!: LanguageCompleteness;

  @ApiProperty({ type: String, nullable: true })
  reviewComment!: string | null;

  @ApiProperty({ description: 'A draft, and the caller may edit the course' })
  editable!: boolean;
}

export class UpdateCourseVersionRequestDto implements UpdateCourseVersionRequest {
  @ApiContentText({ required: false })
  @IsOptional()
  @IsContentText()
  title?: ContentText;

  @ApiContentText({ required: false, nullable: true })
  @IsOptional()
  @IsContentText('long')
  description?: ContentText | null;
}

export class ReturnCourseVersionRequestDto implements ReturnCourseVersionRequest {
  @ApiProperty({ maxLength: 4000, example: 'Module 2 needs a lesson on the referral forms.' })
  @IsString()
  @Matches(/\S/, { message: 'comment must not be blank' })
  @MaxLength(4000)
  comment!: string;
}

export class OutlineModuleOrderDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;

  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  lessonIds!: string[];
}

export class ReorderOutlineRequestDto implements ReorderOutlineRequest {
  @ApiProperty({ type: [OutlineModuleOrderDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => OutlineModuleOrderDto)
  modules!: OutlineModuleOrderDto[];
}

export class ReviewQueueItemDto implements ReviewQueueItem {
  @ApiProperty({ format: 'uuid' })
  courseId!: string;

  @ApiProperty({ format: 'uuid' })
  versionId!: string;

  @ApiProperty()
  code!: string;

  @ApiContentText()
  title!: ContentText;

  @ApiProperty()
  versionNumber!: number;

  @ApiProperty({ type: OrgUnitRefDto })
  ownerOrgUnit!: OrgUnitRefDto;

  @ApiProperty({ format: 'date-time' })
  submittedAt!: string;

  @ApiProperty({ type: PersonRefDto, nullable: true })
  submittedBy!: PersonRefDto | null;

  @ApiProperty(COMPLETENESS_SCHEMA)
  completeness!: LanguageCompleteness;
}

export class ReviewQueuePageDto extends PageDtoOf(ReviewQueueItemDto) {}
