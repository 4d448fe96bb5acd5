import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  COURSE_LEVELS,
  COURSE_SORTS,
  COURSE_STATUSES,
  Competency,
  ContentText,
  CourseDetail,
  CourseLevel,
  CourseListQuery,
  CourseSort,
  CourseStatus,
  CourseSummary,
  CourseVersionHistoryEntry,
  CourseVersionStatus,
  COURSE_VERSION_STATUSES,
  CreateCourseRequest,
  LESSON_COMPLETION_RULES,
  LanguageCompleteness,
  LessonCompletionRule,
  REFERENCE_CODE_MAX_LENGTH,
  THEMATIC_AREAS,
  ThematicArea,
  UpdateCourseRequest,
} from '@border-academy/shared-contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNumber,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

import { CompetencyDto } from '../content/competency.dto';
import { ApiContentText, IsContentText } from '../content/content-text';
import {
  COMPLETENESS_SCHEMA,
  IsIdList,
  OrgUnitRefDto,
  PageDtoOf,
  PersonRefDto,
  SearchPageQueryDto,
} from '../dto';

const LANGUAGE_CODE = /^[a-z]{2}$/;

export class CourseListQueryDto extends SearchPageQueryDto implements CourseListQuery {
  @ApiPropertyOptional({ enum: THEMATIC_AREAS })
  @IsOptional()
  @IsIn(THEMATIC_AREAS)
  area?: ThematicArea;

  @ApiPropertyOptional({ enum: COURSE_STATUSES })
  @IsOptional()
  @IsIn(COURSE_STATUSES)
  status?: CourseStatus;

  @ApiPropertyOptional({ example: 'ru', description: 'Only courses not complete in this language' })
  @IsOptional()
  @Matches(LANGUAGE_CODE, { message: 'incompleteLanguage must be a two-letter language code' })
  incompleteLanguage?: string;

  @ApiPropertyOptional({ description: 'Only the courses the caller is an author of' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  mine?: boolean;

  @ApiPropertyOptional({ enum: COURSE_SORTS, default: 'title' })
  @IsOptional()
  @IsIn(COURSE_SORTS)
  sort?: CourseSort;
}

export class CourseSummaryDto implements CourseSummary {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'ibm-basics' })
  code!: string;

  @ApiContentText()
  title!: ContentText;

  @ApiProperty({ enum: THEMATIC_AREAS })
  area!: ThematicArea;

  @ApiProperty({ enum: COURSE_LEVELS })
  level!: CourseLevel;

  @ApiProperty({ example: 'en' })
  defaultLanguage!: string;

  @ApiProperty({ type: OrgUnitRefDto })
  ownerOrgUnit!: OrgUnitRefDto;

  @ApiProperty({ enum: COURSE_STATUSES })
  status!: CourseStatus;

  @ApiProperty({ type: Number, nullable: true })
  publishedVersionNumber!: number | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  workingVersionId!: string | null;

  @ApiProperty(COMPLETENESS_SCHEMA)
  completeness!: LanguageCompleteness;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class CoursePageDto extends PageDtoOf(CourseSummaryDto) {}

export class CourseVersionHistoryEntryDto implements CourseVersionHistoryEntry {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  number!: number;

  @ApiProperty({ enum: COURSE_VERSION_STATUSES })
  status!: CourseVersionStatus;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: PersonRefDto, nullable: true })
  createdBy!: PersonRefDto | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  submittedAt!: string | null;

  @ApiProperty({ type: PersonRefDto, nullable: true })
  submittedBy!: PersonRefDto | null;

  @ApiProperty({ type: String, nullable: true })
  reviewComment!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  publishedAt!: string | null;

  @ApiProperty({ type: PersonRefDto, nullable: true })
  publishedBy!: PersonRefDto | null;

  @ApiProperty({ type: Number, nullable: true })
  basedOnNumber!: number | null;
}

export class CoursePrerequisiteDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  code!: string;

  @ApiContentText()
  title!: ContentText;
}

export class CoursePermissionsDto {
  @ApiProperty()
  canEdit!: boolean;

  @ApiProperty()
  canReview!: boolean;
}

export class CourseDetailDto implements CourseDetail {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  code!: string;

  @ApiContentText()
  title!: ContentText;

  @ApiProperty({ enum: THEMATIC_AREAS })
  area!: ThematicArea;

