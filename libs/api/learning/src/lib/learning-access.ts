import { covers } from '@border-academy/api-authoring';
import { Principal, scopeFor } from '@border-academy/api-platform';

/**
 * Whether the caller may read a person's learning records: their own, or those of someone inside the
 * caller's HR, trainer or admin scope. Nobody else learns that the records exist.
 */
export function mayReadLearner(principal: Principal, learnerId: string, learnerPath: string): boolean {
  if (principal.userId === learnerId) return true;
  const scope = scopeFor(principal, 'learning:read-others');
  return scope !== null && scope.length > 0 && covers(scope, learnerPath);
}
