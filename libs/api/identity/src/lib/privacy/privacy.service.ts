import { Injectable } from '@nestjs/common';
import { AuditService } from '@border-academy/api-audit';
import {
  AccessContext,
  DomainError,
  PersonalDataRegistry,
  PrincipalCache,
  ValidationProblemException,
} from '@border-academy/api-platform';
import {
  ErasureRequest,
  ErasureResult,
  PERSONAL_DATA_SCHEMA,
  PersonalDataExport,
  PersonalDataFormat,
  PersonalDataSection,
} from '@border-academy/shared-contracts';
import { DataSource } from 'typeorm';

import { PersonErasedError, UserNotFoundError } from '../identity.errors';
import { UserRepository } from '../users/user.repository';
import { renderPersonalDataPdf } from './personal-data-pdf';

export class SelfErasureError extends DomainError {
  readonly status = 409;
  readonly type = 'urn:border-academy:problem:self-erasure';
  readonly title = 'Conflict';

  constructor() {
    super('An administrator cannot erase their own personal data; another administrator of the unit can');
  }
}

export type PersonalDataFile =
  { format: 'json'; data: PersonalDataExport } | { format: 'pdf'; data: PersonalDataExport; pdf: Buffer };

/**
 * A person's personal data, gathered from every section the modules registered, and its erasure on
 * request. Both are for admins whose scope holds the person (a person outside it does not exist for
 * them), both happen in one transaction with their audit entry.
 */
@Injectable()
export class PrivacyService {
  constructor(
    private readonly principals: PrincipalCache,
    private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly registry: PersonalDataRegistry,
    private readonly audit: AuditService,
  ) {}

  /**
   * Every section read in one snapshot (REPEATABLE READ), so the parts agree with each other; the PDF
   * is rendered before the audit entry commits, so an export that fails leaves no entry claiming it.
   */
  async export(
    access: AccessContext,
    userId: string,
    format: PersonalDataFormat,
    ip: string | null,
  ): Promise<PersonalDataFile> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const user = await this.users.findById(manager, access.scope ?? [], userId);
      if (!user) throw new UserNotFoundError(userId);
      const sections: PersonalDataSection[] = [];
      for (const provider of this.registry.sections()) {
        sections.push({
          key: provider.key,
          title: provider.title,
          rows: await provider.rows(manager, userId),
        });
      }
      const data: PersonalDataExport = {
        schema: PERSONAL_DATA_SCHEMA,
        generatedAt: new Date().toISOString(),
        generatedBy: access.principal.userId,
        person: { id: user.id, login: user.login, fullName: user.fullName },
        sections,
      };
      const pdf = format === 'pdf' ? await renderPersonalDataPdf(data, user.language) : null;
      await this.audit.record(manager, {
        actorUserId: access.principal.userId,
        action: 'privacy.export',
        targetType: 'user',
        targetId: userId,
        ip,
        summary: {
          format,
          rows: Object.fromEntries(sections.map((section) => [section.key, section.rows.length])),
        },
      });
      return pdf ? { format: 'pdf', data, pdf } : { format: 'json', data };
    });
  }

  /**
   * Anonymises the person for good, section by section, in one transaction: what identifies them is
   * replaced or removed, while the records that figures and certificates rest on stay. The row lock
   * makes a concurrent second erasure wait and then find the person erased (409). The audit entry
   * keeps the reason and what changed, not who the person was.
   */
  async erase(
    access: AccessContext,
    userId: string,
    request: ErasureRequest,
    ip: string | null,
  ): Promise<ErasureResult> {
    const reason = request.reason.trim();
    return this.dataSource.transaction(async (manager) => {
      const user = await this.users.findForUpdate(manager, access.scope ?? [], userId);
      if (!user) throw new UserNotFoundError(userId);
      if (user.erasedAt) throw new PersonErasedError();
      if (userId === access.principal.userId) throw new SelfErasureError();
      const problems = [];
      if (!reason)
        problems.push({ field: 'reason', message: 'reason must not be blank', code: 'isNotEmpty' });
      if (request.confirmLogin.trim().toLowerCase() !== user.login.toLowerCase()) {
        problems.push({
          field: 'confirmLogin',
          message: 'confirmLogin must be the login of the person to erase',
          code: 'confirm',
        });
      }
      if (problems.length > 0) throw new ValidationProblemException(problems);

      const changed: Record<string, number> = {};
      this.principals.changed([userId]);
      for (const provider of this.registry.sections()) {
        const count = provider.erase ? await provider.erase(manager, userId) : 0;
        if (count > 0) changed[provider.key] = count;
      }
      const [row]: { erased_at: Date }[] = await manager.query(
        `SELECT erased_at FROM app_user WHERE id = $1`,
        [userId],
      );
      if (!row?.erased_at) throw new Error(`The erasure of ${userId} left it unmarked`);
      await this.audit.record(manager, {
        actorUserId: access.principal.userId,
        action: 'privacy.erase',
        targetType: 'user',
        targetId: userId,
        ip,
        summary: { reason, changed },
      });
      return { userId, erasedAt: row.erased_at.toISOString(), changed };
    });
  }
}
