import { FieldError, ProblemDetails } from '@border-academy/shared-contracts';

/** A failed API call, as pages see it: the problem+json body when the server sent one. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    /** The HTTP status; 0 when the server could not be reached at all. */
    readonly status: number,
    readonly problem: ProblemDetails | null,
    /** The translated text already shown to the user. */
    readonly userMessage: string,
  ) {
    super(problem?.detail ?? problem?.title ?? userMessage);
  }

  get unreachable(): boolean {
    return this.status === 0;
  }

  get fieldErrors(): FieldError[] {
    return this.problem?.errors ?? [];
  }

  /** The messages for one field, to show next to it in a form. */
  errorsFor(field: string): string[] {
    return this.fieldErrors.filter((error) => error.field === field).map((error) => error.message);
  }
}
