import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { Role } from '@border-academy/shared-contracts';
import { DataSource } from 'typeorm';

import { RequestWithAccess } from './access-context';
import { REQUIRED_PERMISSION } from './allow.decorator';
import { POLICY, Permission, Principal, scopeFor } from './policy';
import { PrincipalCache } from './principal-cache';
import { PUBLIC_ROUTE } from './public.decorator';

export interface AccessTokenClaims {
  sub: string;
  /** Refresh-token family; signing out of it ends the access token too. */
  sid: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface PrincipalRow {
  org_unit_id: string;
  session_expires_at: Date;
  grants: { role: Role; orgUnitId: string; orgUnitPath: string }[];
}

/**
 * The single access decision for every request: `@Public()` routes are open; every other route
 * needs a valid access token of an active user whose session is still live (401 otherwise) and a
 * grant of a role that carries the route's `@Allow(...)` permission (403 otherwise). Routes without
 * `@Allow` are refused, so a forgotten decorator fails closed. Who is asking is read once per
 * session and kept in the `PrincipalCache` until it changes.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly dataSource: DataSource,
    private readonly principals: PrincipalCache,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context
      .switchToHttp()
      .getRequest<RequestWithAccess & { headers: Record<string, unknown> }>();
    const principal = await this.authenticate(request.headers['authorization']);
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, targets);
    if (!permission || !(permission in POLICY)) {
      throw new ForbiddenException('This route is not open to any role');
    }
    const scope = scopeFor(principal, permission);
    if (scope !== null && scope.length === 0) {
      throw new ForbiddenException('None of your roles allows this');
    }
    request.access = { principal, permission, scope };
    return true;
  }

  private async authenticate(header: unknown): Promise<Principal> {
    const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9._-]+)$/.exec(header) : null;
    if (!match?.[1]) throw new UnauthorizedException('Sign-in is required');
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(match[1], { algorithms: ['HS256'] });
    } catch {
      throw new UnauthorizedException('The access token is invalid or has expired; refresh it or sign in');
    }
    if (!UUID.test(String(claims.sub)) || !UUID.test(String(claims.sid))) {
      throw new UnauthorizedException('The access token is invalid or has expired; refresh it or sign in');
    }
    const cached = this.principals.get(claims.sub, claims.sid);
    if (cached) return cached;
    const generation = this.principals.generation;
    // one query: the user is active, the session family is live, and the grants with their unit paths
    const rows: PrincipalRow[] = await this.dataSource.query(
      `SELECT u.org_unit_id, s.expires_at AS session_expires_at,
              COALESCE((SELECT json_agg(json_build_object('role', g.role, 'orgUnitId', g.org_unit_id,
                                                          'orgUnitPath', ou.path))
                          FROM role_grant g JOIN org_unit ou ON ou.id = g.org_unit_id
                         WHERE g.user_id = u.id), '[]'::json) AS grants
         FROM app_user u
         JOIN LATERAL (SELECT max(s.expires_at) AS expires_at FROM auth_session s
                        WHERE s.family_id = $2 AND s.user_id = u.id AND s.revoked_at IS NULL
                          AND s.expires_at > now()) s ON s.expires_at IS NOT NULL
        WHERE u.id = $1 AND u.status = 'active'`,
      [claims.sub, claims.sid],
    );
    const row = rows[0];
    if (!row) throw new UnauthorizedException('The session has ended; sign in again');
    const principal: Principal = {
      userId: claims.sub,
      sessionFamilyId: claims.sid,
      orgUnitId: row.org_unit_id,
      grants: row.grants,
    };
    this.principals.set(principal, new Date(row.session_expires_at), generation);
    return principal;
  }
}
