import { Injectable } from '@nestjs/common';
import {
  CertificateStatus,
  CertificateVerification,
  ContentText,
  LocalizedText,
} from '@border-academy/shared-contracts';
import { EntityManager } from 'typeorm';

export interface CertificateRecord {
  id: string;
  code: string;
  userId: string;
  holderPath: string;
  holderLanguage: string;
  holderName: string;
  courseTitle: ContentText;
  defaultLanguage: string;
  issuedAt: Date;
  validUntil: Date | null;
  agencyName: LocalizedText;
}

const STATUS_SQL = `CASE WHEN c.revoked_at IS NOT NULL THEN 'revoked'
                         WHEN c.valid_until IS NOT NULL AND c.valid_until < now() THEN 'expired'
                         ELSE 'valid' END`;

@Injectable()
export class CertificateRepository {
  async findById(manager: EntityManager, id: string): Promise<CertificateRecord | null> {
    const rows: CertificateRecord[] = await manager.query(
      `SELECT c.id, c.code, c.user_id AS "userId", o.path AS "holderPath", u.language AS "holderLanguage",
              c.holder_name AS "holderName", c.course_title AS "courseTitle", co.default_language AS "defaultLanguage",
              c.issued_at AS "issuedAt", c.valid_until AS "validUntil", a.name AS "agencyName"
         FROM certificate c
         JOIN app_user u ON u.id = c.user_id
         JOIN org_unit o ON o.id = u.org_unit_id
         JOIN course co ON co.id = c.course_id
         JOIN org_unit a ON a.id = c.issuing_org_unit_id
        WHERE c.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Only what the public may see of a certificate. */
  async verification(manager: EntityManager, code: string): Promise<CertificateVerification | null> {
    const rows: (Omit<CertificateVerification, 'status'> & { status: CertificateStatus })[] =
      await manager.query(
        `SELECT c.holder_name AS "holderName", c.course_title AS "courseTitle", c.issued_at AS "issuedAt",
              c.valid_until AS "validUntil", ${STATUS_SQL} AS status, c.revoked_at AS "revokedAt"
         FROM certificate c WHERE c.code = $1`,
        [code],
      );
    const row = rows[0];
    if (!row) return null;
    const iso = (value: string | Date | null) => (value === null ? null : new Date(value).toISOString());
    return {
      holderName: row.holderName,
      courseTitle: row.courseTitle,
      issuedAt: iso(row.issuedAt) ?? '',
      validUntil: iso(row.validUntil),
      status: row.status,
      revokedAt: iso(row.revokedAt),
    };
  }
}
