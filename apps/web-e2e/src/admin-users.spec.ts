import { expect, test, type Locator, type Page } from '@playwright/test';

import { expectNoAccessibilityViolations } from './accessibility';

const PASSWORD = 'BorderAcademy-2026!';
const NEW_PASSWORD = 'steppe wind over the khorgos pass';

/** Signs in through the sign-in page that a private page redirects to. */
async function signInAt(page: Page, path: string, login: string, password: string): Promise<void> {
  await page.goto(path);
  await page.getByLabel('Login or email').fill(login);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

async function openUsersAs(page: Page, login: string): Promise<void> {
  await signInAt(page, '/admin/users', login, PASSWORD);
  // argon2 verifies the password on purpose slowly; with the whole suite running it takes seconds
  await expect(page.getByTestId('users-table')).toBeVisible({ timeout: 20_000 });
}

/** Types into a lookup field and picks the option whose text contains `option`. */
async function pick(field: Locator, text: string, option: string): Promise<void> {
  await field.fill(text);
  await field
    .page()
    .getByRole('option', { name: new RegExp(option) })
    .click();
}

async function choose(page: Page, select: Locator, option: string): Promise<void> {
  await select.click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test.describe('administering users', () => {
  test('a Kazakhstan admin finds users with filters that Back restores', async ({ page }) => {
    test.slow();
    await openUsersAs(page, 'kz.admin');
    const table = page.getByTestId('users-table');
    await expect(table).toContainText('kz.learner');
    await expect(table).not.toContainText('kg.learner');
    await expectNoAccessibilityViolations(page);

    await page.getByLabel('Search by name or login').fill('kz.trainer');
    await expect(page).toHaveURL(/q=kz\.trainer/);
    await expect(table.locator('tbody tr')).toHaveCount(1);

    await page.getByLabel('Search by name or login').fill('');
    // the cleared search reaches the URL first, so Back below returns to the unfiltered list
    await expect(page).not.toHaveURL(/q=/);
    await choose(page, page.getByTestId('users-role'), 'HR');
    await expect(page).toHaveURL(/role=hr/);
    await expect(table.locator('tbody tr')).toHaveCount(1);
    await expect(table).toContainText('kz.hr');

    await page.goBack();
    await expect(page).not.toHaveURL(/role=hr/);
    await expect(table).toContainText('kz.learner');

    // the demo's two officers at this post, and nobody there by this name
    await pick(page.getByRole('combobox', { name: 'Unit' }), 'Kazygurt', 'Kazygurt');
    await expect(page).toHaveURL(/orgUnitId=/);
    await expect(table.locator('tbody tr')).toHaveCount(2);
    await expect(table).toContainText('kz.officer3');
    await page.getByLabel('Search by name or login').fill('kz.trainer');
    await expect(page.getByText('No users match these filters.')).toBeVisible();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(table).toContainText('kz.admin');

    await table.getByRole('columnheader', { name: 'Login' }).click();
    await expect(page).toHaveURL(/sort=login/);
    await table.getByRole('columnheader', { name: 'Login' }).click();
    await expect(page).toHaveURL(/sort=-login/);
    await expect(table.locator('tbody tr').first()).toContainText('kz.trainer');
  });

  test('creates a user who sets a password with a reset link and signs in; the audit log shows it all', async ({
    page,
    browser,
  }, testInfo) => {
    // two sign-ins, a creation, a password set with argon2 and three axe scans on a shared machine
    test.setTimeout(150_000);
    // both projects run against one server: each creates its own person
    const login = `e2e-${testInfo.project.name}.a.nurlanova`;
    await openUsersAs(page, 'kz.admin');

    await page.getByTestId('new-user').click();
    await expect(page.getByRole('heading', { name: 'New user' })).toBeVisible();
    const form = page.getByTestId('user-form');
    await form.getByLabel('Login').fill(login);
    await form.getByLabel('Email').fill(`${login}@example.kz`);
    await form.getByLabel('Full name in Latin letters').fill('Aliya Nurlanova');
    await form.getByLabel('Full name in Cyrillic').fill('Алия Нурланова');
    await choose(page, form.getByLabel('Language'), 'Русский');
    await pick(form.getByRole('combobox', { name: 'Unit' }), 'Khorgos', 'Khorgos');
    await pick(form.getByRole('combobox', { name: 'Position' }), 'border guard', 'First-line border guard');
    await page.getByTestId('add-initial-role').click();
    await expectNoAccessibilityViolations(page);
    await page.getByTestId('save-user').click();

    // the new person's page loads after the creation, which takes seconds while the whole suite runs
    await expect(page.getByTestId('user-created')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole('heading', { name: /Aliya Nurlanova/ })).toBeVisible();
    await expect(page.getByTestId('user-grants')).toContainText('Learner — Khorgos');

    const grantForm = page.getByTestId('grant-form');
    await choose(page, page.getByTestId('grant-role'), 'Trainer');
    await pick(
      grantForm.getByRole('combobox', { name: /On unit/ }),
      'Almaty Region Border',
      'Almaty Region Border Department',
    );
    await grantForm.getByRole('button', { name: 'Grant role' }).click();
    await expect(page.getByTestId('user-grants')).toContainText('Trainer — Almaty Region Border Department');

    await page.getByTestId('issue-reset-link').click();
    const link = await page.getByTestId('reset-link-url').inputValue();
    expect(link).toMatch(/\/reset-password\/[A-Za-z0-9_-]{43}$/);
    await expectNoAccessibilityViolations(page);

    // the person opens the link on their own device, signed out
    const theirs = await browser.newContext();
    try {
      const person = await theirs.newPage();
      await person.goto(link);
      await expect(person.getByRole('heading', { name: 'Set a new password' })).toBeVisible();
      await expectNoAccessibilityViolations(person);
      await person.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
      await person.getByLabel('Repeat the new password').fill(NEW_PASSWORD);
      await person.getByRole('button', { name: 'Set password' }).click();
      await expect(person.getByTestId('password-reset-done')).toBeVisible({ timeout: 20_000 });

      await person.getByLabel('Login or email').fill(login);
      await person.getByLabel('Password', { exact: true }).fill(NEW_PASSWORD);
      await person.getByRole('button', { name: 'Sign in', exact: true }).click();
      // the person chose Russian: the app now speaks it
      await expect(person.locator('html')).toHaveAttribute('lang', 'ru', { timeout: 20_000 });

      await person.goto(link);
      await person.getByLabel('Новый пароль', { exact: true }).fill('another long passphrase here');
      await person.getByLabel('Повторите новый пароль').fill('another long passphrase here');
      await person.getByRole('button', { name: 'Задать пароль' }).click();
      await expect(person.getByTestId('reset-link-gone')).toContainText('истёк');
    } finally {
      await theirs.close();
    }

    await page.getByRole('link', { name: 'Audit trail' }).click();
    const events = page.getByTestId('audit-table');
    await expect(events).toContainText('User created');
    await expect(events).toContainText('Role granted');
    await expect(events).toContainText('Reset link issued');
    await expect(events).toContainText('Set a password with a reset link');
    await expect(events).toContainText('Signed in');
    await expect(events.locator('tbody tr').first()).toContainText(`Aliya Nurlanova (${login})`);
    await expectNoAccessibilityViolations(page);

    await choose(page, page.getByTestId('audit-action'), 'Role granted');
    await expect(page).toHaveURL(/action=grant\.add/);
    await expect(events.locator('tbody tr')).toHaveCount(1);
    await events.getByRole('button', { name: 'Show details' }).click();
    await expect(events).toContainText('trainer');
  });

  test('the unit filter works from the keyboard @keyboard', async ({ page }) => {
    await openUsersAs(page, 'kz.admin');
    const unit = page.getByRole('combobox', { name: 'Unit' });
    await unit.focus();
    await page.keyboard.type('Kolzhat');
    await expect(page.getByRole('option', { name: /Kolzhat/ })).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/orgUnitId=/);
    await expect(unit).toHaveValue('Kolzhat');
  });
});
