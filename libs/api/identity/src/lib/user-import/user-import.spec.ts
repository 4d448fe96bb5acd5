import { DEMO_PASSWORD, SEED_STEPS } from '@border-academy/api-db';
import { createTestApp, seedTestDatabase, TestApp } from '@border-academy/api-platform';
import {
  Page,
  ProblemDetails,
  SessionResponse,
  UserImport,
  UserImportRow,
} from '@border-academy/shared-contracts';
import { Workbook } from 'exceljs';
import { DataSource } from 'typeorm';

import { IdentityModule } from '../identity.module';
import { UserImportModule } from './user-import.module';

const HEADER = 'login,email,full_name,full_name_cyrillic,language,org_unit,position,roles';

const GOOD_ROWS = [
  [
    'imp.aliya',
    'aliya@example.kz',
    'Aliya Nurlanova',
    'Алия Нурланова',
    'ru',
    'kz-border-almaty',
    'first-line-border-guard',
    'learner',
  ],
  ['imp.daniyar', 'daniyar@example.kz', 'Daniyar Sadykov', '', 'en', 'kz-border', '', 'learner;trainer'],
  [
    'kz.learner',
    'kz.learner@demo.border-academy.example',
    'Kazakhstan Border Service Learner',
    'Слушатель',
    'ru',
    'kz-border',
    'first-line-border-guard',
    'learner',
  ],
];

