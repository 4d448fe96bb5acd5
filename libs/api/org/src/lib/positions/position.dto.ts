import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CreatePositionRequest,
  LanguageCode,
  LocalizedText,
  Page,
  Position,
  PositionListQuery,
  REFERENCE_CODE_MAX_LENGTH,
  SUPPORTED_LANGUAGES,
  UpdatePositionRequest,
} from '@border-academy/shared-contracts';
import { IsIn, IsOptional, IsUUID } from 'class-validator';

import { IsLocalizedTextInput, LocalizedTextDto, LocalizedTextInputDto } from '../localized-text.dto';
import { IsReferenceCode } from '../reference-code.dto';
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

export class CreatePositionRequestDto implements CreatePositionRequest {
  @ApiProperty({ example: 'customs-inspector', maxLength: REFERENCE_CODE_MAX_LENGTH })
  @IsReferenceCode()
  code!: string;

  @ApiProperty({ type: LocalizedTextInputDto })
  @IsLocalizedTextInput()
  name!: LocalizedTextInputDto;

  @ApiPropertyOptional({ type: LocalizedTextInputDto, nullable: true })
  @IsOptional()
  @IsLocalizedTextInput()
  description?: LocalizedTextInputDto | null;
}

export class UpdatePositionRequestDto implements UpdatePositionRequest {
  @ApiPropertyOptional({ example: 'customs-inspector', maxLength: REFERENCE_CODE_MAX_LENGTH })
  @IsOptional()
  @IsReferenceCode()
  code?: string;

  @ApiPropertyOptional({ type: LocalizedTextInputDto, description: 'Replaces the names in every language' })
  @IsOptional()
  @IsLocalizedTextInput()
  name?: LocalizedTextInputDto;

  @ApiPropertyOptional({ type: LocalizedTextInputDto, nullable: true, description: 'null removes it' })
  @IsOptional()
  @IsLocalizedTextInput()
  description?: LocalizedTextInputDto | null;
}
