import { randomUUID } from 'node:crypto';

import { signAttachmentUrl } from '@border-academy/api-authoring';
import { DEV_APP_SECRET } from '@border-academy/api-platform';

import { RouteRows } from './matrix.types';

// course:read = trainer, reviewer, admin; course:write = trainer, admin; course:review = reviewer, admin.
// A course outside every authoring scope of the caller is not found (404); changes aim at the published
// version, which refuses them (409) the same way each time (see authoring.fixtures.ts).
const READ = { inside: [401, 403, 200, 403, 200], outside: [401, 403, 404, 403, 404] } as const;
const FROZEN = { inside: [401, 403, 409, 403, 409], outside: [401, 403, 404, 403, 404] } as const;

type Row = RouteRows[string];

function read(request: Row['request']): Row {
  return { request, inside: [...READ.inside], outside: [...READ.outside], reviewer: [200, 404] };
}

/** A change to the published version: refused with 409 to every author in scope, hidden outside it. */
function frozen(request: Row['request']): Row {
  return { request, inside: [...FROZEN.inside], outside: [...FROZEN.outside], reviewer: [403, 403] };
}

const courseBody = (orgUnitId: string) => ({
  code: `matrix-${randomUUID().slice(0, 8)}`,
  title: { en: 'Matrix course' },
  area: 'TRADE',
  level: 'basic',
  estimatedHours: 1,
  defaultLanguage: 'en',
  ownerOrgUnitId: orgUnitId,
});

const QUESTION = {
  kind: 'true-false',
  stem: { en: 'Matrix question' },
  options: [],
  correctBoolean: true,
  shortAnswer: null,
  feedbackCorrect: null,
  feedbackIncorrect: null,
  points: 1,
  tags: [],
};

const QUIZ = {
  title: { en: 'Matrix quiz' },
  instructions: null,
  passMarkPercent: 50,
  attemptLimit: null,
  timeLimitMinutes: null,
  allowReview: true,
  selection: { mode: 'random', draws: [{ tag: 'matrix', count: 1 }] },
};

