import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DEFAULT_PAGE_SIZE,
  LocalizedText,
  MAX_PAGE_SIZE,
  ORG_UNIT_KINDS,
  OrgUnit,
  OrgUnitKind,
  OrgUnitListQuery,
  Page,
} from '@border-academy/shared-contracts';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

import { LocalizedTextDto } from './localized-text.dto';

export class OrgUnitListQueryDto implements OrgUnitListQuery {
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

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the direct children of this unit' })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @ApiPropertyOptional({ maxLength: 100, description: 'Case-insensitive search in the code and the names' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class OrgUnitIdParamDto {
  @IsUUID()
  id!: string;
}

export class OrgUnitDto implements OrgUnit {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'kz-customs-almaty' })
  code!: string;

  @ApiProperty({ enum: ORG_UNIT_KINDS })
  kind!: OrgUnitKind;

  @ApiProperty({ type: LocalizedTextDto })
  name!: LocalizedText;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  parentId!: string | null;

  @ApiProperty({ example: 'kz.kz-customs.kz-customs-almaty' })
  path!: string;

  @ApiProperty()
  depth!: number;

  @ApiProperty()
  childCount!: number;
}

export class OrgUnitPageDto implements Page<OrgUnit> {
  @ApiProperty({ type: [OrgUnitDto] })
  items!: OrgUnitDto[];

  @ApiProperty()
  total!: number;

  @ApiProperty()
  page!: number;

  @ApiProperty()
  pageSize!: number;
}
