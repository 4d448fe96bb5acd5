import { applyDecorators } from '@nestjs/common';
import { REFERENCE_CODE_MAX_LENGTH, REFERENCE_CODE_PATTERN } from '@border-academy/shared-contracts';
import { Matches, MaxLength } from 'class-validator';

/** The code of an org unit or a position: dash-separated lower-case words, as the database checks it. */
export function IsReferenceCode(): PropertyDecorator {
  return applyDecorators(
    Matches(REFERENCE_CODE_PATTERN, {
      message: 'code must be lower-case letters and digits in words joined by dashes',
    }),
    MaxLength(REFERENCE_CODE_MAX_LENGTH),
  );
}
