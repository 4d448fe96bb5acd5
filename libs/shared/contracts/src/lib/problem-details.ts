/**
 * The one error shape of the API (RFC 9457, `application/problem+json`).
 * Every failure, from a validation error to an unknown route, is sent in this shape.
 */
export interface ProblemDetails {
  /** A URI reference that names the kind of problem; `about:blank` when only the status says it. */
  type: string;
  /** A short, human-readable summary of the kind of problem. */
  title: string;
  /** The HTTP status code. */
  status: number;
  /** A human-readable explanation of this occurrence. */
  detail?: string;
  /** The request path the problem happened on. */
  instance?: string;
  /** The request id, to find the matching log lines. */
  requestId?: string;
  /** Field-level errors, present for validation problems. */
  errors?: FieldError[];
}

export interface FieldError {
  /** Dotted path of the offending field (`items.0.title`), or the query/path parameter name. */
  field: string;
  /** What is wrong with it. */
  message: string;
  /** Machine-readable constraint name (`isEmail`, `whitelistValidation`, ...). */
  code: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function isProblemDetails(value: unknown): value is ProblemDetails {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate['title'] === 'string' && typeof candidate['status'] === 'number';
}
