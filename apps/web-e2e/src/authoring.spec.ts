import { deflateSync } from 'node:zlib';

import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';

import { expectNoAccessibilityViolations } from './accessibility';

const PASSWORD = 'BorderAcademy-2026!';
// argon2 verifies passwords slowly on purpose, and the whole suite shares the machine
const SIGN_IN_TIMEOUT = 20_000;
/** A page's first load while the whole suite shares two cores. */
const LOAD_TIMEOUT = 20_000;

/** A real 2×2 PNG (signature, IHDR, IDAT, IEND with their CRCs), as a trainer's screenshot would be. */
function png(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const check = Buffer.alloc(4);
    check.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, check]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(2, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const pixels = Buffer.from([0, 200, 30, 30, 30, 30, 200, 0, 30, 200, 30, 240, 240, 240]);
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A page of its own (own cookies) signed in as the person, opened at `path`. */
async function pageAs(browser: Browser, login: string, path: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(path);
  await page.getByLabel('Login or email').fill(login);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByTestId('account-menu')).toBeVisible({ timeout: SIGN_IN_TIMEOUT });
  return page;
}

async function choose(page: Page, select: Locator, option: string): Promise<void> {
  await select.click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Types a text into the English and Russian fields of a learner-facing text. */
async function fillBoth(page: Page, testId: string, en: string, ru: string): Promise<void> {
  await page.getByTestId(`${testId}-en`).fill(en);
  await page.getByTestId(`${testId}-ru`).fill(ru);
}

/** Adds a module by keyboard only: the add button, both titles, Enter to save. */
async function addModuleByKeyboard(page: Page, en: string, ru: string): Promise<void> {
  await page.getByTestId('add-module').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('outline-title-en')).toBeFocused();
  await page.keyboard.type(en);
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('outline-title-ru')).toBeFocused();
  await page.keyboard.type(ru);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('outline-module').filter({ hasText: en })).toBeVisible();
}

async function moduleTitles(page: Page): Promise<string[]> {
  return (await page.getByTestId('outline-module').locator('.name ba-content-text').allInnerTexts()).map(
    (t) => t.trim(),
  );
}

async function addLesson(
  page: Page,
  moduleTitle: string,
  en: string,
  ru: string,
  kind: string,
): Promise<void> {
  const module = page
    .locator('li.module')
    .filter({ has: page.getByTestId('outline-module').filter({ hasText: moduleTitle }) });
  await module.getByTestId('add-lesson').click();
  await fillBoth(page, 'outline-title', en, ru);
  await choose(page, page.getByTestId('new-lesson-kind'), kind);
  await page.getByTestId('outline-save').click();
  await expect(module.getByTestId('outline-lesson').filter({ hasText: en })).toBeVisible();
}

