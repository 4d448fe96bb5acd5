import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';

import { expectNoAccessibilityViolations } from './accessibility';

const DEMO_PASSWORD = 'BorderAcademy-2026!';
const PASSWORD = 'snow on the torugart pass at dawn';

/** A new officer of Kyrgyzstan's border service who works in Russian: created by the country's admin. */
async function createOfficer(request: APIRequestContext, login: string): Promise<void> {
  const signIn = await request.post('/api/v1/auth/sign-in', {
    data: { login: 'kg.admin', password: DEMO_PASSWORD },
  });
  expect(signIn.ok()).toBe(true);
  const session = (await signIn.json()) as { accessToken: string; user: { grants: { orgUnitId: string }[] } };
  const headers = { authorization: `Bearer ${session.accessToken}` };
  const unit = session.user.grants[0].orgUnitId;
  const created = await request.post('/api/v1/users', {
    headers,
    data: {
      login,
      email: `${login}@example.org`,
      fullName: 'Aizhan Toktogulova',
      fullNameCyrillic: 'Айжан Токтогулова',
      language: 'ru',
      orgUnitId: unit,
      grants: [{ role: 'learner', orgUnitId: unit }],
    },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const link = await request.post(`/api/v1/users/${id}/reset-links`, { headers });
  const { url } = (await link.json()) as { url: string };
  const token = url.split('/').pop();
  const reset = await request.post('/api/v1/auth/reset-password', { data: { token, newPassword: PASSWORD } });
  expect(reset.ok()).toBe(true);
}

/** How the final quiz of the migration course is answered right, by words of each Russian question. */
const RIGHT_ANSWERS: { stem: string; choose?: string[]; type?: string }[] = [
  { stem: 'принцип невысылки', choose: ['Возвращать человека туда, где ему грозит преследование'] },
  {
    stem: 'указывать на торговлю людьми',
    choose: [
      'Паспорт человека у сопровождающего',
      'Человек не знает адреса работодателя',
      'Очень большой долг за дорогу',
    ],
  },
  { stem: 'слово «убежище»', choose: ['Неверно'] },
  { stem: 'Кто должен переводить', choose: ['Нейтральный переводчик'] },
  { stem: 'несопровождаемый ребёнок', choose: ['В орган опеки'] },
  { stem: 'Открытые вопросы', choose: ['Верно'] },
  {
    stem: 'в первую очередь при перенаправлении',
    choose: ['Непосредственная безопасность', 'Базовые потребности: вода, еда, медпомощь'],
  },
  { stem: 'Как называется система', type: 'национальный механизм перенаправления' },
  { stem: 'следует наказывать', choose: ['Неверно'] },
];

async function answerRight(question: Locator): Promise<void> {
  const stem = (await question.locator('legend').textContent()) ?? '';
  const answer = RIGHT_ANSWERS.find((candidate) => stem.includes(candidate.stem));
  expect(answer, `an answer for «${stem}»`).toBeDefined();
  for (const option of answer?.choose ?? []) await question.getByLabel(option, { exact: true }).check();
  if (answer?.type) await question.getByLabel('Ваш ответ').fill(answer.type);
}

/** The lesson's title; a Markdown body may repeat it as its own first heading. */
function lessonTitle(page: Page): Locator {
  return page.getByTestId('lesson').getByRole('heading', { level: 1 }).first();
}

async function openNextLesson(page: Page, title: string): Promise<void> {
  await page.getByTestId('next-lesson').click();
  await expect(lessonTitle(page)).toHaveText(title);
}

test.describe('learning', () => {
  // Playwright's offline mode does not reach a service worker's own requests; the app's queue and its
  // copies of lessons read are what this test proves, so the worker stays out of it.

  test('a new officer finds the migration course in Russian, reads offline, passes the quiz and gets a certificate anyone can verify', async ({
    page,
    browser,
    request,
  }, testInfo) => {
    test.setTimeout(180_000);
    // both projects run against one server: each creates its own officer
    const login = `e2e-${testInfo.project.name}.a.toktogulova`;
    await createOfficer(request, login);

    await page.goto('/learning');
    await page.getByLabel('Login or email').fill(login);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    // the interface switches to the officer's Russian
    await expect(page.getByRole('heading', { level: 1, name: 'Каталог курсов' })).toBeVisible({
      timeout: 20_000,
    });

    await page.getByLabel('Поиск по названию, описанию или коду').fill('мигрантов');
    await expect(page).toHaveURL(/q=/);
    const course = page.getByRole('link', { name: /Выявление и перенаправление уязвимых мигрантов/ });
    await expect(course).toBeVisible();
    await expect(page.getByTestId('catalogue').getByRole('listitem')).toHaveCount(1);
    await expectNoAccessibilityViolations(page);
    await course.click();

    await expect(page.getByRole('heading', { level: 1, name: /уязвимых мигрантов/ })).toBeVisible();
    await expect(page.getByText('Смешанная миграция и уязвимость')).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await page.getByTestId('enrol').click();

    // two lessons read online, each counted once the server has it
    const sync = page.getByTestId('sync-status');
    await expect(lessonTitle(page)).toHaveText('Смешанные миграционные потоки', { timeout: 15_000 });
    await expect(sync).toHaveAttribute('data-state', 'synced');
    await expect(sync).toHaveText('Синхронизировано');
    await openNextLesson(page, 'Признаки уязвимости');
    await expect(page.getByTestId('progress-percent')).toHaveText('Пройдено 33%');
    await expect(sync).toHaveAttribute('data-state', 'synced');
    await expectNoAccessibilityViolations(page);

    // the third, offline: it opens and counts on the device, then reaches the server
    await page.context().setOffline(true);
    await openNextLesson(page, 'Первая беседа, которая защищает');
    await expect(sync).toHaveText('Нет сети — 1 обновление ждёт отправки');
    await expect(page.getByTestId('progress-percent')).toHaveText('Пройдено 50%');
    await page.context().setOffline(false);
    await expect(sync).toHaveText('Синхронизировано', { timeout: 15_000 });
    // the server has it: read again from the server, the third lesson counts
    await page.reload();
    await expect(lessonTitle(page)).toHaveText('Первая беседа, которая защищает', { timeout: 20_000 });
    await expect(page.getByTestId('progress-percent')).toHaveText('Пройдено 50%');

    await openNextLesson(page, 'Перенаправление: кто за что отвечает');
    await openNextLesson(page, 'МОМ: материалы о противодействии торговле людьми');
    await expect(page.getByTestId('external-link')).toHaveAttribute('rel', 'noopener');
    await openNextLesson(page, 'Проверьте себя');
    await expect(page.getByTestId('progress-percent')).toHaveText('Пройдено 83%');

    // the quiz: failed with nothing answered, then passed
    const quiz = page.getByTestId('quiz-player');
    await quiz.getByTestId('start-quiz').click();
    await expect(quiz.getByTestId('question')).toHaveCount(9);
    await expectNoAccessibilityViolations(page);
    await quiz.getByTestId('submit-quiz').click();
    await expect(quiz.getByTestId('quiz-result')).toHaveText('Тест не сдан: 0%');
    await expect(quiz.getByTestId('attempts-left')).toHaveText('Осталось попыток: 2');
    await quiz.getByTestId('start-quiz').click();
    await expect(quiz.getByTestId('question')).toHaveCount(9);
    for (const question of await quiz.getByTestId('question').all()) await answerRight(question);
    await quiz.getByTestId('submit-quiz').click();
    await expect(quiz.getByTestId('quiz-result')).toHaveText('Тест сдан: 100%');
    await expect(page.getByRole('heading', { name: 'Вы завершили этот курс' })).toBeVisible();
    await expect(page.getByTestId('progress-percent')).toHaveText('Пройдено 100%');

    const download = page.waitForEvent('download');
    await page.getByTestId('certificate-download').first().click();
    expect((await download).suggestedFilename()).toMatch(/^certificate-[A-Z0-9]{26}\.pdf$/);

    // my learning lists it as completed with its certificate
    await page.goto('/learning/my');
    await expect(page.getByTestId('my-completed')).toContainText(
      'Выявление и перенаправление уязвимых мигрантов',
    );
    const verifyPath = await page
      .getByTestId('my-completed')
      .getByTestId('certificate-verify')
      .getAttribute('href');
    expect(verifyPath).toMatch(/^\/verify\/[A-Z0-9]{26}$/);

    // anyone holding the QR code checks it without signing in
    const stranger = await browser.newContext();
    const visitor = await stranger.newPage();
    await visitor.goto(verifyPath ?? '');
    await expect(visitor.getByTestId('verification-status')).toHaveText('Valid');
    await expect(visitor.getByTestId('verification-holder')).toHaveText(/Toktogulova|Токтогулова/);
    await expectNoAccessibilityViolations(visitor);
    await visitor.goto('/verify/AAAAAAAAAAAAAAAAAAAAAAAAAA');
    await expect(visitor.getByTestId('verification-problem')).toHaveText('No certificate has this code.');
    await stranger.close();
  });
});

test('the service worker and its manifest are served, never from a stale cache', async ({ request }) => {
  for (const path of ['/ngsw-worker.js', '/ngsw.json']) {
    const response = await request.get(path);
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toBe('public, max-age=0, must-revalidate');
  }
  const manifest = (await (await request.get('/ngsw.json')).json()) as {
    assetGroups: { name: string }[];
    dataGroups: { name: string; patterns: string[] }[];
  };
  expect(manifest.assetGroups.map((group) => group.name)).toContain('app');
  // lessons and enrolments already read stay readable offline
  expect(manifest.dataGroups.flatMap((group) => group.patterns).join(' ')).toContain('enrolments');
});
