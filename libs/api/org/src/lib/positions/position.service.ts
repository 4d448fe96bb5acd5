import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@border-academy/api-platform';
import { DEFAULT_PAGE_SIZE, Page, Position, PositionListQuery } from '@border-academy/shared-contracts';
import { DataSource } from 'typeorm';

import { PositionRepository } from './position.repository';

export class PositionNotFoundError extends NotFoundError {
  override readonly type = 'urn:border-academy:problem:position-not-found';

  constructor(id: string) {
    super(`No position has the id ${id}`);
  }
}

@Injectable()
export class PositionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: PositionRepository,
  ) {}

  async list(query: PositionListQuery): Promise<Page<Position>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const q = query.q?.trim();
    const { items, total } = await this.repository.findPage(this.dataSource.manager, {
      q: q ? q : undefined,
      language: query.language ?? 'en',
      offset: (page - 1) * pageSize,
      limit: pageSize,
    });
    return { items, total, page, pageSize };
  }

  async get(id: string): Promise<Position> {
    const position = await this.repository.findById(this.dataSource.manager, id);
    if (!position) throw new PositionNotFoundError(id);
    return position;
  }
}
