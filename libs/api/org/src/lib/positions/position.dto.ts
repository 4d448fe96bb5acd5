import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DEFAULT_PAGE_SIZE,
  LanguageCode,
  LocalizedText,
  MAX_PAGE_SIZE,
  Page,
  Position,
  PositionListQuery,
  SUPPORTED_LANGUAGES,
} from '@border-academy/shared-contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

import { LocalizedTextDto } from '../localized-text.dto';

export class PositionListQueryDto implements PositionListQuery {
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

  @ApiPropertyOptional({ maxLength: 100, description: 'Case-insensitive search in the code and the names' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

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
