import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  Competency,
  CompetencyListQuery,
  ContentLanguage,
  LocalizedText,
  THEMATIC_AREAS,
  ThematicArea,
} from '@border-academy/shared-contracts';
import { IsIn, IsOptional } from 'class-validator';

import { SearchPageQueryDto, PageDtoOf } from '../dto';

export class ContentLanguageDto implements ContentLanguage {
  @ApiProperty({ example: 'ru' })
  code!: string;

  @ApiProperty({ example: 'Русский' })
  nativeName!: string;

  @ApiProperty()
  position!: number;
}

export class CompetencyListQueryDto extends SearchPageQueryDto implements CompetencyListQuery {
  @ApiPropertyOptional({ enum: THEMATIC_AREAS })
  @IsOptional()
  @IsIn(THEMATIC_AREAS)
  area?: ThematicArea;
}

export class CompetencyDto implements Competency {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'ibm-risk-analysis' })
  code!: string;

  @ApiProperty({ example: { en: 'Risk analysis', ru: 'Анализ рисков' } })
  title!: LocalizedText;

  @ApiProperty({ enum: THEMATIC_AREAS })
  area!: ThematicArea;

  @ApiProperty({ minimum: 1, maximum: 4, description: '1 (awareness) … 4 (expert)' })
  level!: number;
}

export class CompetencyPageDto extends PageDtoOf(CompetencyDto) {}
