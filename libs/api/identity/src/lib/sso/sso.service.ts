import { Injectable, Logger } from '@nestjs/common';
import { AuditService } from '@border-academy/api-audit';
import { ApiConfig } from '@border-academy/api-platform';
import { LOGIN_PATTERN, SsoError, SsoStatus } from '@border-academy/shared-contracts';
import * as oidc from 'openid-client';
import { DataSource, EntityManager } from 'typeorm';

import { AuthService, IssuedSession, RequestOrigin } from '../auth/auth.service';
import { SsoDisabledError } from '../identity.errors';
import { SsoState, SSO_STATE_TTL_SECONDS, sameSitePath } from './sso-state';
import { SsoRepository } from './sso.repository';

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+$/;
const PROVIDER_TIMEOUT_SECONDS = 10;

/** A single sign-on that ends without a session; `reason` is for the audit trail and the log. */
export class SsoFailure extends Error {
  constructor(
    readonly code: SsoError,
    readonly reason: string,
    readonly target?: string,
  ) {
    super(reason);
    this.name = 'SsoFailure';
  }
}

/** The start of a single sign-on: where to send the browser, and what it must bring back. */
export interface SsoStart {
  authorizationUrl: string;
  state: SsoState;
}

export type SsoOutcome =
  { kind: 'signed-in'; session: IssuedSession; returnTo: string } | { kind: 'failed'; code: SsoError };

/** The claims the platform reads from the provider. */
interface SsoClaims {
  subject: string;
  login: unknown;
  email: unknown;
  name: unknown;
  givenName: unknown;
  familyName: unknown;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/**
 * Single sign-on with an OpenID Connect provider: authorization code flow with PKCE, state and
 * nonce. The provider's identity (issuer + subject) is linked to a platform account, found by the
 * link or else by the login claim; a person seen for the first time gets an account in the
 * configured org unit with the configured role. The session that follows is the same as after a
 * password sign-in.
 */
@Injectable()
export class SsoService {
  private readonly logger = new Logger(SsoService.name);
  private discovered: Promise<oidc.Configuration> | null = null;

