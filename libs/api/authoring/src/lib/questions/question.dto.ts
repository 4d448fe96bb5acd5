import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ContentText,
  QUESTION_KINDS,
  Question,
  QuestionKind,
  QuestionListQuery,
  QuestionOption,
  SaveQuestionRequest,
  ShortAnswerRule,
} from '@border-academy/shared-contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

import { ApiContentText, IsContentText } from '../content/content-text';
import { PageDtoOf, SearchPageQueryDto } from '../dto';

export class QuestionListQueryDto extends SearchPageQueryDto implements QuestionListQuery {
  @ApiPropertyOptional({ maxLength: 50 })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  tag?: string;

  @ApiPropertyOptional({ enum: QUESTION_KINDS })
  @IsOptional()
  @IsIn(QUESTION_KINDS)
  kind?: QuestionKind;
}

export class QuestionOptionDto implements QuestionOption {
  @ApiProperty({ example: 'a', maxLength: 64 })
  @IsString()
  @MaxLength(64)
  id!: string;

  @ApiContentText()
  @IsContentText()
  text!: ContentText;

  @ApiProperty()
  @IsBoolean()
  correct!: boolean;

  @ApiContentText({ nullable: true, description: 'Shown when a learner picks this option' })
  @ValidateIf((_, value) => value !== null)
  @IsContentText()
  feedback!: ContentText | null;
}

export class ShortAnswerRuleDto implements ShortAnswerRule {
  @ApiProperty({ type: [String], example: ['single window'] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  accepted!: string[];

  @ApiProperty({ enum: ['exact', 'pattern'], description: '`pattern` knows only `*` and `?`' })
  @IsIn(['exact', 'pattern'])
  match!: 'exact' | 'pattern';

  @ApiProperty()
  @IsBoolean()
  caseSensitive!: boolean;

  @ApiProperty()
  @IsBoolean()
  normaliseWhitespace!: boolean;
}

export class SaveQuestionRequestDto implements SaveQuestionRequest {
  @ApiProperty({ enum: QUESTION_KINDS })
  @IsIn(QUESTION_KINDS)
  kind!: QuestionKind;

  @ApiContentText()
  @IsContentText('long')
  stem!: ContentText;

  @ApiProperty({ type: [QuestionOptionDto], description: 'Choices of single- and multiple-choice questions' })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => QuestionOptionDto)
  options!: QuestionOptionDto[];

  @ApiProperty({ type: Boolean, nullable: true, description: 'The answer of a true/false question' })
  @ValidateIf((_, value) => value !== null)
  @IsBoolean()
  correctBoolean!: boolean | null;

  @ApiProperty({ type: ShortAnswerRuleDto, nullable: true })
  @ValidateIf((_, value) => value !== null)
  // an array passes ValidateNested item by item, so an empty one would pass as a rule
  @IsObject()
  @ValidateNested()
  @Type(() => ShortAnswerRuleDto)
  shortAnswer!: ShortAnswerRuleDto | null;

  @ApiContentText({ nullable: true })
  @ValidateIf((_, value) => value !== null)
  @IsContentText()
  feedbackCorrect!: ContentText | null;

  @ApiContentText({ nullable: true })
  @ValidateIf((_, value) => value !== null)
  @IsContentText()
  feedbackIncorrect!: ContentText | null;

  @ApiProperty({ minimum: 0, maximum: 1000 })
  @IsInt()
  @Min(0)
  @Max(1000)
  points!: number;

  @ApiProperty({ type: [String], example: ['risk-analysis'] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  tags!: string[];
}

export class QuestionDto extends SaveQuestionRequestDto implements Question {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  versionId!: string;

  @ApiProperty({ description: 'Quizzes that draw it as a fixed question' })
  usedByQuizCount!: number;
}

export class QuestionPageDto extends PageDtoOf(QuestionDto) {}
