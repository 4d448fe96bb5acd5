import { Role } from '@border-academy/shared-contracts';
import { Algorithm, hash } from '@node-rs/argon2';
import { EntityManager } from 'typeorm';

import { SeedStep } from './seed-registry';

/** The one password of every demo account; development data only, never seeded in production. */
export const DEMO_PASSWORD = 'BorderAcademy-2026!';

const COUNTRIES = [
  { code: 'kz', name: 'Kazakhstan' },
  { code: 'kg', name: 'Kyrgyzstan' },
  { code: 'tj', name: 'Tajikistan' },
  { code: 'tm', name: 'Turkmenistan' },
  { code: 'uz', name: 'Uzbekistan' },
] as const;

/** The roles of the per-country demo accounts, in the order sign-ins are listed. */
const ROLES_IN_DEMO: Role[] = ['learner', 'trainer', 'reviewer', 'hr', 'admin'];
/** The roles this step seeds; reviewers came with course authoring and have a step of their own. */
const FIRST_DEMO_ROLES: Role[] = ['learner', 'trainer', 'hr', 'admin'];

const POSITIONS = [
  {
    code: 'first-line-border-guard',
    name: { en: 'First-line border guard', ru: 'Пограничник первой линии' },
    description: { en: 'Checks people and vehicles at a border crossing point' },
  },
  {
    code: 'customs-inspector',
    name: { en: 'Customs inspector', ru: 'Таможенный инспектор' },
    description: { en: 'Controls goods, declarations and transit' },
  },
  {
    code: 'migration-officer',
    name: { en: 'Migration officer', ru: 'Сотрудник миграционной службы' },
    description: { en: 'Identifies and refers vulnerable migrants' },
  },
];

/** A demo account: how to sign in and what it may see. */
export interface DemoSignIn {
  role: Role;
  login: string;
  password: string;
  /** The org unit (code) the role is granted on; its subtree is the scope. */
  scope: string;
}

/**
 * Every demo account: in each country's border service one person per role, and a platform admin
 * holding an `admin` grant on each of the five country roots (there is no virtual root above them).
 */
export function demoSignIns(): DemoSignIn[] {
  const perCountry = COUNTRIES.flatMap((country) =>
    ROLES_IN_DEMO.map((role) => ({
      role,
      login: `${country.code}.${role}`,
      password: DEMO_PASSWORD,
      scope: `${country.code}-border`,
    })),
  );
  return [
    ...perCountry,
    {
      role: 'admin',
      login: 'platform.admin',
      password: DEMO_PASSWORD,
      scope: COUNTRIES.map((c) => c.code).join(', '),
    },
  ];
}

/** The demo sign-ins as a Markdown table, for the start-up log and the README. */
export function demoSignInsTable(): string {
  const rows = [
    ['role', 'login', 'password', 'scope'],
    ...demoSignIns().map((d) => [d.role, d.login, d.password, d.scope]),
  ];
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  const line = (row: string[]) =>
    `| ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  const rule = `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`;
  const [header, ...body] = rows;
  return [line(header ?? []), rule, ...body.map(line)].join('\n');
}

async function upsertUser(
  manager: EntityManager,
  user: {
    login: string;
    fullName: string;
    orgUnitCode: string;
    positionCode: string | null;
    passwordHash: string;
  },
): Promise<string> {
  const rows: { id: string }[] = await manager.query(
    `INSERT INTO app_user (login, email, full_name, language, org_unit_id, position_id, password_hash)
     SELECT $1, $1 || '@demo.border-academy.example', $2, 'en', ou.id,
            (SELECT id FROM position WHERE code = $4), $5
       FROM org_unit ou WHERE ou.code = $3
     ON CONFLICT (lower(login)) DO UPDATE SET full_name = EXCLUDED.full_name
     RETURNING id`,
    [user.login, user.fullName, user.orgUnitCode, user.positionCode, user.passwordHash],
  );
  const id = rows[0]?.id;
  if (!id)
    throw new Error(
      `The demo user ${user.login} needs the org unit ${user.orgUnitCode}; seed the org tree first`,
    );
  return id;
}

async function grant(manager: EntityManager, userId: string, role: Role, orgUnitCode: string): Promise<void> {
  await manager.query(
    `INSERT INTO role_grant (user_id, role, org_unit_id)
     SELECT $1, $2, id FROM org_unit WHERE code = $3
     ON CONFLICT (user_id, role, org_unit_id) DO NOTHING`,
    [userId, role, orgUnitCode],
  );
}

/** In each country's border service, one demo account per role, granted on that service. */
async function seedCountryAccounts(
  manager: EntityManager,
  roles: Role[],
  passwordHash: string,
): Promise<void> {
  for (const country of COUNTRIES) {
    for (const role of roles) {
      const id = await upsertUser(manager, {
        login: `${country.code}.${role}`,
        fullName: `${country.name} Border Service ${role === 'hr' ? 'HR' : role[0]?.toUpperCase() + role.slice(1)}`,
        orgUnitCode: `${country.code}-border`,
        positionCode: role === 'learner' ? 'first-line-border-guard' : null,
        passwordHash,
      });
      await grant(manager, id, role, `${country.code}-border`);
    }
  }
}

function demoPasswordHash(): Promise<string> {
  return hash(DEMO_PASSWORD, { algorithm: Algorithm.Argon2id });
}

async function run(manager: EntityManager): Promise<void> {
  for (const position of POSITIONS) {
    await manager.query(
      `INSERT INTO position (code, name, description) VALUES ($1, $2, $3)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, description = EXCLUDED.description`,
      [position.code, JSON.stringify(position.name), JSON.stringify(position.description)],
    );
  }
  const passwordHash = await demoPasswordHash();
  await seedCountryAccounts(manager, FIRST_DEMO_ROLES, passwordHash);
  const platformAdmin = await upsertUser(manager, {
    login: 'platform.admin',
    fullName: 'Platform Administrator',
    orgUnitCode: 'kz',
    positionCode: null,
    passwordHash,
  });
  for (const country of COUNTRIES) await grant(manager, platformAdmin, 'admin', country.code);
}

export const demoUsersSeed: SeedStep = { name: 'demo-users', run };

/** A reviewer in each country's border service, who publishes the courses of that service. */
export const demoReviewersSeed: SeedStep = {
  name: 'demo-reviewers',
  run: async (manager) => seedCountryAccounts(manager, ['reviewer'], await demoPasswordHash()),
};
