import { HttpClient } from '@angular/common/http';
import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { CurrentUser, Role, SessionResponse, SignInRequest } from '@border-academy/shared-contracts';
import { LanguagePreference } from '@border-academy/web-i18n';
import { withoutErrorNotification } from '../error-notification';
import { REAUTHENTICATION_PROMPT } from './reauthentication';

export const AUTH_API = {
  signIn: '/api/v1/auth/sign-in',
  refresh: '/api/v1/auth/refresh',
  signOut: '/api/v1/auth/sign-out',
  signOutEverywhere: '/api/v1/auth/sign-out-everywhere',
  me: '/api/v1/me',
  password: '/api/v1/auth/password',
  resetPassword: '/api/v1/auth/reset-password',
  ssoStatus: '/api/v1/auth/sso',
  ssoStart: '/api/v1/auth/sso/start',
} as const;

/** Where the sign-in page lives; guards and the session send people there. */
export const SIGN_IN_PATH = '/sign-in';

/**
 * `unknown` until the start-up refresh has answered; `expired` when a session ended without the user
 * signing out, so the sign-in page can say why they are there.
 */
export type SessionStatus = 'unknown' | 'signedIn' | 'signedOut' | 'expired';

// Renewing a little before expiry keeps requests from failing on a slow link; never sooner than
// this floor, so a clock that is off does not renew in a tight loop.
const RENEW_BEFORE_EXPIRY_MS = 60_000;
const MIN_RENEW_DELAY_MS = 5_000;

/** Tabs of the same browser tell each other about a sign-out on it. */
export const SESSION_CHANNEL = 'border-academy.session';
const SIGNED_OUT_MESSAGE = 'signed-out';

/**
 * The signed-in person and their access token. The token lives only in memory: officers share
 * devices, so nothing that grants access is written to storage; the httpOnly refresh cookie
 * brings the session back after a reload.
 */
@Injectable({ providedIn: 'root' })
export class AuthSession {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  private readonly language = inject(LanguagePreference);
  private readonly reauthenticationPrompt = inject(REAUTHENTICATION_PROMPT, { optional: true });

  private readonly state = signal<SessionStatus>('unknown');
  private readonly currentUser = signal<CurrentUser | null>(null);
  private token: string | null = null;
  private renewTimer: ReturnType<typeof setTimeout> | undefined;
  private restoring: Promise<void> | null = null;
  private refreshing: Promise<boolean> | null = null;
  private recovering: Promise<boolean> | null = null;
  /** Counts sessions ended here, so a renewal answered after a sign-out does not bring the session back. */
  private ended = 0;
  // On a shared computer, signing out in one tab must not leave another tab showing private pages.
  private readonly channel =
    typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(SESSION_CHANNEL);

  readonly status = this.state.asReadonly();
  readonly user = this.currentUser.asReadonly();
  readonly signedIn = computed(() => this.state() === 'signedIn');
  readonly roles = computed(() => new Set<Role>(this.currentUser()?.grants.map((grant) => grant.role)));

  constructor() {
    this.channel?.addEventListener('message', (event: MessageEvent<unknown>) => {
      if (event.data === SIGNED_OUT_MESSAGE) void this.leave('signedOut');
    });
    inject(DestroyRef).onDestroy(() => {
      clearTimeout(this.renewTimer);
      this.channel?.close();
    });
  }

  get accessToken(): string | null {
    return this.token;
  }

  hasRole(role: Role): boolean {
    return this.roles().has(role);
  }

  /** Signs in and switches the interface to the user's preferred language. Failures reach the caller as ApiError. */
  async signIn(request: SignInRequest): Promise<CurrentUser> {
    const session = await firstValueFrom(
      this.http.post<SessionResponse>(AUTH_API.signIn, request, { context: withoutErrorNotification() }),
    );
    this.start(session);
    await this.language.use(session.user.language);
    return session.user;
  }

