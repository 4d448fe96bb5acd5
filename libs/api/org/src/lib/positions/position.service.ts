import { Injectable } from '@nestjs/common';
import { AuditService } from '@border-academy/api-audit';
import { AccessContext, changedFields, violates } from '@border-academy/api-platform';
import {
  CreatePositionRequest,
  DEFAULT_PAGE_SIZE,
  Page,
  Position,
  PositionListQuery,
  UpdatePositionRequest,
} from '@border-academy/shared-contracts';
import { DataSource, EntityManager } from 'typeorm';

import { toLocalizedText } from '../localized-text.dto';
import { PositionCodeTakenError, PositionHeldError, PositionNotFoundError } from '../org.errors';
import { PositionRepository } from './position.repository';

/**
 * The catalogue of positions. It is one for the whole platform, so a change is not limited to a part
 * of the tree: the policy lets only admins of a whole country make one (`position:write`).
 */
@Injectable()
export class PositionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: PositionRepository,
    private readonly audit: AuditService,
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

  async create(access: AccessContext, request: CreatePositionRequest, ip: string | null): Promise<Position> {
    const fields = {
      code: request.code,
      name: toLocalizedText(request.name),
      description: request.description ? toLocalizedText(request.description) : null,
    };
    const id = await this.writing(request.code, async (manager) => {
      const created = await this.repository.insert(manager, fields);
      await this.record(manager, access, ip, 'position.create', created, { after: fields });
      return created;
    });
    return this.get(id);
  }

  async update(
    access: AccessContext,
    id: string,
    request: UpdatePositionRequest,
    ip: string | null,
  ): Promise<Position> {
    await this.writing(request.code, async (manager) => {
      const position = await this.repository.findForUpdate(manager, id);
      if (!position) throw new PositionNotFoundError(id);
      const changes = changedFields(position, {
        code: request.code,
        name: request.name && toLocalizedText(request.name),
        description:
          request.description === undefined
            ? undefined
            : request.description && toLocalizedText(request.description),
      });
      if (!changes) return;
      await this.repository.update(manager, id, changes.after);
      await this.record(manager, access, ip, 'position.update', id, changes);
    });
    return this.get(id);
  }

  /** Refused while anyone holds the position: a person's position is never silently removed. */
  async delete(access: AccessContext, id: string, ip: string | null): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const position = await this.repository.findForUpdate(manager, id);
      if (!position) throw new PositionNotFoundError(id);
      if (position.holderCount > 0) throw new PositionHeldError(position.holderCount);
      await this.repository.delete(manager, id);
      await this.record(manager, access, ip, 'position.delete', id, {
        before: { code: position.code, name: position.name, description: position.description },
      });
    });
  }

  /** Runs a change in a transaction, answering a code that another position has with a 409. */
  private async writing<T>(
    code: string | undefined,
    change: (manager: EntityManager) => Promise<T>,
  ): Promise<T> {
    try {
      return await this.dataSource.transaction(change);
    } catch (error) {
      if (code && violates(error, 'uq_position_code')) throw new PositionCodeTakenError(code);
      throw error;
    }
  }

  private record(
    manager: EntityManager,
    access: AccessContext,
    ip: string | null,
    action: string,
    positionId: string,
    summary: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record(manager, {
      actorUserId: access.principal.userId,
      action,
      targetType: 'position',
      targetId: positionId,
      ip,
      summary,
    });
  }
}
