import { Injectable } from '@nestjs/common';
import { AuditService } from '@border-academy/api-audit';
import { AccessContext } from '@border-academy/api-platform';
import {
  DEFAULT_PAGE_SIZE,
  Page,
  UserDetails,
  UserListQuery,
  UserSummary,
} from '@border-academy/shared-contracts';
import { DataSource } from 'typeorm';

import { UserNotFoundError } from '../identity.errors';
import { UserRepository } from './user.repository';

@Injectable()
export class UserService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: UserRepository,
    private readonly audit: AuditService,
  ) {}

  async list(access: AccessContext, query: UserListQuery): Promise<Page<UserSummary>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const q = query.q?.trim();
    const { items, total } = await this.repository.findPage(this.dataSource.manager, access.scope ?? [], {
      ...query,
      q: q ? q : undefined,
      offset: (page - 1) * pageSize,
      limit: pageSize,
    });
    return { items, total, page, pageSize };
  }

  /** A user outside the caller's scope is reported as missing, so that its existence is not revealed. */
  async get(access: AccessContext, userId: string): Promise<UserDetails> {
    const user = await this.repository.findById(this.dataSource.manager, access.scope ?? [], userId);
    if (!user) throw new UserNotFoundError(userId);
    return user;
  }

  /** Lets a locked-out user sign in again at once; a user outside the caller's scope does not exist for them. */
  async unlock(access: AccessContext, userId: string, ip: string | null): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.repository.unlock(manager, userId, access.scope ?? []);
      if (!before) throw new UserNotFoundError(userId);
      await this.audit.record(manager, {
        actorUserId: access.principal.userId,
        action: 'user.unlock',
        targetType: 'user',
        targetId: userId,
        ip,
        summary: {
          before: {
            lockedUntil: before.locked_until?.toISOString() ?? null,
            failedSignIns: before.failed_sign_ins,
          },
          after: { lockedUntil: null, failedSignIns: 0 },
        },
      });
    });
  }
}
