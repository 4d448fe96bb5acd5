import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  PersonalDataRegistry,
  PersonalDataSectionProvider,
  isoInstantSql,
} from '@border-academy/api-platform';
import { ERASED_PERSON_NAME } from '@border-academy/shared-contracts';
import { EntityManager } from 'typeorm';

/** The login an erased person keeps: unique through their id, and free of anything they were called. */
export function erasedLoginSql(idColumn: string): string {
  return `'erased.' || ${idColumn}::text`;
}

/** An address in the reserved `.invalid` domain, so nothing is ever sent to it. */
export function erasedEmailSql(idColumn: string): string {
  return `'erased.' || ${idColumn}::text || '@erased.invalid'`;
}

async function affected(manager: EntityManager, sql: string, parameters: unknown[]): Promise<number> {
  // TypeORM answers an UPDATE or DELETE with [rows, affected count]
  const [, count]: [unknown, number] = await manager.query(sql, parameters);
  return count;
}

/**
 * The person's profile is anonymised, not removed: enrolments, progress, attempts and certificates
 * stay linked to the row, and its unit and position stay for the aggregate figures. The password is
 * dropped and the person suspended, so nobody can sign in as them again.
 */
const profile: PersonalDataSectionProvider = {
  key: 'identity.profile',
  title: { en: 'Profile', ru: 'Профиль' },
  order: 100,
  rows: (manager, userId) =>
    manager.query(
      `SELECT u.id, u.login, u.email, u.full_name AS "fullName", u.full_name_cyrillic AS "fullNameCyrillic",
              u.language, u.status::text AS status, ou.code AS "orgUnitCode", ou.name AS "orgUnitName",
              p.code AS "positionCode", p.name AS "positionName",
              u.password_hash IS NOT NULL AS "hasPassword", u.failed_sign_ins AS "failedSignIns",
              ${isoInstantSql('u.locked_until')} AS "lockedUntil", ${isoInstantSql('u.created_at')} AS "createdAt",
              ${isoInstantSql('u.updated_at')} AS "updatedAt", ${isoInstantSql('u.erased_at')} AS "erasedAt"
         FROM app_user u
         JOIN org_unit ou ON ou.id = u.org_unit_id
         LEFT JOIN position p ON p.id = u.position_id
        WHERE u.id = $1`,
      [userId],
    ),
  erase: (manager, userId) =>
    affected(
      manager,
      `UPDATE app_user
          SET login = ${erasedLoginSql('id')}, email = ${erasedEmailSql('id')}, full_name = $2,
              full_name_cyrillic = NULL, password_hash = NULL, status = 'suspended', failed_sign_ins = 0,
              locked_until = NULL, erased_at = now(), updated_at = now()
        WHERE id = $1`,
      [userId, ERASED_PERSON_NAME],
    ),
};

/** Role grants give access only; an erased person needs none, and lists by role should not count them. */
const roleGrants: PersonalDataSectionProvider = {
  key: 'identity.role-grants',
  title: { en: 'Role grants', ru: 'Назначенные роли' },
  order: 110,
  rows: (manager, userId) =>
    manager.query(
      `SELECT g.id, g.role::text AS role, ou.code AS "orgUnitCode", ou.name AS "orgUnitName",
              ${isoInstantSql('g.granted_at')} AS "grantedAt", g.granted_by AS "grantedBy"
         FROM role_grant g JOIN org_unit ou ON ou.id = g.org_unit_id
        WHERE g.user_id = $1
        ORDER BY g.granted_at, g.id`,
      [userId],
    ),
  erase: (manager, userId) => affected(manager, `DELETE FROM role_grant WHERE user_id = $1`, [userId]),
};

