import { Injectable } from '@nestjs/common';
import { AuditService } from '@border-academy/api-audit';
import { AccessContext, NotFoundError, ValidationProblemException } from '@border-academy/api-platform';
import {
  AddRoleGrantRequest,
  CreateUserRequest,
  DEFAULT_LANGUAGE,
  DEFAULT_PAGE_SIZE,
  FieldError,
  Page,
  UpdateUserRequest,
  UserDetails,
  UserListQuery,
  UserSummary,
} from '@border-academy/shared-contracts';
import { DataSource } from 'typeorm';

import { AuthRepository } from '../auth/auth.repository';
import { EmailTakenError, LoginTakenError, PersonErasedError, UserNotFoundError } from '../identity.errors';
import { UserRepository } from './user.repository';

export class GrantNotFoundError extends NotFoundError {
  override readonly type = 'urn:border-academy:problem:grant-not-found';

  constructor(id: string) {
    super(`No role grant ${id} of this user on a unit you administer`);
  }
}

function notAdministered(field: string): FieldError {
  return { field, message: `${field} must be a unit you administer`, code: 'scope' };
}

const UNKNOWN_POSITION: FieldError = {
  field: 'positionId',
  message: 'positionId names no position',
  code: 'exists',
};

/** The unique index a failed insert or update ran into, as the conflict the caller can act on. */
function uniqueViolation(error: unknown): LoginTakenError | EmailTakenError | null {
  const constraint = (error as { driverError?: { constraint?: string } }).driverError?.constraint;
  if (constraint === 'uq_app_user_login') return new LoginTakenError();
  if (constraint === 'uq_app_user_email') return new EmailTakenError();
  return null;
}

/** Request fields and the columns they change. */
const UPDATABLE: [keyof UpdateUserRequest, string][] = [
  ['email', 'email'],
  ['fullName', 'full_name'],
  ['fullNameCyrillic', 'full_name_cyrillic'],
  ['language', 'language'],
  ['positionId', 'position_id'],
  ['orgUnitId', 'org_unit_id'],
  ['status', 'status'],
];

