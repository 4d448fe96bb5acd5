import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LocalizedText, REFERENCE_NAME_MAX_LENGTH } from '@border-academy/shared-contracts';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';

export class LocalizedTextDto implements LocalizedText {
  @ApiProperty()
  en!: string;

  @ApiPropertyOptional()
  ru?: string;
}

/** A name or text as written by an admin: English is required, Russian may be left out or empty. */
export class LocalizedTextInputDto implements LocalizedText {
  @ApiProperty({ maxLength: REFERENCE_NAME_MAX_LENGTH })
  @IsString()
  @Matches(/\S/, { message: 'en must not be blank' })
  @MaxLength(REFERENCE_NAME_MAX_LENGTH)
  en!: string;

  @ApiPropertyOptional({
    maxLength: REFERENCE_NAME_MAX_LENGTH,
    description: 'Empty or absent: no Russian text',
  })
  @IsOptional()
  @IsString()
  @MaxLength(REFERENCE_NAME_MAX_LENGTH)
  ru?: string;
}

/** The text as it is stored: trimmed, and without a language left blank. */
export function toLocalizedText(input: LocalizedText): LocalizedText {
  const ru = input.ru?.trim();
  return { en: input.en.trim(), ...(ru ? { ru } : {}) };
}

/** A property holding a {@link LocalizedTextInputDto}, validated with the rest of the body. */
export function IsLocalizedTextInput(): PropertyDecorator {
  return applyDecorators(
    IsObject(),
    ValidateNested(),
    Type(() => LocalizedTextInputDto),
  );
}