function csv(rows: string[][], header = HEADER, delimiter = ','): Buffer {
  const quote = (cell: string) => (/[",;\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return Buffer.from(
    [header, ...rows.map((row) => row.map(quote).join(delimiter))].join('\r\n') + '\r\n',
    'utf8',
  );
}

async function xlsx(rows: string[][]): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('users');
  sheet.addRow(HEADER.split(','));
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('user import API', () => {
  let testApp: TestApp;
  let dataSource: DataSource;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    testApp = await createTestApp([IdentityModule, UserImportModule], {
      SIGN_IN_ATTEMPTS_PER_MINUTE: '1000',
    });
    await seedTestDatabase(testApp, SEED_STEPS);
    dataSource = testApp.app.get(DataSource);
    for (const login of ['kz.admin', 'kg.admin', 'kz.hr']) {
      const response = await testApp.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { login, password: DEMO_PASSWORD },
      });
      tokens[login] = (response.json() as SessionResponse).accessToken;
    }
  });

  afterAll(async () => {
    await testApp?.close();
  });

  function upload(as: string, file: Buffer, fileName = 'users.csv') {
    return testApp.app.inject({
      method: 'POST',
      url: `/api/v1/user-imports?fileName=${encodeURIComponent(fileName)}`,
      headers: { authorization: `Bearer ${tokens[as]}`, 'content-type': 'application/octet-stream' },
      payload: file,
    });
  }

  async function preview(as: string, file: Buffer): Promise<UserImport> {
    const response = await upload(as, file);
    expect(response.statusCode).toBe(201);
    return response.json() as UserImport;
  }

  async function rows(as: string, id: string, query = ''): Promise<Page<UserImportRow>> {
    const response = await testApp.app.inject({
      method: 'GET',
      url: `/api/v1/user-imports/${id}/rows${query}`,
      headers: { authorization: `Bearer ${tokens[as]}` },
    });
    expect(response.statusCode).toBe(200);
    return response.json() as Page<UserImportRow>;
  }

  function commit(as: string, id: string) {
    return testApp.app.inject({
      method: 'POST',
      url: `/api/v1/user-imports/${id}/commit`,
      headers: { authorization: `Bearer ${tokens[as]}` },
    });
  }

  async function counts(): Promise<{ users: number; grants: number }> {
    const [row]: { users: number; grants: number }[] = await dataSource.query(
      `SELECT (SELECT count(*)::int FROM app_user) AS users, (SELECT count(*)::int FROM role_grant) AS grants`,
    );
    return row ?? { users: -1, grants: -1 };
  }

  it('refuses a file whose header is wrong, as a whole, and stores nothing', async () => {
    const before = await counts();
    const response = await upload('kz.admin', csv(GOOD_ROWS, 'login,mail,full_name,language,org_unit,roles'));
    expect(response.statusCode).toBe(400);
    const problem = response.json() as ProblemDetails;
    expect(problem.errors).toEqual([
      expect.objectContaining({
        field: 'file',
        code: 'file-header',
        message: expect.stringContaining('email'),
      }),
    ]);
    expect(await counts()).toEqual(before);
    const [imports]: { n: number }[] = await dataSource.query(`SELECT count(*)::int AS n FROM user_import`);
    expect(imports?.n).toBe(0);
  });

  it('lists each bad row’s errors and writes nothing: duplicate login, unknown unit, bad e-mail, …', async () => {
    const before = await counts();
    const bad = await preview(
      'kz.admin',
      csv([
        ['imp.twin', 'twin1@example.kz', 'Twin One', '', 'en', 'kz-border', '', 'learner'],
        ['IMP.TWIN', 'twin2@example.kz', 'Twin Two', '', 'en', 'kz-border', '', 'learner'],
        ['imp.lost', 'lost@example.kz', 'Lost Person', '', 'en', 'kz-nowhere', '', 'learner'],
        ['imp.mail', 'not-an-email', 'Bad Mail', '', 'en', 'kz-border', '', 'learner'],
        ['imp.far', 'far@example.kz', 'Far Away', '', 'en', 'kz-customs', 'no-such-post', 'captain'],
        [
          'kg.learner',
          'kg.learner@demo.border-academy.example',
          'Someone Else',
          '',
          'fr',
          'kz-border',
          '',
          '',
        ],
        ['imp.fine', 'kz.hr@demo.border-academy.example', '', '', 'en', 'kz-border', '', 'learner'],
      ]),
    );
    expect(bad).toMatchObject({ status: 'previewed', fileType: 'csv', rowCount: 7 });
    expect(bad.counts).toEqual({ create: 0, update: 0, unchanged: 0, error: 7 });

    const errors = Object.fromEntries(
      (await rows('kz.admin', bad.id)).items.map((row) => [row.line, row.errors]),
    );
    expect(errors).toEqual({
      2: ['login-duplicate'],
      3: ['login-duplicate'],
      4: ['org-unit-unknown'],
      5: ['email-invalid'],
      6: ['roles-unknown', 'org-unit-out-of-scope', 'position-unknown'],
      7: ['language-invalid', 'login-taken'],
      8: ['full-name-required', 'email-taken'],
    });

    const refused = await commit('kz.admin', bad.id);
    expect(refused.statusCode).toBe(409);
    expect((refused.json() as ProblemDetails).type).toBe('urn:border-academy:problem:user-import-has-errors');
    expect(await counts()).toEqual(before);
  });

  it('creates the users of a good file with their grants, in one audited commit', async () => {
    const before = await counts();
    const good = await preview('kz.admin', csv(GOOD_ROWS));
    expect(good.counts).toEqual({ create: 2, update: 1, unchanged: 0, error: 0 });
    const page = await rows('kz.admin', good.id, '?outcome=update');
    expect(page.total).toBe(1);
    expect(page.items[0]?.changes).toEqual({
      fullNameCyrillic: { to: 'Слушатель' },
      language: { from: 'en', to: 'ru' },
    });
    expect(await counts()).toEqual(before);

    const committed = await commit('kz.admin', good.id);
    expect(committed.statusCode).toBe(200);
    expect(committed.json()).toMatchObject({ status: 'committed', progress: 3, counts: good.counts });

    expect(await counts()).toEqual({ users: before.users + 2, grants: before.grants + 3 });
    const created: {
      login: string;
      position: string | null;
      unit: string;
      roles: string[];
      password_hash: string | null;
    }[] = await dataSource.query(
      `SELECT u.login, p.code AS position, ou.code AS unit, u.password_hash,
                ARRAY(SELECT g.role::text FROM role_grant g WHERE g.user_id = u.id AND g.org_unit_id = u.org_unit_id
                       ORDER BY g.role) AS roles
           FROM app_user u JOIN org_unit ou ON ou.id = u.org_unit_id LEFT JOIN position p ON p.id = u.position_id
          WHERE u.login LIKE 'imp.%' ORDER BY u.login`,
    );
    expect(created).toEqual([
      {
        login: 'imp.aliya',
        position: 'first-line-border-guard',
        unit: 'kz-border-almaty',
        roles: ['learner'],
        password_hash: null,
      },
      {
        login: 'imp.daniyar',
        position: null,
        unit: 'kz-border',
        roles: ['learner', 'trainer'],
        password_hash: null,
      },
    ]);
    const [learner]: { language: string; full_name_cyrillic: string }[] = await dataSource.query(
      `SELECT language, full_name_cyrillic FROM app_user WHERE login = 'kz.learner'`,
    );
    expect(learner).toEqual({ language: 'ru', full_name_cyrillic: 'Слушатель' });

    const audit: { summary: Record<string, unknown> }[] = await dataSource.query(
      `SELECT summary FROM audit_event WHERE action = 'user.import' AND target_id = $1`,
      [good.id],
    );
    expect(audit).toEqual([
      {
        summary: expect.objectContaining({
          created: 2,
          updated: 1,
          grantsAdded: 3,
          users: { created: ['imp.aliya', 'imp.daniyar'], updated: ['kz.learner'] },
        }),
      },
    ]);
    expect((await commit('kz.admin', good.id)).statusCode).toBe(409);
  });

  it('changes nothing when the same file is imported again, as CSV with ; or as XLSX', async () => {
    const before = await counts();
    for (const file of [
      csv(GOOD_ROWS),
      csv(GOOD_ROWS, HEADER.replace(/,/g, ';'), ';'),
      await xlsx(GOOD_ROWS),
    ]) {
      const again = await preview('kz.admin', file);
      expect(again.counts).toEqual({ create: 0, update: 0, unchanged: 3, error: 0 });
      expect((await commit('kz.admin', again.id)).statusCode).toBe(200);
    }
    expect(await counts()).toEqual(before);
  });

  it('re-checks at commit: a login taken meanwhile outside the scope refuses the whole file', async () => {
    const before = await counts();
    const racing = await preview(
      'kz.admin',
      csv([
        ['imp.first', 'first@example.kz', 'First', '', 'en', 'kz-border', '', 'learner'],
        ['imp.race', 'race@example.kz', 'Race', '', 'en', 'kz-border', '', 'learner'],
      ]),
    );
    expect(racing.counts.create).toBe(2);
    await dataSource.query(
      `INSERT INTO app_user (login, email, full_name, org_unit_id)
       SELECT 'imp.race', 'elsewhere@example.kg', 'Elsewhere', id FROM org_unit WHERE code = 'kg-border'`,
    );
    const refused = await commit('kz.admin', racing.id);
    expect(refused.statusCode).toBe(409);
    expect((await rows('kz.admin', racing.id, '?outcome=error')).items).toEqual([
      expect.objectContaining({ login: 'imp.race', errors: ['login-taken'] }),
    ]);
    expect(await counts()).toEqual({ users: before.users + 1, grants: before.grants });
    const again = await testApp.app.inject({
      method: 'GET',
      url: `/api/v1/user-imports/${racing.id}`,
      headers: { authorization: `Bearer ${tokens['kz.admin']}` },
    });
    expect(again.json()).toMatchObject({ status: 'previewed', counts: { create: 1, error: 1 } });
  });

  it('commits an import once when it is committed twice at the same moment', async () => {
    const before = await counts();
    const twice = await preview(
      'kz.admin',
      csv([['imp.twice', 'twice@example.kz', 'Twice', '', 'en', 'kz-border', '', 'learner']]),
    );
    const statuses = (await Promise.all([commit('kz.admin', twice.id), commit('kz.admin', twice.id)])).map(
      (response) => response.statusCode,
    );
    expect(statuses.sort()).toEqual([200, 409]);
    expect(await counts()).toEqual({ users: before.users + 1, grants: before.grants + 1 });
  });

  it('commits an import left committing by a process that died, as nothing of it was written', async () => {
    const before = await counts();
    const left = await preview(
      'kz.admin',
      csv([['imp.orphan', 'orphan@example.kz', 'Orphan', '', 'en', 'kz-border', '', 'learner']]),
    );
    // what a commit killed mid-way leaves: the status it set outside its transaction, nothing else
    await dataSource.query(`UPDATE user_import SET status = 'committing', progress = 1 WHERE id = $1`, [
      left.id,
    ]);
    expect((await commit('kz.admin', left.id)).statusCode).toBe(200);
    expect(await counts()).toEqual({ users: before.users + 1, grants: before.grants + 1 });
  });

  it('reads an XLSX file the same way as a CSV, whatever its name says', async () => {
    const rowsOfFile = [
      ['imp.excel', 'excel@example.kz', 'Excel Person', 'Эксель', 'ru', 'kz-border', '', 'learner, hr'],
    ];
    const fromXlsx = await preview('kz.admin', await xlsx(rowsOfFile));
    const fromCsv = await preview('kz.admin', csv(rowsOfFile));
    expect(fromXlsx.fileType).toBe('xlsx');
    expect(fromCsv.fileType).toBe('csv');
    const strip = (page: Page<UserImportRow>) => page.items;
    expect(strip(await rows('kz.admin', fromXlsx.id))).toEqual(strip(await rows('kz.admin', fromCsv.id)));
    expect((await rows('kz.admin', fromXlsx.id)).items[0]).toMatchObject({ outcome: 'create', errors: [] });
  });

  it('keeps an admin to their own scope: kg cannot import into kz nor see kz’s imports', async () => {
    const into = await preview(
      'kg.admin',
      csv([['imp.kg', 'kg@example.kz', 'Kyrgyz Admin’s Pick', '', 'en', 'kz-border-almaty', '', 'learner']]),
    );
    expect((await rows('kg.admin', into.id)).items[0]?.errors).toEqual(['org-unit-out-of-scope']);
    expect((await commit('kg.admin', into.id)).statusCode).toBe(409);

    const kazakh = await preview(
      'kz.admin',
      csv([['imp.other', 'other@example.kz', 'Other', '', 'en', 'kz-border', '', '']]),
    );
    const hidden = await testApp.app.inject({
      method: 'GET',
      url: `/api/v1/user-imports/${kazakh.id}`,
      headers: { authorization: `Bearer ${tokens['kg.admin']}` },
    });
    expect(hidden.statusCode).toBe(404);
    expect((await commit('kg.admin', kazakh.id)).statusCode).toBe(404);
    expect((await upload('kz.hr', csv(GOOD_ROWS))).statusCode).toBe(403);
  });

  it('answers bad uploads with 4xx problems, never 500', async () => {
    const asJson = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/user-imports',
      headers: { authorization: `Bearer ${tokens['kz.admin']}` },
      payload: { login: 'x' },
    });
    expect(asJson.statusCode).toBe(415);
    const empty = await upload('kz.admin', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    const xls = await upload('kz.admin', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]));
    expect((xls.json() as ProblemDetails).errors?.[0]?.code).toBe('file-type');
    const brokenZip = await upload('kz.admin', Buffer.from('PK\u0003\u0004 broken'));
    expect((brokenZip.json() as ProblemDetails).errors?.[0]?.code).toBe('file-unreadable');
    const tooBig = await upload('kz.admin', Buffer.alloc(11 * 1024 * 1024, 0x61));
    expect(tooBig.statusCode).toBe(413);
    const badPage = await testApp.app.inject({
      method: 'GET',
      url: `/api/v1/user-imports/00000000-0000-4000-8000-000000000000/rows?outcome=maybe`,
      headers: { authorization: `Bearer ${tokens['kz.admin']}` },
    });
    expect(badPage.statusCode).toBe(400);
  });

  it('reads Windows-1251 CSV as Excel in a Russian locale saves it, and offers both templates', async () => {
    const text = `${HEADER.replace(/,/g, ';')}\r\nimp.cyr;cyr@example.kz;Cyr Person;Кирилл Петров;ru;kz-border;;learner\r\n`;
    // Windows-1251 puts А–я at 0xC0–0xFF, in order
    const cp1251 = Buffer.from(
      [...text].map((character) => {
        const code = character.charCodeAt(0);
        return code >= 0x410 && code <= 0x44f ? code - 0x410 + 0xc0 : code;
      }),
    );
    const read = await preview('kz.admin', cp1251);
    expect((await rows('kz.admin', read.id)).items[0]?.fullNameCyrillic).toBe('Кирилл Петров');

    for (const [format, type] of [
      ['csv', 'text/csv'],
      ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ]) {
      const template = await testApp.app.inject({
        method: 'GET',
        url: `/api/v1/user-imports/template?format=${format}`,
        headers: { authorization: `Bearer ${tokens['kz.admin']}` },
      });
      expect(template.statusCode).toBe(200);
      expect(template.headers['content-type']).toContain(type);
      const emptyTemplate = await upload('kz.admin', template.rawPayload);
      expect(emptyTemplate.statusCode).toBe(201);
      expect((emptyTemplate.json() as UserImport).rowCount).toBe(0);
    }
  });
});
