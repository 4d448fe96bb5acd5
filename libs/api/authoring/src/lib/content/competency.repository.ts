import { Injectable } from '@nestjs/common';
import { escapeLike } from '@border-academy/api-platform';
import { Competency, ThematicArea } from '@border-academy/shared-contracts';
import { EntityManager } from 'typeorm';

import { selectPage } from '../sql-page';

/** The competency framework, read-only through the API (it is reference data, seeded). */
@Injectable()
export class CompetencyRepository {
  async findPage(
    manager: EntityManager,
    filter: { q?: string; area?: ThematicArea; page: number; pageSize: number },
  ): Promise<{ items: Competency[]; total: number }> {
    const parameters: unknown[] = [];
    const where = ['true'];
    if (filter.q) {
      const pattern = `$${parameters.push(`%${escapeLike(filter.q.toLowerCase())}%`)}`;
      where.push(`(k.code LIKE ${pattern} OR content_text_search(k.title) LIKE ${pattern})`);
    }
    if (filter.area) where.push(`k.area = $${parameters.push(filter.area)}`);
    const { rows, total } = await selectPage<Competency>(
      manager,
      {
        from: `SELECT k.id, k.code, k.title, k.area, k.level FROM competency k WHERE ${where.join(' AND ')}`,
        order: `f.area, f.code`,
        parameters,
      },
      filter.page,
      filter.pageSize,
    );
    return { items: rows, total };
  }
}
