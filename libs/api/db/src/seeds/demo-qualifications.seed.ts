import { Algorithm, hash } from '@node-rs/argon2';
import { EntityManager } from 'typeorm';

import { DEMO_PASSWORD } from './demo-users.seed';
import { SeedStep } from './seed-registry';

interface QualificationSeed {
  code: string;
  name: { en: string; ru: string };
  area: 'IBM' | 'MIGRATION' | 'TRADE';
  level: number;
  rule: 'all-courses' | 'n-of-courses' | 'assessment';
  requiredCount?: number;
  courses: string[];
  validityMonths: number | null;
  warningDays: number;
}

const QUALIFICATIONS: QualificationSeed[] = [
  {
    code: 'ibm-border-checks',
    name: { en: 'Border checks under IBM', ru: 'Пограничный контроль в рамках КУГ' },
    area: 'IBM',
    level: 4,
    rule: 'all-courses',
    courses: ['ibm-basics'],
    validityMonths: 24,
    warningDays: 60,
  },
  {
    code: 'ibm-risk-analysis',
    name: { en: 'Risk analysis at the border', ru: 'Анализ рисков на границе' },
    area: 'IBM',
    level: 5,
    rule: 'assessment',
    courses: [],
    validityMonths: 36,
    warningDays: 90,
  },
  {
    code: 'migration-vulnerable-persons',
    name: { en: 'Identifying vulnerable migrants', ru: 'Выявление уязвимых мигрантов' },
    area: 'MIGRATION',
    level: 4,
    rule: 'all-courses',
    courses: ['vulnerable-migrants'],
    validityMonths: 24,
    warningDays: 60,
  },
  {
    code: 'migration-asylum-procedures',
    name: { en: 'Asylum procedures at the border', ru: 'Процедуры убежища на границе' },
    area: 'MIGRATION',
    level: 5,
    rule: 'assessment',
    courses: [],
    validityMonths: 12,
    warningDays: 30,
  },
  {
    code: 'trade-risk-based-control',
    name: { en: 'Risk-based customs control', ru: 'Таможенный контроль на основе рисков' },
    area: 'TRADE',
    level: 4,
    rule: 'all-courses',
    courses: ['customs-risk-single-window'],
    validityMonths: 24,
    warningDays: 60,
  },
  {
    code: 'trade-facilitation-basics',
    name: { en: 'Trade facilitation basics', ru: 'Основы упрощения процедур торговли' },
    area: 'TRADE',
    level: 3,
    rule: 'n-of-courses',
    requiredCount: 1,
    courses: ['customs-risk-single-window', 'ibm-basics'],
    validityMonths: null,
    warningDays: 0,
  },
];

const REQUIREMENTS: Record<string, string[]> = {
  'first-line-border-guard': ['ibm-border-checks', 'ibm-risk-analysis', 'migration-vulnerable-persons'],
  'customs-inspector': ['trade-risk-based-control', 'trade-facilitation-basics', 'ibm-border-checks'],
  'migration-officer': ['migration-vulnerable-persons', 'migration-asylum-procedures'],
};

const OFFICER_NAMES: Record<string, string[]> = {
  kz: [
    'Aidar Seitkali',
    'Dana Omarova',
    'Yerlan Bekov',
    'Aigerim Nurlanova',
    'Marat Zhaksybek',
    'Saule Abenova',
    'Timur Kassymov',
    'Gulnar Iskakova',
  ],
  kg: [
    'Bakyt Asanov',
    'Aizada Toktogulova',
    'Nurbek Mamytov',
    'Cholpon Sydykova',
    'Azamat Jumabaev',
    'Gulzat Osmonova',
    'Ulan Sultanov',
    'Jyldyz Abdraeva',
  ],
  tj: [
    'Farrukh Rahimov',
    'Madina Nazarova',
    'Firdavs Saidov',
    'Zarina Karimova',
    'Rustam Davlatov',
    'Nigina Sharipova',
    'Bahrom Umarov',
    'Shahnoza Kholova',
  ],
  tm: [
    'Merdan Atayev',
    'Ogulgerek Annayeva',
    'Serdar Orazov',
    'Maral Berdiyeva',
    'Dovlet Hojayev',
    'Jeren Muradova',
    'Batyr Charyyev',
    'Aynabat Gurbanova',
  ],
  uz: [
    'Sardor Yusupov',
    'Zarina Tashkentova',
    'Jasur Karimov',
    'Dilnoza Rakhimova',
    'Otabek Nazarov',
    'Malika Ergasheva',
    'Bekzod Aliyev',
    'Nodira Saidova',
  ],
};

