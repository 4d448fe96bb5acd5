import { ValidationProblemException } from '@border-academy/api-platform';
import {
  USER_IMPORT_COLUMNS,
  USER_IMPORT_MAX_ROWS,
  UserImportColumn,
  UserImportFileType,
  UserImportRecord,
} from '@border-academy/shared-contracts';
import { parse } from 'csv-parse/sync';
import { Workbook } from 'exceljs';

/** Why a whole file is refused, as the `code` of the problem's field error on `file`. */
export type UserImportFileProblem =
  'file-empty' | 'file-type' | 'file-unreadable' | 'file-header' | 'file-too-many-rows';

export class UserImportFileError extends ValidationProblemException {
  constructor(code: UserImportFileProblem, message: string) {
    super([{ field: 'file', code, message }]);
  }
}

/** A data row of the file: its number as a spreadsheet shows it (the header is row 1) and its cells. */
export interface UserImportFileRow {
  line: number;
  values: UserImportRecord;
}

export interface UserImportFile {
  fileType: UserImportFileType;
  rows: UserImportFileRow[];
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
// the binary .xls of Excel 97–2003 (an OLE compound file)
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** The type by the file's content, never by its name: an XLSX workbook is a zip archive. */
export function detectFileType(content: Buffer): UserImportFileType {
  if (content.length === 0) throw new UserImportFileError('file-empty', 'The file is empty');
  if (content.subarray(0, 4).equals(ZIP_MAGIC)) return 'xlsx';
  if (content.subarray(0, 4).equals(OLE_MAGIC) || content.subarray(0, 4096).includes(0)) {
    throw new UserImportFileError(
      'file-type',
      'The file is neither CSV nor an XLSX workbook; save it as CSV UTF-8 or as an Excel workbook (.xlsx)',
    );
  }
  return 'csv';
}

/** UTF-8 (with or without a BOM); otherwise Windows-1251, which Excel in a Russian locale writes. */
export function decodeText(content: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return new TextDecoder('windows-1251').decode(content);
  }
}

/** `;` when the header line has more of them than commas, as Excel writes CSV in Russian locales. */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = ([',', ';', '\t'] as const).map(
    (delimiter) => [delimiter, firstLine.split(delimiter).length] as const,
  );
  return counts.reduce((best, candidate) => (candidate[1] > best[1] ? candidate : best))[0];
}

function normaliseHeading(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/**
 * Maps each column to its position in the header. The header must name every column once and
 * nothing else; the order is free.
 */
export function readHeader(headings: string[]): Record<UserImportColumn, number> {
  const names = headings.map(normaliseHeading);
  while (names.length > 0 && names[names.length - 1] === '') names.pop();
  const known = new Set<string>(USER_IMPORT_COLUMNS);
  const missing = USER_IMPORT_COLUMNS.filter((column) => !names.includes(column));
  const unknown = names.filter((name) => !known.has(name));
  const repeated = names.filter((name, index) => known.has(name) && names.indexOf(name) !== index);
  if (missing.length > 0 || unknown.length > 0 || repeated.length > 0) {
    const problems = [
      missing.length ? `missing ${missing.join(', ')}` : '',
      unknown.length ? `unknown ${unknown.map((name) => `"${name}"`).join(', ')}` : '',
      repeated.length ? `repeated ${repeated.join(', ')}` : '',
    ].filter(Boolean);
    throw new UserImportFileError(
      'file-header',
      `The first row must name the columns ${USER_IMPORT_COLUMNS.join(', ')}; ${problems.join('; ')}`,
    );
  }
  return Object.fromEntries(USER_IMPORT_COLUMNS.map((column) => [column, names.indexOf(column)])) as Record<
    UserImportColumn,
    number
  >;
}

function toRows(table: { line: number; cells: string[] }[]): UserImportFileRow[] {
  const [header, ...data] = table;
  if (!header) throw new UserImportFileError('file-empty', 'The file has no header row');
  const positions = readHeader(header.cells);
  const rows = data
    .filter((row) => row.cells.some((cell) => cell.trim() !== ''))
    .map((row) => ({
      line: row.line,
      values: Object.fromEntries(
        USER_IMPORT_COLUMNS.map((column) => [column, (row.cells[positions[column]] ?? '').trim()]),
      ) as UserImportRecord,
    }));
  if (rows.length > USER_IMPORT_MAX_ROWS) {
    throw new UserImportFileError(
      'file-too-many-rows',
      `The file has ${rows.length} rows; split it into files of at most ${USER_IMPORT_MAX_ROWS}`,
    );
  }
  return rows;
}

function readCsv(content: Buffer): UserImportFileRow[] {
  const text = decodeText(content);
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: false,
    });
  } catch (error) {
    throw new UserImportFileError('file-unreadable', `The CSV cannot be read: ${(error as Error).message}`);
  }
  return toRows(records.map((cells, index) => ({ line: index + 1, cells })));
}

async function readXlsx(content: Buffer): Promise<UserImportFileRow[]> {
  const workbook = new Workbook();
  try {
    // exceljs declares its own Buffer type, older than Node's
    await workbook.xlsx.load(content as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    throw new UserImportFileError('file-unreadable', 'The workbook cannot be read; save it again as .xlsx');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UserImportFileError('file-empty', 'The workbook has no sheet');
  const table: { line: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cell.text ?? '';
    });
    table.push({ line, cells: Array.from(cells, (cell) => cell ?? '') });
  });
  if (table[0] && table[0].line !== 1) table.unshift({ line: 1, cells: [] });
  return toRows(table);
}

/** Reads an uploaded CSV or XLSX file into rows keyed by column; a file that cannot be used throws a 400. */
export async function readUserImportFile(content: Buffer): Promise<UserImportFile> {
  const fileType = detectFileType(content);
  const rows = fileType === 'xlsx' ? await readXlsx(content) : readCsv(content);
  return { fileType, rows };
}