/** Sign-in sessions without their token hashes; erasure removes them, ending any still open. */
const sessions: PersonalDataSectionProvider = {
  key: 'identity.sessions',
  title: { en: 'Sign-in sessions', ru: 'Сеансы входа' },
  order: 120,
  rows: (manager, userId) =>
    manager.query(
      `SELECT s.id, s.family_id AS "familyId", ${isoInstantSql('s.created_at')} AS "createdAt",
              ${isoInstantSql('s.expires_at')} AS "expiresAt", ${isoInstantSql('s.revoked_at')} AS "revokedAt",
              s.revoke_reason AS "revokeReason", s.ip, s.user_agent AS "userAgent"
         FROM auth_session s
        WHERE s.user_id = $1
        ORDER BY s.created_at, s.id`,
      [userId],
    ),
  erase: (manager, userId) => affected(manager, `DELETE FROM auth_session WHERE user_id = $1`, [userId]),
};

const externalIdentities: PersonalDataSectionProvider = {
  key: 'identity.external-identities',
  title: { en: 'Single sign-on accounts', ru: 'Учётные записи единого входа' },
  order: 130,
  rows: (manager, userId) =>
    manager.query(
      `SELECT e.id, e.issuer, e.subject, ${isoInstantSql('e.created_at')} AS "createdAt",
              ${isoInstantSql('e.last_sign_in_at')} AS "lastSignInAt"
         FROM external_identity e
        WHERE e.user_id = $1
        ORDER BY e.created_at, e.id`,
      [userId],
    ),
  erase: (manager, userId) => affected(manager, `DELETE FROM external_identity WHERE user_id = $1`, [userId]),
};

/** Password-reset links without their token hashes. */
const resetLinks: PersonalDataSectionProvider = {
  key: 'identity.password-reset-links',
  title: { en: 'Password reset links', ru: 'Ссылки для смены пароля' },
  order: 140,
  rows: (manager, userId) =>
    manager.query(
      `SELECT r.id, ${isoInstantSql('r.created_at')} AS "createdAt", r.created_by AS "createdBy",
              ${isoInstantSql('r.expires_at')} AS "expiresAt", ${isoInstantSql('r.used_at')} AS "usedAt",
              ${isoInstantSql('r.revoked_at')} AS "revokedAt"
         FROM password_reset r
        WHERE r.user_id = $1
        ORDER BY r.created_at, r.id`,
      [userId],
    ),
  erase: (manager, userId) => affected(manager, `DELETE FROM password_reset WHERE user_id = $1`, [userId]),
};

/** The rows of bulk imports that created or changed the person, as the file had them. */
const importRows: PersonalDataSectionProvider = {
  key: 'identity.import-rows',
  title: { en: 'Rows of user imports', ru: 'Строки импорта пользователей' },
  order: 150,
  rows: (manager, userId) =>
    manager.query(
      `SELECT r.import_id AS "importId", r.line, r.login, r.email, r.full_name AS "fullName",
              r.full_name_cyrillic AS "fullNameCyrillic", r.language, r.org_unit_code AS "orgUnitCode",
              r.position_code AS "positionCode", r.roles_text AS "roles", r.outcome,
              ${isoInstantSql('i.created_at')} AS "uploadedAt", ${isoInstantSql('i.committed_at')} AS "committedAt"
         FROM user_import_row r JOIN user_import i ON i.id = r.import_id
        WHERE r.user_id = $1
        ORDER BY i.created_at, r.import_id, r.line`,
      [userId],
    ),
  erase: (manager, userId) =>
    affected(
      manager,
      `UPDATE user_import_row
          SET login = ${erasedLoginSql('user_id')}, email = ${erasedEmailSql('user_id')}, full_name = $2,
              full_name_cyrillic = ''
        WHERE user_id = $1`,
      [userId, ERASED_PERSON_NAME],
    ),
};

/** Registers what identity keeps about a person: profile, grants, sessions, sign-on links, reset links, imports. */
@Injectable()
export class IdentityPersonalData implements OnModuleInit {
  constructor(private readonly registry: PersonalDataRegistry) {}

  onModuleInit(): void {
    this.registry.register(profile, roleGrants, sessions, externalIdentities, resetLinks, importRows);
  }
}
