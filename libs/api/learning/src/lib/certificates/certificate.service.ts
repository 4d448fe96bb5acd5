import { Injectable } from '@nestjs/common';
import { AccessContext, DatabaseNotifications, NotifiedCache } from '@border-academy/api-platform';
import { CertificateVerification } from '@border-academy/shared-contracts';
import { DataSource } from 'typeorm';

import { CertificateCodeUnknownError, LearningRecordNotFoundError } from '../learning.errors';
import { mayReadLearner } from '../learning-access';
import { renderCertificatePdf } from './certificate-pdf';
import { CertificateRepository } from './certificate.repository';

const CODE = /^[A-Z2-7]{26}$/;
/** The channel a trigger on certificates notifies with the code of one revoked, erased or deleted. */
export const CERTIFICATE_CHANNEL = 'certificate_changed';

@Injectable()
export class CertificateService {
  /**
   * Verifications answered before, by code: a certificate changes only when revoked, erased or
   * deleted, and each of those notifies every instance. Status is worked out at each answer, since
   * expiry comes with time; unknown codes are never kept, so a new certificate verifies at once.
   */
  private readonly verifications: NotifiedCache<CertificateVerification>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly certificates: CertificateRepository,
    notifications: DatabaseNotifications,
  ) {
    this.verifications = new NotifiedCache(notifications, CERTIFICATE_CHANNEL, (cache, code) =>
      cache.delete(code),
    );
  }

  /** The PDF for its holder, or for HR, trainers and admins whose scope holds the holder. */
  async pdf(access: AccessContext, id: string, origin: string): Promise<{ code: string; pdf: Buffer }> {
    const record = await this.certificates.findById(this.dataSource.manager, id);
    if (!record || !mayReadLearner(access.principal, record.userId, record.holderPath)) {
      throw new LearningRecordNotFoundError('certificate', id);
    }
    const language = record.holderLanguage === 'ru' ? 'ru' : 'en';
    const pdf = await renderCertificatePdf({
      code: record.code,
      holderName: record.holderName,
      courseTitle: record.courseTitle,
      language,
      defaultLanguage: record.defaultLanguage,
      issuedAt: new Date(record.issuedAt),
      validUntil: record.validUntil ? new Date(record.validUntil) : null,
      agencyName: record.agencyName[language] ?? record.agencyName.en,
      verificationUrl: `${origin}/verify/${record.code}`,
    });
    return { code: record.code, pdf };
  }

  /** Public: a code that is not one (by shape or in the table) is the same 404. */
  async verify(code: string): Promise<CertificateVerification> {
    const normalised = code.trim().toUpperCase();
    if (!CODE.test(normalised)) throw new CertificateCodeUnknownError();
    const cached = this.verifications.get(normalised);
    if (cached) return { ...cached, status: statusAt(cached, new Date()) };
    const generation = this.verifications.generation;
    const found = await this.certificates.verification(this.dataSource.manager, normalised);
    if (!found) throw new CertificateCodeUnknownError();
    this.verifications.set(normalised, found, generation);
    return found;
  }
}

/** A certificate's status at a moment, as the repository's SQL works it out. */
function statusAt(certificate: CertificateVerification, now: Date): CertificateVerification['status'] {
  if (certificate.revokedAt) return 'revoked';
  if (certificate.validUntil && new Date(certificate.validUntil) < now) return 'expired';
  return 'valid';
}
