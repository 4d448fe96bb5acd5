import { LanguageCode, LocalizedText } from './language';

/**
 * The roles of the platform; each is granted on an org unit and covers that unit's subtree. A
 * `reviewer` is a trainer who may also publish the course versions of that subtree or send them back.
 */
export const ROLES = ['learner', 'trainer', 'reviewer', 'hr', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const USER_STATUSES = ['active', 'suspended'] as const;
/** A login: 3 to 64 Latin letters, digits, dots, hyphens or underscores (the database checks the same). */
export const LOGIN_PATTERN = /^[A-Za-z0-9._-]{3,64}$/;
/** Longest full name, in either spelling. */
export const MAX_FULL_NAME_LENGTH = 200;
/** Longest e-mail address (RFC 5321). */
export const MAX_EMAIL_LENGTH = 254;
/** Shortest password the policy accepts; it also refuses common passwords and the person's own words. */
export const MIN_PASSWORD_LENGTH = 12;
export type UserStatus = (typeof USER_STATUSES)[number];

/** A role held on an org unit (and so on everything under it). */
export interface RoleGrant {
  id: string;
  role: Role;
  orgUnitId: string;
  orgUnitName: { en: string; ru?: string };
}

/** The signed-in person, as the web app needs it to render navigation and pages. */
export interface CurrentUser {
  id: string;
  login: string;
  email: string;
  fullName: string;
  /** Full name in Cyrillic, where given. */
  fullNameCyrillic?: string;
  language: LanguageCode;
  orgUnitId: string;
  grants: RoleGrant[];
}

/** `POST /api/v1/auth/sign-in`: login or email, and password. */
export interface SignInRequest {
  login: string;
  password: string;
}

/**
 * Answer of sign-in and of `POST /api/v1/auth/refresh`. The refresh token travels only in an httpOnly,
 * SameSite=Strict cookie; the short-lived access token is kept in memory and sent as a Bearer token.
 */
export interface SessionResponse {
  accessToken: string;
  /** ISO 8601 instant at which the access token expires. */
  accessTokenExpiresAt: string;
  user: CurrentUser;
}

/** `POST /api/v1/auth/password`: the signed-in user changes their own password. */
export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/** Orders of `GET /api/v1/users`; a leading `-` sorts descending. */
export const USER_SORTS = ['name', '-name', 'login', '-login', 'createdAt', '-createdAt'] as const;
export type UserSort = (typeof USER_SORTS)[number];

/** `GET /api/v1/users`: only the users inside the caller's scope are ever listed. */
export interface UserListQuery {
  page?: number;
  pageSize?: number;
  /** Case-insensitive search in the login and both spellings of the name. */
  q?: string;
  /** The unit and its whole subtree. */
  orgUnitId?: string;
  /** Users holding this role on any unit. */
  role?: Role;
  status?: UserStatus;
  positionId?: string;
  sort?: UserSort;
}

/** A user as the administration lists them. */
export interface UserSummary {
  id: string;
  login: string;
  email: string;
  fullName: string;
  fullNameCyrillic?: string;
  language: LanguageCode;
  status: UserStatus;
  orgUnitId: string;
  orgUnitName: LocalizedText;
  positionId: string | null;
  positionName: LocalizedText | null;
  /** The roles the user holds on any unit, each once, in the order of ROLES. */
  roles: Role[];
  /** ISO 8601 instant until which sign-in is locked after wrong passwords, or null. */
  lockedUntil: string | null;
  createdAt: string;
  /**
   * ISO 8601 instant at which the person's personal data was erased on request; absent otherwise. An
   * erased person stays suspended and can no longer be changed.
   */
  erasedAt?: string;
}

/** One user with their role grants. */
export interface UserDetails extends UserSummary {
  grants: RoleGrant[];
}

/** `PATCH /api/v1/users/:id`: the fields to change; `status: 'suspended'` ends every session at once. */
export interface UpdateUserRequest {
  email?: string;
  fullName?: string;
  /** Null removes it. */
  fullNameCyrillic?: string | null;
  language?: LanguageCode;
  /** Null removes it. */
  positionId?: string | null;
  orgUnitId?: string;
  status?: UserStatus;
}

/** `POST /api/v1/users/:id/grants`: an admin grants a role on a unit inside their own scope. */
export interface AddRoleGrantRequest {
  role: Role;
  orgUnitId: string;
}

/** `POST /api/v1/users`: an admin creates a person inside their scope, without a password. */
export interface CreateUserRequest {
  login: string;
  email: string;
  fullName: string;
  fullNameCyrillic?: string | null;
  /** English when absent. */
  language?: LanguageCode;
  /** The person's own unit, inside the caller's scope. */
  orgUnitId: string;
  positionId?: string | null;
  /** The first roles, each on a unit inside the caller's scope. */
  grants?: AddRoleGrantRequest[];
}

/** How long an admin-issued password-reset link stays valid. */
export const RESET_LINK_TTL_HOURS = 72;

/**
 * `POST /api/v1/users/:id/reset-links`: a one-time link for the person to set a password, shown to the
 * admin once (the server keeps only its hash). Issuing one ends every earlier unused link of the person.
 */
export interface ResetLink {
  url: string;
  /** ISO 8601 instant. */
  expiresAt: string;
}

/** `POST /api/v1/auth/reset-password`: the token of a reset link and the new password. */
export interface ResetPasswordRequest {
  token: string;
  newPassword: string;
}
