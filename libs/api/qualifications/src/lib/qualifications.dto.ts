import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IdParamDto, OrgUnitRefDto, PageDtoOf, PersonRefDto } from '@border-academy/api-authoring';

export { IdParamDto };
import { PageQueryDto } from '@border-academy/api-platform';
import {
  ASSIGNMENT_TARGETS,
  AWARD_RULES,
  AppNotification,
  Assignment,
  AssignmentListQuery,
  AssignmentTarget,
  AwardRule,
  COMPLIANCE_EXPORT_FORMATS,
  COMPLIANCE_SORTS,
  ENROLMENT_STATUSES,
  EnrolmentStatus,
  TrainingRecordsQuery,
  ComplianceCell,
  ComplianceExportFormat,
  ComplianceMatrix,
  ComplianceQuery,
  ComplianceRow,
  ComplianceSort,
  ComplianceSummary,
  ComplianceTotals,
  ComplianceTrendPoint,
  ComplianceTrendQuery,
  CreateAssignmentRequest,
  EvidenceRef,
  ExpiringQualification,
  ExpiringQuery,
  GRANT_SOURCES,
  GrantSource,
  SUPPORTED_LANGUAGES,
  LanguageCode,
  LocalizedText,
  ManualGrantRequest,
  NOTIFICATION_KINDS,
  NotificationKind,
  NotificationPage,
  OverdueAssignment,
  OverdueQuery,
  PositionRequirements,
  PositionRequirementsRequest,
  QUALIFICATION_EVENT_KINDS,
  QUALIFICATION_STATUSES,
  Qualification,
  QualificationCourseRef,
  QualificationEvent,
  QualificationEventKind,
  QualificationListQuery,
  QualificationRef,
  QualificationStatus,
  RevokeQualificationRequest,
  SaveQualificationRequest,
  StaffEnrolment,
  StaffPerson,
  StaffQualification,
  StaffRecord,
  THEMATIC_AREAS,
  ThematicArea,
} from '@border-academy/shared-contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';

import { IsLocalizedText } from './localized-text.validator';

const LOCALIZED_TEXT_SCHEMA = {
  type: 'object' as const,
  additionalProperties: { type: 'string' },
  example: { en: 'Border checks, level 2', ru: 'Пограничный контроль, уровень 2' },
};

// ---------- catalogue ----------

export class QualificationCourseRefDto implements QualificationCourseRef {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'ibm-basics' })
  code!: string;

  @ApiProperty(LOCALIZED_TEXT_SCHEMA)
  title!: LocalizedText;
}

export class QualificationDto implements Qualification {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'ibm-border-checks-2' })
  code!: string;

  @ApiProperty(LOCALIZED_TEXT_SCHEMA)
  name!: LocalizedText;

  @ApiProperty({ ...LOCALIZED_TEXT_SCHEMA, nullable: true })
  description!: LocalizedText | null;

  @ApiProperty({ enum: THEMATIC_AREAS })
  area!: ThematicArea;

  @ApiProperty({ minimum: 1, maximum: 8 })
  level!: number;

  @ApiProperty({ enum: AWARD_RULES })
  rule!: AwardRule;

  @ApiProperty({ nullable: true, type: Number })
  requiredCount!: number | null;

  @ApiProperty({ type: [QualificationCourseRefDto] })
  courses!: QualificationCourseRefDto[];

  @ApiProperty({ nullable: true, type: Number })
  validityMonths!: number | null;

  @ApiProperty()
  warningDays!: number;

  @ApiProperty()
  positionCount!: number;

  @ApiProperty()
  holderCount!: number;
}

export class QualificationPageDto extends PageDtoOf(QualificationDto) {}

export class QualificationListQueryDto extends PageQueryDto implements QualificationListQuery {
  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: THEMATIC_AREAS })
  @IsOptional()
  @IsIn(THEMATIC_AREAS)
  area?: ThematicArea;

  @ApiPropertyOptional({ enum: SUPPORTED_LANGUAGES })
  @IsOptional()
  @IsIn(SUPPORTED_LANGUAGES)
  language?: LanguageCode;
}

