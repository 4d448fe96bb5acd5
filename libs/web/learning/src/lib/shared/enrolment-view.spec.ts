import { EnrolmentDetail, EnrolmentProgress, ProgressEventInput } from '@border-academy/shared-contracts';

import { enrolmentView } from './enrolment-view';

function lesson(id: string, kind: 'text' | 'quiz' = 'text', required = true) {
  return {
    id,
    moduleId: 'm1',
    kind,
    title: { en: id },
    required,
    estimatedMinutes: 5,
    quizId: kind === 'quiz' ? 'q1' : null,
    state: 'not_started' as const,
  };
}

function detail(change: Partial<EnrolmentDetail> = {}): EnrolmentDetail {
  return {
    id: 'e1',
    status: 'in_progress',
    progressPercent: 0,
    certificate: null,
    lessonCompletion: 'opened',
    modules: [
      {
        id: 'm1',
        title: { en: 'Module' },
        lessons: [
          lesson('l1'),
          lesson('l2'),
          lesson('l3'),
          lesson('quiz', 'quiz'),
          lesson('extra', 'text', false),
        ],
      },
    ],
    ...change,
  } as EnrolmentDetail;
}

function event(lessonId: string, kind: 'opened' | 'done' = 'opened', enrolmentId = 'e1'): ProgressEventInput {
  return { id: `${lessonId}-${kind}`, enrolmentId, lessonId, kind, occurredAt: '2026-03-01T10:00:00Z' };
}

describe('enrolmentView', () => {
  it('counts a waiting "opened" event as done when the course completes lessons on opening', () => {
    const view = enrolmentView(detail(), undefined, [event('l1'), event('l2')]);
    expect(view.states.get('l1')).toBe('done');
    expect(view.progressPercent).toBe(50);
    expect([...view.waitingLessonIds]).toEqual(['l1', 'l2']);
  });

  it('needs "mark as done" where the course says so, and never completes a quiz lesson itself', () => {
    const view = enrolmentView(detail({ lessonCompletion: 'marked-done' }), undefined, [
      event('l1'),
      event('l2', 'done'),
      event('quiz', 'done'),
    ]);
    expect(view.states.get('l1')).toBe('opened');
    expect(view.states.get('l2')).toBe('done');
    expect(view.states.get('quiz')).toBe('not_started');
    expect(view.progressPercent).toBe(25);
  });

  it('takes the furthest of the outline as read and the server’s newest answer, and ignores other enrolments', () => {
    const newest: EnrolmentProgress = {
      enrolmentId: 'e1',
      status: 'in_progress',
      progressPercent: 50,
      continueLessonId: 'l3',
      lastLessonId: 'l2',
      completedAt: null,
      lessons: [
        { lessonId: 'l1', state: 'done' },
        { lessonId: 'l2', state: 'done' },
      ],
      certificate: null,
    };
    const view = enrolmentView(detail(), newest, [event('l3', 'opened', 'e2')]);
    expect(view.states.get('l2')).toBe('done');
    expect(view.states.get('l3')).toBe('not_started');
    expect(view.progressPercent).toBe(50);
    expect(view.waitingLessonIds.size).toBe(0);
  });

  it('shows a completed enrolment at 100% with the certificate the server issued', () => {
    const certificate = { id: 'c1', code: 'CODE' } as EnrolmentProgress['certificate'];
    const view = enrolmentView(
      detail(),
      {
        enrolmentId: 'e1',
        status: 'completed',
        progressPercent: 100,
        continueLessonId: null,
        lastLessonId: null,
        completedAt: '2026-03-01T10:00:00Z',
        lessons: [],
        certificate,
      },
      [],
    );
    expect(view.status).toBe('completed');
    expect(view.progressPercent).toBe(100);
    expect(view.certificate).toBe(certificate);
  });
});
