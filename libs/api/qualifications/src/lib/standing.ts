import { covers } from '@border-academy/api-authoring';
import { AccessContext, ValidationProblemException } from '@border-academy/api-platform';
import { EntityManager } from 'typeorm';

/**
 * A person's standing on a required qualification `q`, from their holding `sq` (a LEFT JOIN: none is
 * `missing`), judged at the instant in parameter `$2`: `expiring` inside the warning window.
 */
export const STANDING_SQL = `CASE WHEN sq.user_id IS NULL THEN 'missing'
       WHEN sq.expires_at IS NULL OR sq.expires_at > $2::timestamptz + make_interval(days => q.warning_days) THEN 'valid'
       WHEN sq.expires_at > $2::timestamptz THEN 'expiring' ELSE 'expired' END`;

/** The subtree paths a list reads: the caller's scope, narrowed to `unitId` when that lies inside it. */
export async function scopePaths(
  manager: EntityManager,
  access: AccessContext,
  unitId: string | undefined,
  field = 'unitId',
): Promise<string[]> {
  const scope = access.scope ?? [];
  if (!unitId) return scope;
  const rows: { path: string }[] = await manager.query(`SELECT path FROM org_unit WHERE id = $1`, [unitId]);
  const path = rows[0]?.path;
  if (!path || !covers(scope, path)) {
    throw new ValidationProblemException([
      { field, message: 'Choose a unit inside your scope', code: 'scope' },
    ]);
  }
  return [path];
}