  /**
   * Brings back the session of the refresh cookie, once per page load; guards await it. Any failure
   * (no cookie, expired, offline) quietly means signed out.
   */
  restore(): Promise<void> {
    // After a sign-in or sign-out on this page the answer is already known.
    if (this.state() !== 'unknown') return this.restoring ?? Promise.resolve();
    this.restoring ??= this.refresh().then((renewed) => {
      if (!renewed && this.state() === 'unknown') this.state.set('signedOut');
    });
    return this.restoring;
  }

  /** Renews the access token; concurrent callers share one request. Resolves whether it worked. */
  refresh(): Promise<boolean> {
    const endedBefore = this.ended;
    this.refreshing ??= firstValueFrom(
      this.http.post<SessionResponse>(AUTH_API.refresh, null, { context: withoutErrorNotification() }),
    )
      .then(
        (session) => {
          if (this.ended !== endedBefore) return false;
          this.start(session);
          return true;
        },
        () => false,
      )
      .finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  /** Ends this device's session (or every session of the user) and forgets everything about it. */
  async signOut(options: { everywhere?: boolean } = {}): Promise<void> {
    const url = options.everywhere ? AUTH_API.signOutEverywhere : AUTH_API.signOut;
    try {
      await firstValueFrom(this.http.post<void>(url, null, { context: withoutErrorNotification() }));
    } catch {
      // The session is forgotten here even if the server could not be told; its cookie is cleared
      // by the next successful sign-in or expires on its own.
    }
    this.clear('signedOut');
    this.channel?.postMessage(SIGNED_OUT_MESSAGE);
    await this.router.navigateByUrl(SIGN_IN_PATH);
  }

  /**
   * The server no longer accepts the session and it could not be renewed. The person signs in again
   * over the page they are on (the app's reauthentication prompt), so what they typed there stays;
   * resolves true when the session runs again, after which the failed request can be sent again.
   * Requests failing meanwhile wait for the same prompt. Without a prompt, or when the person
   * leaves, the session expires.
   */
  recover(): Promise<boolean> {
    const login = this.currentUser()?.login;
    if (this.state() !== 'signedIn' || !login) return Promise.resolve(false);
    if (!this.reauthenticationPrompt) return this.expire().then(() => false);
    // The old token is refused anyway; the page stays as it is under the prompt.
    this.token = null;
    clearTimeout(this.renewTimer);
    const endedBefore = this.ended;
    this.recovering ??= this.reauthenticationPrompt(login)
      .catch(() => false)
      .then(async (signedInAgain) => {
        if (signedInAgain && this.state() === 'signedIn' && this.token) return true;
        // signed out meanwhile (another tab): that sign-out has already left the page
        if (this.ended === endedBefore) await this.expire();
        return false;
      })
      .finally(() => (this.recovering = null));
    return this.recovering;
  }

  /**
   * The session has ended for good. The current page is navigated to again so that its guard,
   * seeing no session, sends the user to sign in and back here afterwards.
   */
  expire(): Promise<void> {
    return this.leave('expired');
  }

  private async leave(status: 'expired' | 'signedOut'): Promise<void> {
    if (this.state() !== 'signedIn') return;
    this.clear(status);
    await this.router.navigateByUrl(this.router.url, { onSameUrlNavigation: 'reload' });
  }

  private start(session: SessionResponse): void {
    this.token = session.accessToken;
    this.currentUser.set(session.user);
    this.state.set('signedIn');
    this.scheduleRenewal(session.accessTokenExpiresAt);
  }

  private clear(status: SessionStatus): void {
    this.ended++;
    clearTimeout(this.renewTimer);
    this.token = null;
    this.currentUser.set(null);
    this.state.set(status);
  }

  private scheduleRenewal(expiresAt: string): void {
    clearTimeout(this.renewTimer);
    const untilRenewal = Date.parse(expiresAt) - Date.now() - RENEW_BEFORE_EXPIRY_MS;
    const delay = Number.isNaN(untilRenewal)
      ? MIN_RENEW_DELAY_MS
      : Math.max(untilRenewal, MIN_RENEW_DELAY_MS);
    this.renewTimer = setTimeout(() => {
      void this.refresh().then((renewed) => (renewed ? undefined : this.recover()));
    }, delay);
  }
}
