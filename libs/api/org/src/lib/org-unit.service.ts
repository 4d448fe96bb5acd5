import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@border-academy/api-platform';
import { DEFAULT_PAGE_SIZE, OrgUnit, OrgUnitListQuery, Page } from '@border-academy/shared-contracts';

import { OrgUnitRepository } from './org-unit.repository';

export class OrgUnitNotFoundError extends NotFoundError {
  override readonly type = 'urn:border-academy:problem:org-unit-not-found';

  constructor(id: string) {
    super(`No org unit has the id ${id}`);
  }
}

@Injectable()
export class OrgUnitService {
  constructor(private readonly repository: OrgUnitRepository) {}

  async list(query: OrgUnitListQuery): Promise<Page<OrgUnit>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const q = query.q?.trim();
    const { items, total } = await this.repository.findPage({
      parentId: query.parentId,
      q: q ? q : undefined,
      offset: (page - 1) * pageSize,
      limit: pageSize,
    });
    return { items, total, page, pageSize };
  }

  async get(id: string): Promise<OrgUnit> {
    const unit = await this.repository.findById(id);
    if (!unit) throw new OrgUnitNotFoundError(id);
    return unit;
  }
}
