import { Injectable } from '@nestjs/common';
import { AuditService } from '@border-academy/api-audit';
import { AccessContext } from '@border-academy/api-platform';
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
