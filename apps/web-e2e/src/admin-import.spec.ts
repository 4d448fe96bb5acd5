import { expect, test, type Page } from '@playwright/test';

import { expectNoAccessibilityViolations } from './accessibility';

const PASSWORD = 'BorderAcademy-2026!';
const HEADER = 'login,email,full_name,full_name_cyrillic,language,org_unit,position,roles';

/** Opens the import page as a demo admin, through the sign-in page it redirects to. */
async function openImportAs(page: Page, login: string): Promise<void> {
  await page.goto('/admin/import');
  await page.getByLabel('Login or email').fill(login);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  // argon2 verifies the password on purpose slowly; with the whole suite running it takes seconds
  await expect(page.getByRole('heading', { name: 'Import users', level: 2 })).toBeVisible({
    timeout: 20_000,
  });
}

function csvFile(name: string, rows: string[]) {
  return { name, mimeType: 'text/csv', buffer: Buffer.from([HEADER, ...rows].join('\r\n') + '\r\n') };
}

test.describe('importing users', () => {
  test('a bad file lists each row’s errors and cannot be committed', async ({ page }, testInfo) => {
    // signing in, two lazy pages and an axe scan of a table, on a machine shared by parallel tests
    test.slow();
    const prefix = `e2e-bad-${testInfo.project.name}`;
    await openImportAs(page, 'kz.admin');
    await page
      .getByTestId('import-file')
      .setInputFiles(
        csvFile('bad.csv', [
          `${prefix}.twin,${prefix}.twin1@example.kz,Twin One,,en,kz-border,,learner`,
          `${prefix}.twin,${prefix}.twin2@example.kz,Twin Two,,en,kz-border,,learner`,
          `${prefix}.lost,${prefix}.lost@example.kz,Lost Person,,en,kz-nowhere,,learner`,
          `${prefix}.mail,not-an-email,Bad Mail,,en,kz-border,,learner`,
        ]),
      );
    await expect(page.getByTestId('count-error')).toHaveText('4');
    const rows = page.getByTestId('import-rows');
    await expect(rows).toContainText('This login appears more than once in the file.');
    await expect(rows).toContainText('No unit has this code.');
    await expect(rows).toContainText('Email is not a valid address.');
    await expect(page.getByTestId('import-commit')).toBeDisabled();
    await expectNoAccessibilityViolations(page);
  });

  test('a good file imports its users once; the same file again changes nothing', async ({
    page,
    request,
  }, testInfo) => {
    // a commit, a check through the API and a second upload on a machine shared by parallel tests
    test.slow();
    // both projects run against one server: each imports its own people
    const prefix = `e2e-${testInfo.project.name}`;
    await openImportAs(page, 'kz.admin');
    const good = csvFile('good.csv', [
      `${prefix}.aliya,${prefix}.aliya@example.kz,Aliya Nurlanova,Алия Нурланова,ru,kz-border-almaty,first-line-border-guard,learner`,
      `${prefix}.daniyar,${prefix}.daniyar@example.kz,Daniyar Sadykov,,en,kz-border,,learner;trainer`,
    ]);
    await page.getByTestId('import-file').setInputFiles(good);
    await expect(page.getByTestId('count-create')).toHaveText('2');
    await expect(page.getByTestId('count-error')).toHaveText('0');
    await page.getByTestId('import-commit').click();
    await expect(page.getByTestId('import-result')).toContainText('2 users created');
    await expectNoAccessibilityViolations(page);

    const signedIn = await request.post('/api/v1/auth/sign-in', {
      data: { login: 'kz.admin', password: PASSWORD },
    });
    const { accessToken } = (await signedIn.json()) as { accessToken: string };
    const listed = await request.get(`/api/v1/users?q=${prefix}`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    const users = (await listed.json()) as { items: { login: string }[] };
    expect(users.items.map((user) => user.login).sort()).toEqual([`${prefix}.aliya`, `${prefix}.daniyar`]);

    await page.getByTestId('import-file').setInputFiles(good);
    await expect(page.getByTestId('count-unchanged')).toHaveText('2');
    await expect(page.getByTestId('count-create')).toHaveText('0');
    await expect(page.getByTestId('import-commit')).toBeDisabled();
  });

  test('the file chooser and the filters work from the keyboard @keyboard', async ({ page }) => {
    await openImportAs(page, 'kg.admin');
    const choose = page.getByRole('button', { name: 'Choose a CSV or Excel file' });
    await choose.focus();
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Enter');
    await (
      await chooser
    ).setFiles(
      csvFile('mixed.csv', [
        'e2e-keyboard.one,e2e-keyboard.one@example.kg,One,,en,kg-border,,learner',
        'e2e-keyboard.two,e2e-keyboard.two@example.kg,Two,,en,kz-border,,learner',
      ]),
    );
    await expect(page.getByTestId('count-error')).toHaveText('1');
    await expect(page.getByTestId('import-rows')).toContainText('outside the units you administer');

    await page.getByRole('radio', { name: /^All/ }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('import-rows').locator('tbody tr')).toHaveCount(2);
  });
});
