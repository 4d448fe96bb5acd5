import { readFile } from 'node:fs/promises';

import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

import { expectNoAccessibilityViolations } from './accessibility';

const PASSWORD = 'BorderAcademy-2026!';

async function tokenOf(
  request: APIRequestContext,
  login: string,
): Promise<{ token: string; orgUnitId: string }> {
  const response = await request.post('/api/v1/auth/sign-in', { data: { login, password: PASSWORD } });
  expect(response.status()).toBe(200);
  const session = (await response.json()) as { accessToken: string; user: { orgUnitId: string } };
  return { token: session.accessToken, orgUnitId: session.user.orgUnitId };
}

/** A person of the admin's own unit, made through the API: erasure cannot be undone, so no demo user. */
async function createPerson(request: APIRequestContext, login: string): Promise<string> {
  const admin = await tokenOf(request, 'kz.admin');
  const response = await request.post('/api/v1/users', {
    headers: { authorization: `Bearer ${admin.token}` },
    data: {
      login,
      email: `${login}@example.kz`,
      fullName: 'Daniyar Seitkali',
      fullNameCyrillic: 'Данияр Сейткали',
      orgUnitId: admin.orgUnitId,
      grants: [{ role: 'learner', orgUnitId: admin.orgUnitId }],
    },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function signInAt(page: Page, path: string, login: string): Promise<void> {
  await page.goto(path);
  await page.getByLabel('Login or email').fill(login);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

test.describe('personal data', () => {
  test('an admin exports a person’s data as JSON and PDF, then erases it from the keyboard @keyboard', async ({
    page,
    request,
  }, testInfo) => {
    // a sign-in with argon2, two exports, an erasure and two axe scans on a shared machine
    test.setTimeout(120_000);
    const login = `e2e-${testInfo.project.name}.d.seitkali`;
    const id = await createPerson(request, login);
    await signInAt(page, `/admin/users/${id}`, 'kz.admin');
    await expect(page.getByRole('heading', { name: /Daniyar Seitkali/ })).toBeVisible({ timeout: 20_000 });
    const privacy = page.getByRole('region', { name: 'Personal data' });
    await expect(privacy).toBeVisible();

    const [json] = await Promise.all([
      page.waitForEvent('download'),
      privacy.getByRole('button', { name: 'Export personal data (JSON)' }).click(),
    ]);
    expect(json.suggestedFilename()).toBe(`personal-data-${id}.json`);
    const data = JSON.parse(await readFile(await json.path(), 'utf8')) as {
      schema: string;
      person: { login: string };
      sections: { key: string; rows: Record<string, unknown>[] }[];
    };
    expect(data.schema).toBe('border-academy/personal-data/v1');
    expect(data.person.login).toBe(login);
    expect(data.sections.find((section) => section.key === 'identity.profile')?.rows[0]).toMatchObject({
      fullNameCyrillic: 'Данияр Сейткали',
    });
    await expect(privacy.getByRole('status')).toContainText('The file has been downloaded.');

    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      privacy.getByRole('button', { name: 'Export personal data (PDF)' }).click(),
    ]);
    expect(pdf.suggestedFilename()).toBe(`personal-data-${id}.pdf`);
    expect((await readFile(await pdf.path())).subarray(0, 5).toString()).toBe('%PDF-');

    // the erasure, from the keyboard: the dialog takes the focus, a wrong login is refused in place
    await privacy.getByRole('button', { name: 'Erase personal data' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: /Erase the personal data of Daniyar Seitkali/ });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel(/Type the login/)).toBeFocused();
    await expectNoAccessibilityViolations(page);
    await page.keyboard.type('kz.learner');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Request no. 17 of 29 November 2026');
    // past Cancel to the submit button
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: 'Erase for good' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(dialog.getByText('Type the person’s login exactly.')).toBeVisible();

    await dialog.getByLabel(/Type the login/).fill(login);
    await dialog.getByLabel(/Type the login/).press('Enter');
    await expect(dialog).toBeHidden({ timeout: 20_000 });
    await expect(page.getByTestId('user-erased')).toContainText(
      'The personal data of this person was erased on',
    );
    await expect(page.getByRole('heading', { name: 'Erased person' })).toBeVisible();
    await expect(privacy.getByRole('button', { name: 'Erase personal data' })).toHaveCount(0);
    await expectNoAccessibilityViolations(page);

    // nobody signs in as the person again, and the audit trail records both acts
    const admin = await tokenOf(request, 'kz.admin');
    const trail = await request.get(`/api/v1/audit-events?targetId=${id}`, {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    const actions = ((await trail.json()) as { items: { action: string }[] }).items.map(
      (item) => item.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['privacy.export', 'privacy.erase']));
    await page.getByRole('link', { name: 'Audit trail' }).click();
    await expect(page.getByTestId('audit-table')).toContainText('Personal data erased');
  });
});
