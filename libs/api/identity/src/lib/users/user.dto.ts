import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AddRoleGrantRequest,
  DEFAULT_PAGE_SIZE,
  LanguageCode,
  LocalizedText,
  MAX_PAGE_SIZE,
  Page,
  ROLES,
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
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
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

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  lockedUntil!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
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
  @ApiPropertyOptional({ format: 'email' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName?: string;

  @ApiPropertyOptional({ maxLength: 200, nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(200)
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

export class GrantParamsDto {
  @IsUUID()
  id!: string;

  @IsUUID()
  grantId!: string;
}
