import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

import { expectNoAccessibilityViolations } from './accessibility';

const DEMO_PASSWORD = 'BorderAcademy-2026!';

/** Signs in through the sign-in page that a private page redirects to. */
async function signInAt(page: Page, path: string, login: string): Promise<void> {
  await page.goto(path);
  await page.getByLabel('Login or email').fill(login);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** The id of a person of another country, as that country's admin finds them. */
async function userIdOf(request: APIRequestContext, admin: string, login: string): Promise<string> {
  const signIn = await request.post('/api/v1/auth/sign-in', {
    data: { login: admin, password: DEMO_PASSWORD },
  });
  expect(signIn.ok()).toBe(true);
  const { accessToken } = (await signIn.json()) as { accessToken: string };
  const users = await request.get('/api/v1/users', {
    params: { q: login },
    headers: { authorization: `Bearer ${accessToken}` },
  });
  expect(users.ok()).toBe(true);
  const { items } = (await users.json()) as { items: { id: string; login: string }[] };
  const user = items.find((candidate) => candidate.login === login);
  expect(user, `the user ${login}`).toBeDefined();
  return user?.id ?? '';
}

/** A row of the matrix as it reads on screen: the person, login, unit, position and each cell's status. */
interface ScreenRow {
  person: string;
  login: string;
  unit: string;
  position: string;
  statuses: (string | null)[];
}

async function screenRows(matrix: Locator): Promise<ScreenRow[]> {
  return matrix.getByTestId('compliance-row').evaluateAll((rows) =>
    rows.map((row) => {
      const text = (element: Element | null | undefined) =>
        element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
      const cells = Array.from(row.querySelectorAll('td'));
      return {
        person: text(row.querySelector('[data-testid="person-link"]')),
        login: text(row.querySelector('[data-testid="person-login"]')),
        unit: text(cells[0]),
        position: text(cells[1]),
        statuses: cells
          .slice(2)
          .map((cell) => cell.querySelector('[data-status]')?.getAttribute('data-status') ?? null),
      };
    }),
  );
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && 'richText' in value)
    return value.richText.map((part) => part.text).join('');
  if (typeof value === 'object' && 'text' in value) return String(value.text);
  return String(value);
}

