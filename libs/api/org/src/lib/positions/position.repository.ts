import { Injectable } from '@nestjs/common';
import { codeOrNameMatchesSql, escapeLike, insertReturningId } from '@border-academy/api-platform';
import { LanguageCode, LocalizedText, Position } from '@border-academy/shared-contracts';
import { EntityManager } from 'typeorm';

interface PositionRow {
  id: string;
  code: string;
  name: LocalizedText;
  description: LocalizedText | null;
  holder_count: number;
  total_count?: string;
}

export interface PositionFilter {
  q?: string;
  language: LanguageCode;
  offset: number;
  limit: number;
}

// the holder count is a correlated subquery on ix_app_user_position_id, so a page stays one statement
const SELECT_POSITION = `
  SELECT p.id, p.code, p.name, p.description,
         (SELECT count(*)::int FROM app_user h WHERE h.position_id = p.id) AS holder_count`;

// each order matches an expression index of AddPositionNameIndexes and ends on the id, so pages never overlap
const ORDER_BY: Record<LanguageCode, string> = {
  en: `lower(p.name->>'en'), p.id`,
  ru: `lower(COALESCE(p.name->>'ru', p.name->>'en')), p.id`,
};

function toPosition(row: PositionRow): Position {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    description: row.description,
    holderCount: row.holder_count,
  };
}

/** All SQL about the catalogue of positions. Each method is one statement. */
@Injectable()
export class PositionRepository {
  /** One page and the total, in one statement; a page past the end still gets the total. */
  async findPage(
    manager: EntityManager,
    filter: PositionFilter,
  ): Promise<{ items: Position[]; total: number }> {
    const parameters: unknown[] = [];
    let where = '';
    if (filter.q) {
      parameters.push(`%${escapeLike(filter.q)}%`);
      where = `WHERE ${codeOrNameMatchesSql('p', '$1')}`;
    }
    parameters.push(filter.limit, filter.offset);
    const rows: (PositionRow | { id: null; total_count: string })[] = await manager.query(
      `WITH matching AS (
         ${SELECT_POSITION}, count(*) OVER () AS total_count
           FROM position p ${where}
          ORDER BY ${ORDER_BY[filter.language]}
          LIMIT $${parameters.length - 1} OFFSET $${parameters.length})
       SELECT m.*, COALESCE(m.total_count, (SELECT count(*) FROM position p ${where})) AS total_count
         FROM (SELECT 1) AS always LEFT JOIN matching m ON true`,
      parameters,
    );
    const items = rows.filter((row): row is PositionRow => row.id !== null).map(toPosition);
    return { items, total: Number(rows[0]?.total_count ?? 0) };
  }

  async findById(manager: EntityManager, id: string): Promise<Position | null> {
    const rows: PositionRow[] = await manager.query(`${SELECT_POSITION} FROM position p WHERE p.id = $1`, [
      id,
    ]);
    return rows[0] ? toPosition(rows[0]) : null;
  }

  /**
   * Locks a position for a change. The lock also holds back anyone giving the position to a person
   * (their foreign key needs a share lock on this row), so the holder count stays true until commit.
   */
  async findForUpdate(manager: EntityManager, id: string): Promise<Position | null> {
    const rows: PositionRow[] = await manager.query(
      `${SELECT_POSITION} FROM position p WHERE p.id = $1 FOR UPDATE OF p`,
      [id],
    );
    return rows[0] ? toPosition(rows[0]) : null;
  }

  async insert(
    manager: EntityManager,
    position: { code: string; name: LocalizedText; description: LocalizedText | null },
  ): Promise<string> {
    return insertReturningId(
      manager,
      `INSERT INTO position (code, name, description) VALUES ($1, $2, $3) RETURNING id`,
      [position.code, JSON.stringify(position.name), toJson(position.description)],
    );
  }

  /** Writes the given fields; a description given as null is removed. */
  async update(
    manager: EntityManager,
    id: string,
    changes: { code?: string; name?: LocalizedText; description?: LocalizedText | null },
  ): Promise<void> {
    await manager.query(
      `UPDATE position SET code = COALESCE($2, code), name = COALESCE($3::jsonb, name),
              description = CASE WHEN $4 THEN $5::jsonb ELSE description END, updated_at = now()
        WHERE id = $1`,
      [
        id,
        changes.code ?? null,
        changes.name ? JSON.stringify(changes.name) : null,
        changes.description !== undefined,
        toJson(changes.description ?? null),
      ],
    );
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`DELETE FROM position WHERE id = $1`, [id]);
  }
}

function toJson(text: LocalizedText | null): string | null {
  return text ? JSON.stringify(text) : null;
}
