import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  LocalizedText,
  ORG_UNIT_KINDS,
  OrgUnit,
  OrgUnitKind,
  OrgUnitListQuery,
  Page,
} from '@border-academy/shared-contracts';
import { IsOptional, IsUUID } from 'class-validator';

import { LocalizedTextDto } from './localized-text.dto';
import { SearchPageQueryDto } from './page-query.dto';

export class OrgUnitListQueryDto extends SearchPageQueryDto implements OrgUnitListQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the direct children of this unit' })
  @IsOptional()
  @IsUUID()
  parentId?: string;
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
