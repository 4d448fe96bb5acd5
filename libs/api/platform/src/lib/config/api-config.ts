import { ROLES, Role } from '@border-academy/shared-contracts';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

/** The value of APP_SECRET outside production; refused when NODE_ENV=production. */
export const DEV_APP_SECRET = 'development-only-secret-do-not-use-in-production';
const NODE_ENVS = ['development', 'test', 'production'] as const;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
/** Never echoed in error messages. */
const SECRET_VARIABLES = new Set([
  'APP_SECRET',
  'DATABASE_URL',
  'OIDC_CLIENT_SECRET',
  'STORAGE_S3_SECRET_ACCESS_KEY',
]);
/** Single sign-on needs all of these or none; the other OIDC_ variables have defaults. */
const OIDC_REQUIRED = [
  'OIDC_ISSUER_URL',
  'OIDC_CLIENT_ID',
  'OIDC_CLIENT_SECRET',
  'OIDC_DEFAULT_ORG_UNIT',
  'OIDC_DISPLAY_NAME',
] as const;

function toInteger({ value }: { value: unknown }): unknown {
  return typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : value;
}

function toBoolean({ value }: { value: unknown }): unknown {
  if (typeof value !== 'string') return value;
  const normalised = value.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(normalised)) return true;
  if (['false', '0', 'no', 'off'].includes(normalised)) return false;
  return value;
}

/**
 * The API's settings, read from environment variables of the same names. Property names are the
 * variable names so that every error message names the variable to fix.
 */
export class ApiConfig {
  @IsIn(NODE_ENVS, { message: `must be one of ${NODE_ENVS.join(', ')}` })
  NODE_ENV: (typeof NODE_ENVS)[number] = 'development';

  @Transform(toInteger)
  @IsInt({ message: 'must be an integer port number' })
  @Min(0, { message: 'must be between 0 and 65535' })
  @Max(65535, { message: 'must be between 0 and 65535' })
  PORT = 3000;

  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  HOST = '0.0.0.0';

  /** Signs tokens; must be a long random value in production. */
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters long' })
  APP_SECRET = DEV_APP_SECRET;

  /** A PostgreSQL URL; when absent, an embedded PostgreSQL is started. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  DATA_DIR = '.data';

  @Transform(toInteger)
  @IsInt({ message: 'must be an integer port number' })
  @Min(1, { message: 'must be between 1 and 65535' })
  @Max(65535, { message: 'must be between 1 and 65535' })
  EMBEDDED_PG_PORT = 54329;

  @IsString()
  @Matches(/^[a-z_][a-z0-9_]*$/, { message: 'must be a lower-case SQL identifier' })
  EMBEDDED_PG_DATABASE = 'border_academy';

  /** Defaults to true outside production. */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  SEED_DEMO_DATA?: boolean;

  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  WEB_DIST_DIR = 'dist/apps/web/browser';

  @IsIn(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  /** Human-readable logs; defaults to true on a terminal outside production. */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  LOG_PRETTY?: boolean;

  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  LOG_SQL = false;

  @Transform(toInteger)
  @IsInt({ message: 'must be an integer number of bytes' })
  @Min(1024, { message: 'must be at least 1024' })
  BODY_LIMIT_BYTES = 1_048_576;

  /**
   * Cookies with the Secure attribute (sent back over HTTPS only). Unset: in production, and on
   * HTTPS requests elsewhere; `false` is for a production served over plain HTTP on an internal network.
   */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  COOKIE_SECURE?: boolean;

  /**
   * How long requests in flight may run after SIGTERM before their connections are cut; closing
   * the database follows, and the whole shutdown stays under the 10 s most process managers wait.
   */
  @Transform(toInteger)
  @IsInt({ message: 'must be an integer number of seconds' })
  @Min(1, { message: 'must be between 1 and 8' })
  @Max(8, { message: 'must be between 1 and 8' })
  SHUTDOWN_GRACE_SECONDS = 8;

  /** Sign-in attempts one address may make per minute before it gets 429; per-account locking is separate. */
  @Transform(toInteger)
  @IsInt({ message: 'must be an integer number of attempts' })
  @Min(1, { message: 'must be at least 1' })
  SIGN_IN_ATTEMPTS_PER_MINUTE = 20;

  /** Public certificate look-ups one address may make per minute: enough for people, too few to guess codes. */
  @Transform(toInteger)
  @IsInt({ message: 'must be an integer number of look-ups' })
  @Min(1, { message: 'must be at least 1' })
  VERIFICATIONS_PER_MINUTE = 30;

  /**
   * The daily reminder job (expiring and expired qualifications, due and overdue assignments, HR's
   * digest). Safe with several instances; defaults to on, except in tests, which run it themselves.
   */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  REMINDERS_ENABLED?: boolean;

  /**
   * Two benchmark routes under `/api/v1/bench` that measure the access check's cost (the suite's
   * `authorization` scenario): one guarded, one open. Off unless set; never needed in a deployment.
   */
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  BENCH_ROUTES = false;

  /** Mail the reminders through this SMTP server (`smtp://user:password@host:587`); unset: in-app only. */
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** The sender of reminder mail. */
  @IsString()
  @MinLength(3, { message: 'must be a mail address' })
  MAIL_FROM = 'Border Academy <no-reply@border-academy.local>';

  /** Single sign-on through an OpenID Connect provider (Keycloak, AD FS, ...); off unless configured. */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s?#]+$/, {
    message: 'must be an http:// or https:// URL without query or fragment',
  })
  OIDC_ISSUER_URL?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'must be at most 200 characters long' })
  OIDC_CLIENT_ID?: string;

  @IsOptional()
  @IsString()
  OIDC_CLIENT_SECRET?: string;

  /** The ID-token or userinfo claim whose value is the platform login. */
  @Matches(/^[A-Za-z0-9_.:-]+$/, { message: 'must be a claim name' })
  OIDC_LOGIN_CLAIM = 'preferred_username';

  /** Code of the org unit where people who sign in for the first time are created. */
  @IsOptional()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'must be an org unit code' })
  OIDC_DEFAULT_ORG_UNIT?: string;

  /** The role granted on the default org unit at first sign-in. */
  @IsIn(ROLES, { message: `must be one of ${ROLES.join(', ')}` })
  OIDC_DEFAULT_ROLE: Role = 'learner';

  /** The provider's name on the sign-in button, e.g. "Agency account". */
  @IsOptional()
  @IsString()
  @MaxLength(60, { message: 'must be at most 60 characters long' })
  OIDC_DISPLAY_NAME?: string;

  @Matches(/^(\S+ )*openid( \S+)*$/, {
    message: 'must be scopes separated by single spaces, openid among them',
  })
  OIDC_SCOPES = 'openid profile email';

  /** Attachments go to this bucket of an S3-compatible store when set; to `$DATA_DIR/files` otherwise. */
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'must be an S3 bucket name' })
  STORAGE_S3_BUCKET?: string;

  /** The store's address for anything but AWS itself (MinIO, Ceph, …). */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s?#]+$/, { message: 'must be an http:// or https:// URL' })
  STORAGE_S3_ENDPOINT?: string;

  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  STORAGE_S3_REGION = 'us-east-1';

  /** Both keys, or neither for the SDK's own credential chain (instance roles, AWS_* variables). */
  @IsOptional()
  @IsString()
  STORAGE_S3_ACCESS_KEY_ID?: string;

  @IsOptional()
  @IsString()
  STORAGE_S3_SECRET_ACCESS_KEY?: string;

  /** Addresses as `endpoint/bucket/key`, which MinIO and most self-hosted stores need. */
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  STORAGE_S3_FORCE_PATH_STYLE = false;

  get ssoEnabled(): boolean {
    return this.OIDC_ISSUER_URL !== undefined;
  }

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }

  get remindersEnabled(): boolean {
    return this.REMINDERS_ENABLED ?? this.NODE_ENV !== 'test';
  }

  get seedDemoData(): boolean {
    return this.SEED_DEMO_DATA ?? !this.isProduction;
  }
}

