import { isDeepStrictEqual } from 'node:util';

/**
 * The fields a request changes, as the audit trail records them: each field given in `requested`
 * whose value differs from `current`, with its value before and after.
 */
export function changedFields<T extends object>(
  current: T,
  requested: Partial<T>,
): { before: Partial<T>; after: Partial<T> } | null {
  const before: Partial<T> = {};
  const after: Partial<T> = {};
  for (const field of Object.keys(requested) as (keyof T)[]) {
    const value = requested[field];
    if (value === undefined || isDeepStrictEqual(value, current[field])) continue;
    before[field] = current[field];
    after[field] = value;
  }
  return Object.keys(after).length > 0 ? { before, after } : null;
}
