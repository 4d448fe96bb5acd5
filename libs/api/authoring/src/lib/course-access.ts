import { Permission, Principal, scopeFor } from '@border-academy/api-platform';

/** Whether an org unit path lies inside one of the scope's subtrees; a null scope is unrestricted. */
export function covers(scope: readonly string[] | null, path: string): boolean {
  if (scope === null) return true;
  return scope.some((root) => path === root || path.startsWith(`${root}.`));
}

/** What the caller may do with a course owned by the unit at `ownerPath`. */
export function coursePermissions(
  principal: Principal,
  ownerPath: string,
): { canRead: boolean; canEdit: boolean; canReview: boolean } {
  const on = (permission: Permission) => covers(scopeFor(principal, permission), ownerPath);
  return { canRead: on('course:read'), canEdit: on('course:write'), canReview: on('course:review') };
}

/**
 * The one scope decision for a course: a course outside every authoring scope of the caller is not
 * found (its existence stays hidden); one they read but may not change this way is forbidden.
 */
export function requireOnCourse(
  principal: Principal,
  ownerPath: string,
  permission: Permission,
  errors: { notFound: () => Error; forbidden: () => Error },
): void {
  if (!covers(scopeFor(principal, 'course:read'), ownerPath)) throw errors.notFound();
  if (!covers(scopeFor(principal, permission), ownerPath)) throw errors.forbidden();
}
