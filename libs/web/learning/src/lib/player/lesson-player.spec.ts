import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationInitStatus, computed, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { EnrolmentDetail, LearnerLesson, ProgressEventInput } from '@border-academy/shared-contracts';
import { ProgressQueue } from '@border-academy/web-data-access';
import { provideI18n } from '@border-academy/web-i18n';

import { LessonPlayer } from './lesson-player';

function lessonSummary(id: string, kind: 'text' | 'quiz' = 'text') {
  return {
    id,
    moduleId: 'm1',
    kind,
    title: { en: `Lesson ${id}` },
    required: true,
    estimatedMinutes: 5,
    quizId: null,
    state: 'not_started' as const,
  };
}

function enrolment(change: Partial<EnrolmentDetail> = {}): EnrolmentDetail {
  return {
    id: 'e1',
    courseId: 'c1',
    title: { en: 'Vulnerable migrants' },
    defaultLanguage: 'en',
    status: 'in_progress',
    progressPercent: 0,
    certificate: null,
    lessonCompletion: 'opened',
    isOwn: true,
    quizzes: [],
    modules: [
      {
        id: 'm1',
        title: { en: 'Module' },
        lessons: [lessonSummary('l1'), lessonSummary('l2'), lessonSummary('l3')],
      },
    ],
    ...change,
  } as EnrolmentDetail;
}

function lesson(
  id: string,
  previous: string | null,
  next: string | null,
  change: Partial<LearnerLesson> = {},
): LearnerLesson {
  return {
    ...lessonSummary(id),
    enrolmentId: 'e1',
    bodyHtml: { en: `<p>Body of ${id}</p>` },
    attachment: null,
    externalUrl: null,
    previousLessonId: previous,
    nextLessonId: next,
    completion: 'opened',
    ...change,
  };
}

describe('LessonPlayer', () => {
  let http: HttpTestingController;
  let recorded: { enrolmentId: string; lessonId: string; kind: string }[];
  const pending = signal<ProgressEventInput[]>([]);

  beforeEach(async () => {
    recorded = [];
    pending.set([]);
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          [{ path: 'learning/enrolments/:enrolmentId/lessons/:lessonId', component: LessonPlayer }],
          withComponentInputBinding(),
        ),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18n(),
        {
          provide: ProgressQueue,
          useValue: {
            record: async (enrolmentId: string, lessonId: string, kind: 'opened' | 'done') => {
              recorded.push({ enrolmentId, lessonId, kind });
              pending.update((events) => [
                ...events,
                {
                  id: `${lessonId}-${kind}`,
                  enrolmentId,
                  lessonId,
                  kind,
                  occurredAt: '2026-03-01T00:00:00Z',
                },
              ]);
            },
            acknowledge: jest.fn(),
            progress: signal(new Map()),
            pending,
            state: computed(() => (pending().length > 0 ? 'waiting' : 'idle')),
            pendingCount: computed(() => pending().length),
            online: signal(true),
          },
        },
      ],
    });
    await TestBed.inject(ApplicationInitStatus).donePromise;
    http = TestBed.inject(HttpTestingController);
  });

  async function open(lessonId: string, detail: EnrolmentDetail, shown: LearnerLesson): Promise<HTMLElement> {
    const harness = await RouterTestingHarness.create();
    const navigation = harness.navigateByUrl(`/learning/enrolments/e1/lessons/${lessonId}`);
    await new Promise((resolve) => setTimeout(resolve));
    http.expectOne('/api/v1/enrolments/e1').flush(detail);
    http.expectOne(`/api/v1/enrolments/e1/lessons/${lessonId}`).flush(shown);
    await navigation;
    await harness.fixture.whenStable();
    return harness.routeNativeElement as HTMLElement;
  }

  it('shows the lesson, records that it was opened once, and reads the next lesson ahead', async () => {
    const page = await open('l2', enrolment(), lesson('l2', 'l1', 'l3'));
    expect(page.querySelector('h1')?.textContent).toContain('Lesson l2');
    expect(page.querySelector('.lesson-body')?.innerHTML).toContain('Body of l2');
    expect(recorded).toEqual([{ enrolmentId: 'e1', lessonId: 'l2', kind: 'opened' }]);
    http.expectOne('/api/v1/enrolments/e1/lessons/l3').flush(lesson('l3', 'l2', null));
    http.verify();
  });

  it('links to the previous and next lessons and marks the current one in the outline', async () => {
    const page = await open('l2', enrolment(), lesson('l2', 'l1', 'l3'));
    http.expectOne('/api/v1/enrolments/e1/lessons/l3').flush(lesson('l3', 'l2', null));
    expect(page.querySelector('[data-testid="previous-lesson"]')?.getAttribute('href')).toBe(
      '/learning/enrolments/e1/lessons/l1',
    );
    expect(page.querySelector('[data-testid="next-lesson"]')?.getAttribute('href')).toBe(
      '/learning/enrolments/e1/lessons/l3',
    );
    const current = page.querySelector('#lesson-outline [aria-current="page"]');
    expect(current?.textContent).toContain('Lesson l2');
    // the waiting "opened" event already counts: the course completes lessons on opening
    expect(current?.textContent).toContain('(done)');
    expect(page.querySelector('[data-testid="progress-percent"]')?.textContent).toContain('33%');
  });

  it('offers "mark as done" where the course asks for it, and records it', async () => {
    const page = await open(
      'l3',
      enrolment({ lessonCompletion: 'marked-done' }),
      lesson('l3', 'l2', null, { completion: 'marked-done' }),
    );
    const markDone = page.querySelector('[data-testid="mark-done"]') as HTMLButtonElement;
    expect(page.querySelector('[data-testid="next-lesson"]')).toBeNull();
    markDone.click();
    await TestBed.inject(ApplicationInitStatus).donePromise;
    expect(recorded.map((event) => event.kind)).toEqual(['opened', 'done']);
  });

  it('records nothing on an enrolment read by someone else', async () => {
    await open('l1', enrolment({ isOwn: false }), lesson('l1', null, 'l2'));
    expect(recorded).toEqual([]);
  });
});
