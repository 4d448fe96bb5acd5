import { USER_IMPORT_COLUMNS } from '@border-academy/shared-contracts';
import { Workbook } from 'exceljs';

const BOM = '\ufeff';

export const TEMPLATE_MEDIA_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** The header row only; a BOM so that Excel opens the file as UTF-8 and shows Cyrillic names. */
export function csvTemplate(): Buffer {
  return Buffer.from(`${BOM}${USER_IMPORT_COLUMNS.join(',')}\r\n`, 'utf8');
}

/** A workbook with the header row; every column is text, so that Excel keeps logins like `007` as typed. */
export async function xlsxTemplate(): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('users', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = USER_IMPORT_COLUMNS.map((column) => ({
    header: column,
    key: column,
    width: column === 'roles' || column === 'language' ? 16 : 28,
    style: { numFmt: '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