test.describe('compliance', () => {
  test('HR of Kazakhstan’s border service sees only their people, filters to a border post, exports what is on screen and reads a person’s history', async ({
    page,
    request,
  }, testInfo) => {
    test.setTimeout(120_000);
    await signInAt(page, '/staff', 'kz.hr');
    const matrix = page.getByTestId('compliance-matrix');
    // argon2 verifies the password slowly on purpose; with the whole suite running it takes seconds
    await expect(matrix).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole('heading', { level: 1, name: 'Staff & qualifications' })).toBeVisible();

    // only the people of the HR scope: the demo's Kazakh officers, no one from another country
    const logins = matrix.getByTestId('person-login');
    await expect(logins.filter({ hasText: /^\s*kz\.officer1\s*$/ })).toHaveCount(1);
    const everyone = await logins.allTextContents();
    expect(everyone.length).toBeGreaterThanOrEqual(8);
    // Kazakh staff only: nobody of the other countries' demo staff (other tests add Kazakh people of their own)
    expect(everyone.filter((login) => /^(kg|tj|tm|uz)\./.test(login.trim()))).toEqual([]);
    expect(everyone.filter((login) => login.trim().startsWith('kz.')).length).toBeGreaterThanOrEqual(8);
    // the demo data gives the country every status
    for (const status of ['valid', 'expiring', 'expired', 'missing']) {
      await expect(page.getByTestId(`total-${status}`)).not.toHaveText('0');
    }
    await expectNoAccessibilityViolations(page);

    // the bell in the top bar answers with HR's notifications, or says there are none
    await page.getByTestId('notifications').click();
    await expect(
      page.getByTestId('notification').first().or(page.getByText('No notifications.')),
    ).toBeVisible();
    await page.keyboard.press('Escape');

    // the border post Zhibek Zholy: its two officers (no other test adds anyone there)
    await page.getByTestId('org-unit-picker').fill('Zhibek');
    await page.getByRole('option', { name: /kz-border-zhibek-zholy/ }).click();
    await expect(page).toHaveURL(/unitId=/);
    await expect(matrix.getByTestId('compliance-row')).toHaveCount(2);
    await expect(matrix.getByTestId('person-unit')).toHaveText(['Zhibek Zholy', 'Zhibek Zholy']);
    await expect(page.getByTestId('total-people')).toHaveText('2');
    const onScreen = await screenRows(matrix);

    // the XLSX file holds exactly the rows on screen, in the same order and with the same statuses
    const download = page.waitForEvent('download');
    await page.getByTestId('export-xlsx').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^compliance-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const path = testInfo.outputPath('compliance.xlsx');
    await file.saveAs(path);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.worksheets[0];
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1).map(cellText)));
    const [, ...body] = rows;
    expect(body).toHaveLength(onScreen.length);
    body.forEach((cells, index) => {
      const shown = onScreen[index];
      expect(cells.slice(0, 4)).toEqual([shown.person, shown.login, shown.unit, shown.position]);
      shown.statuses.forEach((status, column) => {
        const exported = (cells[4 + column] ?? '').toLowerCase();
        if (status) expect(exported).toContain(status);
        else expect(exported).not.toMatch(/valid|expiring|expired|missing/);
      });
    });

    // a person's drill-down: their qualifications with the whole history, a renewal among it
    await page.goto('/staff?q=kz.officer1');
    await expect(matrix.getByTestId('person-login')).toHaveText(['kz.officer1']);
    await matrix.getByTestId('person-link').click();
    await expect(page.getByTestId('person-name')).toBeVisible();
    await expect(page.getByText('kz.officer1', { exact: true })).toBeVisible();
    const history = page.getByTestId('qualification-history');
    await expect(history.locator('li[data-kind="renewed"]').first()).toBeVisible();
    await expect(history.locator('li[data-kind="granted"]').first()).toBeVisible();
    await expectNoAccessibilityViolations(page);

    // a Kyrgyz officer is nobody HR of Kazakhstan may see
    const kyrgyz = await userIdOf(request, 'kg.admin', 'kg.officer1');
    await page.goto(`/staff/people/${kyrgyz}`);
    await expect(page.getByTestId('person-not-found')).toBeVisible();
    await expect(page.getByTestId('person-name')).toHaveCount(0);
  });

  test('HR exports the training records of their scope as a CSV file from its own tab', async ({
    page,
  }, testInfo) => {
    test.setTimeout(120_000);
    await signInAt(page, '/staff/records', 'kz.hr');
    await expect(page.getByRole('heading', { level: 2, name: 'Training records' })).toBeVisible({
      timeout: 20_000,
    });
    await expect(page.getByRole('tab', { name: 'Training records' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expectNoAccessibilityViolations(page);

    const download = page.waitForEvent('download');
    await page.getByTestId('records-export').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^training-records-\d{4}-\d{2}-\d{2}\.csv$/);
    const path = testInfo.outputPath('training-records.csv');
    await file.saveAs(path);
    const text = readFileSync(path, 'utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    const [header, ...rows] = parse(text.slice(1)) as string[][];
    expect(header?.slice(0, 2)).toEqual(['Person', 'Login']);
    // the demo learner of Kazakhstan holds an assignment and a completed course; nobody of another country
    expect(rows.filter((row) => row[1] === 'kz.learner').length).toBeGreaterThanOrEqual(2);
    expect(rows.filter((row) => /^(kg|tj|tm|uz)\./.test(row[1] ?? ''))).toEqual([]);
    expect(rows.map((row) => row[7])).toContain('Completed');
    await expect(page.getByRole('status').filter({ hasText: 'The file is saved' })).toBeAttached();
  });

  test('the compliance page fits the screen: only the matrix scrolls sideways, its person column staying in view', async ({
    page,
  }, testInfo) => {
    await signInAt(page, '/staff', 'kz.hr');
    const matrix = page.getByTestId('compliance-matrix');
    await expect(matrix).toBeVisible({ timeout: 20_000 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expect(page.getByTestId('trend-chart').or(page.getByText('No history yet.'))).toBeVisible();
    const firstColumn = matrix.locator('tbody th').first();
    const before = await firstColumn.boundingBox();
    const region = page.getByRole('region', { name: 'Compliance matrix, scrolls sideways' });
    if (testInfo.project.name === 'phone') {
      // on a phone the qualification columns do not fit: the matrix's own box scrolls
      expect(await region.evaluate((box) => box.scrollWidth - box.clientWidth)).toBeGreaterThan(0);
    }
    await region.evaluate((box) => {
      box.scrollLeft = box.scrollWidth;
    });
    const after = await firstColumn.boundingBox();
    expect(after?.x).toBe(before?.x);
    await expectNoAccessibilityViolations(page);
  });
});
