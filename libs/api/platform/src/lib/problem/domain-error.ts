/**
 * A failure a service reports in the domain's words (`OrgUnitNotFoundError`). The global filter turns
 * it into a problem+json response with this status, type and title; the message becomes the detail.
 */
export abstract class DomainError extends Error {
  abstract readonly status: number;
  /** A URN naming the kind of problem, e.g. `urn:border-academy:problem:org-unit-not-found`. */
  abstract readonly type: string;
  abstract readonly title: string;

  /**
   * Extension members of the problem (RFC 9457 §3.2) that a client acts on, such as how many records
   * stand in the way; never a member of the standard ones, which always win.
   */
  extensions(): Record<string, unknown> {
    return {};
  }
}

export class NotFoundError extends DomainError {
  readonly status: number = 404;
  readonly type: string = 'urn:border-academy:problem:not-found';
  readonly title: string = 'Not Found';
}
