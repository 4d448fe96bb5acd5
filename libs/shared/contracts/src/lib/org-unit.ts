import { LocalizedText } from './language';
import { ProblemDetails } from './problem-details';

/** Levels of the organisation tree, from the top: country → agency → directorate/region → post → unit. */
export const ORG_UNIT_KINDS = ['country', 'agency', 'directorate', 'region', 'border_post', 'unit'] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

/** An inactive unit is kept with its history but left out of lists, pickers and new assignments. */
export const ORG_UNIT_STATUSES = ['active', 'inactive'] as const;
export type OrgUnitStatus = (typeof ORG_UNIT_STATUSES)[number];

export interface OrgUnit {
  id: string;
  /** Stable, human-readable code, unique across the tree (`kz-customs-almaty`). */
  code: string;
  kind: OrgUnitKind;
  name: LocalizedText;
  status: OrgUnitStatus;
  parentId: string | null;
  /** Codes of the ancestors and the unit itself, joined by dots (`kz.kz-customs.kz-customs-almaty`). */
  path: string;
  /** 0 for a root unit. */
  depth: number;
  /** Children the same request would list: the active ones, and with `includeInactive` the inactive too. */
  childCount: number;
}

export interface OrgUnitListQuery {
  page?: number;
  pageSize?: number;
  /** Only the direct children of this unit. */
  parentId?: string;
  /** Case-insensitive search in the code and the names. */
  q?: string;
  /** Only the units the caller administers: those of their admin grants and everything below. */
  administered?: boolean;
  /**
   * Only the units the caller's admin grants are on, leaving out one that lies below another: the tops
   * of what they administer, where the org screen starts.
   */
  administeredRoots?: boolean;
  /** Also the inactive units inside the caller's admin scope; others never see inactive units listed. */
  includeInactive?: boolean;
}

/** `POST /api/v1/org-units`: a new unit under a parent inside the caller's admin scope. */
export interface CreateOrgUnitRequest {
  parentId: string;
  /** Lower-case letters and digits in dash-separated words, unique across the tree; never changes. */
  code: string;
  /** Any kind but `country`: countries are the roots of the tree. */
  kind: OrgUnitKind;
  name: LocalizedText;
}

/** `PATCH /api/v1/org-units/:id`: the fields to change; `name` replaces both languages at once. */
export interface UpdateOrgUnitRequest {
  name?: LocalizedText;
  /** `country` only for a root unit, and a root unit stays a country. */
  kind?: OrgUnitKind;
}

/** `POST /api/v1/org-units/:id/move`: the new parent, inside the caller's admin scope. */
export interface MoveOrgUnitRequest {
  parentId: string;
}

/** The 409 answer to deactivating a unit while active people still belong to it or below it. */
export const ORG_UNIT_HAS_ACTIVE_USERS = 'urn:border-academy:problem:org-unit-has-active-users';

export interface OrgUnitHasActiveUsersProblem extends ProblemDetails {
  type: typeof ORG_UNIT_HAS_ACTIVE_USERS;
  /** Active people in the unit and its subtree; move them to another unit first. */
  activeUserCount: number;
}