export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigValidationError';
  }
}

/** Setting any OIDC_ variable turns single sign-on on, which then needs every required one. */
function ssoProblems(config: ApiConfig, set: string[]): string[] {
  const setOidc = set.filter((name) => name.startsWith('OIDC_'));
  if (setOidc.length === 0) return [];
  const missing = OIDC_REQUIRED.filter((name) => !set.includes(name));
  const problems = missing.map(
    (name) =>
      `${name}: must be set for single sign-on, since ${setOidc.join(', ')} ${setOidc.length === 1 ? 'is' : 'are'} ` +
      `set (set ${OIDC_REQUIRED.join(', ')} together, or none of them)`,
  );
  if (config.isProduction && config.OIDC_ISSUER_URL?.startsWith('http://')) {
    problems.push('OIDC_ISSUER_URL: must be an https:// URL when NODE_ENV=production');
  }
  return problems;
}

/** Builds and validates the configuration; throws a ConfigValidationError naming every bad variable. */
export function loadApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const known = Object.keys(new ApiConfig());
  known.push(
    'SEED_DEMO_DATA',
    'DATABASE_URL',
    'LOG_PRETTY',
    'COOKIE_SECURE',
    'OIDC_ISSUER_URL',
    'OIDC_CLIENT_ID',
    'OIDC_CLIENT_SECRET',
    'OIDC_DEFAULT_ORG_UNIT',
    'OIDC_DISPLAY_NAME',
    'STORAGE_S3_BUCKET',
    'STORAGE_S3_ENDPOINT',
    'STORAGE_S3_ACCESS_KEY_ID',
    'STORAGE_S3_SECRET_ACCESS_KEY',
  );
  // an empty variable means "not set", as in most shells' `VAR= command`
  const raw = Object.fromEntries(
    known.filter((name) => env[name] !== undefined && env[name] !== '').map((name) => [name, env[name]]),
  );
  const config = plainToInstance(ApiConfig, raw);
  const problems = validateSync(config).flatMap((error) => {
    const shown = SECRET_VARIABLES.has(error.property) ? '' : ` (got ${JSON.stringify(error.value)})`;
    const constraints = error.constraints ?? {};
    // a value that is not a number at all fails the range checks too; saying so adds nothing
    const messages = constraints['isInt'] ? [constraints['isInt']] : [...new Set(Object.values(constraints))];
    return messages.map((message) => `${error.property}: ${message}${shown}`);
  });
  if (config.isProduction && config.APP_SECRET === DEV_APP_SECRET) {
    problems.push(
      'APP_SECRET: the development default is refused when NODE_ENV=production; set a random secret',
    );
  }
  problems.push(...ssoProblems(config, Object.keys(raw)));
  if (Boolean(config.STORAGE_S3_ACCESS_KEY_ID) !== Boolean(config.STORAGE_S3_SECRET_ACCESS_KEY)) {
    problems.push('STORAGE_S3_ACCESS_KEY_ID: set it together with STORAGE_S3_SECRET_ACCESS_KEY, or neither');
  }
  if (problems.length > 0) throw new ConfigValidationError(problems);
  return config;
}
