import { EntityManager } from 'typeorm';

/** Makes a search term match literally inside a LIKE pattern. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** A condition that a row's code or one of its names, in any language, contains the pattern parameter. */
export function codeOrNameMatchesSql(alias: string, patternParameter: string): string {
  return `(${alias}.code ILIKE ${patternParameter}
           OR EXISTS (SELECT 1 FROM jsonb_each_text(${alias}.name) n WHERE n.value ILIKE ${patternParameter}))`;
}

/** Whether a failed statement broke the named unique index or constraint. */
export function violates(error: unknown, constraint: string): boolean {
  return (error as { driverError?: { constraint?: string } }).driverError?.constraint === constraint;
}

/** Runs an `INSERT … RETURNING id` and answers the new row's id. */
export async function insertReturningId(
  manager: EntityManager,
  sql: string,
  parameters: unknown[],
): Promise<string> {
  const rows: { id: string }[] = await manager.query(sql, parameters);
  const id = rows[0]?.id;
  if (!id) throw new Error('INSERT … RETURNING id gave no row');
  return id;
}
