import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ErasureRequest,
  ErasureResult,
  MAX_ERASURE_REASON_LENGTH,
  PERSONAL_DATA_FORMATS,
  PERSONAL_DATA_SCHEMA,
  PersonalDataExport,
  PersonalDataFormat,
  PersonalDataRow,
  PersonalDataSection,
} from '@border-academy/shared-contracts';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class PersonalDataQueryDto {
  @ApiPropertyOptional({ enum: PERSONAL_DATA_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(PERSONAL_DATA_FORMATS)
  format?: PersonalDataFormat;
}

class PersonalDataTitleDto {
  @ApiProperty()
  en!: string;

  @ApiProperty()
  ru!: string;
}

class PersonalDataPersonDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  login!: string;

  @ApiProperty()
  fullName!: string;
}

export class PersonalDataSectionDto implements PersonalDataSection {
  @ApiProperty({ example: 'learning.enrolments', description: 'Stable, dotted: the module, then the kind' })
  key!: string;

  @ApiProperty({ type: PersonalDataTitleDto })
  title!: PersonalDataTitleDto;

  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description:
      'Records keyed by camelCase field names; instants in ISO 8601 UTC; never a secret or its hash',
  })
  rows!: PersonalDataRow[];
}

export class PersonalDataExportDto implements PersonalDataExport {
  @ApiProperty({ enum: [PERSONAL_DATA_SCHEMA] })
  schema!: typeof PERSONAL_DATA_SCHEMA;

  @ApiProperty({ format: 'date-time' })
  generatedAt!: string;

  @ApiProperty({ format: 'uuid', description: 'The admin who asked for the export' })
  generatedBy!: string;

  @ApiProperty({ type: PersonalDataPersonDto })
  person!: PersonalDataPersonDto;

  @ApiProperty({ type: [PersonalDataSectionDto] })
  sections!: PersonalDataSectionDto[];
}

export class ErasureRequestDto implements ErasureRequest {
  @ApiProperty({ maxLength: MAX_ERASURE_REASON_LENGTH, description: 'Why; kept in the audit trail' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_ERASURE_REASON_LENGTH)
  reason!: string;

  @ApiProperty({ maxLength: 64, description: 'The person’s current login, typed again as a confirmation' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  confirmLogin!: string;
}

export class ErasureResultDto implements ErasureResult {
  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty({ format: 'date-time' })
  erasedAt!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'Rows anonymised or removed, by section key',
  })
  changed!: Record<string, number>;
}