@Injectable()
export class UserService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: UserRepository,
    private readonly audit: AuditService,
    private readonly authRepository: AuthRepository,
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

  /**
   * Changes a user inside the caller's scope, and may move them only to a unit inside it. Suspending
   * ends every session of the user in the same transaction, so access stops at once.
   */
  async update(
    access: AccessContext,
    userId: string,
    request: UpdateUserRequest,
    ip: string | null,
  ): Promise<UserDetails> {
    const scope = access.scope ?? [];
    try {
      await this.dataSource.transaction(async (manager) => {
        const before = await this.repository.findForUpdate(manager, scope, userId);
        if (!before) throw new UserNotFoundError(userId);
        if (before.erasedAt) throw new PersonErasedError();
        if (request.orgUnitId && !(await this.repository.isUnitInScope(manager, scope, request.orgUnitId))) {
          throw new ValidationProblemException([notAdministered('orgUnitId')]);
        }
        if (request.positionId && !(await this.repository.positionExists(manager, request.positionId))) {
          throw new ValidationProblemException([UNKNOWN_POSITION]);
        }
        const columns: Record<string, unknown> = {};
        const changedBefore: Record<string, unknown> = {};
        const changedAfter: Record<string, unknown> = {};
        for (const [field, column] of UPDATABLE) {
          const value = request[field];
          const current = (before as unknown as Record<string, unknown>)[field] ?? null;
          if (value === undefined || value === current) continue;
          columns[column] = value;
          changedBefore[field] = current;
          changedAfter[field] = value;
        }
        await this.repository.update(manager, userId, columns);
        let revokedSessions = 0;
        if (request.status === 'suspended' && before.status !== 'suspended') {
          revokedSessions = await this.authRepository.revokeUserSessions(manager, userId, 'suspended');
        }
        await this.audit.record(manager, {
          actorUserId: access.principal.userId,
          action: 'user.update',
          targetType: 'user',
          targetId: userId,
          ip,
          summary: {
            before: changedBefore,
            after: changedAfter,
            ...(revokedSessions ? { revokedSessions } : {}),
          },
        });
      });
    } catch (error) {
      throw uniqueViolation(error) ?? error;
    }
    return this.get(access, userId);
  }

  /**
   * Creates a person on a unit inside the caller's scope, with their first grants on units inside it,
   * in one transaction. There is no password: the admin issues a reset link, or the person signs in
   * through single sign-on.
   */
  async create(access: AccessContext, request: CreateUserRequest, ip: string | null): Promise<UserDetails> {
    const scope = access.scope ?? [];
    const grants = request.grants ?? [];
    const user = {
      login: request.login,
      email: request.email,
      fullName: request.fullName.trim(),
      fullNameCyrillic: request.fullNameCyrillic?.trim() || null,
      language: request.language ?? DEFAULT_LANGUAGE,
      orgUnitId: request.orgUnitId,
      positionId: request.positionId ?? null,
    };
    let userId = '';
    try {
      await this.dataSource.transaction(async (manager) => {
        const inScope = await this.repository.unitsInScope(manager, scope, [
          user.orgUnitId,
          ...grants.map((grant) => grant.orgUnitId),
        ]);
        const problems: FieldError[] = [];
        if (!inScope.has(user.orgUnitId)) problems.push(notAdministered('orgUnitId'));
        grants.forEach((grant, index) => {
          if (!inScope.has(grant.orgUnitId)) problems.push(notAdministered(`grants.${index}.orgUnitId`));
        });
        if (user.positionId && !(await this.repository.positionExists(manager, user.positionId))) {
          problems.push(UNKNOWN_POSITION);
        }
        if (problems.length > 0) throw new ValidationProblemException(problems);
        const taken = await this.repository.findTaken(manager, user.login, user.email);
        if (taken.login) throw new LoginTakenError();
        if (taken.email) throw new EmailTakenError();

        userId = await this.repository.insertUser(manager, user);
        const granted: AddRoleGrantRequest[] = [];
        for (const grant of grants) {
          const grantId = await this.repository.insertGrant(manager, {
            userId,
            role: grant.role,
            orgUnitId: grant.orgUnitId,
            grantedBy: access.principal.userId,
          });
          if (grantId) granted.push({ role: grant.role, orgUnitId: grant.orgUnitId });
        }
        await this.audit.record(manager, {
          actorUserId: access.principal.userId,
          action: 'user.create',
          targetType: 'user',
          targetId: userId,
          ip,
          summary: { after: { ...user, grants: granted } },
        });
      });
    } catch (error) {
      // a concurrent request took the login or the address between the check and the insert
      throw uniqueViolation(error) ?? error;
    }
    return this.get(access, userId);
  }

  /** An admin grants only on units inside their own scope, to users inside it. */
  async addGrant(
    access: AccessContext,
    userId: string,
    request: AddRoleGrantRequest,
    ip: string | null,
  ): Promise<UserDetails> {
    const scope = access.scope ?? [];
    await this.dataSource.transaction(async (manager) => {
      const user = await this.repository.findForUpdate(manager, scope, userId);
      if (!user) throw new UserNotFoundError(userId);
      if (user.erasedAt) throw new PersonErasedError();
      if (!(await this.repository.isUnitInScope(manager, scope, request.orgUnitId))) {
        throw new ValidationProblemException([notAdministered('orgUnitId')]);
      }
      const grantId = await this.repository.insertGrant(manager, {
        userId,
        role: request.role,
        orgUnitId: request.orgUnitId,
        grantedBy: access.principal.userId,
      });
      if (grantId) {
        await this.audit.record(manager, {
          actorUserId: access.principal.userId,
          action: 'grant.add',
          targetType: 'user',
          targetId: userId,
          ip,
          summary: { after: { grantId, role: request.role, orgUnitId: request.orgUnitId } },
        });
      }
    });
    return this.get(access, userId);
  }

  async removeGrant(
    access: AccessContext,
    userId: string,
    grantId: string,
    ip: string | null,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const removed = await this.repository.deleteGrant(manager, access.scope ?? [], userId, grantId);
      if (!removed) throw new GrantNotFoundError(grantId);
      await this.audit.record(manager, {
        actorUserId: access.principal.userId,
        action: 'grant.remove',
        targetType: 'user',
        targetId: userId,
        ip,
        summary: { before: { grantId, role: removed.role, orgUnitId: removed.org_unit_id } },
      });
    });
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
