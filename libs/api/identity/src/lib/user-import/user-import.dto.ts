import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '@border-academy/api-platform';
import {
  Page,
  ROLES,
  Role,
  USER_IMPORT_ERRORS,
  USER_IMPORT_FILE_TYPES,
  USER_IMPORT_OUTCOMES,
  USER_IMPORT_STATUSES,
  UserImport,
  UserImportChange,
  UserImportChanges,
  UserImportCounts,
  UserImportError,
  UserImportFileType,
  UserImportOutcome,
  UserImportRow,
  UserImportRowQuery,
  UserImportStatus,
  UserImportTemplateQuery,
  UserImportUploadQuery,
} from '@border-academy/shared-contracts';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class UserImportIdParamDto {
  @IsUUID()
  id!: string;
}

export class UserImportUploadQueryDto implements UserImportUploadQuery {
  @ApiPropertyOptional({ maxLength: 255, description: 'The name of the file, to show with the import' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  fileName?: string;
}

export class UserImportTemplateQueryDto implements UserImportTemplateQuery {
  @ApiPropertyOptional({ enum: USER_IMPORT_FILE_TYPES, default: 'csv' })
  @IsOptional()
  @IsIn(USER_IMPORT_FILE_TYPES)
  format?: UserImportFileType;
}

export class UserImportRowQueryDto extends PageQueryDto implements UserImportRowQuery {
  @ApiPropertyOptional({ enum: USER_IMPORT_OUTCOMES })
  @IsOptional()
  @IsIn(USER_IMPORT_OUTCOMES)
  outcome?: UserImportOutcome;
}

class UserImportCountsDto implements UserImportCounts {
  @ApiProperty()
  create!: number;

  @ApiProperty()
  update!: number;

  @ApiProperty()
  unchanged!: number;

  @ApiProperty()
  error!: number;
}

export class UserImportDto implements UserImport {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ nullable: true, type: String })
  fileName!: string | null;

  @ApiProperty({ enum: USER_IMPORT_FILE_TYPES })
  fileType!: UserImportFileType;

  @ApiProperty({ enum: USER_IMPORT_STATUSES })
  status!: UserImportStatus;

  @ApiProperty()
  rowCount!: number;

  @ApiProperty({ type: UserImportCountsDto })
  counts!: UserImportCountsDto;

  @ApiProperty({ description: 'Rows written so far while committing' })
  progress!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  committedAt!: string | null;
}

class UserImportChangeDto implements UserImportChange {
  @ApiPropertyOptional()
  from?: string;

  @ApiPropertyOptional()
  to?: string;
}

class UserImportChangesDto implements UserImportChanges {
  @ApiPropertyOptional({ type: UserImportChangeDto })
  email?: UserImportChangeDto;

  @ApiPropertyOptional({ type: UserImportChangeDto })
  fullName?: UserImportChangeDto;

  @ApiPropertyOptional({ type: UserImportChangeDto })
  fullNameCyrillic?: UserImportChangeDto;

  @ApiPropertyOptional({ type: UserImportChangeDto })
  language?: UserImportChangeDto;

  @ApiPropertyOptional({ type: UserImportChangeDto })
  orgUnit?: UserImportChangeDto;

  @ApiPropertyOptional({ type: UserImportChangeDto })
  position?: UserImportChangeDto;

  @ApiPropertyOptional({ enum: ROLES, isArray: true, description: 'Roles granted on the person’s unit' })
  roles?: Role[];
}

export class UserImportRowDto implements UserImportRow {
  @ApiProperty({ description: 'Row of the file; the header is row 1' })
  line!: number;

  @ApiProperty()
  login!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty()
  fullName!: string;

  @ApiProperty()
  fullNameCyrillic!: string;

  @ApiProperty()
  language!: string;

  @ApiProperty({ description: 'Code of the org unit' })
  orgUnit!: string;

  @ApiProperty({ description: 'Code of the position' })
  position!: string;

  @ApiProperty()
  roles!: string;

  @ApiProperty({ enum: USER_IMPORT_OUTCOMES })
  outcome!: UserImportOutcome;

  @ApiProperty({ enum: USER_IMPORT_ERRORS, isArray: true })
  errors!: UserImportError[];

  @ApiProperty({ type: UserImportChangesDto, nullable: true })
  changes!: UserImportChangesDto | null;
}

export class UserImportRowPageDto implements Page<UserImportRow> {
  @ApiProperty({ type: [UserImportRowDto] })
  items!: UserImportRowDto[];

  @ApiProperty()
  total!: number;

  @ApiProperty()
  page!: number;

  @ApiProperty()
  pageSize!: number;
}
