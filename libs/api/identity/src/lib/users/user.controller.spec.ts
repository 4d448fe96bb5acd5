import { DEMO_PASSWORD, SEED_STEPS } from '@border-academy/api-db';
import { createTestApp, seedTestDatabase, TestApp } from '@border-academy/api-platform';
import {
  AuditEvent,
  Page,
  ProblemDetails,
  SessionResponse,
  UserDetails,
  UserSummary,
} from '@border-academy/shared-contracts';
import { DataSource } from 'typeorm';

import { IdentityModule } from '../identity.module';

describe('users API', () => {
  let testApp: TestApp;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    testApp = await createTestApp([IdentityModule], { SIGN_IN_ATTEMPTS_PER_MINUTE: '1000' });
    // the demo accounts, without the officers the qualifications demo adds at the border posts
    await seedTestDatabase(
      testApp,
      SEED_STEPS.filter((step) => step.name !== 'demo-qualifications'),
    );
    for (const login of ['kz.admin', 'kz.hr', 'kg.admin', 'platform.admin']) {
      const response = await testApp.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { login, password: DEMO_PASSWORD },
      });
      tokens[login] = (response.json() as SessionResponse).accessToken;
    }
  });

  afterAll(async () => {
    await testApp?.close();
  });

  function get(as: string, url: string) {
    return testApp.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${tokens[as]}` } });
  }

  async function list(as: string, query = ''): Promise<Page<UserSummary>> {
    const response = await get(as, `/api/v1/users${query}`);
    expect(response.statusCode).toBe(200);
    return response.json() as Page<UserSummary>;
  }

  it('lists only the users inside the caller’s scope', async () => {
    const kazakh = await list('kz.admin', '?pageSize=100');
    expect(kazakh.total).toBe(5);
    expect(kazakh.items.map((user) => user.login).sort()).toEqual([
      'kz.admin',
      'kz.hr',
      'kz.learner',
      'kz.reviewer',
      'kz.trainer',
    ]);
    expect((await list('kz.hr', '?pageSize=100')).total).toBe(5);
    expect((await list('platform.admin', '?pageSize=100')).total).toBe(26);
  });

  it('searches by login or name, filters by role, status and unit subtree', async () => {
    expect((await list('platform.admin', '?q=trainer')).items.map((user) => user.login)).toHaveLength(5);
    expect((await list('platform.admin', '?q=Kyrgyzstan')).total).toBe(5);
    expect((await list('platform.admin', '?role=hr')).total).toBe(5);
    expect((await list('platform.admin', '?status=suspended')).total).toBe(0);
    const [kg] = (await list('platform.admin', '?q=kg.learner')).items;
    const inKg = await list('platform.admin', `?orgUnitId=${kg?.orgUnitId}&pageSize=100`);
    expect(inKg.items.every((user) => user.login.startsWith('kg.'))).toBe(true);
    expect((await list('platform.admin', '?q=%25')).total).toBe(0);
  });

  it('sorts and pages, reporting the total past the end', async () => {
    const byLogin = await list('platform.admin', '?sort=-login&pageSize=3');
    expect(byLogin.items.map((user) => user.login)).toEqual(['uz.trainer', 'uz.reviewer', 'uz.learner']);
    const past = await list('platform.admin', '?page=99&pageSize=10');
    expect(past).toEqual({ items: [], total: 26, page: 99, pageSize: 10 });
  });

  it('lists each user with their position’s name and their roles', async () => {
    const [learner] = (await list('kz.admin', '?q=kz.learner')).items;
    expect(learner?.positionName?.en).toBe('First-line border guard');
    expect(learner?.roles).toEqual(['learner']);
    const [admin] = (await list('platform.admin', '?q=platform.admin')).items;
    expect(admin).toMatchObject({ positionName: null, roles: ['admin'] });
  });

  it('returns a user in scope with grants, and 404 for one outside it', async () => {
    const [learner] = (await list('kz.admin', '?q=kz.learner')).items;
    const found = await get('kz.admin', `/api/v1/users/${learner?.id}`);
    expect(found.statusCode).toBe(200);
    expect((found.json() as UserDetails).grants.map((grant) => grant.role)).toEqual(['learner']);

    const hidden = await get('kg.admin', `/api/v1/users/${learner?.id}`);
    expect(hidden.statusCode).toBe(404);
    expect((hidden.json() as ProblemDetails).type).toBe('urn:border-academy:problem:user-not-found');
  });

  async function patch(as: string, id: string | undefined, payload: object) {
    return testApp.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${id}`,
      headers: { authorization: `Bearer ${tokens[as]}` },
      payload,
    });
  }

  it('changes a user in scope and audits what changed, before and after', async () => {
    const [trainer] = (await list('kz.admin', '?q=kz.trainer')).items;
    const response = await patch('kz.admin', trainer?.id, {
      fullNameCyrillic: 'Тренер Казахстана',
      language: 'ru',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ fullNameCyrillic: 'Тренер Казахстана', language: 'ru' });
    const [entry]: { summary: unknown }[] = await testApp.app
      .get(DataSource)
      .query(`SELECT summary FROM audit_event WHERE action = 'user.update' AND target_id = $1`, [
        trainer?.id,
      ]);
    expect(entry?.summary).toEqual({
      before: { fullNameCyrillic: null, language: 'en' },
      after: { fullNameCyrillic: 'Тренер Казахстана', language: 'ru' },
    });
  });

  it('suspending a user ends their sessions at once', async () => {
    const signedIn = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { login: 'kz.learner', password: DEMO_PASSWORD },
    });
    const session = signedIn.json() as SessionResponse;
    expect((await patch('kz.admin', session.user.id, { status: 'suspended' })).statusCode).toBe(200);
    const me = await testApp.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${session.accessToken}` },
    });
    expect(me.statusCode).toBe(401);
    expect((await patch('kz.admin', session.user.id, { status: 'active' })).statusCode).toBe(200);
  });

  it('refuses to move a user to a unit outside the scope, or to take another user’s e-mail', async () => {
    const [hr] = (await list('kz.admin', '?q=kz.hr')).items;
    const [kgUser] = (await list('platform.admin', '?q=kg.hr')).items;
    const moved = await patch('kz.admin', hr?.id, { orgUnitId: kgUser?.orgUnitId });
    expect(moved.statusCode).toBe(400);
    expect((moved.json() as ProblemDetails).errors?.[0]?.field).toBe('orgUnitId');
    const taken = await patch('kz.admin', hr?.id, { email: kgUser?.email.toUpperCase() });
    expect(taken.statusCode).toBe(409);
    expect((await patch('kz.admin', hr?.id, { login: 'renamed' })).statusCode).toBe(400);
  });

  it('shows admins the audit trail about people in their scope only, filtered and newest first', async () => {
    const [trainer] = (await list('kz.admin', '?q=kz.trainer')).items;
    await patch('kz.admin', trainer?.id, { fullName: 'Audited Trainer' });
    const kazakh = await get('kz.admin', `/api/v1/audit-events?action=user.update&targetId=${trainer?.id}`);
    expect(kazakh.statusCode).toBe(200);
    const page = kazakh.json() as Page<AuditEvent>;
    expect(page.total).toBeGreaterThanOrEqual(1);
    expect(page.items[0]).toMatchObject({
      action: 'user.update',
      targetType: 'user',
      targetId: trainer?.id,
      targetUser: { id: trainer?.id, login: 'kz.trainer', fullName: 'Audited Trainer' },
      actor: { login: 'kz.admin' },
    });
    const ats = page.items.map((event) => event.at);
    expect(ats).toEqual([...ats].sort().reverse());

    const kyrgyz = (
      await get('kg.admin', `/api/v1/audit-events?targetId=${trainer?.id}`)
    ).json() as Page<AuditEvent>;
    expect(kyrgyz.total).toBe(0);
    const future = (
      await get('kz.admin', '/api/v1/audit-events?from=2999-01-01T00:00:00Z')
    ).json() as Page<AuditEvent>;
    expect(future).toMatchObject({ items: [], total: 0 });
    expect((await get('kz.admin', '/api/v1/audit-events?from=yesterday')).statusCode).toBe(400);
  });

  it('lets an admin grant and revoke roles only on units in their scope, audited', async () => {
    const [learner] = (await list('kz.admin', '?q=kz.learner')).items;
    const [kgUser] = (await list('platform.admin', '?q=kg.hr')).items;
    const grant = (as: string, orgUnitId: string | undefined) =>
      testApp.app.inject({
        method: 'POST',
        url: `/api/v1/users/${learner?.id}/grants`,
        headers: { authorization: `Bearer ${tokens[as]}` },
        payload: { role: 'trainer', orgUnitId },
      });
    const added = await grant('kz.admin', learner?.orgUnitId);
    expect(added.statusCode).toBe(200);
    const trainerGrant = (added.json() as UserDetails).grants.find(
      (candidate) => candidate.role === 'trainer',
    );
    expect(trainerGrant).toBeDefined();
    expect((await grant('kz.admin', learner?.orgUnitId)).statusCode).toBe(200);
    expect((await grant('kz.admin', kgUser?.orgUnitId)).statusCode).toBe(400);
    expect((await grant('kg.admin', kgUser?.orgUnitId)).statusCode).toBe(404);

    const revoke = (as: string) =>
      testApp.app.inject({
        method: 'DELETE',
        url: `/api/v1/users/${learner?.id}/grants/${trainerGrant?.id}`,
        headers: { authorization: `Bearer ${tokens[as]}` },
      });
    expect((await revoke('kg.admin')).statusCode).toBe(404);
    expect((await revoke('kz.admin')).statusCode).toBe(204);
    expect((await revoke('kz.admin')).statusCode).toBe(404);
    const actions: { action: string }[] = await testApp.app
      .get(DataSource)
      .query(`SELECT action FROM audit_event WHERE target_id = $1 AND action LIKE 'grant.%' ORDER BY id`, [
        learner?.id,
      ]);
    expect(actions.map((row) => row.action)).toEqual(['grant.add', 'grant.remove']);
  });

  it.each([['?sort=password'], ['?role=owner'], ['?orgUnitId=x'], ['?pageSize=0'], ['?extra=1']])(
    'refuses %s with a 400 problem',
    async (query) => {
      expect((await get('kz.admin', `/api/v1/users${query}`)).statusCode).toBe(400);
    },
  );

  describe('creating a user', () => {
    function create(as: string, payload: object) {
      return testApp.app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: { authorization: `Bearer ${tokens[as]}` },
        payload,
      });
    }

    async function unitOf(login: string): Promise<string> {
      const [user] = (await list('platform.admin', `?q=${login}`)).items;
      return user?.orgUnitId ?? '';
    }

    async function userCount(): Promise<number> {
      const [row]: { count: number }[] = await testApp.app
        .get(DataSource)
        .query(`SELECT count(*)::int AS count FROM app_user`);
      return row?.count ?? 0;
    }

    it('creates a person in scope with their first roles, without a password, audited', async () => {
      const unit = await unitOf('kz.learner');
      const [position]: { id: string }[] = await testApp.app
        .get(DataSource)
        .query(`SELECT id FROM position WHERE code = 'first-line-border-guard'`);
      const response = await create('kz.admin', {
        login: 'kz.a.nurlanova',
        email: 'a.nurlanova@example.kz',
        fullName: '  Aliya Nurlanova ',
        fullNameCyrillic: 'Алия Нурланова',
        language: 'ru',
        orgUnitId: unit,
        positionId: position?.id,
        grants: [
          { role: 'learner', orgUnitId: unit },
          { role: 'trainer', orgUnitId: unit },
          { role: 'learner', orgUnitId: unit },
        ],
      });
      expect(response.statusCode).toBe(201);
      const created = response.json() as UserDetails;
      expect(created).toMatchObject({
        login: 'kz.a.nurlanova',
        fullName: 'Aliya Nurlanova',
        fullNameCyrillic: 'Алия Нурланова',
        language: 'ru',
        status: 'active',
        orgUnitId: unit,
        positionId: position?.id,
        roles: ['learner', 'trainer'],
      });
      expect(created.grants.map((grant) => grant.role).sort()).toEqual(['learner', 'trainer']);

      const dataSource = testApp.app.get(DataSource);
      const [row]: { password_hash: string | null }[] = await dataSource.query(
        `SELECT password_hash FROM app_user WHERE id = $1`,
        [created.id],
      );
      expect(row?.password_hash).toBeNull();
      const [entry]: { actor_user_id: string; summary: { after: Record<string, unknown> } }[] =
        await dataSource.query(
          `SELECT actor_user_id, summary FROM audit_event WHERE action = 'user.create' AND target_id = $1`,
          [created.id],
        );
      expect(entry?.summary.after).toMatchObject({
        login: 'kz.a.nurlanova',
        orgUnitId: unit,
        grants: [
          { role: 'learner', orgUnitId: unit },
          { role: 'trainer', orgUnitId: unit },
        ],
      });
      const signIn = await testApp.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { login: 'kz.a.nurlanova', password: DEMO_PASSWORD },
      });
      expect(signIn.statusCode).toBe(401);
    });

    it('answers 409 for a login or an e-mail address another user has, in any case', async () => {
      const unit = await unitOf('kz.learner');
      const before = await userCount();
      const login = await create('kz.admin', {
        login: 'KZ.Learner',
        email: 'someone.new@example.kz',
        fullName: 'Someone New',
        orgUnitId: unit,
      });
      expect(login.statusCode).toBe(409);
      expect((login.json() as ProblemDetails).type).toBe('urn:border-academy:problem:login-taken');
      const [existing] = (await list('kz.admin', '?q=kz.hr')).items;
      const email = await create('kz.admin', {
        login: 'someone.new',
        email: existing?.email.toUpperCase(),
        fullName: 'Someone New',
        orgUnitId: unit,
      });
      expect(email.statusCode).toBe(409);
      expect((email.json() as ProblemDetails).type).toBe('urn:border-academy:problem:email-taken');
      expect(await userCount()).toBe(before);
    });

    it('refuses units outside the scope field by field, and writes nothing', async () => {
      const inside = await unitOf('kz.learner');
      const outside = await unitOf('kg.learner');
      const before = await userCount();
      const response = await create('kz.admin', {
        login: 'kz.misplaced',
        email: 'misplaced@example.kz',
        fullName: 'Misplaced Person',
        orgUnitId: outside,
        grants: [
          { role: 'learner', orgUnitId: inside },
          { role: 'admin', orgUnitId: outside },
        ],
      });
      expect(response.statusCode).toBe(400);
      expect((response.json() as ProblemDetails).errors?.map((error) => [error.field, error.code])).toEqual([
        ['orgUnitId', 'scope'],
        ['grants.1.orgUnitId', 'scope'],
      ]);
      const grantOnly = await create('kz.admin', {
        login: 'kz.misplaced',
        email: 'misplaced@example.kz',
        fullName: 'Misplaced Person',
        orgUnitId: inside,
        grants: [{ role: 'admin', orgUnitId: outside }],
      });
      expect(grantOnly.statusCode).toBe(400);
      expect(await userCount()).toBe(before);
    });

    it.each([
      ['a login with spaces', { login: 'a b' }, 'login'],
      ['no e-mail address', { email: undefined }, 'email'],
      ['a blank name', { fullName: '   ' }, 'fullName'],
      ['an unknown language', { language: 'fr' }, 'language'],
      [
        'an unknown role',
        { grants: [{ role: 'owner', orgUnitId: '00000000-0000-4000-8000-000000000000' }] },
        'grants.0.role',
      ],
      ['an unknown position', { positionId: '00000000-0000-4000-8000-000000000000' }, 'positionId'],
      ['a password', { password: 'chosen by the admin' }, 'password'],
    ])('refuses %s with a 400 naming the field', async (_case, change, field) => {
      const response = await create('kz.admin', {
        login: 'kz.valid.login',
        email: 'valid@example.kz',
        fullName: 'Valid Person',
        orgUnitId: await unitOf('kz.learner'),
        ...change,
      });
      expect(response.statusCode).toBe(400);
      expect((response.json() as ProblemDetails).errors?.map((error) => error.field)).toContain(field);
    });
  });
});
