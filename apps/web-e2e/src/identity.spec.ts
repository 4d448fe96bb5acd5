import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

import { expectNoAccessibilityViolations } from './accessibility';

const PASSWORD = 'BorderAcademy-2026!';
// argon2 verifies passwords slowly on purpose, and the whole suite shares the machine
const SIGN_IN_TIMEOUT = 20_000;

async function signIn(page: Page, login: string, password = PASSWORD): Promise<void> {
  await page.getByLabel('Login or email').fill(login);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

async function signInAndWait(page: Page, login: string): Promise<void> {
  await page.goto('/sign-in');
  await signIn(page, login);
  await expect(page.getByTestId('account-menu')).toBeVisible({ timeout: SIGN_IN_TIMEOUT });
}

/** The main navigation's links; on a phone it is a drawer that opens from the menu button. */
async function navigationLinks(page: Page): Promise<string[]> {
  const opener = page.getByRole('button', { name: 'Open navigation' });
  if (await opener.isVisible()) await opener.click();
  const navigation = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(navigation.getByRole('link', { name: 'Home' })).toBeVisible();
  return (await navigation.getByRole('link').allInnerTexts()).map((text) => text.trim());
}

/** Ends every session of the person from outside the browser, as an admin suspending them or a sign-out elsewhere would. */
async function endSessionsElsewhere(request: APIRequestContext, login: string): Promise<void> {
  const signedIn = await request.post('/api/v1/auth/sign-in', { data: { login, password: PASSWORD } });
  expect(signedIn.status()).toBe(200);
  const { accessToken } = (await signedIn.json()) as { accessToken: string };
  const ended = await request.post('/api/v1/auth/sign-out-everywhere', {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  expect(ended.status()).toBe(204);
}

test.describe('signing in', () => {
  const roles: [string, string[]][] = [
    ['kz.learner', ['Home', 'Catalogue', 'My learning']],
    ['kz.trainer', ['Home', 'Authoring']],
    ['kz.hr', ['Home', 'Staff & qualifications']],
    ['kz.admin', ['Home', 'Administration']],
    ['platform.admin', ['Home', 'Administration']],
  ];
  for (const [login, expected] of roles) {
    test(`${login} sees only their role’s navigation`, async ({ page }) => {
      await signInAndWait(page, login);
      expect(await navigationLinks(page)).toEqual(expected);
    });
  }

  test('the sign-in page has no accessibility violations', async ({ page }) => {
    await page.goto('/sign-in');
    await expect(page.getByRole('heading', { name: 'Sign in to Border Academy' })).toBeVisible();
    await expectNoAccessibilityViolations(page);
  });

  test('five wrong passwords lock the account, with the lockout message', async ({ page }, testInfo) => {
    test.slow();
    // each project (and a retry) locks an account of its own, which stays locked for the run
    const accounts: Record<string, string[]> = {
      desktop: ['tm.learner', 'tm.trainer'],
      phone: ['tj.learner', 'tj.trainer'],
    };
    const login = accounts[testInfo.project.name]?.[testInfo.retry] ?? `${testInfo.project.name}.unknown`;
    await page.goto('/sign-in');
    const alert = page.getByRole('alert');
    const password = page.getByLabel('Password', { exact: true });
    for (let attempt = 1; attempt <= 4; attempt++) {
      await signIn(page, login, `wrong password number ${attempt}`);
      // the page empties the password once the answer is in: the next attempt is a new one
      await expect(password).toHaveValue('', { timeout: SIGN_IN_TIMEOUT });
      await expect(alert).toContainText('The login or password is not correct');
    }
    await signIn(page, login, 'wrong password number 5');
    await expect(password).toHaveValue('', { timeout: SIGN_IN_TIMEOUT });
    await expect(alert).toContainText('Sign-in is locked after repeated wrong passwords until');
    // while it lasts, not even the right password gets in
    await signIn(page, login);
    await expect(password).toHaveValue('', { timeout: SIGN_IN_TIMEOUT });
    await expect(alert).toContainText('Sign-in is locked');
    await expect(page).toHaveURL(/\/sign-in/);
    await expectNoAccessibilityViolations(page);
  });
});

test.describe('leaving', () => {
  test('after signing out, Back does not show the private page again', async ({ page }, testInfo) => {
    const login = testInfo.project.name === 'phone' ? 'kg.trainer' : 'kg.learner';
    await signInAndWait(page, login);
    await page.goto('/profile');
    await expect(page.getByRole('heading', { name: 'Your profile' })).toBeVisible();
    await expect(page.getByText(login, { exact: true })).toBeVisible();

    await page.getByTestId('account-menu').click();
    await page.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
    await expect(page).toHaveURL(/\/sign-in$/);

    await page.goBack();
    await expect(page).toHaveURL(/\/sign-in\?returnUrl=%2Fprofile/);
    await expect(page.getByRole('heading', { name: 'Sign in to Border Academy' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Your profile' })).toHaveCount(0);
    await expect(page.getByText(login, { exact: true })).toHaveCount(0);
    await expect(page.getByTestId('account-menu')).toHaveCount(0);
  });

  test('a session that ends while someone types keeps what they typed once they sign in again', async ({
    page,
    request,
  }, testInfo) => {
    test.slow();
    const login = testInfo.project.name === 'phone' ? 'uz.hr' : 'uz.trainer';
    await signInAndWait(page, login);
    await page.goto('/profile');
    await expect(page.getByTestId('profile-unit')).toHaveAttribute('aria-busy', 'false');
    const current = page.getByLabel('Current password');
    const fresh = page.getByLabel('New password', { exact: true });
    const repeated = page.getByLabel('Repeat the new password');
    await current.fill('not my current password');
    await fresh.fill('a long new passphrase typed before');
    await repeated.fill('a long new passphrase typed before');

    await endSessionsElsewhere(request, login);
    await page.getByRole('button', { name: 'Change password' }).click();

    const dialog = page.getByRole('dialog', { name: 'Your session has ended' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(`Signed in as ${login}`);
    await expectNoAccessibilityViolations(page);
    await dialog.getByLabel('Password').fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Sign in again' }).click();
    await expect(dialog).toBeHidden({ timeout: SIGN_IN_TIMEOUT });

    // the change was sent again with what had been typed: the server checked the current password
    await expect(page.getByText('The current password is not correct.')).toBeVisible();
    await expect(page).toHaveURL(/\/profile$/);
    await expect(fresh).toHaveValue('a long new passphrase typed before');
    await expect(repeated).toHaveValue('a long new passphrase typed before');
  });

  test('a person who chooses to sign out of the dialog goes to the sign-in page', async ({
    page,
    request,
  }, testInfo) => {
    test.slow();
    const login = testInfo.project.name === 'phone' ? 'tm.hr' : 'tj.hr';
    await signInAndWait(page, login);
    await page.goto('/profile');
    await expect(page.getByTestId('profile-unit')).toHaveAttribute('aria-busy', 'false');
    await page.getByLabel('Current password').fill('anything at all here');
    await page.getByLabel('New password', { exact: true }).fill('a long new passphrase typed before');
    await page.getByLabel('Repeat the new password').fill('a long new passphrase typed before');
    await endSessionsElsewhere(request, login);
    await page.getByRole('button', { name: 'Change password' }).click();

    const dialog = page.getByRole('dialog', { name: 'Your session has ended' });
    await dialog.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in\?returnUrl=%2Fprofile&expired=true/);
    await expect(
      page.getByText('Your session has ended. Sign in again to continue where you were.'),
    ).toBeVisible();
  });
});
