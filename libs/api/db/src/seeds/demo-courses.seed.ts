import { EntityManager } from 'typeorm';

import { CUSTOMS_RISK_SINGLE_WINDOW } from './courses/customs-risk-single-window.course';
import { DemoCourse, DemoQuestion } from './courses/demo-course';
import { IBM_BASICS } from './courses/ibm-basics.course';
import { VULNERABLE_MIGRANTS } from './courses/vulnerable-migrants.course';
import { SeedStep } from './seed-registry';

/** The competency framework the demo courses build: three items per thematic area. */
export const COMPETENCIES = [
  {
    code: 'ibm-cooperation',
    area: 'IBM',
    level: 2,
    title: { en: 'Cooperation at the border', ru: 'Взаимодействие на границе' },
  },
  { code: 'ibm-risk-analysis', area: 'IBM', level: 2, title: { en: 'Risk analysis', ru: 'Анализ рисков' } },
  {
    code: 'ibm-border-checks',
    area: 'IBM',
    level: 1,
    title: { en: 'Border checks', ru: 'Пограничные проверки' },
  },
  {
    code: 'migration-vulnerability-screening',
    area: 'MIGRATION',
    level: 2,
    title: { en: 'Identifying vulnerable migrants', ru: 'Выявление уязвимых мигрантов' },
  },
  {
    code: 'migration-referral',
    area: 'MIGRATION',
    level: 2,
    title: { en: 'Referral of vulnerable migrants', ru: 'Перенаправление уязвимых мигрантов' },
  },
  {
    code: 'migration-local-border-traffic',
    area: 'MIGRATION',
    level: 1,
    title: { en: 'Local border traffic regimes', ru: 'Режимы местного приграничного движения' },
  },
  {
    code: 'trade-risk-management',
    area: 'TRADE',
    level: 2,
    title: { en: 'Customs risk management', ru: 'Таможенное управление рисками' },
  },
  { code: 'trade-single-window', area: 'TRADE', level: 2, title: { en: 'Single window', ru: 'Единое окно' } },
  {
    code: 'trade-transit',
    area: 'TRADE',
    level: 1,
    title: { en: 'Customs transit', ru: 'Таможенный транзит' },
  },
] as const;

/** The three published demo courses, one per area, written in English and Russian. */
export const DEMO_COURSES: readonly DemoCourse[] = [
  IBM_BASICS,
  VULNERABLE_MIGRANTS,
  CUSTOMS_RISK_SINGLE_WINDOW,
];

const COUNTRY_UNITS = ['kz', 'kg', 'tj', 'tm', 'uz'];

async function idOf(
  manager: EntityManager,
  sql: string,
  parameters: unknown[],
  what: string,
): Promise<string> {
  const rows: { id: string }[] = await manager.query(sql, parameters);
  const id = rows[0]?.id;
  if (!id) throw new Error(`The demo courses need ${what}; seed it first`);
  return id;
}

function optionsOf(question: DemoQuestion) {
  if (question.kind !== 'single-choice' && question.kind !== 'multiple-choice') return [];
  return question.options.map((option, index) => ({
    id: String.fromCharCode(97 + index),
    text: option.text,
    correct: option.correct,
    feedback: option.feedback ?? null,
  }));
}

async function insertQuestion(
  manager: EntityManager,
  versionId: string,
  question: DemoQuestion,
  order: number,
) {
  return idOf(
    manager,
    `INSERT INTO question (version_id, kind, stem, options, correct_boolean, short_answer, feedback_correct,
                           feedback_incorrect, points, tags, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9, now() + make_interval(secs => $10)) RETURNING id`,
    [
      versionId,
      question.kind,
      JSON.stringify(question.stem),
      JSON.stringify(optionsOf(question)),
      question.kind === 'true-false' ? question.correct : null,
      question.kind === 'short-answer'
        ? JSON.stringify({
            accepted: question.accepted,
            match: question.match,
            caseSensitive: false,
            normaliseWhitespace: true,
          })
        : null,
      question.feedbackCorrect ? JSON.stringify(question.feedbackCorrect) : null,
      question.feedbackIncorrect ? JSON.stringify(question.feedbackIncorrect) : null,
      question.tags,
      order / 1000,
    ],
    'a question',
  );
}

/**
 * One demo course as its country's trainer wrote it and its reviewer published it (version 1), shown to
 * all five countries. A course whose code exists is left alone, as people may have changed it since.
 */
