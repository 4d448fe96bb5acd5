import { Injectable } from '@nestjs/common';
import { LanguageCode, LocalizedText, Position } from '@border-academy/shared-contracts';
import { EntityManager } from 'typeorm';

import { codeOrNameMatchesSql, escapeLike } from '../sql';

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
}
