import { ValidationProblemException } from '@border-academy/api-platform';

import {
  decodeText,
  detectDelimiter,
  detectFileType,
  readHeader,
  readUserImportFile,
} from './user-import-file';
import { checkImportRow, splitRoles } from './user-import-row';

const HEADER = 'login,email,full_name,full_name_cyrillic,language,org_unit,position,roles';

function fileErrorOf(action: () => unknown): { code?: string; message?: string } {
  try {
    action();
  } catch (error) {
    return (error as ValidationProblemException).fieldErrors[0] ?? {};
  }
  return {};
}

const codeOf = (action: () => unknown) => fileErrorOf(action).code;

describe('reading an import file', () => {
  it('tells XLSX from CSV by the content and refuses the old binary .xls', () => {
    expect(detectFileType(Buffer.from('PK\u0003\u0004rest'))).toBe('xlsx');
    expect(detectFileType(Buffer.from(HEADER))).toBe('csv');
    expect(codeOf(() => detectFileType(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2])))).toBe('file-type');
    expect(codeOf(() => detectFileType(Buffer.alloc(0)))).toBe('file-empty');
  });

  it('takes ; as the delimiter when the header has more of them, as Russian Excel writes', () => {
    expect(detectDelimiter(HEADER)).toBe(',');
    expect(detectDelimiter(`${HEADER.replace(/,/g, ';')}\r\na,b`)).toBe(';');
  });

  it('decodes UTF-8 with a BOM, and Windows-1251 when the bytes are not UTF-8', () => {
    expect(decodeText(Buffer.from('\ufeffлогин', 'utf8'))).toBe('логин');
    expect(decodeText(Buffer.from([0xcb, 0xee, 0xe3, 0xe8, 0xed]))).toBe('Логин');
  });

  it('accepts the columns in any order and spelling case, and names what is missing or unknown', () => {
    const positions = readHeader([
      'Roles',
      'LOGIN',
      'email',
      'full name',
      'full_name_cyrillic',
      'language',
      'org_unit',
      'position',
      '',
    ]);
    expect(positions.roles).toBe(0);
    expect(positions.login).toBe(1);
    expect(positions.full_name).toBe(3);
    expect(fileErrorOf(() => readHeader(['login', 'mail'])).message).toMatch(
      /missing email, .*unknown "mail"/,
    );
    expect(codeOf(() => readHeader([...HEADER.split(','), 'login']))).toBe('file-header');
  });

  it('reads quoted cells with delimiters and line breaks, numbering rows as a spreadsheet does', async () => {
    const file = await readUserImportFile(
      Buffer.from(`${HEADER}\r\n\r\n"a.b","a@b.kz","Name, Second","","en","kz","","learner;hr"\r\n`),
    );
    expect(file.fileType).toBe('csv');
    expect(file.rows).toEqual([
      {
        line: 3,
        values: {
          login: 'a.b',
          email: 'a@b.kz',
          full_name: 'Name, Second',
          full_name_cyrillic: '',
          language: 'en',
          org_unit: 'kz',
          position: '',
          roles: 'learner;hr',
        },
      },
    ]);
  });
});

describe('checking a row on its own', () => {
  const row = {
    login: 'a.b',
    email: 'a@b.kz',
    full_name: 'A B',
    full_name_cyrillic: '',
    language: 'RU',
    org_unit: 'KZ-Border',
    position: '',
    roles: 'Learner, trainer;learner',
  };

  it('normalises codes and roles and finds no error in a good row', () => {
    expect(checkImportRow(2, row)).toMatchObject({
      language: 'ru',
      org_unit_code: 'kz-border',
      roles: ['learner', 'trainer'],
      format_errors: [],
    });
  });

  it('lists every problem of the cells', () => {
    expect(
      checkImportRow(2, {
        ...row,
        login: 'a b',
        email: 'nope',
        full_name: '',
        language: 'fr',
        org_unit: '',
        roles: 'chief',
      }).format_errors,
    ).toEqual([
      'login-invalid',
      'email-invalid',
      'full-name-required',
      'language-invalid',
      'org-unit-required',
      'roles-unknown',
    ]);
    expect(splitRoles('')).toEqual({ roles: [], unknown: [] });
  });
});
