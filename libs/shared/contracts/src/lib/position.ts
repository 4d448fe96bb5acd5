import { LanguageCode, LocalizedText } from './language';
import { ProblemDetails } from './problem-details';

/**
 * A job profile ("first-line border guard", "customs inspector") from the platform's shared catalogue;
 * it lists the qualifications its holders must have.
 */
export interface Position {
  id: string;
  /** Stable, human-readable code, unique in the catalogue (`customs-inspector`). */
  code: string;
  name: LocalizedText;
  description: LocalizedText | null;
  /** How many people hold the position; a held position cannot be deleted. */
  holderCount: number;
}

/** `GET /api/v1/positions`, sorted by name in `language` (English by default). */
export interface PositionListQuery {
  page?: number;
  pageSize?: number;
  /** Case-insensitive search in the code and the names. */
  q?: string;
  /** The language whose names set the order. */
  language?: LanguageCode;
}

/** `POST /api/v1/positions`. */
export interface CreatePositionRequest {
  code: string;
  name: LocalizedText;
  description?: LocalizedText | null;
}

/** `PATCH /api/v1/positions/:id`: the fields to change; a null description removes it. */
export interface UpdatePositionRequest {
  code?: string;
  name?: LocalizedText;
  description?: LocalizedText | null;
}

/** The 409 answer to deleting a position that people still hold. */
export const POSITION_HELD = 'urn:border-academy:problem:position-held';

export interface PositionHeldProblem extends ProblemDetails {
  type: typeof POSITION_HELD;
  /** People holding the position; give them another one first. */
  holderCount: number;
}
