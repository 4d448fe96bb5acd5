import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { ContentText, Quiz, QuizSelection, SaveQuizRequest } from '@border-academy/shared-contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  Validate,
  ValidateIf,
  ValidateNested,
  ValidationArguments,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';

import { ApiContentText, IsContentText } from '../content/content-text';
import { PageDtoOf } from '../dto';

export class QuizDrawDto {
  @ApiProperty({ example: 'risk-analysis', maxLength: 50 })
  @IsString()
  @MaxLength(50)
  tag!: string;

  @ApiProperty({ minimum: 1, maximum: 100 })
  @IsInt()
  @Min(1)
  @Max(100)
  count!: number;
}

/**
 * The field of the other mode is refused, not ignored: its values are checked only in its own mode,
 * so whatever it held would otherwise pass unseen.
 */
@ValidatorConstraint({ name: 'selectionOfItsMode' })
class SelectionOfItsMode implements ValidatorConstraintInterface {
  validate(mode: unknown, { object }: ValidationArguments): boolean {
    const selection = object as QuizSelectionDto;
    if (mode === 'fixed') return selection.draws === undefined;
    if (mode === 'random') return selection.questionIds === undefined;
    return true;
  }

  defaultMessage({ value }: ValidationArguments): string {
    return value === 'fixed'
      ? 'a fixed selection takes questionIds, not draws'
      : 'a random selection takes draws, not questionIds';
  }
}

/** Fixed questions in order (`mode: 'fixed'`), or N random ones per tag (`mode: 'random'`). */
export class QuizSelectionDto {
  @ApiProperty({ enum: ['fixed', 'random'] })
  @IsIn(['fixed', 'random'])
  @Validate(SelectionOfItsMode)
  mode!: 'fixed' | 'random';

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Fixed mode: the questions in order' })
  @ValidateIf((selection: QuizSelectionDto) => selection.mode === 'fixed')
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  questionIds?: string[];

  @ApiPropertyOptional({ type: [QuizDrawDto], description: 'Random mode: how many questions per tag' })
  @ValidateIf((selection: QuizSelectionDto) => selection.mode === 'random')
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => QuizDrawDto)
  draws?: QuizDrawDto[];
}

export class SaveQuizRequestDto implements SaveQuizRequest {
  @ApiContentText()
  @IsContentText()
  title!: ContentText;

  @ApiContentText({ nullable: true })
  @ValidateIf((_, value) => value !== null)
  @IsContentText('long')
  instructions!: ContentText | null;

  @ApiProperty({ minimum: 0, maximum: 100 })
  @IsInt()
  @Min(0)
  @Max(100)
  passMarkPercent!: number;

  @ApiProperty({ type: Number, nullable: true, minimum: 1, maximum: 100, description: 'null: unlimited' })
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(1)
  @Max(100)
  attemptLimit!: number | null;

  @ApiProperty({ type: Number, nullable: true, minimum: 1, maximum: 600, description: 'null: untimed' })
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(1)
  @Max(600)
  timeLimitMinutes!: number | null;

  @ApiProperty({ description: 'Whether learners may see the correct answers and feedback after an attempt' })
  @IsBoolean()
  allowReview!: boolean;

  @ApiProperty({ allOf: [{ $ref: getSchemaPath(QuizSelectionDto) }] })
  // an array passes ValidateNested item by item, so an empty one would pass as a selection
  @IsObject()
  @ValidateNested()
  @Type(() => QuizSelectionDto)
  selection!: QuizSelection;
}

export class QuizDto extends SaveQuizRequestDto implements Quiz {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  versionId!: string;

  @ApiProperty({ description: 'Questions one attempt holds' })
  questionCount!: number;
}

export class QuizPageDto extends PageDtoOf(QuizDto) {}
