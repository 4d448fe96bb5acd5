import { DEMO_PASSWORD, SEED_STEPS } from '@border-academy/api-db';
import { LearningModule } from '@border-academy/api-learning';
import { PersonalDataRegistry, TestApp, createTestApp, seedTestDatabase } from '@border-academy/api-platform';
import {
  CertificateVerification,
  ERASED_PERSON_NAME,
  ErasureResult,
  PERSONAL_DATA_SCHEMA,
  PersonalDataExport,
  ProblemDetails,
  SessionResponse,
  UserDetails,
} from '@border-academy/shared-contracts';
import { DataSource } from 'typeorm';

import { IdentityModule } from '../identity.module';

type Method = 'GET' | 'POST' | 'PATCH';

/** Rows of the learner's learning records, which an erasure must leave exactly as they were. */
const LEARNING_RECORDS_SQL = `
  SELECT (SELECT count(*) FROM enrolment WHERE user_id = $1)::int AS enrolments,
         (SELECT string_agg(e.id::text || e.status::text || e.progress_percent::text, ',' ORDER BY e.id)
            FROM enrolment e WHERE e.user_id = $1) AS enrolment_digest,
         (SELECT count(*) FROM progress_event p JOIN enrolment e ON e.id = p.enrolment_id WHERE e.user_id = $1)::int AS events,
         (SELECT count(*) FROM quiz_attempt a JOIN enrolment e ON e.id = a.enrolment_id WHERE e.user_id = $1)::int AS attempts,
         (SELECT count(*) FROM certificate WHERE user_id = $1)::int AS certificates`;

