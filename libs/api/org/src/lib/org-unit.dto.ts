import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CreateOrgUnitRequest,
  LocalizedText,
  MoveOrgUnitRequest,
  ORG_UNIT_KINDS,
  ORG_UNIT_STATUSES,
  OrgUnit,
  OrgUnitKind,
  OrgUnitListQuery,
  OrgUnitStatus,
  Page,
  REFERENCE_CODE_MAX_LENGTH,
  UpdateOrgUnitRequest,
} from '@border-academy/shared-contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';

import { IsLocalizedTextInput, LocalizedTextDto, LocalizedTextInputDto } from './localized-text.dto';
import { SearchPageQueryDto } from './page-query.dto';
import { IsReferenceCode } from './reference-code.dto';

/** A query string carries text: only the words true and false are booleans. */
function toBoolean({ value }: { value: unknown }): unknown {
  return value === 'true' ? true : value === 'false' ? false : value;
}

export class OrgUnitListQueryDto extends SearchPageQueryDto implements OrgUnitListQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the direct children of this unit' })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @ApiPropertyOptional({
    type: Boolean,
    description: 'Only the units the caller administers: those of their admin grants and everything below',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  administered?: boolean;

  @ApiPropertyOptional({
    type: Boolean,
    description: 'Only the units the caller’s admin grants are on, without one that lies below another',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  administeredRoots?: boolean;

  @ApiPropertyOptional({
    type: Boolean,
    default: false,
    description: 'Also the inactive units inside the caller’s admin scope',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  includeInactive?: boolean;
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

  @ApiProperty({ enum: ORG_UNIT_STATUSES })
  status!: OrgUnitStatus;

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

export class CreateOrgUnitRequestDto implements CreateOrgUnitRequest {
  @ApiProperty({ format: 'uuid', description: 'An active unit inside the caller’s admin scope' })
  @IsUUID()
  parentId!: string;

  @ApiProperty({ example: 'kz-border-khorgos', maxLength: REFERENCE_CODE_MAX_LENGTH })
  @IsReferenceCode()
  code!: string;

  @ApiProperty({ enum: ORG_UNIT_KINDS, description: 'Any kind but country' })
  @IsIn(ORG_UNIT_KINDS)
  kind!: OrgUnitKind;

  @ApiProperty({ type: LocalizedTextInputDto })
  @IsLocalizedTextInput()
  name!: LocalizedTextInputDto;
}

export class UpdateOrgUnitRequestDto implements UpdateOrgUnitRequest {
  @ApiPropertyOptional({ type: LocalizedTextInputDto, description: 'Replaces the names in every language' })
  @IsOptional()
  @IsLocalizedTextInput()
  name?: LocalizedTextInputDto;

  @ApiPropertyOptional({ enum: ORG_UNIT_KINDS, description: 'country only for a top-level unit' })
  @IsOptional()
  @IsIn(ORG_UNIT_KINDS)
  kind?: OrgUnitKind;
}

export class MoveOrgUnitRequestDto implements MoveOrgUnitRequest {
  @ApiProperty({
    format: 'uuid',
    description: 'The new parent: an active unit inside the caller’s admin scope, not below the unit itself',
  })
  @IsUUID()
  parentId!: string;
}
