import {
  CertificateRef,
  EnrolmentDetail,
  EnrolmentProgress,
  EnrolmentStatus,
  LessonState,
  ProgressEventInput,
} from '@border-academy/shared-contracts';

/** An enrolment as the learner should see it now: what the server said, plus what waits on the device. */
export interface EnrolmentView {
  states: ReadonlyMap<string, LessonState>;
  progressPercent: number;
  status: EnrolmentStatus;
  certificate: CertificateRef | null;
  /** Lessons counted done only because of events still waiting to be sent. */
  waitingLessonIds: ReadonlySet<string>;
}

const RANK: Record<LessonState, number> = { not_started: 0, opened: 1, done: 2 };

function further(a: LessonState | undefined, b: LessonState): LessonState {
  return a !== undefined && RANK[a] >= RANK[b] ? a : b;
}

/**
 * Lesson states only move forward (records are never taken back), so the furthest of the enrolment as
 * read, the server's newest answer and the events still waiting is the truth the server will reach. An
 * event is counted as the server counts it: `opened` completes a lesson when the course's rule is
 * "opened", `done` always; a quiz lesson only by its passed quiz, which the server alone decides.
 */
export function enrolmentView(
  detail: EnrolmentDetail,
  newest: EnrolmentProgress | undefined,
  waiting: readonly ProgressEventInput[],
): EnrolmentView {
  const lessons = detail.modules.flatMap((module) => module.lessons);
  const states = new Map<string, LessonState>();
  for (const lesson of lessons) states.set(lesson.id, lesson.state);
  for (const lesson of newest?.lessons ?? [])
    states.set(lesson.lessonId, further(states.get(lesson.lessonId), lesson.state));

  const serverDone = new Set([...states].filter(([, state]) => state === 'done').map(([id]) => id));
  const kinds = new Map(lessons.map((lesson) => [lesson.id, lesson.kind]));
  for (const event of waiting) {
    if (
      event.enrolmentId !== detail.id ||
      !kinds.has(event.lessonId) ||
      kinds.get(event.lessonId) === 'quiz'
    ) {
      continue;
    }
    const reached: LessonState =
      event.kind === 'done' || detail.lessonCompletion === 'opened' ? 'done' : 'opened';
    states.set(event.lessonId, further(states.get(event.lessonId), reached));
  }

  const required = lessons.filter((lesson) => lesson.required);
  const requiredDone = required.filter((lesson) => states.get(lesson.id) === 'done').length;
  const counted = required.length === 0 ? 0 : Math.floor((100 * requiredDone) / required.length);
  const serverPercent = Math.max(detail.progressPercent, newest?.progressPercent ?? 0);
  const status = newest?.status ?? detail.status;
  return {
    states,
    progressPercent: status === 'completed' ? 100 : Math.max(counted, serverPercent),
    status: detail.status === 'completed' ? 'completed' : status,
    certificate: newest?.certificate ?? detail.certificate,
    waitingLessonIds: new Set(
      [...states].filter(([id, state]) => state === 'done' && !serverDone.has(id)).map(([id]) => id),
    ),
  };
}