async function seedCourse(manager: EntityManager, course: DemoCourse): Promise<void> {
  const existing: unknown[] = await manager.query(`SELECT 1 FROM course WHERE code = $1`, [course.code]);
  if (existing.length > 0) return;
  const author = await idOf(
    manager,
    `SELECT id FROM app_user WHERE login = $1`,
    [`${course.country}.trainer`],
    'the demo trainers',
  );
  const reviewer = await idOf(
    manager,
    `SELECT id FROM app_user WHERE login = $1`,
    [`${course.country}.reviewer`],
    'the demo reviewers',
  );
  const courseId = await idOf(
    manager,
    `INSERT INTO course (code, area, level, estimated_hours, default_language, owner_org_unit_id, self_enrolment)
     SELECT $1, $2, $3, $4, 'en', id, true FROM org_unit WHERE code = $5 RETURNING id`,
    [course.code, course.area, course.level, course.estimatedHours, course.ownerUnit],
    `the org unit ${course.ownerUnit}`,
  );
  const versionId = await idOf(
    manager,
    `INSERT INTO course_version (course_id, number, status, title, description, completeness, created_by,
                                 submitted_at, submitted_by, published_at, published_by)
     VALUES ($1, 1, 'published', $2, $3, '{"en":100,"ru":100}', $4, now(), $4, now(), $5) RETURNING id`,
    [courseId, JSON.stringify(course.title), JSON.stringify(course.description), author, reviewer],
    'a version',
  );
  const questionIds: string[] = [];
  for (const [index, question] of course.quiz.questions.entries()) {
    questionIds.push(await insertQuestion(manager, versionId, question, index));
  }
  const quizId = await idOf(
    manager,
    `INSERT INTO quiz (version_id, title, instructions, pass_mark_percent, attempt_limit, time_limit_minutes,
                       allow_review, selection)
     VALUES ($1, $2, $3, $4, $5, $6, true, '{"mode":"fixed"}') RETURNING id`,
    [
      versionId,
      JSON.stringify(course.quiz.title),
      JSON.stringify(course.quiz.instructions),
      course.quiz.passMarkPercent,
      course.quiz.attemptLimit,
      course.quiz.timeLimitMinutes,
    ],
    'a quiz',
  );
  await manager.query(
    `INSERT INTO quiz_question (quiz_id, question_id, position)
     SELECT $1, given.id, given.position FROM unnest($2::uuid[]) WITH ORDINALITY AS given(id, position)`,
    [quizId, questionIds],
  );
  for (const [moduleIndex, module] of course.modules.entries()) {
    const moduleId = await idOf(
      manager,
      `INSERT INTO course_module (version_id, position, title) VALUES ($1, $2, $3) RETURNING id`,
      [versionId, moduleIndex + 1, JSON.stringify(module.title)],
      'a module',
    );
    for (const [lessonIndex, lesson] of module.lessons.entries()) {
      await manager.query(
        `INSERT INTO lesson (module_id, position, kind, title, body, external_url, quiz_id, estimated_minutes)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          moduleId,
          lessonIndex + 1,
          lesson.kind,
          JSON.stringify(lesson.title),
          lesson.kind === 'quiz' ? null : JSON.stringify(lesson.body),
          lesson.kind === 'link' ? lesson.externalUrl : null,
          lesson.kind === 'quiz' ? quizId : null,
          lesson.estimatedMinutes,
        ],
      );
    }
  }
  await manager.query(`UPDATE course SET current_version_id = $2 WHERE id = $1`, [courseId, versionId]);
  await manager.query(
    `INSERT INTO course_audience (course_id, org_unit_id) SELECT $1, id FROM org_unit WHERE code = ANY($2::text[])`,
    [courseId, COUNTRY_UNITS],
  );
  await manager.query(`INSERT INTO course_author (course_id, user_id) VALUES ($1, $2)`, [courseId, author]);
  await manager.query(
    `INSERT INTO course_competency (course_id, competency_id) SELECT $1, id FROM competency WHERE code = ANY($2::text[])`,
    [courseId, course.competencies],
  );
}

export const competenciesSeed: SeedStep = {
  name: 'competencies',
  run: async (manager) => {
    for (const competency of COMPETENCIES) {
      await manager.query(
        `INSERT INTO competency (code, title, area, level) VALUES ($1, $2, $3, $4)
         ON CONFLICT (code) DO UPDATE SET title = EXCLUDED.title, area = EXCLUDED.area, level = EXCLUDED.level`,
        [competency.code, JSON.stringify(competency.title), competency.area, competency.level],
      );
    }
  },
};

export const demoCoursesSeed: SeedStep = {
  name: 'demo-courses',
  run: async (manager) => {
    for (const course of DEMO_COURSES) await seedCourse(manager, course);
  },
};
