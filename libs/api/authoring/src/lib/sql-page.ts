import { EntityManager } from 'typeorm';

/**
 * One page of a filtered list and the total, in one statement: `from` is a SELECT of the matching
 * rows (its parameters first), `order` an ORDER BY over its columns as `f.…` ending on a unique
 * column; `sortOnly` names its columns that serve only the order and are left out of the rows. Rows
 * come back as JSON, so timestamps are strings.
 */
export async function selectPage<Row>(
  manager: EntityManager,
  query: { from: string; order: string; parameters: unknown[]; sortOnly?: string[] },
  page: number,
  pageSize: number,
): Promise<{ rows: Row[]; total: number }> {
  const first = query.parameters.length + 1;
  const result: { total: number; items: Row[] }[] = await manager.query(
    `WITH filtered AS (${query.from}),
          numbered AS (SELECT f.*, row_number() OVER (ORDER BY ${query.order}) AS ordinal FROM filtered f)
     SELECT (SELECT count(*)::int FROM filtered) AS total,
            COALESCE((SELECT json_agg(to_jsonb(n) - $${first + 2}::text[] ORDER BY n.ordinal) FROM numbered n
                       WHERE n.ordinal > $${first} AND n.ordinal <= $${first + 1}), '[]'::json) AS items`,
    [...query.parameters, (page - 1) * pageSize, page * pageSize, ['ordinal', ...(query.sortOnly ?? [])]],
  );
  return { rows: result[0]?.items ?? [], total: result[0]?.total ?? 0 };
}

/** An ISO 8601 instant from what PostgreSQL gave (a Date, or a JSON timestamp string). */
export function isoInstant(value: Date | string): string;
export function isoInstant(value: Date | string | null): string | null;
export function isoInstant(value: Date | string | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}
