/**
 * A failure a service reports in the domain's words (`OrgUnitNotFoundError`). The global filter turns
 * it into a problem+json response with this status, type and title; the message becomes the detail.
 */
export abstract class DomainError extends Error {
  abstract readonly status: number;
  /** A URN naming the kind of problem, e.g. `urn:border-academy:problem:org-unit-not-found`. */
  abstract readonly type: string;
  abstract readonly title: string;
}

export class NotFoundError extends DomainError {
  readonly status: number = 404;
  readonly type: string = 'urn:border-academy:problem:not-found';
  readonly title: string = 'Not Found';
}