/**
 * For each officer (by number), the qualifications held: months since granted and the source. Chosen
 * so that each country shows every status: valid, expiring (inside the window), expired and missing.
 */
const HOLDINGS: Record<number, { code: string; monthsAgo: number; source: 'courses' | 'assessment' }[]> = {
  1: [
    { code: 'ibm-risk-analysis', monthsAgo: 6, source: 'assessment' },
    { code: 'migration-vulnerable-persons', monthsAgo: 3, source: 'courses' },
  ],
  2: [
    { code: 'ibm-border-checks', monthsAgo: 23.4, source: 'courses' },
    { code: 'migration-vulnerable-persons', monthsAgo: 10, source: 'courses' },
  ],
  3: [
    { code: 'ibm-border-checks', monthsAgo: 25, source: 'courses' },
    { code: 'ibm-risk-analysis', monthsAgo: 12, source: 'assessment' },
    { code: 'migration-vulnerable-persons', monthsAgo: 8, source: 'courses' },
  ],
  4: [
    { code: 'ibm-border-checks', monthsAgo: 4, source: 'courses' },
    { code: 'ibm-risk-analysis', monthsAgo: 4, source: 'assessment' },
    { code: 'migration-vulnerable-persons', monthsAgo: 4, source: 'courses' },
  ],
  5: [],
  6: [
    { code: 'ibm-border-checks', monthsAgo: 7, source: 'courses' },
    { code: 'migration-vulnerable-persons', monthsAgo: 23.2, source: 'courses' },
  ],
  7: [
    { code: 'ibm-border-checks', monthsAgo: 2, source: 'courses' },
    { code: 'ibm-risk-analysis', monthsAgo: 20, source: 'assessment' },
    { code: 'migration-vulnerable-persons', monthsAgo: 1, source: 'courses' },
  ],
  8: [
    { code: 'ibm-border-checks', monthsAgo: 9, source: 'courses' },
    { code: 'ibm-risk-analysis', monthsAgo: 37, source: 'assessment' },
    { code: 'migration-vulnerable-persons', monthsAgo: 5, source: 'courses' },
  ],
};

const DAY = 86_400_000;
const monthsAgo = (months: number) => new Date(Date.now() - Math.round(months * 30.44 * DAY));

