import { Injectable } from '@nestjs/common';
import { AccessContext } from '@border-academy/api-platform';
import { CertificateVerification } from '@border-academy/shared-contracts';
import { DataSource } from 'typeorm';

import { CertificateCodeUnknownError, LearningRecordNotFoundError } from '../learning.errors';
import { mayReadLearner } from '../learning-access';
import { renderCertificatePdf } from './certificate-pdf';
import { CertificateRepository } from './certificate.repository';

const CODE = /^[A-Z2-7]{26}$/;

@Injectable()
export class CertificateService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly certificates: CertificateRepository,
  ) {}

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
    const found = CODE.test(normalised)
      ? await this.certificates.verification(this.dataSource.manager, normalised)
      : null;
    if (!found) throw new CertificateCodeUnknownError();
    return found;
  }
}
