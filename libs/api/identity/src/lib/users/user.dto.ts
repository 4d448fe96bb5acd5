import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AddRoleGrantRequest,
  CreateUserRequest,
  DEFAULT_PAGE_SIZE,
  LOGIN_PATTERN,
  LanguageCode,
  LocalizedText,
  MAX_EMAIL_LENGTH,
  MAX_FULL_NAME_LENGTH,
  MAX_PAGE_SIZE,
  Page,
  RESET_LINK_TTL_HOURS,
  ROLES,
  ResetLink,
  Role,
  SUPPORTED_LANGUAGES,
  USER_SORTS,
  USER_STATUSES,
  UpdateUserRequest,
  UserDetails,
  UserListQuery,
  UserSort,
  UserStatus,
  UserSummary,
} from '@border-academy/shared-contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

import { RoleGrantDto } from '../auth/auth.dto';

export class UserIdParamDto {
  @IsUUID()
  id!: string;
}

export class UserListQueryDto implements UserListQuery {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize?: number;

  @ApiPropertyOptional({ maxLength: 100, description: 'Search in the login and the names' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'This unit and its subtree' })
  @IsOptional()
  @IsUUID()
  orgUnitId?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ enum: USER_STATUSES })
  @IsOptional()
  @IsIn(USER_STATUSES)
  status?: UserStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  positionId?: string;

  @ApiPropertyOptional({ enum: USER_SORTS, default: 'name' })
  @IsOptional()
  @IsIn(USER_SORTS)
  sort?: UserSort;
}

class LocalizedTextDto implements LocalizedText {
  @ApiProperty()
  en!: string;

  @ApiPropertyOptional()
  ru?: string;
}

export class UserSummaryDto implements UserSummary {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  login!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty()
  fullName!: string;

  @ApiPropertyOptional()
  fullNameCyrillic?: string;

  @ApiProperty({ enum: SUPPORTED_LANGUAGES })
  language!: LanguageCode;

  @ApiProperty({ enum: USER_STATUSES })
  status!: UserStatus;

  @ApiProperty({ format: 'uuid' })
  orgUnitId!: string;

  @ApiProperty({ type: LocalizedTextDto })
  orgUnitName!: LocalizedTextDto;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  positionId!: string | null;

  @ApiProperty({ type: LocalizedTextDto, nullable: true })
  positionName!: LocalizedTextDto | null;

  @ApiProperty({ enum: ROLES, isArray: true, description: 'The roles held on any unit, each once' })
  roles!: Role[];

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  lockedUntil!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'When the personal data was erased on request; absent for a person not erased',
  })
  erasedAt?: string;
}

export class UserDetailsDto extends UserSummaryDto implements UserDetails {
  @ApiProperty({ type: [RoleGrantDto] })
  grants!: RoleGrantDto[];
}

export class UserPageDto implements Page<UserSummary> {
  @ApiProperty({ type: [UserSummaryDto] })
  items!: UserSummaryDto[];

  @ApiProperty()
  total!: number;

  @ApiProperty()
  page!: number;

  @ApiProperty()
  pageSize!: number;
}

export class UpdateUserRequestDto implements UpdateUserRequest {
  @ApiPropertyOptional({ format: 'email', maxLength: MAX_EMAIL_LENGTH })
  @IsOptional()
  @IsEmail()
  @MaxLength(MAX_EMAIL_LENGTH)
  email?: string;

  @ApiPropertyOptional({ maxLength: MAX_FULL_NAME_LENGTH })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_FULL_NAME_LENGTH)
  fullName?: string;

  @ApiPropertyOptional({ maxLength: MAX_FULL_NAME_LENGTH, nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_FULL_NAME_LENGTH)
  fullNameCyrillic?: string | null;

  @ApiPropertyOptional({ enum: SUPPORTED_LANGUAGES })
  @IsOptional()
  @IsIn(SUPPORTED_LANGUAGES)
  language?: LanguageCode;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @IsUUID()
  positionId?: string | null;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  orgUnitId?: string;

  @ApiPropertyOptional({ enum: USER_STATUSES })
  @IsOptional()
  @IsIn(USER_STATUSES)
  status?: UserStatus;
}

export class AddRoleGrantRequestDto implements AddRoleGrantRequest {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiProperty({
    format: 'uuid',
    description: 'A unit inside the caller’s scope; the role covers its subtree',
  })
  @IsUUID()
  orgUnitId!: string;
}

export class CreateUserRequestDto implements CreateUserRequest {
  @ApiProperty({ pattern: LOGIN_PATTERN.source, example: 'kz.a.nurlanova' })
  @IsString()
  @Matches(LOGIN_PATTERN, {
    message: 'login must be 3 to 64 Latin letters, digits, dots, hyphens or underscores',
  })
  login!: string;

  @ApiProperty({ format: 'email', maxLength: MAX_EMAIL_LENGTH })
  @IsEmail()
  @MaxLength(MAX_EMAIL_LENGTH)
  email!: string;

  @ApiProperty({ maxLength: MAX_FULL_NAME_LENGTH, description: 'Full name in Latin letters' })
  @IsString()
  @Matches(/\S/, { message: 'fullName must not be empty' })
  @MaxLength(MAX_FULL_NAME_LENGTH)
  fullName!: string;

  @ApiPropertyOptional({ maxLength: MAX_FULL_NAME_LENGTH, nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_FULL_NAME_LENGTH)
  fullNameCyrillic?: string | null;

  @ApiPropertyOptional({ enum: SUPPORTED_LANGUAGES, default: 'en' })
  @IsOptional()
  @IsIn(SUPPORTED_LANGUAGES)
  language?: LanguageCode;

  @ApiProperty({ format: 'uuid', description: 'The person’s own unit, inside the caller’s scope' })
  @IsUUID()
  orgUnitId!: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @IsUUID()
  positionId?: string | null;

  @ApiPropertyOptional({ type: [AddRoleGrantRequestDto], maxItems: 20 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AddRoleGrantRequestDto)
  grants?: AddRoleGrantRequestDto[];
}

export class ResetLinkDto implements ResetLink {
  @ApiProperty({
    description: 'The one-time link to hand to the person; shown only in this answer, never stored',
  })
  url!: string;

  @ApiProperty({ format: 'date-time', description: `${RESET_LINK_TTL_HOURS} hours after issuing` })
  expiresAt!: string;
}

export class GrantParamsDto {
  @IsUUID()
  id!: string;

  @IsUUID()
  grantId!: string;
}
