import { Role } from '@border-academy/shared-contracts';

/**
 * Who may do what: the one table to read. Each permission lists the roles that grant it; a role
 * counts only on the org units it is granted on and their subtrees, so the same table also decides
 * the scope a request may see. `signed-in` permissions need an identity but no particular grant.
 */
type PolicyRule = readonly Role[] | 'signed-in' | { roles: readonly Role[]; onTopLevelUnitsOnly: true };

export const POLICY = {
  /** The caller's own profile, sessions and password. */
  'self:manage': 'signed-in',
  /** The org-unit tree is shared reference data that every page needs. */
  'org-unit:read': 'signed-in',
  /** The catalogue of positions is shared reference data too: filters and forms everywhere need it. */
  'position:read': 'signed-in',
  'user:read': ['admin', 'hr'],
  'user:write': ['admin'],
  'user:unlock': ['admin'],
  /** One-time links to set a password, for people inside the scope. */
  'user:reset-link': ['admin'],
  /** Bulk import of users from a file, on units inside the scope. */
  'user:import': ['admin'],
  'audit:read': ['admin'],
  /** Everything held about a person of the scope, as JSON or PDF; each export is audited. */
  'personal-data:export': ['admin'],
  /** Erasure on request: anonymises a person of the scope for good. */
  'personal-data:erase': ['admin'],
  /** Add, rename, move, deactivate and reactivate org units inside the scope. */
  'org-unit:write': ['admin'],
  /**
   * The catalogue of positions is one for the whole platform: a change reaches every country, so only
   * an admin of a whole country (a grant on a top-level unit) may make it, not an agency's admin.
   */
  'position:write': { roles: ['admin'], onTopLevelUnitsOnly: true },
  /** Courses whose owning unit lies in the scope: their settings, versions and content, for authoring. */
  'course:read': ['trainer', 'reviewer', 'admin'],
  /** Create courses on units of the scope, change their settings and edit their drafts. */
  'course:write': ['trainer', 'admin'],
  /** Publish the versions in review of the scope's courses, or send them back with a comment. */
  'course:review': ['reviewer', 'admin'],
  /**
   * The catalogue of published courses: everyone signed in reads it, limited in SQL to the courses
   * whose audience contains the caller's own unit.
   */
  'catalogue:read': 'signed-in',
  /**
   * One's own learning: enrolling, the lesson player, progress, quizzes and certificates. Everyone
   * signed in may learn; the services keep each person to their own records.
   */
  'learning:self': 'signed-in',
  /** Reading (never changing) the enrolments and certificates of people inside the scope. */
  'learning:read-others': ['hr', 'trainer', 'admin'],
  /** The catalogue of qualifications and what positions require: reference data for those who plan training. */
  'qualification:read': ['hr', 'trainer', 'admin'],
  /**
   * The catalogue of qualifications and positions' requirements are one for the whole platform, like
   * positions: only HR or an admin of a whole country changes them.
   */
  'qualification:write': { roles: ['hr', 'admin'], onTopLevelUnitsOnly: true },
  /** The compliance matrix, its lists, the drill-down on a person and the exports, over the scope's people. */
  'compliance:read': ['hr', 'admin'],
  /** Record a qualification by assessment or by HR's decision with evidence, and revoke one, for the scope's people. */
  'qualification:grant': ['hr'],
  /** Assign courses to the scope's people, units and positions. */
  'assignment:write': ['hr'],
} as const satisfies Record<string, PolicyRule>;

export type Permission = keyof typeof POLICY;

/** A role grant as the access check sees it: the role and the materialised path of its org unit. */
export interface GrantScope {
  role: Role;
  orgUnitId: string;
  orgUnitPath: string;
}

/** The caller, as loaded for every request that carries a valid access token. */
export interface Principal {
  userId: string;
  /** The refresh-token family the access token was issued for. */
  sessionFamilyId: string;
  orgUnitId: string;
  grants: GrantScope[];
}

/** The org-unit paths whose subtrees the caller may act on for a permission; null when any grant will do. */
export function scopeFor(principal: Principal, permission: Permission): string[] | null {
  const rule: PolicyRule = POLICY[permission];
  if (rule === 'signed-in') return null;
  const [allowed, topLevelOnly]: [readonly Role[], boolean] =
    'roles' in rule ? [rule.roles, rule.onTopLevelUnitsOnly] : [rule, false];
  return principal.grants
    .filter((grant) => allowed.includes(grant.role) && !(topLevelOnly && grant.orgUnitPath.includes('.')))
    .map((grant) => grant.orgUnitPath);
}

/**
 * SQL that keeps only rows whose org unit path lies inside the scope: a unit's own path or one below
 * it (`kz.kz-border` is under `kz`, `kzx` is not). Push the paths as one text[] parameter.
 */
export function inScopeSql(pathColumn: string, pathsParameter: string): string {
  return `EXISTS (SELECT 1 FROM unnest(${pathsParameter}::text[]) AS scope(path)
                  WHERE ${pathColumn} = scope.path OR ${pathColumn} LIKE scope.path || '.%')`;
}
