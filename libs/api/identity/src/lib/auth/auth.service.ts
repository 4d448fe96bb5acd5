import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AuditService } from '@border-academy/api-audit';
import { ACCESS_TOKEN_TTL_SECONDS, AccessTokenClaims } from '@border-academy/api-platform';
import { ChangePasswordRequest, CurrentUser, SessionResponse } from '@border-academy/shared-contracts';
import { DataSource, EntityManager } from 'typeorm';

import {
  AccountLockedError,
  InvalidCredentialsError,
  SessionEndedError,
  UserNotFoundError,
} from '../identity.errors';
import { hashPassword, verifyPassword } from '../password/password-hasher';
import { assertPasswordAcceptable } from '../password/password-policy';
import { AuthRepository, CredentialRow } from './auth.repository';
import { REFRESH_TOKEN_TTL_SECONDS } from './session-cookie';

/** Wrong passwords in a row before sign-in locks, and for how long. */
export const LOCK_AFTER_FAILURES = 5;
export const LOCK_SECONDS = 15 * 60;

/** Where a request came from, for the session record and the audit trail. */
export interface RequestOrigin {
  ip: string | null;
  userAgent: string | null;
}

/** How a person proved who they are. */
export type SignInMethod = 'password' | 'sso';

/** A signed-in session: what the client reads, and the refresh token for its cookie. */
export interface IssuedSession {
  response: SessionResponse;
  refreshToken: string;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

// verifying against a real hash keeps an unknown login as slow as a wrong password
const UNKNOWN_USER_HASH = hashPassword(randomBytes(16).toString('hex'));

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: AuthRepository,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
  ) {}

  /** Checks a login (or e-mail) and password; counts failures and locks the account after too many. */
  async verifyCredentials(
    loginOrEmail: string,
    password: string,
    origin: RequestOrigin,
  ): Promise<CredentialRow> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const user = await this.repository.findCredentialsForUpdate(manager, loginOrEmail);
      if (user?.locked_until && user.locked_until > new Date()) {
        return { kind: 'locked' as const, until: user.locked_until };
      }
      const passwordOk =
        user?.password_hash != null
          ? await verifyPassword(user.password_hash, password)
          : (await verifyPassword(await UNKNOWN_USER_HASH, password)) && false;
      if (!user || !passwordOk || user.status !== 'active') {
        await this.audit.record(manager, {
          actorUserId: null,
          action: 'auth.sign-in-failed',
          targetType: 'user',
          targetId: user?.id ?? loginOrEmail.slice(0, 200),
          ip: origin.ip,
          summary: {
            method: 'password',
            reason: !user ? 'unknown login' : !passwordOk ? 'wrong password' : 'suspended',
          },
        });
        if (user && !passwordOk) {
          const { locked_until } = await this.repository.recordFailure(
            manager,
            user.id,
            LOCK_AFTER_FAILURES,
            LOCK_SECONDS,
          );
          if (locked_until && locked_until > new Date()) {
            await this.audit.record(manager, {
              actorUserId: null,
              action: 'auth.lockout',
              targetType: 'user',
              targetId: user.id,
              ip: origin.ip,
              summary: { lockedUntil: locked_until.toISOString(), failures: LOCK_AFTER_FAILURES },
            });
            return { kind: 'locked' as const, until: locked_until };
          }
        }
        return { kind: 'refused' as const };
      }
      await this.repository.clearFailures(manager, user.id);
      return { kind: 'ok' as const, user };
    });
    if (outcome.kind === 'locked') throw new AccountLockedError(outcome.until);
    if (outcome.kind === 'refused') throw new InvalidCredentialsError();
    return outcome.user;
  }

  /** Starts a new session family for a user whose credentials were just verified. */
  async signIn(userId: string, origin: RequestOrigin): Promise<IssuedSession> {
    return this.dataSource.transaction((manager) => this.startSession(manager, userId, origin, 'password'));
  }

  /**
   * Starts a new session family inside the caller's transaction, for a user who has just proven who
   * they are, by password or through single sign-on; the audit entry names the method.
   */
  async startSession(
    manager: EntityManager,
    userId: string,
    origin: RequestOrigin,
    method: SignInMethod,
  ): Promise<IssuedSession> {
    const familyId = randomUUID();
    const { token: refreshToken } = await this.insertSession(manager, userId, familyId, origin);
    await this.audit.record(manager, {
      actorUserId: userId,
      action: 'auth.sign-in',
      targetType: 'user',
      targetId: userId,
      ip: origin.ip,
      summary: { sessionFamily: familyId, method },
    });
    return { response: await this.sessionResponse(manager, userId, familyId), refreshToken };
  }

  /**
   * Exchanges a refresh token for a new one of the same family. A token that was already rotated
   * is a stolen copy or a replay: the whole family is revoked so that neither holder keeps access.
   */
  async refresh(refreshToken: string | undefined, origin: RequestOrigin): Promise<IssuedSession> {
    if (!refreshToken) throw new SessionEndedError('No session: sign in');
    const outcome = await this.dataSource.transaction(async (manager) => {
      const session = await this.repository.findSessionByHashForUpdate(manager, hashToken(refreshToken));
      if (!session) return { kind: 'ended' as const };
      if (session.revoked_at) {
        if (session.replaced_by) {
          const revoked = await this.repository.revokeFamily(manager, session.family_id, 'reuse');
          await this.audit.record(manager, {
            actorUserId: null,
            action: 'auth.refresh-reuse',
            targetType: 'user',
            targetId: session.user_id,
            ip: origin.ip,
            summary: { sessionFamily: session.family_id, revokedSessions: revoked },
          });
          return { kind: 'reused' as const };
        }
        return { kind: 'ended' as const };
      }
      if (session.expires_at <= new Date() || !session.user_active) return { kind: 'ended' as const };
      const next = await this.insertSession(manager, session.user_id, session.family_id, origin);
      await this.repository.markRotated(manager, session.id, next.id);
      return {
        kind: 'rotated' as const,
        issued: {
          response: await this.sessionResponse(manager, session.user_id, session.family_id),
          refreshToken: next.token,
        },
      };
    });
    if (outcome.kind === 'reused') {
      throw new SessionEndedError(
        'This refresh token was already used; every session of this sign-in has ended',
      );
    }
    if (outcome.kind === 'ended') throw new SessionEndedError();
    return outcome.issued;
  }

  /** Ends the session family of the given refresh token, if any; signing out twice is harmless. */
  async signOut(refreshToken: string | undefined, origin: RequestOrigin): Promise<void> {
    if (!refreshToken) return;
    await this.dataSource.transaction(async (manager) => {
      const session = await this.repository.findSessionByHashForUpdate(manager, hashToken(refreshToken));
      if (!session) return;
      const revoked = await this.repository.revokeFamily(manager, session.family_id, 'sign-out');
      if (revoked > 0) {
        await this.audit.record(manager, {
          actorUserId: session.user_id,
          action: 'auth.sign-out',
          targetType: 'user',
          targetId: session.user_id,
          ip: origin.ip,
          summary: { sessionFamily: session.family_id },
        });
      }
    });
  }

  async signOutEverywhere(userId: string, origin: RequestOrigin): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const revoked = await this.repository.revokeUserSessions(manager, userId, 'sign-out-everywhere');
      await this.audit.record(manager, {
        actorUserId: userId,
        action: 'auth.sign-out-everywhere',
        targetType: 'user',
        targetId: userId,
        ip: origin.ip,
        summary: { revokedSessions: revoked },
      });
    });
  }

  /** The user changes their own password; every other session ends, the current one stays. */
  async changePassword(
    userId: string,
    currentFamilyId: string,
    request: ChangePasswordRequest,
    origin: RequestOrigin,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const user = await this.repository.findCredentialsById(manager, userId);
      if (!user) throw new UserNotFoundError(userId);
      if (!user.password_hash || !(await verifyPassword(user.password_hash, request.currentPassword))) {
        throw new InvalidCredentialsError();
      }
      assertPasswordAcceptable('newPassword', request.newPassword, [user.login, user.email, user.full_name]);
      await this.repository.setPasswordHash(manager, userId, await hashPassword(request.newPassword));
      const revoked = await this.repository.revokeUserSessions(
        manager,
        userId,
        'password-changed',
        currentFamilyId,
      );
      await this.audit.record(manager, {
        actorUserId: userId,
        action: 'auth.password-change',
        targetType: 'user',
        targetId: userId,
        ip: origin.ip,
        summary: { revokedSessions: revoked },
      });
    });
  }

  async currentUser(userId: string): Promise<CurrentUser> {
    const user = await this.repository.findCurrentUser(this.dataSource.manager, userId);
    if (!user) throw new UserNotFoundError(userId);
    return user;
  }

  private async insertSession(
    manager: EntityManager,
    userId: string,
    familyId: string,
    origin: RequestOrigin,
  ): Promise<{ id: string; token: string }> {
    const token = randomBytes(32).toString('base64url');
    const id = await this.repository.insertSession(manager, {
      userId,
      familyId,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + REFRESH_TOKEN_TTL_SECONDS * 1000),
      ip: origin.ip,
      userAgent: origin.userAgent?.slice(0, 500) ?? null,
    });
    return { id, token };
  }

  private async sessionResponse(
    manager: EntityManager,
    userId: string,
    familyId: string,
  ): Promise<SessionResponse> {
    const user = await this.repository.findCurrentUser(manager, userId);
    if (!user) throw new UserNotFoundError(userId);
    const claims: AccessTokenClaims = { sub: userId, sid: familyId };
    const accessToken = await this.jwt.signAsync(claims);
    return {
      accessToken,
      accessTokenExpiresAt: new Date(Date.now() + ACCESS_TOKEN_TTL_SECONDS * 1000).toISOString(),
      user,
    };
  }
}
