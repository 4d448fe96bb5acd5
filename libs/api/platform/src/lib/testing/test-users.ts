import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Role } from '@border-academy/shared-contracts';
import { DataSource } from 'typeorm';

export interface TestUserOptions {
  login: string;
  /** Code of the user's own org unit. */
  orgUnitCode: string;
  /** Role grants as [role, org unit code]. */
  grants?: [Role, string][];
  passwordHash?: string | null;
  status?: 'active' | 'suspended';
}

export interface TestUser {
  id: string;
  login: string;
  /** `Bearer …` of a live session, for the Authorization header. */
  authorization: string;
}

/**
 * Inserts a user with grants and a live session straight into the database and signs an access
 * token for it, so that tests of any module can call routes as a given role without signing in.
 */
export async function createTestUser(
  app: NestFastifyApplication,
  options: TestUserOptions,
): Promise<TestUser> {
  const dataSource = app.get(DataSource);
  const [user]: { id: string }[] = await dataSource.query(
    `INSERT INTO app_user (login, email, full_name, org_unit_id, status, password_hash)
     SELECT $1, $1 || '@example.org', initcap(replace($1, '.', ' ')), id, $3, $4 FROM org_unit WHERE code = $2
     RETURNING id`,
    [options.login, options.orgUnitCode, options.status ?? 'active', options.passwordHash ?? null],
  );
  if (!user) throw new Error(`No org unit ${options.orgUnitCode}`);
  for (const [role, unitCode] of options.grants ?? []) {
    await dataSource.query(
      `INSERT INTO role_grant (user_id, role, org_unit_id) SELECT $1, $2, id FROM org_unit WHERE code = $3`,
      [user.id, role, unitCode],
    );
  }
  const familyId = randomUUID();
  await dataSource.query(
    `INSERT INTO auth_session (user_id, family_id, token_hash, expires_at)
     VALUES ($1, $2, gen_random_uuid()::text, now() + interval '1 hour')`,
    [user.id, familyId],
  );
  const token = await app.get(JwtService).signAsync({ sub: user.id, sid: familyId });
  return { id: user.id, login: options.login, authorization: `Bearer ${token}` };
}

/** A request through `app.inject()` as the given test user, with a JSON body when there is one. */
export function injectAs(
  app: NestFastifyApplication,
  user: TestUser,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  payload?: object,
) {
  return app.inject({
    method,
    url,
    headers: { authorization: user.authorization },
    ...(payload ? { payload } : {}),
  });
}

/**
 * A request as the given test user that must answer `status`; answers the parsed JSON body, and fails
 * with the whole response when the status differs, so a broken step names its cause.
 */
export async function requestAs<T = unknown>(
  app: NestFastifyApplication,
  user: TestUser,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  payload?: object,
  status = 200,
): Promise<T> {
  const response = await injectAs(app, user, method, url, payload);
  if (response.statusCode !== status) {
    throw new Error(`${method} ${url} answered ${response.statusCode}, not ${status}: ${response.body}`);
  }
  return (response.body ? response.json() : undefined) as T;
}
