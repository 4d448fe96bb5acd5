import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Observable, firstValueFrom } from 'rxjs';
import { AuditClient } from './audit-client';
import { NOTIFY_ON_ERROR } from './error-notification';
import { UserClient } from './user-client';

describe('user and audit clients', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  /** Subscribes, checks the one request it makes, answers it and returns the request's method and body. */
  async function call<T>(call: Observable<T>, url: string, answer: object | null = null) {
    const done = firstValueFrom(call);
    const request = http.expectOne(url);
    expect(request.request.context.get(NOTIFY_ON_ERROR)).toBe(false);
    request.flush(answer);
    await done;
    return { method: request.request.method, body: request.request.body as unknown };
  }

  it('lists users with only the filters that are set', async () => {
    const users = TestBed.inject(UserClient);
    expect(
      await call(users.list({ q: 'ali', role: 'hr', page: 2 }), '/api/v1/users?q=ali&role=hr&page=2', {
        items: [],
      }),
    ).toEqual({ method: 'GET', body: null });
  });

  it('creates, reads and changes a user, their grants, lock and reset links', async () => {
    const users = TestBed.inject(UserClient);
    const grant = { role: 'trainer' as const, orgUnitId: 'unit' };
    expect(
      await call(
        users.create({ login: 'a', email: 'a@b.c', fullName: 'A', orgUnitId: 'u' }),
        '/api/v1/users',
      ),
    ).toEqual({
      method: 'POST',
      body: { login: 'a', email: 'a@b.c', fullName: 'A', orgUnitId: 'u' },
    });
    expect((await call(users.get('a/b'), '/api/v1/users/a%2Fb')).method).toBe('GET');
    expect(await call(users.update('u1', { status: 'suspended' }), '/api/v1/users/u1')).toEqual({
      method: 'PATCH',
      body: { status: 'suspended' },
    });
    expect(await call(users.addGrant('u1', grant), '/api/v1/users/u1/grants')).toEqual({
      method: 'POST',
      body: grant,
    });
    expect((await call(users.removeGrant('u1', 'g1'), '/api/v1/users/u1/grants/g1')).method).toBe('DELETE');
    expect((await call(users.unlock('u1'), '/api/v1/users/u1/unlock')).method).toBe('POST');
    expect((await call(users.issueResetLink('u1'), '/api/v1/users/u1/reset-links')).method).toBe('POST');
  });

  it('reads the audit trail with its filters', async () => {
    const audit = TestBed.inject(AuditClient);
    expect(
      (
        await call(
          audit.list({ action: 'grant.add', targetId: 'u1' }),
          '/api/v1/audit-events?action=grant.add&targetId=u1',
        )
      ).method,
    ).toBe('GET');
  });
});
