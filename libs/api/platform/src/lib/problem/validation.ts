import { ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError } from '@border-academy/shared-contracts';

/** A 400 that carries field errors for the problem+json body. */
export class ValidationProblemException extends BadRequestException {
  constructor(readonly fieldErrors: FieldError[]) {
    super('The request has invalid fields');
  }
}

export function toFieldErrors(errors: ValidationError[], parentPath = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parentPath ? `${parentPath}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([code, message]) => ({ field, message, code }));
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}

/** Deeper than any request of this API; the class-transformer recursion overflows the stack near 2,000. */
export const MAX_INPUT_DEPTH = 32;
/** Half of a UTF-16 pair alone: no character at all, which some validators (isEmail) throw on. */
const LONE_SURROGATE = /\p{Cs}/u;
/** Keys that class-transformer drops silently instead of reporting them as unknown. */
const DROPPED_KEYS = new Set(['constructor', '__proto__', 'prototype']);

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  if (Array.isArray(value)) return true;
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * What the class-based validation cannot report itself: nesting so deep that transforming it would
 * overflow the stack (a 500), text that is not well-formed Unicode (on which validators throw), and
 * keys it would drop unseen instead of refusing. Walked without
 * recursion, so any depth is safe to inspect.
 */
export function structuralFlaw(input: unknown): FieldError | null {
  const pending: { value: unknown; path: string; depth: number }[] = [{ value: input, path: '', depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, path, depth } = next;
    if (typeof value === 'string' && LONE_SURROGATE.test(value)) {
      return { field: path, message: 'is not well-formed Unicode text', code: 'isWellFormed' };
    }
    if (!isContainer(value)) continue;
    if (depth >= MAX_INPUT_DEPTH) {
      return { field: path, message: `is nested more than ${MAX_INPUT_DEPTH} levels deep`, code: 'maxDepth' };
    }
    for (const key of Object.keys(value)) {
      const field = path ? `${path}.${key}` : key;
      if (!Array.isArray(value) && DROPPED_KEYS.has(key)) {
        return { field, message: `property ${key} should not exist`, code: 'whitelistValidation' };
      }
      pending.push({ value: (value as Record<string, unknown>)[key], path: field, depth: depth + 1 });
    }
  }
  return null;
}

/** The global validation, refusing first what class-validator would miss or choke on. */
class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Nest would read a JSON null as an empty object, which a change with only optional fields accepts
    if (metadata.type === 'body' && value === null && metadata.metatype) {
      throw new ValidationProblemException([
        { field: '', message: 'the body must be a JSON object, not null', code: 'isObject' },
      ]);
    }
    if (metadata.type === 'body' || metadata.type === 'query') {
      const flaw = structuralFlaw(value);
      if (flaw) throw new ValidationProblemException([flaw]);
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new InputValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new ValidationProblemException(toFieldErrors(errors)),
  });
}
