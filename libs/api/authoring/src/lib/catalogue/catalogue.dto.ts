import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  COURSE_LEVELS,
  CatalogueCourse,
  CatalogueQuery,
  ContentText,
  CourseLevel,
  THEMATIC_AREAS,
  ThematicArea,
} from '@border-academy/shared-contracts';
import { IsIn, IsOptional, Matches } from 'class-validator';

import { ApiContentText } from '../content/content-text';
import { OrgUnitRefDto, SearchPageQueryDto, PageDtoOf } from '../dto';

export class CatalogueQueryDto extends SearchPageQueryDto implements CatalogueQuery {
  @ApiPropertyOptional({ enum: THEMATIC_AREAS })
  @IsOptional()
  @IsIn(THEMATIC_AREAS)
  area?: ThematicArea;

  @ApiPropertyOptional({ enum: COURSE_LEVELS })
  @IsOptional()
  @IsIn(COURSE_LEVELS)
  level?: CourseLevel;

  @ApiPropertyOptional({ example: 'ru', description: 'Only courses complete in this language' })
  @IsOptional()
  @Matches(/^[a-z]{2}$/, { message: 'language must be a two-letter language code' })
  language?: string;
}

export class CatalogueCourseDto implements CatalogueCourse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid', description: 'The published version learners get' })
  versionId!: string;

  @ApiProperty()
  code!: string;

  @ApiContentText()
  title!: ContentText;

  @ApiContentText({ nullable: true })
  description!: ContentText | null;

  @ApiProperty({ enum: THEMATIC_AREAS })
  area!: ThematicArea;

  @ApiProperty({ enum: COURSE_LEVELS })
  level!: CourseLevel;

  @ApiProperty()
  estimatedHours!: number;

  @ApiProperty()
  defaultLanguage!: string;

  @ApiProperty({ type: [String], description: 'Languages the published version is complete in' })
  languages!: string[];

  @ApiProperty({ type: OrgUnitRefDto })
  ownerOrgUnit!: OrgUnitRefDto;

  @ApiProperty()
  selfEnrolment!: boolean;
}

export class CataloguePageDto extends PageDtoOf(CatalogueCourseDto) {}
