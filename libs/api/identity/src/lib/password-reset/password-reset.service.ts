import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService } from '@border-academy/api-audit';
import { AccessContext } from '@border-academy/api-platform';
import { RESET_LINK_TTL_HOURS, ResetLink, ResetPasswordRequest } from '@border-academy/shared-contracts';
import { DataSource } from 'typeorm';

import { AuthRepository } from '../auth/auth.repository';
import { RequestOrigin, hashToken } from '../auth/auth.service';
import { PersonErasedError, ResetLinkGoneError, UserNotFoundError } from '../identity.errors';
import { hashPassword } from '../password/password-hasher';
import { assertPasswordAcceptable } from '../password/password-policy';
import { UserRepository } from '../users/user.repository';
import { PasswordResetRepository } from './password-reset.repository';

/** The web app's page that takes the token from its path. */
export const RESET_PASSWORD_PATH = '/reset-password/';

/**
 * One-time links with which a person sets a password: issued by an admin for a person inside their
 * scope and shown to the admin once (until mail exists), used once by the person, without signing in.
 */
@Injectable()
export class PasswordResetService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: PasswordResetRepository,
    private readonly users: UserRepository,
    private readonly auth: AuthRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * A new link for a user inside the caller's scope, `webOrigin` being the address the admin reached
   * the platform at. Every earlier unused link of the person stops working. The token is returned in
   * the URL here and nowhere else: the database keeps its hash and the audit entry neither.
   */
  async issue(
    access: AccessContext,
    userId: string,
    webOrigin: string,
    ip: string | null,
  ): Promise<ResetLink> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = await this.dataSource.transaction(async (manager) => {
      const user = await this.users.findForUpdate(manager, access.scope ?? [], userId);
      if (!user) throw new UserNotFoundError(userId);
      if (user.erasedAt) throw new PersonErasedError();
      const revokedLinks = await this.repository.revokeLive(manager, userId);
      const link = await this.repository.insert(manager, {
        userId,
        tokenHash: hashToken(token),
        ttlHours: RESET_LINK_TTL_HOURS,
        createdBy: access.principal.userId,
      });
      await this.audit.record(manager, {
        actorUserId: access.principal.userId,
        action: 'user.reset-link',
        targetType: 'user',
        targetId: userId,
        ip,
        summary: { after: { linkId: link.id, expiresAt: link.expires_at.toISOString() }, revokedLinks },
      });
      return link.expires_at;
    });
    return { url: `${webOrigin}${RESET_PASSWORD_PATH}${token}`, expiresAt: expiresAt.toISOString() };
  }

  /**
   * Sets the password of the link's person and uses the link up. Their sessions end everywhere (whoever
   * knew the old password is signed out) and a lockout is lifted, so they can sign in at once.
   */
  async reset(request: ResetPasswordRequest, origin: RequestOrigin): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const link = await this.repository.findByHashForUpdate(manager, hashToken(request.token));
      if (!link?.live) throw new ResetLinkGoneError();
      assertPasswordAcceptable('newPassword', request.newPassword, [link.login, link.email, link.full_name]);
      await this.auth.setPasswordHash(manager, link.user_id, await hashPassword(request.newPassword));
      await this.auth.clearFailures(manager, link.user_id);
      await this.repository.markUsed(manager, link.id);
      const revokedSessions = await this.auth.revokeUserSessions(manager, link.user_id, 'password-reset');
      await this.audit.record(manager, {
        actorUserId: link.user_id,
        action: 'auth.password-reset',
        targetType: 'user',
        targetId: link.user_id,
        ip: origin.ip,
        summary: { linkId: link.id, revokedSessions },
      });
    });
  }
}
