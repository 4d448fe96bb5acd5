import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ValidationProblemException } from '@border-academy/api-platform';
import { ContentText } from '@border-academy/shared-contracts';
import { ValidateBy, ValidationOptions, buildMessage } from 'class-validator';

/** Longest single text of a course in one language: titles and stems are short, lesson bodies are not. */
export const CONTENT_TEXT_MAX_LENGTH = { short: 500, long: 100_000 } as const;

const LANGUAGE_CODE = /^[a-z]{2}$/;

function isContentText(value: unknown, maxLength: number): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  return (
    entries.length <= 20 &&
    entries.every(
      ([code, text]) => LANGUAGE_CODE.test(code) && typeof text === 'string' && text.length <= maxLength,
    )
  );
}

/**
 * A `ContentText` property: an object of two-letter language codes to strings. Which codes are
 * content languages is data; the service checks that against the table ({@link ContentTextCheck}).
 */
export function IsContentText(
  length: keyof typeof CONTENT_TEXT_MAX_LENGTH = 'short',
  options?: ValidationOptions,
) {
  const maxLength = CONTENT_TEXT_MAX_LENGTH[length];
  return ValidateBy(
    {
      name: 'isContentText',
      validator: {
        validate: (value) => isContentText(value, maxLength),
        defaultMessage: buildMessage(
          (each) =>
            `${each}$property must be an object of two-letter language codes to texts of at most ${maxLength} characters`,
          options,
        ),
      },
    },
    options,
  );
}

/** OpenAPI description of a `ContentText` property. */
export function ApiContentText(
  options: { required?: boolean; nullable?: boolean; description?: string } = {},
) {
  const schema = {
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { en: 'Integrated Border Management', ru: 'Комплексное управление границами' },
    nullable: options.nullable,
    description: options.description ?? 'One text per content language code',
  } as const;
  return applyDecorators(options.required === false ? ApiPropertyOptional(schema) : ApiProperty(schema));
}

/** The text as stored: each language trimmed, blank languages left out. */
export function normaliseContentText(text: ContentText): ContentText {
  return Object.fromEntries(
    Object.entries(text)
      .map(([code, value]) => [code, value.trim()] as const)
      .filter(([, value]) => value.length > 0),
  );
}

/** Collects the problems of the content texts of one request, to answer them all in one 400. */
export class ContentTextCheck {
  private readonly problems: { field: string; message: string; code: string }[] = [];

  constructor(private readonly languages: ReadonlySet<string>) {}

  /** Checks a text's languages; `required` names a language the text must have (the course's default). */
  text(field: string, text: ContentText | null | undefined, required?: string): ContentText | null {
    if (text === null || text === undefined) {
      if (required) this.fail(field, `${field} is required in ${required}`, 'required-language');
      return null;
    }
    const unknown = Object.keys(text).filter((code) => !this.languages.has(code));
    if (unknown.length > 0) {
      this.fail(
        field,
        `${field} has texts in ${unknown.join(', ')}, which are not content languages`,
        'language',
      );
    }
    const normalised = normaliseContentText(text);
    if (required && !normalised[required]) {
      this.fail(field, `${field} is required in ${required}`, 'required-language');
    }
    return normalised;
  }

  /** An optional text: undefined stays undefined (unchanged), and a text with no language left is null. */
  optional(field: string, text: ContentText | null | undefined): ContentText | null | undefined {
    if (text === undefined) return undefined;
    const checked = this.text(field, text);
    return checked && Object.keys(checked).length > 0 ? checked : null;
  }

  fail(field: string, message: string, code: string): void {
    this.problems.push({ field, message, code });
  }

  /** Throws the collected problems as one 400, if there are any. */
  done(): void {
    if (this.problems.length > 0) throw new ValidationProblemException(this.problems);
  }
}