async function grant(
  manager: EntityManager,
  userId: string,
  code: string,
  grantedAt: Date,
  source: 'courses' | 'assessment' | 'manual',
  options: { by?: string | null; note?: string | null; renews?: { grantId: string; expiresAt: Date } } = {},
): Promise<{ grantId: string; expiresAt: Date | null }> {
  const [row]: { id: string; expiresAt: Date | null; qualificationId: string }[] = await manager.query(
    `INSERT INTO qualification_grant (user_id, qualification_id, source, granted_at, expires_at, granted_by, note, renews_grant_id)
     SELECT $1, q.id, $3, $4,
            CASE WHEN q.validity_months IS NULL THEN NULL
                 ELSE GREATEST($4::timestamptz, COALESCE($8::timestamptz, $4::timestamptz)) + make_interval(months => q.validity_months) END,
            $5, $6, $7
       FROM qualification q WHERE q.code = $2
     RETURNING id, expires_at AS "expiresAt", qualification_id AS "qualificationId"`,
    [
      userId,
      code,
      source,
      grantedAt,
      options.by ?? null,
      options.note ?? null,
      options.renews?.grantId ?? null,
      options.renews?.expiresAt ?? null,
    ],
  );
  if (!row) throw new Error(`no qualification ${code}`);
  await manager.query(
    `INSERT INTO staff_qualification (user_id, qualification_id, grant_id, granted_at, expires_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (user_id, qualification_id) DO UPDATE SET grant_id = EXCLUDED.grant_id, granted_at = EXCLUDED.granted_at, expires_at = EXCLUDED.expires_at`,
    [userId, row.qualificationId, row.id, grantedAt, row.expiresAt],
  );
  await manager.query(
    `INSERT INTO qualification_event (user_id, qualification_id, grant_id, kind, at, by, note) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      userId,
      row.qualificationId,
      row.id,
      options.renews ? 'renewed' : 'granted',
      grantedAt,
      options.by ?? null,
      options.note ?? null,
    ],
  );
  return { grantId: row.id, expiresAt: row.expiresAt };
}

async function run(manager: EntityManager): Promise<void> {
  const seeded: unknown[] = await manager.query(
    `SELECT 1 FROM qualification WHERE code = 'ibm-border-checks'`,
  );
  if (seeded.length > 0) return;

  for (const q of QUALIFICATIONS) {
    await manager.query(
      `INSERT INTO qualification (code, name, description, area, level, rule, required_count, validity_months, warning_days)
       VALUES ($1, $2, NULL, $3, $4, $5, $6, $7, $8)`,
      [
        q.code,
        JSON.stringify(q.name),
        q.area,
        q.level,
        q.rule,
        q.requiredCount ?? null,
        q.validityMonths,
        q.warningDays,
      ],
    );
    await manager.query(
      `INSERT INTO qualification_course (qualification_id, course_id)
       SELECT q.id, c.id FROM qualification q, course c WHERE q.code = $1 AND c.code = ANY($2::text[])`,
      [q.code, q.courses],
    );
  }
  for (const [position, codes] of Object.entries(REQUIREMENTS)) {
    await manager.query(
      `INSERT INTO position_qualification (position_id, qualification_id)
       SELECT p.id, q.id FROM position p, qualification q WHERE p.code = $1 AND q.code = ANY($2::text[])`,
      [position, codes],
    );
  }

  const passwordHash = await hash(DEMO_PASSWORD, { algorithm: Algorithm.Argon2id });
  for (const [country, names] of Object.entries(OFFICER_NAMES)) {
    const posts: { id: string }[] = await manager.query(
      `SELECT o.id FROM org_unit o JOIN org_unit a ON o.path LIKE a.path || '.%'
        WHERE a.code = $1 AND o.kind = 'border_post' ORDER BY o.path`,
      [`${country}-border`],
    );
    const [hr]: { id: string }[] = await manager.query(`SELECT id FROM app_user WHERE login = $1`, [
      `${country}.hr`,
    ]);
    for (const [index, fullName] of names.entries()) {
      const number = index + 1;
      const post = posts[index % posts.length];
      if (!post) continue;
      const [officer]: { id: string }[] = await manager.query(
        `INSERT INTO app_user (login, email, full_name, language, org_unit_id, position_id, password_hash)
         VALUES ($1, $1 || '@demo.border-academy.org', $2, $3, $4, (SELECT id FROM position WHERE code = 'first-line-border-guard'), $5)
         ON CONFLICT (lower(login)) DO UPDATE SET full_name = EXCLUDED.full_name RETURNING id`,
        [`${country}.officer${number}`, fullName, number % 2 === 0 ? 'ru' : 'en', post.id, passwordHash],
      );
      if (!officer) continue;
      await manager.query(
        `INSERT INTO role_grant (user_id, role, org_unit_id) VALUES ($1, 'learner', $2) ON CONFLICT DO NOTHING`,
        [officer.id, post.id],
      );
      for (const holding of HOLDINGS[number] ?? []) {
        await grant(manager, officer.id, holding.code, monthsAgo(holding.monthsAgo), holding.source, {
          by: holding.source === 'assessment' ? (hr?.id ?? null) : null,
          note: holding.source === 'assessment' ? 'Practical assessment passed at the post' : null,
        });
      }
      if (number === 1) {
        // a renewal inside the window: granted 23 months ago, entered its window, renewed ten days ago
        const first = await grant(manager, officer.id, 'ibm-border-checks', monthsAgo(23), 'courses');
        if (first.expiresAt) {
          await manager.query(
            `INSERT INTO qualification_event (user_id, qualification_id, grant_id, kind, at)
             SELECT $1, qualification_id, id, 'expiring', expires_at - interval '60 days' FROM qualification_grant WHERE id = $2`,
            [officer.id, first.grantId],
          );
          await grant(manager, officer.id, 'ibm-border-checks', new Date(Date.now() - 10 * DAY), 'manual', {
            by: hr?.id ?? null,
            note: 'Refresher assessment passed; renewed',
            renews: { grantId: first.grantId, expiresAt: first.expiresAt },
          });
        }
      }
    }
    // history of the holdings that have run out or entered their window
    await manager.query(
      `INSERT INTO qualification_event (user_id, qualification_id, grant_id, kind, at)
       SELECT sq.user_id, sq.qualification_id, sq.grant_id,
              CASE WHEN sq.expires_at <= now() THEN 'expired' ELSE 'expiring' END::qualification_event_kind,
              CASE WHEN sq.expires_at <= now() THEN sq.expires_at ELSE sq.expires_at - make_interval(days => q.warning_days) END
         FROM staff_qualification sq JOIN qualification q ON q.id = sq.qualification_id
         JOIN app_user u ON u.id = sq.user_id
        WHERE u.login LIKE $1 AND sq.expires_at <= now() + make_interval(days => q.warning_days)
       ON CONFLICT DO NOTHING`,
      [`${country}.officer%`],
    );

    // a rule: the IBM course for every first-line border guard of the border service, people who join later too
    const [rule]: { id: string }[] = await manager.query(
      `INSERT INTO assignment (course_id, target, org_unit_id, position_id, due_at, late_joiner_days, created_by, created_at)
       SELECT c.id, 'position', o.id, p.id, now() + interval '45 days', 30, $2, now() - interval '20 days'
         FROM course c, org_unit o, position p
        WHERE c.code = 'ibm-basics' AND c.current_version_id IS NOT NULL AND o.code = $1 AND p.code = 'first-line-border-guard'
       RETURNING id`,
      [`${country}-border`, hr?.id ?? null],
    );
    if (rule) {
      await manager.query(
        `SELECT assignment_reconcile(ARRAY(SELECT u.id FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id
                                             JOIN org_unit a ON a.code = $1
                                            WHERE o.path LIKE a.path || '.%' OR o.path = a.path), $2)`,
        [`${country}-border`, rule.id],
      );
    }
    // an overdue one: officer 5 should have finished the migration course a week ago
    await manager.query(
      `WITH a AS (
         INSERT INTO assignment (course_id, target, org_unit_id, due_at, created_by, created_at)
         SELECT c.id, 'person', u.org_unit_id, now() - interval '7 days', $2, now() - interval '40 days'
           FROM course c, app_user u WHERE c.code = 'vulnerable-migrants' AND c.current_version_id IS NOT NULL AND u.login = $1
         RETURNING id, course_id, due_at, created_at)
       INSERT INTO enrolment (user_id, course_id, course_version_id, source, assigned_by, due_at, assignment_id, enrolled_at)
       SELECT u.id, a.course_id, c.current_version_id, 'assigned', $2, a.due_at, a.id, a.created_at
         FROM a, app_user u, course c WHERE u.login = $1 AND c.id = a.course_id
       ON CONFLICT DO NOTHING`,
      [`${country}.officer5`, hr?.id ?? null],
    );
  }

  // the demo learners' completed courses grant what they satisfy, as a completion would
  const completions: { userId: string; code: string; completedAt: Date }[] = await manager.query(
    `SELECT DISTINCT ON (e.user_id, q.id) e.user_id AS "userId", q.code, e.completed_at AS "completedAt"
       FROM enrolment e JOIN qualification_course qc ON qc.course_id = e.course_id
       JOIN qualification q ON q.id = qc.qualification_id
      WHERE e.status = 'completed' AND q.rule <> 'assessment'
        AND NOT EXISTS (SELECT 1 FROM staff_qualification sq WHERE sq.user_id = e.user_id AND sq.qualification_id = q.id)
        AND (SELECT count(DISTINCT d.course_id) FROM qualification_course qc2
               JOIN enrolment d ON d.course_id = qc2.course_id AND d.user_id = e.user_id AND d.status = 'completed'
              WHERE qc2.qualification_id = q.id)
            >= COALESCE(q.required_count, (SELECT count(*) FROM qualification_course qc3 WHERE qc3.qualification_id = q.id))
      ORDER BY e.user_id, q.id, e.completed_at`,
  );
  for (const completion of completions) {
    await grant(manager, completion.userId, completion.code, new Date(completion.completedAt), 'courses');
  }

  // twelve weeks of snapshots behind the trend chart, as the daily job would have taken them
  for (let week = 12; week >= 0; week--) {
    await manager.query(`SELECT compliance_snapshot_take(now() - make_interval(days => $1::int))`, [
      week * 7,
    ]);
  }
}

/**
 * Qualifications for the three areas, what each position requires, eight officers at the border posts
 * of each country's border service holding them in every state (one with a renewal in their history),
 * a rule assignment by position and an overdue personal one, and twelve weeks of trend.
 */
export const demoQualificationsSeed: SeedStep = { name: 'demo-qualifications', run };