  constructor(
    private readonly config: ApiConfig,
    private readonly dataSource: DataSource,
    private readonly repository: SsoRepository,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  status(): SsoStatus {
    return this.config.ssoEnabled
      ? { enabled: true, displayName: this.config.OIDC_DISPLAY_NAME }
      : { enabled: false };
  }

  /** The provider's authorization address for a new sign-in; throws SsoFailure when it cannot be reached. */
  async start(returnTo: string | undefined, redirectUri: string): Promise<SsoStart> {
    const configuration = await this.provider();
    const state: SsoState = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
      returnTo: sameSitePath(returnTo),
      redirectUri,
      expiresAt: Math.floor(Date.now() / 1000) + SSO_STATE_TTL_SECONDS,
    };
    const authorizationUrl = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUri,
      scope: this.config.OIDC_SCOPES,
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(state.codeVerifier),
      code_challenge_method: 'S256',
      state: state.state,
      nonce: state.nonce,
    });
    return { authorizationUrl: authorizationUrl.href, state };
  }

  /**
   * Finishes a sign-in from the provider's answer (the callback's query string) and the state the
   * browser brought back; every way it can fail is audited and ends as an SsoError code.
   */
  async callback(query: string, state: SsoState | null, origin: RequestOrigin): Promise<SsoOutcome> {
    try {
      const claims = await this.verifiedClaims(query, state);
      const session = await this.signIn(claims, origin);
      return { kind: 'signed-in', session, returnTo: state?.returnTo ?? '/' };
    } catch (error) {
      const failure =
        error instanceof SsoFailure ? error : new SsoFailure('failed', this.describeUnexpected(error));
      await this.audit.record(this.dataSource.manager, {
        actorUserId: null,
        action: 'auth.sign-in-failed',
        targetType: 'user',
        ...(failure.target ? { targetId: failure.target.slice(0, 200) } : {}),
        ip: origin.ip,
        summary: { method: 'sso', reason: failure.reason },
      });
      return { kind: 'failed', code: failure.code };
    }
  }

  private async verifiedClaims(query: string, state: SsoState | null): Promise<SsoClaims> {
    if (!state) throw new SsoFailure('expired', 'no valid sign-on state');
    const answer = new URLSearchParams(query);
    if (answer.get('state') !== state.state) throw new SsoFailure('expired', 'state does not match');
    const refused = answer.get('error');
    if (refused) throw new SsoFailure('denied', `provider answered ${refused.slice(0, 100)}`);

    const configuration = await this.provider();
    const currentUrl = new URL(state.redirectUri);
    currentUrl.search = answer.toString();
    const tokens = await oidc.authorizationCodeGrant(configuration, currentUrl, {
      pkceCodeVerifier: state.codeVerifier,
      expectedState: state.state,
      expectedNonce: state.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims) throw new SsoFailure('failed', 'no ID token');
    const loginClaim = this.config.OIDC_LOGIN_CLAIM;
    let claims: Record<string, unknown> = { ...idClaims };
    // many providers put profile claims only in the userinfo response unless asked otherwise
    if (claims[loginClaim] === undefined || claims['email'] === undefined || claims['name'] === undefined) {
      const userInfo = await oidc.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
      claims = { ...userInfo, ...claims };
    }
    return {
      subject: idClaims.sub,
      login: claims[loginClaim],
      email: claims['email'],
      name: claims['name'],
      givenName: claims['given_name'],
      familyName: claims['family_name'],
    };
  }

  private signIn(claims: SsoClaims, origin: RequestOrigin): Promise<IssuedSession> {
    const issuer = this.issuer();
    return this.dataSource.transaction(async (manager) => {
      let account = await this.repository.findLinkedForUpdate(manager, issuer, claims.subject);
      if (account) {
        await this.repository.touch(manager, issuer, claims.subject);
      } else {
        const login = text(claims.login);
        if (!login || !LOGIN_PATTERN.test(login)) {
          throw new SsoFailure(
            'claims',
            `claim ${this.config.OIDC_LOGIN_CLAIM} is not a usable login`,
            claims.subject,
          );
        }
        account = await this.repository.findUnlinkedByLoginForUpdate(manager, issuer, login);
        const userId = account?.id ?? (await this.createUser(manager, login, claims));
        await this.repository.link(manager, userId, issuer, claims.subject);
        await this.audit.record(manager, {
          actorUserId: null,
          action: 'user.sso-link',
          targetType: 'user',
          targetId: userId,
          ip: origin.ip,
          summary: { issuer, subject: claims.subject },
        });
        account ??= { id: userId, status: 'active' };
      }
      if (account.status !== 'active') throw new SsoFailure('suspended', 'suspended', account.id);
      return this.auth.startSession(manager, account.id, origin, 'sso');
    });
  }

  /** A person seen for the first time: an account on the default unit with the default role. */
  private async createUser(manager: EntityManager, login: string, claims: SsoClaims): Promise<string> {
    const email = text(claims.email);
    if (!email || email.length > 254 || !EMAIL_PATTERN.test(email)) {
      throw new SsoFailure('claims', 'claim email is missing or not an address', login);
    }
    if (await this.repository.emailTaken(manager, email)) {
      throw new SsoFailure('claims', 'e-mail address belongs to another account', login);
    }
    const unitCode = this.config.OIDC_DEFAULT_ORG_UNIT ?? '';
    const orgUnitId = await this.repository.findOrgUnitIdByCode(manager, unitCode);
    if (!orgUnitId) {
      this.logger.error(`OIDC_DEFAULT_ORG_UNIT names no org unit: ${unitCode}`);
      throw new SsoFailure('failed', `no org unit ${unitCode}`, login);
    }
    const fullName = (
      text(claims.name) ||
      [text(claims.givenName), text(claims.familyName)].filter(Boolean).join(' ') ||
      login
    ).slice(0, 200);
    const userId = await this.repository.insertUser(manager, { login, email, fullName, orgUnitId });
    const role = this.config.OIDC_DEFAULT_ROLE;
    await this.repository.insertGrant(manager, userId, role, orgUnitId);
    await this.audit.record(manager, {
      actorUserId: null,
      action: 'user.create',
      targetType: 'user',
      targetId: userId,
      summary: {
        method: 'sso',
        after: { login, email, fullName, orgUnitId, grants: [{ role, orgUnitId }] },
      },
    });
    return userId;
  }

  /** The provider's metadata, discovered once; a failed discovery is retried at the next sign-in. */
  private provider(): Promise<oidc.Configuration> {
    if (!this.config.ssoEnabled) return Promise.reject(new SsoDisabledError());
    this.discovered ??= oidc
      .discovery(
        new URL(this.issuer()),
        this.config.OIDC_CLIENT_ID ?? '',
        this.config.OIDC_CLIENT_SECRET,
        undefined,
        {
          timeout: PROVIDER_TIMEOUT_SECONDS,
          // plain HTTP is refused for the issuer in production by the configuration check
          ...(this.issuer().startsWith('http://') ? { execute: [oidc.allowInsecureRequests] } : {}),
        },
      )
      .catch((error: unknown) => {
        this.discovered = null;
        this.logger.error(`OpenID provider discovery failed: ${this.describeUnexpected(error)}`);
        throw new SsoFailure('failed', 'provider discovery failed');
      });
    return this.discovered;
  }

  private issuer(): string {
    return this.config.OIDC_ISSUER_URL ?? '';
  }

  private describeUnexpected(error: unknown): string {
    if (error instanceof oidc.AuthorizationResponseError) return `provider answered ${error.error}`;
    if (error instanceof oidc.ResponseBodyError) return `provider refused: ${error.error}`;
    return error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : 'unknown error';
  }
}