export class CreateQualificationDto implements SaveQualificationRequest {
  @ApiProperty({ example: 'ibm-border-checks-2', pattern: '^[a-z0-9][a-z0-9-]{1,62}$' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{1,62}$/, {
    message: 'code must be 2 to 63 lowercase letters, digits or dashes',
  })
  code!: string;

  @ApiProperty(LOCALIZED_TEXT_SCHEMA)
  @IsLocalizedText({ maxLength: 200, requireEnglish: true })
  name!: LocalizedText;

  @ApiPropertyOptional({ ...LOCALIZED_TEXT_SCHEMA, nullable: true })
  @IsOptional()
  @IsLocalizedText({ maxLength: 2000 })
  description?: LocalizedText | null;

  @ApiProperty({ enum: THEMATIC_AREAS })
  @IsIn(THEMATIC_AREAS)
  area!: ThematicArea;

  @ApiProperty({ minimum: 1, maximum: 8 })
  @IsInt()
  @Min(1)
  @Max(8)
  level!: number;

  @ApiProperty({ enum: AWARD_RULES })
  @IsIn(AWARD_RULES)
  rule!: AwardRule;

  @ApiPropertyOptional({ nullable: true, minimum: 1, maximum: 50, type: Number })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsInt()
  @Min(1)
  @Max(50)
  requiredCount?: number | null;

  @ApiProperty({ type: [String], format: 'uuid', maxItems: 50 })
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  courseIds!: string[];

  @ApiPropertyOptional({ nullable: true, minimum: 1, maximum: 240, type: Number })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsInt()
  @Min(1)
  @Max(240)
  validityMonths?: number | null;

  @ApiPropertyOptional({ minimum: 0, maximum: 365, default: 60 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(365)
  warningDays?: number;
}

export class UpdateQualificationDto implements Partial<SaveQualificationRequest> {
  @ApiPropertyOptional({ example: 'ibm-border-checks-2' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{1,62}$/, {
    message: 'code must be 2 to 63 lowercase letters, digits or dashes',
  })
  code?: string;

  @ApiPropertyOptional(LOCALIZED_TEXT_SCHEMA)
  @IsOptional()
  @IsLocalizedText({ maxLength: 200, requireEnglish: true })
  name?: LocalizedText;

  @ApiPropertyOptional({ ...LOCALIZED_TEXT_SCHEMA, nullable: true })
  @IsOptional()
  @IsLocalizedText({ maxLength: 2000 })
  description?: LocalizedText | null;

  @ApiPropertyOptional({ enum: THEMATIC_AREAS })
  @IsOptional()
  @IsIn(THEMATIC_AREAS)
  area?: ThematicArea;

  @ApiPropertyOptional({ minimum: 1, maximum: 8 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(8)
  level?: number;

  @ApiPropertyOptional({ enum: AWARD_RULES })
  @IsOptional()
  @IsIn(AWARD_RULES)
  rule?: AwardRule;

  @ApiPropertyOptional({ nullable: true, minimum: 1, maximum: 50, type: Number })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsInt()
  @Min(1)
  @Max(50)
  requiredCount?: number | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: 50 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  courseIds?: string[];

  @ApiPropertyOptional({ nullable: true, minimum: 1, maximum: 240, type: Number })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsInt()
  @Min(1)
  @Max(240)
  validityMonths?: number | null;

  @ApiPropertyOptional({ minimum: 0, maximum: 365 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(365)
  warningDays?: number;
}

export class QualificationRefDto implements QualificationRef {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  code!: string;

  @ApiProperty(LOCALIZED_TEXT_SCHEMA)
  name!: LocalizedText;

  @ApiProperty({ enum: THEMATIC_AREAS })
  area!: ThematicArea;
}

export class PositionRequirementsDto implements PositionRequirements {
  @ApiProperty({ format: 'uuid' })
  positionId!: string;

  @ApiProperty({ type: [QualificationRefDto] })
  qualifications!: QualificationRefDto[];
}

export class PositionRequirementsRequestDto implements PositionRequirementsRequest {
  @ApiProperty({ type: [String], format: 'uuid', maxItems: 50 })
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  qualificationIds!: string[];
}

// ---------- people ----------

export class StaffParamsDto {
  @IsUUID()
  userId!: string;
}

export class StaffQualificationParamsDto extends StaffParamsDto {
  @IsUUID()
  qualificationId!: string;
}

export class EvidenceRefDto implements EvidenceRef {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  fileName!: string;

  @ApiProperty({ example: 'application/pdf' })
  mediaType!: string;

  @ApiProperty()
  size!: number;
}

export class QualificationEventDto implements QualificationEvent {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: QUALIFICATION_EVENT_KINDS })
  kind!: QualificationEventKind;

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({ type: PersonRefDto, nullable: true })
  by!: PersonRefDto | null;

  @ApiProperty({ enum: GRANT_SOURCES, nullable: true })
  source!: GrantSource | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  expiresAt!: string | null;

  @ApiProperty({ nullable: true, type: String })
  note!: string | null;

  @ApiProperty({ type: EvidenceRefDto, nullable: true })
  evidence!: EvidenceRefDto | null;
}

export class StaffQualificationDto implements StaffQualification {
  @ApiProperty({ type: QualificationRefDto })
  qualification!: QualificationRefDto;

  @ApiProperty({ enum: QUALIFICATION_STATUSES })
  status!: QualificationStatus;

  @ApiProperty()
  required!: boolean;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  grantedAt!: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  expiresAt!: string | null;

  @ApiProperty({ type: [QualificationEventDto] })
  history!: QualificationEventDto[];
}

class PositionSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  code!: string;

  @ApiProperty(LOCALIZED_TEXT_SCHEMA)
  name!: LocalizedText;
}

class StaffPersonDto implements StaffPerson {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  fullName!: string;

  @ApiProperty()
  login!: string;

  @ApiProperty({ nullable: true, type: String })
  email!: string | null;

  @ApiProperty({ type: OrgUnitRefDto })
  orgUnit!: OrgUnitRefDto;

  @ApiProperty({ type: PositionSummaryDto, nullable: true })
  position!: PositionSummaryDto | null;
}

class StaffEnrolmentDto implements StaffEnrolment {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: QualificationCourseRefDto })
  course!: QualificationCourseRefDto;

  @ApiProperty({ example: 'in_progress' })
  status!: string;

  @ApiProperty({ example: 'rule' })
  source!: string;

  @ApiProperty()
  progressPercent!: number;

  @ApiProperty({ format: 'date-time' })
  enrolledAt!: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  dueAt!: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  completedAt!: string | null;

  @ApiProperty()
  overdue!: boolean;

  @ApiProperty({
    nullable: true,
    type: 'object',
    description: 'The certificate of the completion, as in the learner screens',
    additionalProperties: true,
  })
  certificate!: StaffEnrolment['certificate'];
}

export class StaffRecordDto implements StaffRecord {
  @ApiProperty({ type: StaffPersonDto })
  person!: StaffPersonDto;

  @ApiProperty({ type: [StaffQualificationDto] })
  qualifications!: StaffQualificationDto[];

  @ApiProperty({ type: [StaffEnrolmentDto] })
  enrolments!: StaffEnrolmentDto[];
}

export class ManualGrantDto implements ManualGrantRequest {
  @ApiProperty({ enum: ['assessment', 'manual'] })
  @IsIn(['assessment', 'manual'])
  source!: 'assessment' | 'manual';

  @ApiProperty({
    minLength: 3,
    maxLength: 2000,
    example: 'Passed the practical assessment at Khorgos on 12 May',
  })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  note!: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsUUID()
  evidenceId?: string | null;

  @ApiPropertyOptional({ format: 'date-time', description: 'When it was earned; defaults to now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  grantedAt?: string;
}

export class RevokeQualificationDto implements RevokeQualificationRequest {
  @ApiProperty({ minLength: 3, maxLength: 2000 })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason!: string;
}

export class EvidenceUploadQueryDto {
  @ApiPropertyOptional({ maxLength: 200, example: 'assessment-report.pdf' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  fileName?: string;
}

// ---------- compliance ----------

export class ComplianceFilterDto {
  @ApiPropertyOptional({ format: 'uuid', description: "A unit of the caller's scope: its whole subtree" })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  positionId?: string;

  @ApiPropertyOptional({ enum: THEMATIC_AREAS })
  @IsOptional()
  @IsIn(THEMATIC_AREAS)
  area?: ThematicArea;

  @ApiPropertyOptional({ enum: QUALIFICATION_STATUSES })
  @IsOptional()
  @IsIn(QUALIFICATION_STATUSES)
  status?: QualificationStatus;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class ComplianceQueryDto extends ComplianceFilterDto implements ComplianceQuery {
  @ApiPropertyOptional({ enum: COMPLIANCE_SORTS, default: 'name' })
  @IsOptional()
  @IsIn(COMPLIANCE_SORTS)
  sort?: ComplianceSort;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;

  @ApiPropertyOptional({ enum: SUPPORTED_LANGUAGES })
  @IsOptional()
  @IsIn(SUPPORTED_LANGUAGES)
  language?: LanguageCode;
}

export class ComplianceExportQueryDto extends ComplianceFilterDto {
  @ApiProperty({ enum: COMPLIANCE_EXPORT_FORMATS })
  @IsIn(COMPLIANCE_EXPORT_FORMATS)
  format!: ComplianceExportFormat;

  @ApiPropertyOptional({ enum: COMPLIANCE_SORTS, default: 'name' })
  @IsOptional()
  @IsIn(COMPLIANCE_SORTS)
  sort?: ComplianceSort;

  @ApiPropertyOptional({ enum: SUPPORTED_LANGUAGES, default: 'en' })
  @IsOptional()
  @IsIn(SUPPORTED_LANGUAGES)
  language?: LanguageCode;
}

/** ISO day (`2026-03-01`), the form of the completion range's ends. */
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export class TrainingRecordsQueryDto implements TrainingRecordsQuery {
  @ApiPropertyOptional({ format: 'uuid', description: "A unit of the caller's scope: its whole subtree" })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  courseId?: string;

  @ApiPropertyOptional({ enum: ENROLMENT_STATUSES })
  @IsOptional()
  @IsIn(ENROLMENT_STATUSES)
  status?: EnrolmentStatus;

  @ApiPropertyOptional({
    format: 'date',
    example: '2026-01-01',
    description: 'Completed on or after this day (UTC)',
  })
  @IsOptional()
  @Matches(ISO_DAY, { message: 'must be a day as YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  completedFrom?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2026-12-31',
    description: 'Completed on or before this day (UTC)',
  })
  @IsOptional()
  @Matches(ISO_DAY, { message: 'must be a day as YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  completedTo?: string;

  @ApiPropertyOptional({ enum: SUPPORTED_LANGUAGES, default: 'en' })
  @IsOptional()
  @IsIn(SUPPORTED_LANGUAGES)
  language?: LanguageCode;
}

class ComplianceCellDto implements ComplianceCell {
  @ApiProperty({ format: 'uuid' })
  qualificationId!: string;

  @ApiProperty({ enum: QUALIFICATION_STATUSES })
  status!: QualificationStatus;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  expiresAt!: string | null;
}

class CompliancePersonDto extends PersonRefDto {
  @ApiProperty()
  login!: string;
}

class PositionRefDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty(LOCALIZED_TEXT_SCHEMA)
  name!: LocalizedText;
}

class ComplianceRowDto implements ComplianceRow {
  @ApiProperty({ type: CompliancePersonDto })
  person!: CompliancePersonDto;

  @ApiProperty({ type: OrgUnitRefDto })
  orgUnit!: OrgUnitRefDto;

  @ApiProperty({ type: PositionRefDto, nullable: true })
  position!: PositionRefDto | null;

  @ApiProperty({ type: [ComplianceCellDto] })
  cells!: ComplianceCellDto[];
}

class StatusCountsDto {
  @ApiProperty()
  valid!: number;

  @ApiProperty()
  expiring!: number;

  @ApiProperty()
  expired!: number;

  @ApiProperty()
  missing!: number;
}

class ComplianceTotalsDto extends StatusCountsDto implements ComplianceTotals {
  @ApiProperty()
  people!: number;

  @ApiProperty()
  compliantPeople!: number;
}

export class ComplianceMatrixDto implements ComplianceMatrix {
  @ApiProperty({ type: [QualificationRefDto] })
  columns!: QualificationRefDto[];

  @ApiProperty({ type: [ComplianceRowDto] })
  items!: ComplianceRowDto[];

  @ApiProperty()
  total!: number;

  @ApiProperty()
  page!: number;

  @ApiProperty()
  pageSize!: number;

  @ApiProperty({ type: ComplianceTotalsDto })
  totals!: ComplianceTotalsDto;
}

class UnitCountsDto extends StatusCountsDto {
  @ApiProperty({ type: OrgUnitRefDto })
  orgUnit!: OrgUnitRefDto;

  @ApiProperty()
  people!: number;

  @ApiProperty()
  compliantPeople!: number;
}

class AreaCountsDto extends StatusCountsDto {
  @ApiProperty({ enum: THEMATIC_AREAS })
  area!: ThematicArea;
}

export class ComplianceSummaryDto implements ComplianceSummary {
  @ApiProperty({ type: [UnitCountsDto] })
  byUnit!: UnitCountsDto[];

  @ApiProperty({ type: [AreaCountsDto] })
  byArea!: AreaCountsDto[];
}

export class ComplianceTrendQueryDto implements ComplianceTrendQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ minimum: 7, maximum: 365, default: 90 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(7)
  @Max(365)
  days?: number;
}

export class ComplianceTrendPointDto implements ComplianceTrendPoint {
  @ApiProperty({ format: 'date', example: '2026-11-29' })
  day!: string;

  @ApiProperty({ enum: THEMATIC_AREAS })
  area!: ThematicArea;

  @ApiProperty()
  required!: number;

  @ApiProperty()
  held!: number;
}

export class ExpiringQueryDto extends PageQueryDto implements ExpiringQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 365, default: 30 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  withinDays?: number;
}

export class ExpiringQualificationDto implements ExpiringQualification {
  @ApiProperty({ type: PersonRefDto })
  person!: PersonRefDto;

  @ApiProperty({ type: OrgUnitRefDto })
  orgUnit!: OrgUnitRefDto;

  @ApiProperty({ type: QualificationRefDto })
  qualification!: QualificationRefDto;

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;
}

export class ExpiringPageDto extends PageDtoOf(ExpiringQualificationDto) {}

export class OverdueQueryDto extends PageQueryDto implements OverdueQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  unitId?: string;
}

export class OverdueAssignmentDto implements OverdueAssignment {
  @ApiProperty({ format: 'uuid' })
  enrolmentId!: string;

  @ApiProperty({ type: PersonRefDto })
  person!: PersonRefDto;

  @ApiProperty({ type: OrgUnitRefDto })
  orgUnit!: OrgUnitRefDto;

  @ApiProperty({ type: QualificationCourseRefDto })
  course!: QualificationCourseRefDto;

  @ApiProperty({ format: 'date-time' })
  dueAt!: string;

  @ApiProperty()
  progressPercent!: number;
}

export class OverduePageDto extends PageDtoOf(OverdueAssignmentDto) {}

// ---------- assignments ----------

export class CreateAssignmentDto implements CreateAssignmentRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  courseId!: string;

  @ApiProperty({ enum: ASSIGNMENT_TARGETS })
  @IsIn(ASSIGNMENT_TARGETS)
  target!: AssignmentTarget;

  @ApiPropertyOptional({ type: [String], format: 'uuid', minItems: 1, maxItems: 500 })
  @ValidateIf((dto: CreateAssignmentDto) => dto.target === 'person' || dto.userIds !== undefined)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  userIds?: string[];

  @ApiPropertyOptional({ format: 'uuid' })
  @ValidateIf((dto: CreateAssignmentDto) => dto.target !== 'person' || dto.orgUnitId !== undefined)
  @IsUUID()
  orgUnitId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @ValidateIf((dto: CreateAssignmentDto) => dto.target === 'position' || dto.positionId !== undefined)
  @IsUUID()
  positionId?: string;

  @ApiProperty({ format: 'date', example: '2027-03-31' })
  @IsISO8601({ strict: true })
  dueAt!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 365, default: 30 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  lateJoinerDays?: number;
}

export class AssignmentDto implements Assignment {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: QualificationCourseRefDto })
  course!: QualificationCourseRefDto;

  @ApiProperty({ enum: ASSIGNMENT_TARGETS })
  target!: AssignmentTarget;

  @ApiProperty({ type: OrgUnitRefDto, nullable: true })
  orgUnit!: OrgUnitRefDto | null;

  @ApiProperty({ type: PositionRefDto, nullable: true })
  position!: PositionRefDto | null;

  @ApiProperty()
  personCount!: number;

  @ApiProperty({ format: 'date-time' })
  dueAt!: string;

  @ApiProperty()
  lateJoinerDays!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: PersonRefDto, nullable: true })
  createdBy!: PersonRefDto | null;
}

export class AssignmentPageDto extends PageDtoOf(AssignmentDto) {}

export class AssignmentListQueryDto extends PageQueryDto implements AssignmentListQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  unitId?: string;
}

// ---------- notifications ----------

class NotificationDto implements AppNotification {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: NOTIFICATION_KINDS })
  kind!: NotificationKind;

  @ApiProperty({ type: 'object', additionalProperties: true })
  data!: Record<string, unknown>;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  readAt!: string | null;
}

export class NotificationPageDto implements NotificationPage {
  @ApiProperty({ type: [NotificationDto] })
  items!: NotificationDto[];

  @ApiProperty()
  total!: number;

  @ApiProperty()
  page!: number;

  @ApiProperty()
  pageSize!: number;

  @ApiProperty()
  unread!: number;
}

export class NotificationListQueryDto extends PageQueryDto {}