test.describe('course authoring', () => {
  test('a trainer writes a course in two languages, a reviewer publishes it, and only learners in scope find it @keyboard', async ({
    browser,
  }, testInfo) => {
    test.setTimeout(180_000);
    const code = `forged-documents-${testInfo.project.name}`;
    const title = `Detecting forged travel documents (${testInfo.project.name})`;
    const titleRu = `Выявление поддельных проездных документов (${testInfo.project.name})`;

    // the trainer creates the course with its title in English and Russian
    const trainer = await pageAs(browser, 'tj.trainer', '/authoring');
    await expect(trainer.getByTestId('new-course')).toBeVisible({ timeout: LOAD_TIMEOUT });
    await expectNoAccessibilityViolations(trainer);
    await trainer.getByTestId('new-course').click();
    await trainer.getByTestId('course-code').fill(code);
    await fillBoth(trainer, 'course-title', title, titleRu);
    await choose(trainer, trainer.getByTestId('course-area'), 'Integrated Border Management');
    // the trainer's own unit owns a new course unless they pick another
    await expect(trainer.getByRole('combobox', { name: 'Owning unit' })).toHaveValue(
      'Border Troops of Tajikistan',
    );
    await trainer.getByRole('button', { name: 'Create course' }).click();
    await expect(trainer.getByTestId('course-title')).toContainText(title, { timeout: LOAD_TIMEOUT });
    // a fellow author found by the trainer, who has no access to the users' administration
    await trainer.getByRole('combobox', { name: 'Add an author' }).fill('reviewer');
    await trainer.getByRole('option', { name: /tj\.reviewer/ }).click();
    await trainer.getByTestId('save-settings').click();
    await expect(trainer.getByText('Settings saved.')).toBeVisible();
    await expect(
      trainer.locator('mat-chip').filter({ hasText: 'Tajikistan Border Service Reviewer' }),
    ).toBeVisible();
    await trainer.getByTestId('open-draft').click();
    await expect(trainer.getByTestId('version-status')).toBeVisible({ timeout: LOAD_TIMEOUT });

    // the outline, built by keyboard: two modules added, the second moved up with Alt+Up
    await addModuleByKeyboard(trainer, 'Reporting and referral', 'Сообщение и передача');
    await addModuleByKeyboard(trainer, 'Security features', 'Защитные элементы');
    expect(await moduleTitles(trainer)).toEqual(['Reporting and referral', 'Security features']);
    await trainer.getByTestId('outline-module').filter({ hasText: 'Security features' }).focus();
    await trainer.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => moduleTitles(trainer)).toEqual(['Security features', 'Reporting and referral']);
    await expect(
      trainer.getByTestId('outline-module').filter({ hasText: 'Security features' }),
    ).toBeFocused();
    await expectNoAccessibilityViolations(trainer);

    // a text lesson with an image uploaded from the lesson editor
    await addLesson(
      trainer,
      'Security features',
      'Watermarks and holograms',
      'Водяные знаки и голограммы',
      'Text',
    );
    await trainer.getByRole('link', { name: 'Edit lesson Watermarks and holograms' }).click();
    const bodyEn = trainer.getByTestId('lesson-body-en');
    await bodyEn.fill('Hold the page against the light.\n\n');
    await trainer.getByTestId('image-description').fill('A watermark seen against the light');
    await trainer
      .getByTestId('image-file')
      .setInputFiles({ name: 'watermark.png', mimeType: 'image/png', buffer: png() });
    await expect(bodyEn).toHaveValue(
      /!\[A watermark seen against the light\]\(\/api\/v1\/attachments\/[0-9a-f-]{36}\/content\)/,
    );
    const image = trainer
      .getByTestId('lesson-preview')
      .getByRole('img', { name: 'A watermark seen against the light' });
    await expect(image).toBeVisible();
    // the browser really loaded it through its signed address
    await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBe(2);
    await trainer.getByRole('tab', { name: 'Русский' }).click();
    await trainer.getByTestId('lesson-body-ru').fill('Посмотрите страницу на просвет.');
    await trainer.getByTestId('save-lesson').click();
    await expect(trainer.getByText('Lesson saved.')).toBeVisible();

    // a question in the bank, and a quiz drawn from it
    await trainer.getByRole('tab', { name: 'Question bank' }).click();
    await trainer.getByTestId('new-question').click();
    await choose(trainer, trainer.getByTestId('question-kind'), 'True or false');
    await fillBoth(
      trainer,
      'question-stem',
      'A watermark is printed on the surface of the page.',
      'Водяной знак печатается на поверхности страницы.',
    );
    await trainer.getByTestId('answer-false').click();
    await trainer.getByTestId('save-question').click();
    await expect(trainer.getByText('Question saved.')).toBeVisible();

    await trainer.getByRole('tab', { name: 'Quizzes' }).click();
    await trainer.getByTestId('new-quiz').click();
    await fillBoth(trainer, 'quiz-title', 'Check your eye', 'Проверьте себя');
    await trainer.getByTestId('mode-fixed').click();
    await trainer.getByTestId('pick-question').first().click();
    await expect(trainer.getByTestId('picked-questions')).toContainText('A watermark is printed');
    await trainer.getByTestId('save-quiz').click();
    await expect(trainer.getByText('Quiz saved.')).toBeVisible();

    // the quiz played as the last lesson of the second module
    await trainer.getByRole('tab', { name: 'Outline' }).click();
    await addLesson(trainer, 'Reporting and referral', 'Final check', 'Итоговая проверка', 'Quiz');
    await trainer.getByRole('link', { name: 'Edit lesson Final check' }).click();
    await choose(trainer, trainer.getByTestId('lesson-quiz'), 'Check your eye');
    await trainer.getByTestId('save-lesson').click();
    await expect(trainer.getByText('Lesson saved.')).toBeVisible();

    await trainer.getByTestId('submit-version').click();
    await expect(trainer.getByTestId('version-status')).toHaveText(/In review/);

    // the reviewer of the same border service publishes it from the review queue
    const reviewer = await pageAs(browser, 'tj.reviewer', '/authoring/reviews');
    await expectNoAccessibilityViolations(reviewer);
    await reviewer.getByTestId('review-queue').getByRole('link', { name: title }).click();
    await reviewer.getByTestId('publish-version').click();
    await expect(reviewer.getByTestId('version-status')).toHaveText(/Published/);

    // a learner of that border service finds it; a learner of another country does not
    const learner = await pageAs(browser, 'tj.learner', '/learning');
    await learner.getByLabel('Search by title, description or code').fill(code);
    await expect(learner.getByText(title)).toBeVisible();
    const outsider = await pageAs(browser, 'kz.learner', '/learning');
    await outsider.getByLabel('Search by title, description or code').fill(code);
    await expect(outsider.getByText('No courses match these filters.')).toBeVisible();
    await expect(outsider.getByText(title)).toHaveCount(0);
  });

  test('a trainer’s course list and a course page work on the screen at hand', async ({ browser }) => {
    test.slow();
    const trainer = await pageAs(browser, 'kz.trainer', '/authoring');
    const table = trainer.getByTestId('courses-table');
    await expect(table).toContainText('Integrated Border Management: the basics', { timeout: LOAD_TIMEOUT });
    await expectNoAccessibilityViolations(trainer);
    await table.getByRole('link', { name: /Integrated Border Management: the basics/ }).click();
    await expect(trainer.getByTestId('version-history')).toBeVisible({ timeout: LOAD_TIMEOUT });
    await expectNoAccessibilityViolations(trainer);
    // nothing on the page is wider than the screen
    const overflow = await trainer.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