export const AUTHORING_ROUTES: RouteRows = {
  'GET /api/v1/content-languages': {
    request: () => ({ url: '/api/v1/content-languages' }),
    inside: [401, 200, 200, 200, 200],
    reviewer: [200, 200],
  },
  'GET /api/v1/competencies': {
    request: () => ({ url: '/api/v1/competencies' }),
    inside: [401, 403, 200, 403, 200],
    reviewer: [200, 200],
  },
  'GET /api/v1/courses': {
    // limited in SQL to the caller's scope
    request: () => ({ url: '/api/v1/courses' }),
    inside: [401, 403, 200, 403, 200],
    reviewer: [200, 200],
  },
  'POST /api/v1/courses': {
    // an owning unit outside the scope is a bad field of the body
    request: (target) => ({ url: '/api/v1/courses', payload: courseBody(target.orgUnitId) }),
    inside: [401, 403, 201, 403, 201],
    outside: [401, 403, 400, 403, 400],
    reviewer: [403, 403],
  },
  'GET /api/v1/courses/{id}': read((target) => ({ url: `/api/v1/courses/${target.course.id}` })),
  'GET /api/v1/courses/{id}/author-candidates': {
    request: (target) => ({ url: `/api/v1/courses/${target.course.id}/author-candidates?q=a` }),
    inside: [401, 403, 200, 403, 200],
    outside: [401, 403, 404, 403, 404],
    reviewer: [403, 403],
  },
  'PATCH /api/v1/courses/{id}': {
    request: (target) => ({ url: `/api/v1/courses/${target.course.id}`, payload: { selfEnrolment: true } }),
    inside: [401, 403, 200, 403, 200],
    outside: [401, 403, 404, 403, 404],
    reviewer: [403, 403],
  },
  'POST /api/v1/courses/{id}/archive': {
    request: (target) => ({ url: `/api/v1/courses/${target.course.id}/archive` }),
    inside: [401, 403, 200, 403, 200],
    outside: [401, 403, 404, 403, 404],
    reviewer: [403, 403],
  },
  'POST /api/v1/courses/{id}/restore': {
    request: (target) => ({ url: `/api/v1/courses/${target.course.id}/restore` }),
    inside: [401, 403, 200, 403, 200],
    outside: [401, 403, 404, 403, 404],
    reviewer: [403, 403],
  },
  // the course already has an open draft
  'POST /api/v1/courses/{id}/drafts': frozen((target) => ({
    url: `/api/v1/courses/${target.course.id}/drafts`,
  })),
  // a JSON body is not a file: authors in scope get 415 once their access holds, everyone else what access says
  'POST /api/v1/courses/{id}/attachments': {
    request: (target) => ({ url: `/api/v1/courses/${target.course.id}/attachments`, payload: { file: 'x' } }),
    inside: [401, 403, 415, 403, 415],
    outside: [401, 403, 404, 403, 404],
    reviewer: [403, 403],
  },
  // open to all through a signed address (images and players cannot send a token); this one names no file
  'GET /api/v1/attachments/{id}/content': {
    request: () => {
      const id = randomUUID();
      return { url: signAttachmentUrl(id, DEV_APP_SECRET) };
    },
    inside: [404, 404, 404, 404, 404],
    reviewer: [404, 404],
  },
  'GET /api/v1/course-versions/{id}': read((target) => ({
    url: `/api/v1/course-versions/${target.course.draftVersionId}`,
  })),
  'PATCH /api/v1/course-versions/{id}': frozen((target) => ({
    url: `/api/v1/course-versions/${target.course.publishedVersionId}`,
    payload: { title: { en: 'Changed' } },
  })),
  'PUT /api/v1/course-versions/{id}/outline': frozen((target) => ({
    url: `/api/v1/course-versions/${target.course.publishedVersionId}/outline`,
    payload: { modules: [] },
  })),
  'POST /api/v1/course-versions/{id}/submit': frozen((target) => ({
    url: `/api/v1/course-versions/${target.course.publishedVersionId}/submit`,
  })),
  // the draft is not in review: past the access check, publishing or returning it is a conflict
  'POST /api/v1/course-versions/{id}/publish': {
    request: (target) => ({ url: `/api/v1/course-versions/${target.course.draftVersionId}/publish` }),
    inside: [401, 403, 403, 403, 409],
    outside: [401, 403, 403, 403, 404],
    reviewer: [409, 404],
  },
  'POST /api/v1/course-versions/{id}/return': {
    request: (target) => ({
      url: `/api/v1/course-versions/${target.course.draftVersionId}/return`,
      payload: { comment: 'Not ready' },
    }),
    inside: [401, 403, 403, 403, 409],
    outside: [401, 403, 403, 403, 404],
    reviewer: [409, 404],
  },
  'GET /api/v1/course-reviews': {
    request: () => ({ url: '/api/v1/course-reviews' }),
    inside: [401, 403, 403, 403, 200],
    reviewer: [200, 200],
  },
  'POST /api/v1/course-versions/{id}/modules': frozen((target) => ({
    url: `/api/v1/course-versions/${target.course.publishedVersionId}/modules`,
    payload: { title: { en: 'New module' } },
  })),
  'PATCH /api/v1/modules/{id}': frozen((target) => ({
    url: `/api/v1/modules/${target.course.publishedModuleId}`,
    payload: { title: { en: 'Renamed' } },
  })),
  'DELETE /api/v1/modules/{id}': frozen((target) => ({
    url: `/api/v1/modules/${target.course.publishedModuleId}`,
  })),
  'POST /api/v1/modules/{id}/lessons': frozen((target) => ({
    url: `/api/v1/modules/${target.course.publishedModuleId}/lessons`,
    payload: { kind: 'text', title: { en: 'New lesson' } },
  })),
  'GET /api/v1/lessons/{id}': read((target) => ({ url: `/api/v1/lessons/${target.course.draftLessonId}` })),
  'PATCH /api/v1/lessons/{id}': frozen((target) => ({
    url: `/api/v1/lessons/${target.course.publishedLessonId}`,
    payload: { title: { en: 'Renamed' } },
  })),
  'DELETE /api/v1/lessons/{id}': frozen((target) => ({
    url: `/api/v1/lessons/${target.course.publishedLessonId}`,
  })),
  'GET /api/v1/course-versions/{id}/questions': read((target) => ({
    url: `/api/v1/course-versions/${target.course.draftVersionId}/questions`,
  })),
  'POST /api/v1/course-versions/{id}/questions': frozen((target) => ({
    url: `/api/v1/course-versions/${target.course.publishedVersionId}/questions`,
    payload: QUESTION,
  })),
  'GET /api/v1/questions/{id}': read((target) => ({
    url: `/api/v1/questions/${target.course.draftQuestionId}`,
  })),
  'PUT /api/v1/questions/{id}': frozen((target) => ({
    url: `/api/v1/questions/${target.course.publishedQuestionId}`,
    payload: QUESTION,
  })),
  'DELETE /api/v1/questions/{id}': frozen((target) => ({
    url: `/api/v1/questions/${target.course.publishedQuestionId}`,
  })),
  'GET /api/v1/course-versions/{id}/quizzes': read((target) => ({
    url: `/api/v1/course-versions/${target.course.draftVersionId}/quizzes`,
  })),
  'POST /api/v1/course-versions/{id}/quizzes': frozen((target) => ({
    url: `/api/v1/course-versions/${target.course.publishedVersionId}/quizzes`,
    payload: QUIZ,
  })),
  'GET /api/v1/quizzes/{id}': read((target) => ({ url: `/api/v1/quizzes/${target.course.draftQuizId}` })),
  'PUT /api/v1/quizzes/{id}': frozen((target) => ({
    url: `/api/v1/quizzes/${target.course.publishedQuizId}`,
    payload: QUIZ,
  })),
  'DELETE /api/v1/quizzes/{id}': frozen((target) => ({
    url: `/api/v1/quizzes/${target.course.publishedQuizId}`,
  })),
  'POST /api/v1/markdown/render': {
    request: () => ({ url: '/api/v1/markdown/render', payload: { markdown: '# Preview' } }),
    inside: [401, 403, 200, 403, 200],
    reviewer: [403, 403],
  },
  'GET /api/v1/catalogue/courses': {
    // limited in SQL to the courses whose audience holds the caller's unit
    request: () => ({ url: '/api/v1/catalogue/courses' }),
    inside: [401, 200, 200, 200, 200],
    reviewer: [200, 200],
  },
};
