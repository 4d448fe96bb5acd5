import { expect, test } from '@playwright/test';

import { expectNoAccessibilityViolations } from './accessibility';

test.describe('app shell', () => {
  test('loads the home page in English with the platform status, without accessibility violations', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('banner')).toContainText('Border Academy');
    await expect(page.getByTestId('health-status')).toContainText(/operational|ok|up/i);
    await expectNoAccessibilityViolations(page);
  });

  test('switches to Russian at run time and keeps the choice after a reload', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('language-switch').click();
    await page
      .getByRole('menuitemradio', { name: 'Русский' })
      .or(page.getByRole('option', { name: 'Русский' }))
      .click();

    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    await expect(page.getByRole('banner')).toContainText('Пограничная академия');
    await expectNoAccessibilityViolations(page);

    await page.reload();
    await expect(page.getByRole('banner')).toContainText('Пограничная академия');
  });

  test('opens a deep link to an unknown page and shows the not-found page', async ({ page }) => {
    const response = await page.goto('/no/such/page');
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: /home/i }).first()).toBeVisible();
    await expectNoAccessibilityViolations(page);
  });

  test('is usable by keyboard: the skip link moves focus to the main content @keyboard', async ({ page }) => {
    await page.goto('/');
    // The shell must have rendered before the first key press.
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.keyboard.press('Tab');
    const skipLink = page.getByRole('link', { name: /skip/i });
    await expect(skipLink).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
  });
});

test.describe('content security policy', () => {
  test('the app runs under it without a single violation, its stylesheet loaded by no inline handler', async ({
    page,
  }) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text())) {
        violations.push(message.text());
      }
    });
    const response = await page.goto('/');
    const policy = response?.headers()['content-security-policy'] ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("script-src-attr 'none'");
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

    const html = (await response?.text()) ?? '';
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/i);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    // the global stylesheet applies (a browser's own body margin is 8px)
    await expect(page.locator('body')).toHaveCSS('margin-top', '0px');

    await page.goto('/sign-in');
    await expect(page.getByLabel('Login or email')).toBeVisible();
    await page.goto('/no/such/page');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(violations).toEqual([]);
  });
});

test.describe('API behind the same origin', () => {
  test('answers health and reports the database', async ({ request }) => {
    const response = await request.get('/api/health');
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', database: { status: 'up' } });
  });

  test('answers an unknown API route with problem+json, not the web app', async ({ request }) => {
    const response = await request.get('/api/v1/no-such-route');
    expect(response.status()).toBe(404);
    expect(response.headers()['content-type']).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 404 });
  });
});
