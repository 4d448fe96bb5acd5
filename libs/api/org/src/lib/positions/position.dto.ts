import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  LanguageCode,
  LocalizedText,
  Page,
  Position,
  PositionListQuery,
  SUPPORTED_LANGUAGES,
} from '@border-academy/shared-contracts';
import { IsIn, IsOptional, IsUUID } from 'class-validator';

import { LocalizedTextDto } from '../localized-text.dto';
import { SearchPageQueryDto } from '../page-query.dto';

export class PositionListQueryDto extends SearchPageQueryDto implements PositionListQuery {
  @ApiPropertyOptional({
    enum: SUPPORTED_LANGUAGES,
    default: 'en',
    description: 'Sort by the names in this language',
  })
  @IsOptional()
  @IsIn(SUPPORTED_LANGUAGES)
  language?: LanguageCode;
}

export class PositionIdParamDto {
  @IsUUID()
  id!: string;
}

export class PositionDto implements Position {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'customs-inspector' })
  code!: string;

  @ApiProperty({ type: LocalizedTextDto })
  name!: LocalizedText;

  @ApiProperty({ type: LocalizedTextDto, nullable: true })
  description!: LocalizedText | null;

  @ApiProperty()
  holderCount!: number;
}

export class PositionPageDto implements Page<Position> {
  @ApiProperty({ type: [PositionDto] })
  items!: PositionDto[];

  @ApiProperty()
  total!: number;

  @ApiProperty()
  page!: number;

  @ApiProperty()
  pageSize!: number;
}
