import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

import { expectNoAccessibilityViolations } from './accessibility';

const PASSWORD = 'BorderAcademy-2026!';

/** Opens an administration page as a demo admin, through the sign-in page it redirects to. */
async function openAs(page: Page, path: string, login: string, heading: string): Promise<void> {
  await page.goto(path);
  await page.getByLabel('Login or email').fill(login);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  // argon2 verifies the password on purpose slowly; with the whole suite running it takes seconds
  await expect(page.getByRole('heading', { name: heading, level: 2 })).toBeVisible({ timeout: 20_000 });
}

async function tokenOf(request: APIRequestContext, login: string): Promise<string> {
  const response = await request.post('/api/v1/auth/sign-in', { data: { login, password: PASSWORD } });
  return ((await response.json()) as { accessToken: string }).accessToken;
}

const node = (page: Page, code: string) => page.locator(`[data-testid="org-node"][data-code="${code}"]`);

test.describe('administering the org structure', () => {
  test('a Kazakh admin adds, renames, moves and deactivates a unit, and cannot deactivate one with people', async ({
    page,
  }, testInfo) => {
    // signing in, eight changes through dialogs and two axe scans: about a minute on a machine shared
    // by parallel tests, more while the whole suite runs
    test.setTimeout(180_000);
    // both projects run against one server: each adds its own unit
    const code = `kz-border-e2e-${testInfo.project.name}`;
    const name = `E2E ${testInfo.project.name} post`;
    await openAs(page, '/admin/org', 'kz.admin', 'Org structure');
    const details = page.getByTestId('org-details');
    const done = page.getByTestId('notice-done');

    await node(page, 'kz-border').click();
    await expect(details.getByRole('heading', { name: 'Border Service of Kazakhstan' })).toBeVisible();
    await details.getByRole('button', { name: 'Add a unit below' }).click();
    const dialog = page.getByRole('dialog');
    await expect(
      dialog.getByRole('heading', { name: 'New unit below Border Service of Kazakhstan' }),
    ).toBeVisible();
    await dialog.getByLabel('Code').fill(code);
    await dialog.getByLabel('Name in English').fill(name);
    await dialog.getByRole('button', { name: 'Add unit' }).click();
    await expect(done).toHaveText(`${name} has been added.`);
    await expect(node(page, code)).toBeVisible();

    await details.getByRole('button', { name: 'Rename' }).click();
    await dialog.getByLabel('Name in Russian').fill(`Пост E2E ${testInfo.project.name}`);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(done).toHaveText(`${name} has been saved.`);
    await expect(page.getByTestId('name-ru-value')).toHaveText(`Пост E2E ${testInfo.project.name}`);

    await details.getByRole('button', { name: 'Move' }).click();
    await dialog.getByRole('combobox', { name: 'New parent unit' }).fill('Almaty Region');
    await page.getByRole('option', { name: /Almaty Region Border Department/ }).click();
    await expectNoAccessibilityViolations(page);
    await dialog.getByRole('button', { name: 'Move' }).click();
    await expect(done).toHaveText(`${name} has been moved.`);
    await expect(page.getByTestId('path-value')).toHaveText(`kz.kz-border.kz-border-almaty.${code}`);

    // the admins and officers of the demo work in the border service itself
    await node(page, 'kz-border').click();
    await details.getByRole('button', { name: 'Deactivate' }).click();
    await dialog.getByRole('button', { name: 'Deactivate' }).click();
    await expect(page.getByTestId('notice-error')).toContainText('Move them to other units first');
    await expect(page.getByTestId('status-value')).toHaveText('Active');

    await node(page, code).click();
    await details.getByRole('button', { name: 'Deactivate' }).click();
    await dialog.getByRole('button', { name: 'Deactivate' }).click();
    await expect(done).toHaveText(`${name} and the units below it have been deactivated.`);
    await expect(page.getByTestId('status-value')).toHaveText('Inactive');
    await expect(node(page, code)).toHaveCount(0);

    await page.getByText('Show inactive units').click();
    await expect(node(page, code)).toContainText('Inactive');
    await expectNoAccessibilityViolations(page);
  });

  test('the tree works from the keyboard @keyboard', async ({ page }) => {
    await openAs(page, '/admin/org', 'kz.admin', 'Org structure');
    await node(page, 'kz-border').focus();
    await page.keyboard.press('ArrowRight');
    await expect(node(page, 'kz-border')).toHaveAttribute('aria-expanded', 'true');
    await expect(node(page, 'kz-border-almaty')).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(
      page.getByTestId('org-details').getByRole('heading', { name: 'Almaty Region Border Department' }),
    ).toBeVisible();
  });

  test('a Kyrgyz admin sees only Kyrgyzstan and cannot change a Kazakh unit', async ({ page, request }) => {
    await openAs(page, '/admin/org', 'kg.admin', 'Org structure');
    await expect(node(page, 'kg-border')).toBeVisible();
    await expect(node(page, 'kz-border')).toHaveCount(0);

    const token = await tokenOf(request, 'kg.admin');
    const headers = { authorization: `Bearer ${token}` };
    const found = await request.get('/api/v1/org-units?q=kz-border-almaty', { headers });
    const [almaty] = ((await found.json()) as { items: { id: string }[] }).items;
    const renamed = await request.patch(`/api/v1/org-units/${almaty?.id}`, {
      headers,
      data: { name: { en: 'Taken over' } },
    });
    expect(renamed.status()).toBe(404);
    const deactivated = await request.post(`/api/v1/org-units/${almaty?.id}/deactivate`, { headers });
    expect(deactivated.status()).toBe(404);
  });
});

test.describe('administering the positions', () => {
  test('an admin of whole countries adds a position; an agency admin only reads the catalogue', async ({
    page,
  }, testInfo) => {
    test.slow();
    const code = `e2e-${testInfo.project.name}-officer`;
    const name = `E2E ${testInfo.project.name} officer`;
    await openAs(page, '/admin/positions', 'platform.admin', 'Positions');
    await expect(page.getByTestId('positions-table')).toContainText('customs-inspector');
    await page.getByRole('button', { name: 'New position' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Code').fill(code);
    await dialog.getByLabel('Name in English').fill(name);
    await dialog.getByLabel('Name in Russian').fill(`Сотрудник E2E ${testInfo.project.name}`);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByTestId('notice-done')).toHaveText(`${name} has been added.`);

    await page.getByLabel('Search by code or name').fill(code);
    await expect(page.getByTestId('positions-table').locator('tbody tr')).toHaveCount(1);
    await expect(page.getByTestId('positions-table')).toContainText(name);
    await expectNoAccessibilityViolations(page);

    await page.getByTestId('account-menu').click();
    await page.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
    await openAs(page, '/admin/positions', 'kz.admin', 'Positions');
    await expect(page.getByTestId('positions-table')).toContainText('customs-inspector');
    await expect(page.getByRole('button', { name: 'New position' })).toHaveCount(0);
    await expect(page.getByText('Only an administrator of a whole country can change it.')).toBeVisible();
  });
});
