import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { ContentText } from '@border-academy/shared-contracts';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

const FONT_FILE = 'DejaVuSans.ttf';

/**
 * DejaVu Sans ships with the code (see assets/fonts), as a fresh machine has no font with Cyrillic
 * guaranteed: from the sources beside this file, or from the API bundle's assets.
 */
export function certificateFontPath(): string {
  const candidates = [
    join(__dirname, '..', '..', 'assets', 'fonts', FONT_FILE),
    // the bundle (dist/apps/api/main.js) copies the assets beside itself
    join(dirname(require.main?.filename ?? '.'), 'assets', 'learning', 'fonts', FONT_FILE),
    join(__dirname, 'assets', 'learning', 'fonts', FONT_FILE),
    join(process.cwd(), 'libs', 'api', 'learning', 'src', 'assets', 'fonts', FONT_FILE),
  ];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found)
    throw new Error(`The certificate font ${FONT_FILE} is missing; looked in ${candidates.join(', ')}`);
  return found;
}

export interface CertificatePdfContent {
  code: string;
  holderName: string;
  courseTitle: ContentText;
  /** The learner's language: the course title and the labels are written in it when it has them. */
  language: string;
  defaultLanguage: string;
  issuedAt: Date;
  validUntil: Date | null;
  agencyName: string;
  verificationUrl: string;
}

const LABELS: Record<string, Record<string, string>> = {
  en: {
    heading: 'Certificate of completion',
    awarded: 'This certifies that',
    completed: 'has completed the course',
    issued: 'Issued',
    valid: 'Valid until',
    noEnd: 'without expiry',
    by: 'Issued by',
    verify: 'Verify this certificate at',
    code: 'Code',
  },
  ru: {
    heading: 'Сертификат об окончании курса',
    awarded: 'Настоящим удостоверяется, что',
    completed: 'окончил(а) курс',
    issued: 'Выдан',
    valid: 'Действителен до',
    noEnd: 'бессрочно',
    by: 'Выдан организацией',
    verify: 'Проверить сертификат:',
    code: 'Код',
  },
};

function date(value: Date, language: string): string {
  return value.toLocaleDateString(language === 'ru' ? 'ru-RU' : 'en-GB', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });
}

/** The certificate as an A4 landscape PDF with the font embedded and a QR code to the public verification page. */
export async function renderCertificatePdf(content: CertificatePdfContent): Promise<Buffer> {
  const labels = LABELS[content.language] ?? LABELS['en'] ?? {};
  const title =
    content.courseTitle[content.language] ??
    content.courseTitle[content.defaultLanguage] ??
    Object.values(content.courseTitle)[0] ??
    '';
  const qr = await QRCode.toBuffer(content.verificationUrl, { type: 'png', margin: 1, width: 240 });
  const document = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 56,
    info: { Title: `${labels['heading']} ${content.code}`, Author: content.agencyName },
  });
  const chunks: Buffer[] = [];
  document.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
  });
  document.registerFont('body', certificateFontPath());
  document.font('body');
  const width = document.page.width - 112;
  document.fontSize(30).text(labels['heading'] ?? '', 56, 80, { width, align: 'center' });
  document
    .moveDown(1.2)
    .fontSize(14)
    .text(labels['awarded'] ?? '', { width, align: 'center' });
  document.moveDown(0.6).fontSize(26).text(content.holderName, { width, align: 'center' });
  document
    .moveDown(0.6)
    .fontSize(14)
    .text(labels['completed'] ?? '', { width, align: 'center' });
  document.moveDown(0.6).fontSize(20).text(title, { width, align: 'center' });
  document.moveDown(1.5).fontSize(12);
  document.text(`${labels['issued']}: ${date(content.issuedAt, content.language)}`, {
    width,
    align: 'center',
  });
  document.text(
    `${labels['valid']}: ${content.validUntil ? date(content.validUntil, content.language) : labels['noEnd']}`,
    { width, align: 'center' },
  );
  document.text(`${labels['by']}: ${content.agencyName}`, { width, align: 'center' });
  const bottom = document.page.height - 56 - 110;
  document.image(qr, 56, bottom, { width: 110, height: 110 });
  document
    .fontSize(10)
    .text(`${labels['verify']} ${content.verificationUrl}`, 180, bottom + 40, { width: width - 124 })
    .text(`${labels['code']}: ${content.code}`, { width: width - 124 });
  document.end();
  return finished;
}
