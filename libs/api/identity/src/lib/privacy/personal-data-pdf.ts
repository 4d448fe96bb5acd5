import { certificateFontPath } from '@border-academy/api-learning';
import { PersonalDataExport, PersonalDataValue } from '@border-academy/shared-contracts';
import PDFDocument from 'pdfkit';

const LABELS = {
  en: {
    heading: 'Personal data held by Border Academy',
    person: 'Person',
    generated: 'Generated',
    by: 'at the request of the administrator',
    schema: 'The same data as JSON follows the schema',
    none: 'No records.',
    records: 'Records',
    page: 'Page',
  },
  ru: {
    heading: 'Персональные данные в системе Border Academy',
    person: 'Человек',
    generated: 'Сформировано',
    by: 'по запросу администратора',
    schema: 'Те же данные в формате JSON соответствуют схеме',
    none: 'Записей нет.',
    records: 'Записей',
    page: 'Страница',
  },
} as const;

/**
 * A value as one line of text: a text in several languages in the reader's (or English), other
 * nested records as compact JSON, missing ones as a dash.
 */
function text(value: PersonalDataValue, language: string): string {
  if (value === null || value === '') return '—';
  if (typeof value === 'object' && !Array.isArray(value)) {
    const localized = value[language] ?? value['en'];
    if (typeof localized === 'string') return localized;
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * The export as an A4 PDF in the person's language (English or Russian) with DejaVu Sans embedded, the
 * same font as the certificates, so names in Cyrillic print: a heading, then every section with each
 * of its records as `field: value` lines, in the order and with the field names of the JSON.
 */
export function renderPersonalDataPdf(data: PersonalDataExport, language: string): Promise<Buffer> {
  const lang = language === 'ru' ? 'ru' : 'en';
  const labels = LABELS[lang];
  const document = new PDFDocument({
    size: 'A4',
    margin: 48,
    bufferPages: true,
    info: { Title: `${labels.heading}: ${data.person.fullName}`, Author: 'Border Academy' },
  });
  const chunks: Buffer[] = [];
  document.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
  });
  document.registerFont('body', certificateFontPath());
  document.font('body');
  const width = document.page.width - 96;

  document.fontSize(18).text(labels.heading, { width });
  document.moveDown(0.4).fontSize(11);
  document.text(`${labels.person}: ${data.person.fullName} (${data.person.login}, ${data.person.id})`, {
    width,
  });
  document.text(`${labels.generated}: ${data.generatedAt}, ${labels.by} ${data.generatedBy}`, { width });
  document.fillColor('#555555').text(`${labels.schema} ${data.schema}.`, { width }).fillColor('#000000');

  for (const section of data.sections) {
    document.moveDown(1);
    document
      .fontSize(14)
      .text(`${section.title[lang]} — ${labels.records}: ${section.rows.length}`, { width });
    document.fontSize(8).fillColor('#555555').text(section.key, { width }).fillColor('#000000');
    document.moveDown(0.3).fontSize(9);
    if (section.rows.length === 0) document.text(labels.none, { width });
    section.rows.forEach((row, index) => {
      if (index > 0) {
        const y = document.y + 3;
        document
          .moveTo(48, y)
          .lineTo(48 + width, y)
          .lineWidth(0.5)
          .strokeColor('#bbbbbb')
          .stroke();
        document.moveDown(0.5);
      }
      for (const [field, value] of Object.entries(row)) {
        document.text(`${field}: ${text(value, lang)}`, { width });
      }
    });
  }

  const range = document.bufferedPageRange();
  for (let page = range.start; page < range.start + range.count; page++) {
    document.switchToPage(page);
    // the footer sits in the bottom margin, which would otherwise push it onto a new page
    document.page.margins.bottom = 0;
    document
      .fontSize(8)
      .fillColor('#555555')
      .text(`${labels.page} ${page + 1} / ${range.count}`, 48, document.page.height - 36, {
        width,
        align: 'right',
        lineBreak: false,
      });
  }
  document.end();
  return finished;
}