  @ApiProperty({ enum: COURSE_LEVELS })
  level!: CourseLevel;

  @ApiProperty()
  estimatedHours!: number;

  @ApiProperty()
  defaultLanguage!: string;

  @ApiProperty({ type: OrgUnitRefDto })
  ownerOrgUnit!: OrgUnitRefDto;

  @ApiProperty({ type: [OrgUnitRefDto] })
  audience!: OrgUnitRefDto[];

  @ApiProperty({ type: [PersonRefDto] })
  authors!: PersonRefDto[];

  @ApiProperty({ type: [CompetencyDto] })
  competencies!: Competency[];

  @ApiProperty({ type: [CoursePrerequisiteDto] })
  prerequisites!: CoursePrerequisiteDto[];

  @ApiProperty()
  selfEnrolment!: boolean;

  @ApiProperty({ enum: LESSON_COMPLETION_RULES })
  lessonCompletion!: LessonCompletionRule;

  @ApiProperty({ enum: COURSE_STATUSES })
  status!: CourseStatus;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  archivedAt!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  workingVersionId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  currentVersionId!: string | null;

  @ApiProperty({ type: [CourseVersionHistoryEntryDto], description: 'Newest first' })
  versions!: CourseVersionHistoryEntryDto[];

  @ApiProperty({ type: CoursePermissionsDto })
  permissions!: CoursePermissionsDto;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class CreateCourseRequestDto implements CreateCourseRequest {
  @ApiProperty({ example: 'ibm-basics', maxLength: REFERENCE_CODE_MAX_LENGTH })
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
    message: 'code must be lower-case letters and digits in words joined by dashes',
  })
  @MaxLength(REFERENCE_CODE_MAX_LENGTH)
  code!: string;

  @ApiContentText()
  @IsContentText()
  title!: ContentText;

  @ApiContentText({ required: false, nullable: true })
  @IsOptional()
  @IsContentText('long')
  description?: ContentText | null;

  @ApiProperty({ enum: THEMATIC_AREAS })
  @IsIn(THEMATIC_AREAS)
  area!: ThematicArea;

  @ApiProperty({ enum: COURSE_LEVELS })
  @IsIn(COURSE_LEVELS)
  level!: CourseLevel;

  @ApiProperty({ minimum: 0.5, maximum: 1000 })
  @Type(() => Number)
  @IsNumber({ maxDecimalPlaces: 1 })
  @Min(0.5)
  @Max(1000)
  estimatedHours!: number;

  @ApiProperty({ example: 'en' })
  @Matches(LANGUAGE_CODE, { message: 'defaultLanguage must be a two-letter language code' })
  defaultLanguage!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  ownerOrgUnitId!: string;
}

export class UpdateCourseRequestDto implements UpdateCourseRequest {
  @ApiPropertyOptional({ example: 'ibm-basics', maxLength: REFERENCE_CODE_MAX_LENGTH })
  @IsOptional()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
    message: 'code must be lower-case letters and digits in words joined by dashes',
  })
  @MaxLength(REFERENCE_CODE_MAX_LENGTH)
  code?: string;

  @ApiPropertyOptional({ enum: THEMATIC_AREAS })
  @IsOptional()
  @IsIn(THEMATIC_AREAS)
  area?: ThematicArea;

  @ApiPropertyOptional({ enum: COURSE_LEVELS })
  @IsOptional()
  @IsIn(COURSE_LEVELS)
  level?: CourseLevel;

  @ApiPropertyOptional({ minimum: 0.5, maximum: 1000 })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 1 })
  @Min(0.5)
  @Max(1000)
  estimatedHours?: number;

  @ApiPropertyOptional({ example: 'ru' })
  @IsOptional()
  @Matches(LANGUAGE_CODE, { message: 'defaultLanguage must be a two-letter language code' })
  defaultLanguage?: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Replaces the audience; empty: the owning unit',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  audienceOrgUnitIds?: string[];

  @IsIdList()
  authorIds?: string[];

  @IsIdList()
  competencyIds?: string[];

  @IsIdList()
  prerequisiteCourseIds?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  selfEnrolment?: boolean;

  @ApiPropertyOptional({ enum: LESSON_COMPLETION_RULES })
  @IsOptional()
  @IsIn(LESSON_COMPLETION_RULES)
  lessonCompletion?: LessonCompletionRule;
}
