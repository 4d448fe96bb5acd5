import { randomUUID } from 'node:crypto';

import { RouteRows } from './matrix.types';

// learning:self = everyone signed in, each on their own records only; learning:read-others = hr, trainer,
// admin, reading those of people inside their scope. The target's records belong to neither caller, so
// a learner (and a reviewer) never learns they exist (404), and nobody but their owner changes them.
const READ_OTHERS = { inside: [401, 404, 200, 200, 200], outside: [401, 404, 404, 404, 404] } as const;
const OWNER_ONLY = [401, 404, 404, 404, 404] as const;

type Row = RouteRows[string];

function readOthers(request: Row['request']): Row {
  return {
    request,
    inside: [...READ_OTHERS.inside],
    outside: [...READ_OTHERS.outside],
    reviewer: [404, 404],
  };
}

function ownerOnly(request: Row['request']): Row {
  return { request, inside: [...OWNER_ONLY], outside: [...OWNER_ONLY], reviewer: [404, 404] };
}

export const LEARNING_ROUTES: RouteRows = {
  'GET /api/v1/catalogue/courses/{id}': {
    // offered to the owning unit's subtree, where every caller sits; the other side's course is not
    request: (target) => ({ url: `/api/v1/catalogue/courses/${target.course.id}` }),
    inside: [401, 200, 200, 200, 200],
    outside: [401, 404, 404, 404, 404],
    reviewer: [200, 404],
  },
  'POST /api/v1/catalogue/courses/{id}/enrolments': {
    // the matrix course takes self-enrolments (learning.fixtures.ts), and every cell's caller is new to it
    request: (target) => ({ url: `/api/v1/catalogue/courses/${target.course.id}/enrolments`, payload: {} }),
    inside: [401, 201, 201, 201, 201],
    outside: [401, 404, 404, 404, 404],
    reviewer: [201, 404],
  },
  'GET /api/v1/me/learning': {
    request: () => ({ url: '/api/v1/me/learning' }),
    inside: [401, 200, 200, 200, 200],
    reviewer: [200, 200],
  },
  'GET /api/v1/me/enrolments': {
    request: () => ({ url: '/api/v1/me/enrolments?section=completed' }),
    inside: [401, 200, 200, 200, 200],
    reviewer: [200, 200],
  },
  'GET /api/v1/enrolments/{id}': readOthers((target) => ({
    url: `/api/v1/enrolments/${target.learning.enrolmentId}`,
  })),
  'POST /api/v1/enrolments/{id}/withdrawal': ownerOnly((target) => ({
    url: `/api/v1/enrolments/${target.learning.enrolmentId}/withdrawal`,
  })),
  'GET /api/v1/enrolments/{id}/lessons/{lessonId}': readOthers((target) => ({
    url: `/api/v1/enrolments/${target.learning.enrolmentId}/lessons/${target.course.publishedLessonId}`,
  })),
  'POST /api/v1/progress-events': ownerOnly((target) => ({
    url: '/api/v1/progress-events',
    payload: {
      events: [
        {
          id: randomUUID(),
          enrolmentId: target.learning.enrolmentId,
          lessonId: target.course.publishedLessonId,
          kind: 'opened',
          occurredAt: new Date().toISOString(),
        },
      ],
    },
  })),
  'POST /api/v1/enrolments/{id}/quiz-attempts': ownerOnly((target) => ({
    url: `/api/v1/enrolments/${target.learning.enrolmentId}/quiz-attempts`,
    payload: { quizId: target.course.publishedQuizId },
  })),
  'POST /api/v1/quiz-attempts/{id}/submission': ownerOnly((target) => ({
    url: `/api/v1/quiz-attempts/${target.learning.quizAttemptId}/submission`,
    payload: { answers: [] },
  })),
  'GET /api/v1/quiz-attempts/{id}': readOthers((target) => ({
    url: `/api/v1/quiz-attempts/${target.learning.quizAttemptId}`,
  })),
  'GET /api/v1/certificates/{id}/pdf': readOthers((target) => ({
    url: `/api/v1/certificates/${target.learning.certificateId}/pdf`,
  })),
  'GET /api/v1/certificates/verification/{code}': {
    // public by design: anyone holding the code sees the few fields it shows
    request: (target) => ({ url: `/api/v1/certificates/verification/${target.learning.certificateCode}` }),
    inside: [200, 200, 200, 200, 200],
    reviewer: [200, 200],
  },
};