describe('personal data export and erasure', () => {
  let testApp: TestApp;
  let dataSource: DataSource;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};

  async function signIn(login: string): Promise<SessionResponse> {
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { 'user-agent': 'privacy-spec' },
      payload: { login, password: DEMO_PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    return response.json() as SessionResponse;
  }

  beforeAll(async () => {
    testApp = await createTestApp([IdentityModule, LearningModule], { SIGN_IN_ATTEMPTS_PER_MINUTE: '1000' });
    await seedTestDatabase(testApp, SEED_STEPS);
    dataSource = testApp.app.get(DataSource);
    for (const login of ['kz.admin', 'kz.hr', 'kg.admin', 'kz.learner', 'kz.trainer', 'kz.reviewer']) {
      const session = await signIn(login);
      tokens[login] = session.accessToken;
      ids[login] = session.user.id;
    }
  }, 120_000);

  afterAll(async () => {
    await testApp?.close();
  });

  function call(as: string, method: Method, url: string, payload?: object) {
    return testApp.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${tokens[as]}` },
      ...(payload ? { payload } : {}),
    });
  }

  const personalData = (id: string | undefined, query = '') => `/api/v1/users/${id}/personal-data${query}`;
  const erasure = (id: string | undefined) => `/api/v1/users/${id}/erasure`;

  it('exports everything held about a person as JSON, in a stable shape, and audits the export', async () => {
    const response = await call('kz.admin', 'GET', personalData(ids['kz.learner']));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/json');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="personal-data-${ids['kz.learner']}.json"`,
    );
    expect(response.headers['cache-control']).toBe('no-store');
    const data = response.json() as PersonalDataExport;
    expect(data).toMatchObject({
      schema: PERSONAL_DATA_SCHEMA,
      generatedBy: ids['kz.admin'],
      person: { id: ids['kz.learner'], login: 'kz.learner' },
    });
    expect(data.sections.map((section) => section.key)).toEqual([
      'identity.profile',
      'identity.role-grants',
      'identity.sessions',
      'identity.external-identities',
      'identity.password-reset-links',
      'identity.import-rows',
      'audit.about-person',
      'audit.by-person',
      'authoring.courses',
      'learning.enrolments',
      'learning.progress-events',
      'learning.quiz-attempts',
      'learning.certificates',
    ]);
    const section = (key: string) => data.sections.find((candidate) => candidate.key === key)?.rows ?? [];
    expect(section('identity.profile')).toEqual([
      expect.objectContaining({
        login: 'kz.learner',
        email: expect.stringContaining('@'),
        status: 'active',
        hasPassword: true,
        positionCode: 'first-line-border-guard',
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        erasedAt: null,
      }),
    ]);
    expect(section('identity.role-grants')).toEqual([expect.objectContaining({ role: 'learner' })]);
    expect(section('identity.sessions')).toEqual(
      expect.arrayContaining([expect.objectContaining({ userAgent: 'privacy-spec', revokedAt: null })]),
    );
    expect(section('audit.by-person').map((row) => row['action'])).toContain('auth.sign-in');

    const [records]: { enrolments: number; events: number; attempts: number; certificates: number }[] =
      await dataSource.query(LEARNING_RECORDS_SQL, [ids['kz.learner']]);
    expect(section('learning.enrolments')).toHaveLength(records?.enrolments ?? -1);
    expect(section('learning.progress-events')).toHaveLength(records?.events ?? -1);
    expect(section('learning.quiz-attempts')).toHaveLength(records?.attempts ?? -1);
    expect(section('learning.certificates')).toHaveLength(1);
    expect(records?.events).toBeGreaterThan(0);
    expect(records?.attempts).toBeGreaterThan(0);

    // no secret and no hash of one leaves the server
    const hashes: { token_hash: string }[] = await dataSource.query(
      `SELECT token_hash FROM auth_session WHERE user_id = $1
       UNION ALL SELECT password_hash FROM app_user WHERE id = $1`,
      [ids['kz.learner']],
    );
    for (const { token_hash } of hashes) expect(response.body).not.toContain(token_hash);
    expect(response.body).not.toMatch(/token_?hash|password_?hash/i);

    const [entry]: { actor_user_id: string; summary: { format: string; rows: Record<string, number> } }[] =
      await dataSource.query(
        `SELECT actor_user_id, summary FROM audit_event WHERE action = 'privacy.export' AND target_id = $1`,
        [ids['kz.learner']],
      );
    expect(entry?.actor_user_id).toBe(ids['kz.admin']);
    expect(entry?.summary.format).toBe('json');
    expect(entry?.summary.rows['learning.certificates']).toBe(1);
  });

  it('exports the same as a PDF with the Cyrillic font embedded', async () => {
    await call('kz.admin', 'PATCH', `/api/v1/users/${ids['kz.learner']}`, {
      fullNameCyrillic: 'Учащийся Казахстана',
      language: 'ru',
    });
    const response = await call('kz.admin', 'GET', personalData(ids['kz.learner'], '?format=pdf'));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="personal-data-${ids['kz.learner']}.pdf"`,
    );
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(response.rawPayload.toString('latin1')).toContain('DejaVuSans');
    const formats: { format: string }[] = await dataSource.query(
      `SELECT summary->>'format' AS format FROM audit_event WHERE action = 'privacy.export' AND target_id = $1
        ORDER BY id`,
      [ids['kz.learner']],
    );
    expect(formats.map((row) => row.format)).toEqual(['json', 'pdf']);
  });

  it('is for admins of the person’s unit only, and validates its query', async () => {
    const outside = await call('kg.admin', 'GET', personalData(ids['kz.learner']));
    expect(outside.statusCode).toBe(404);
    expect((outside.json() as ProblemDetails).type).toBe('urn:border-academy:problem:user-not-found');
    expect((await call('kz.hr', 'GET', personalData(ids['kz.learner']))).statusCode).toBe(403);
    expect((await call('kz.learner', 'GET', personalData(ids['kz.learner']))).statusCode).toBe(403);
    expect(
      (await call('kz.hr', 'POST', erasure(ids['kz.learner']), { reason: 'x', confirmLogin: 'kz.learner' }))
        .statusCode,
    ).toBe(403);
    const badFormat = await call('kz.admin', 'GET', personalData(ids['kz.learner'], '?format=xml'));
    expect(badFormat.statusCode).toBe(400);
    expect(badFormat.headers['content-type']).toContain('application/problem+json');
    const outsideErasure = await call('kg.admin', 'POST', erasure(ids['kz.learner']), {
      reason: 'asked',
      confirmLogin: 'kz.learner',
    });
    expect(outsideErasure.statusCode).toBe(404);
  });

  it('refuses an erasure whose typed login differs, or with a blank reason, and changes nothing', async () => {
    const before: unknown[] = await dataSource.query(`SELECT * FROM app_user WHERE id = $1`, [
      ids['kz.learner'],
    ]);
    const wrong = await call('kz.admin', 'POST', erasure(ids['kz.learner']), {
      reason: 'The person asked in writing',
      confirmLogin: 'kz.trainer',
    });
    expect(wrong.statusCode).toBe(400);
    expect((wrong.json() as ProblemDetails).errors?.map((error) => error.field)).toEqual(['confirmLogin']);
    const blank = await call('kz.admin', 'POST', erasure(ids['kz.learner']), {
      reason: '   ',
      confirmLogin: 'kz.learner',
    });
    expect(blank.statusCode).toBe(400);
    const unknownField = await call('kz.admin', 'POST', erasure(ids['kz.learner']), {
      reason: 'asked',
      confirmLogin: 'kz.learner',
      keepName: true,
    });
    expect(unknownField.statusCode).toBe(400);
    expect(await dataSource.query(`SELECT * FROM app_user WHERE id = $1`, [ids['kz.learner']])).toEqual(
      before,
    );
    const self = await call('kz.admin', 'POST', erasure(ids['kz.admin']), {
      reason: 'asked',
      confirmLogin: 'kz.admin',
    });
    expect(self.statusCode).toBe(409);
  });

  it('erases a person for good: nobody can sign in as them, their records and certificate stay', async () => {
    const learnerId = ids['kz.learner'] ?? '';
    const [recordsBefore]: unknown[] = await dataSource.query(LEARNING_RECORDS_SQL, [learnerId]);
    const [auditBefore]: { n: number }[] = await dataSource.query(
      `SELECT count(*)::int AS n FROM audit_event`,
    );
    const [certificate]: { code: string }[] = await dataSource.query(
      `SELECT code FROM certificate WHERE user_id = $1`,
      [learnerId],
    );
    const verifyBefore = await testApp.app.inject({
      method: 'GET',
      url: `/api/v1/certificates/verification/${certificate?.code}`,
    });
    expect((verifyBefore.json() as CertificateVerification).status).toBe('valid');

    const response = await call('kz.admin', 'POST', erasure(learnerId), {
      reason: 'The person asked in writing on 2026-11-29',
      confirmLogin: 'KZ.Learner',
    });
    expect(response.statusCode).toBe(200);
    const result = response.json() as ErasureResult;
    const [auditAfter]: { n: number }[] = await dataSource.query(
      `SELECT count(*)::int AS n FROM audit_event`,
    );
    expect(auditAfter?.n).toBe((auditBefore?.n ?? 0) + 1);
    expect(result.userId).toBe(learnerId);
    expect(result.changed).toMatchObject({
      'identity.profile': 1,
      'identity.role-grants': 1,
      'learning.certificates': 1,
    });
    expect(result.changed['identity.sessions']).toBeGreaterThan(0);

    const [row]: Record<string, unknown>[] = await dataSource.query(
      `SELECT login, email, full_name, full_name_cyrillic, password_hash, status, erased_at FROM app_user WHERE id = $1`,
      [learnerId],
    );
    expect(row).toEqual({
      login: `erased.${learnerId}`,
      email: `erased.${learnerId}@erased.invalid`,
      full_name: ERASED_PERSON_NAME,
      full_name_cyrillic: null,
      password_hash: null,
      status: 'suspended',
      erased_at: new Date(result.erasedAt),
    });
    const leftovers: { n: number }[] = await dataSource.query(
      `SELECT (SELECT count(*) FROM auth_session WHERE user_id = $1)
            + (SELECT count(*) FROM external_identity WHERE user_id = $1)
            + (SELECT count(*) FROM password_reset WHERE user_id = $1)
            + (SELECT count(*) FROM role_grant WHERE user_id = $1) AS n`,
      [learnerId],
    );
    expect(Number(leftovers[0]?.n)).toBe(0);

    // signed out at once, and no sign-in with the old login or the placeholder
    expect((await call('kz.learner', 'GET', '/api/v1/me')).statusCode).toBe(401);
    for (const login of ['kz.learner', `erased.${learnerId}`]) {
      const signIn = await testApp.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { login, password: DEMO_PASSWORD },
      });
      expect(signIn.statusCode).toBe(401);
    }

    // learning records and figures are untouched; the certificate still verifies, under the new name
    expect((await dataSource.query(LEARNING_RECORDS_SQL, [learnerId]))[0]).toEqual(recordsBefore);
    const verifyAfter = await testApp.app.inject({
      method: 'GET',
      url: `/api/v1/certificates/verification/${certificate?.code}`,
    });
    expect(verifyAfter.json()).toMatchObject({ status: 'valid', holderName: ERASED_PERSON_NAME });

    // the audit trail only grew: the erasure with its reason, nothing of who the person was
    const [entry]: { actor_user_id: string; summary: Record<string, unknown> }[] = await dataSource.query(
      `SELECT actor_user_id, summary FROM audit_event WHERE action = 'privacy.erase' AND target_id = $1`,
      [learnerId],
    );
    expect(entry?.actor_user_id).toBe(ids['kz.admin']);
    expect(entry?.summary).toEqual({
      reason: 'The person asked in writing on 2026-11-29',
      changed: result.changed,
    });

    const shown = await call('kz.admin', 'GET', `/api/v1/users/${learnerId}`);
    expect(shown.json()).toMatchObject({
      fullName: ERASED_PERSON_NAME,
      erasedAt: result.erasedAt,
      grants: [],
    });
    const exported = (await call('kz.admin', 'GET', personalData(learnerId))).json() as PersonalDataExport;
    expect(exported.person).toEqual({
      id: learnerId,
      login: `erased.${learnerId}`,
      fullName: ERASED_PERSON_NAME,
    });
  });

  it('cannot be undone: a second erasure and any change of the erased person are 409', async () => {
    const learnerId = ids['kz.learner'];
    const again = await call('kz.admin', 'POST', erasure(learnerId), {
      reason: 'again',
      confirmLogin: `erased.${learnerId}`,
    });
    expect(again.statusCode).toBe(409);
    expect((again.json() as ProblemDetails).type).toBe('urn:border-academy:problem:person-erased');
    const [orgUnit]: { id: string }[] = await dataSource.query(
      `SELECT id FROM org_unit WHERE code = 'kz-border'`,
    );
    for (const [method, url, payload] of [
      ['PATCH', `/api/v1/users/${learnerId}`, { status: 'active' }],
      ['PATCH', `/api/v1/users/${learnerId}`, { fullName: 'Restored Name' }],
      ['POST', `/api/v1/users/${learnerId}/grants`, { role: 'learner', orgUnitId: orgUnit?.id }],
      ['POST', `/api/v1/users/${learnerId}/reset-links`, undefined],
    ] as [Method, string, object | undefined][]) {
      expect((await call('kz.admin', method, url, payload)).statusCode).toBe(409);
    }
    expect(((await call('kz.admin', 'GET', `/api/v1/users/${learnerId}`)).json() as UserDetails).status).toBe(
      'suspended',
    );
  });

  it('erases once when two admins erase at the same moment', async () => {
    const reviewerId = ids['kz.reviewer'];
    const body = { reason: 'Asked twice by mistake', confirmLogin: 'kz.reviewer' };
    const statuses = (
      await Promise.all([
        call('kz.admin', 'POST', erasure(reviewerId), body),
        call('kz.admin', 'POST', erasure(reviewerId), body),
      ])
    ).map((response) => response.statusCode);
    expect(statuses.sort()).toEqual([200, 409]);
    const entries: unknown[] = await dataSource.query(
      `SELECT 1 FROM audit_event WHERE action = 'privacy.erase' AND target_id = $1`,
      [reviewerId],
    );
    expect(entries).toHaveLength(1);
  });

  // last: the failing section stays registered
  it('writes nothing when any section fails: the erasure is one transaction', async () => {
    const trainerId = ids['kz.trainer'];
    const before: unknown[] = await dataSource.query(
      `SELECT u.*, (SELECT count(*) FROM auth_session s WHERE s.user_id = u.id) AS sessions
         FROM app_user u WHERE u.id = $1`,
      [trainerId],
    );
    testApp.app.get(PersonalDataRegistry).register({
      key: 'test.failing',
      title: { en: 'Failing', ru: 'Сбой' },
      order: 999,
      rows: async () => [],
      erase: async () => {
        throw new Error('the last section fails');
      },
    });
    const response = await call('kz.admin', 'POST', erasure(trainerId), {
      reason: 'asked',
      confirmLogin: 'kz.trainer',
    });
    expect(response.statusCode).toBe(500);
    expect(
      await dataSource.query(
        `SELECT u.*, (SELECT count(*) FROM auth_session s WHERE s.user_id = u.id) AS sessions
           FROM app_user u WHERE u.id = $1`,
        [trainerId],
      ),
    ).toEqual(before);
    const entries: unknown[] = await dataSource.query(
      `SELECT 1 FROM audit_event WHERE action = 'privacy.erase' AND target_id = $1`,
      [trainerId],
    );
    expect(entries).toHaveLength(0);
  });
});
