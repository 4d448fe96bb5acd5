import { inScopeSql } from '@border-academy/api-platform';
import { EnrolmentStatus, LanguageCode } from '@border-academy/shared-contracts';
import { escapeLiteral } from 'pg';

type Label =
  | 'person'
  | 'login'
  | 'unitPath'
  | 'unit'
  | 'position'
  | 'courseCode'
  | 'course'
  | 'status'
  | 'enrolledAt'
  | 'dueAt'
  | 'completedAt'
  | 'score'
  | 'certificate'
  | EnrolmentStatus;

/** The export's words per language: its header row, written by the API, and the statuses, by the SQL. */
export const TRAINING_RECORD_LABELS: Record<LanguageCode, Record<Label, string>> = {
  en: {
    person: 'Person',
    login: 'Login',
    unitPath: 'Unit path',
    unit: 'Unit',
    position: 'Position',
    courseCode: 'Course code',
    course: 'Course',
    status: 'Status',
    enrolledAt: 'Enrolled',
    dueAt: 'Due',
    completedAt: 'Completed',
    score: 'Best quiz score, %',
    certificate: 'Certificate',
    enrolled: 'Enrolled',
    in_progress: 'In progress',
    completed: 'Completed',
    failed: 'Failed',
    withdrawn: 'Withdrawn',
    expired: 'Expired',
  },
  ru: {
    person: 'Сотрудник',
    login: 'Логин',
    unitPath: 'Путь подразделения',
    unit: 'Подразделение',
    position: 'Должность',
    courseCode: 'Код курса',
    course: 'Курс',
    status: 'Статус',
    enrolledAt: 'Записан',
    dueAt: 'Срок',
    completedAt: 'Завершён',
    score: 'Лучший результат теста, %',
    certificate: 'Сертификат',
    enrolled: 'Записан',
    in_progress: 'В процессе',
    completed: 'Завершён',
    failed: 'Не пройден',
    withdrawn: 'Отменён',
    expired: 'Срок истёк',
  },
};

const COLUMNS: Label[] = [
  'person',
  'login',
  'unitPath',
  'unit',
  'position',
  'courseCode',
  'course',
  'status',
  'enrolledAt',
  'dueAt',
  'completedAt',
  'score',
  'certificate',
];

const STATUSES: EnrolmentStatus[] = [
  'enrolled',
  'in_progress',
  'completed',
  'failed',
  'withdrawn',
  'expired',
];

export interface TrainingRecordsFilter {
  courseId?: string;
  status?: EnrolmentStatus;
  /** ISO date: completed on or after its start (UTC). */
  completedFrom?: string;
  /** ISO date: completed on or before its end (UTC). */
  completedTo?: string;
}

/** The header row in a language, as the CSV's first line (the SQL's values follow it). */
export function trainingRecordsHeader(language: LanguageCode): string[] {
  return COLUMNS.map((column) => TRAINING_RECORD_LABELS[language][column]);
}

/**
 * A text value as a spreadsheet must not run it: a leading `=`, `+`, `-`, `@`, tab or carriage return
 * gets a quote before it, as `csvField` does for the files written in Node.
 */
export function csvSafeSql(expression: string): string {
  return `CASE WHEN left(${expression}, 1) IN ('=', '+', '-', '@', E'\\t', E'\\r') THEN '''' || ${expression} ELSE ${expression} END`;
}

function localized(column: string, language: LanguageCode, fallback = `${column}->>'en'`): string {
  return `COALESCE(${column}->>${escapeLiteral(language)}, ${fallback})`;
}

function day(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD')`;
}

/**
 * One row per enrolment of the active people under `paths` (a unit and its subtree each), in the
 * order HR reads them: unit, person, enrolment. A single SELECT with its values written in as
 * literals, since `COPY (SELECT …) TO STDOUT` takes no parameters; every value is validated first
 * (ids are UUIDs, dates ISO days, the status and language from their lists) and quoted anyway.
 */
export function trainingRecordsSql(
  paths: string[],
  filter: TrainingRecordsFilter,
  language: LanguageCode,
): string {
  const labels = TRAINING_RECORD_LABELS[language];
  const where = [
    `u.status = 'active'`,
    inScopeSql('o.path', `ARRAY[${paths.map((path) => escapeLiteral(path)).join(', ')}]`),
  ];
  if (filter.courseId) where.push(`e.course_id = ${escapeLiteral(filter.courseId)}::uuid`);
  if (filter.status) where.push(`e.status = ${escapeLiteral(filter.status)}`);
  if (filter.completedFrom) {
    where.push(`e.completed_at >= ${escapeLiteral(`${filter.completedFrom}T00:00:00Z`)}::timestamptz`);
  }
  if (filter.completedTo) {
    where.push(
      `e.completed_at < ${escapeLiteral(`${filter.completedTo}T00:00:00Z`)}::timestamptz + interval '1 day'`,
    );
  }
  const status = `CASE e.status ${STATUSES.map(
    (value) => `WHEN ${escapeLiteral(value)} THEN ${escapeLiteral(labels[value])}`,
  ).join(' ')} END`;
  return `SELECT ${csvSafeSql('u.full_name')}, ${csvSafeSql('u.login')}, ${csvSafeSql('o.path')},
         ${csvSafeSql(localized('o.name', language))},
         ${csvSafeSql(localized('ps.name', language, "COALESCE(ps.name->>'en', '')"))},
         ${csvSafeSql('c.code')}, ${csvSafeSql(localized('v.title', language, `v.title->>c.default_language`))},
         ${status}, ${day('e.enrolled_at')}, ${day('e.due_at')}, ${day('e.completed_at')},
         (SELECT max(a.score_percent) FROM quiz_attempt a WHERE a.enrolment_id = e.id),
         ce.code
    FROM enrolment e
    JOIN app_user u ON u.id = e.user_id
    JOIN org_unit o ON o.id = u.org_unit_id
    LEFT JOIN position ps ON ps.id = u.position_id
    JOIN course c ON c.id = e.course_id
    JOIN course_version v ON v.id = e.course_version_id
    LEFT JOIN certificate ce ON ce.enrolment_id = e.id AND ce.revoked_at IS NULL
   WHERE ${where.join(' AND ')}
   ORDER BY o.path, lower(u.full_name), u.id, e.enrolled_at, e.id`;
}

/** The statement the export streams: the rows above as CSV, without a header (the API writes it). */
export function trainingRecordsCopySql(
  paths: string[],
  filter: TrainingRecordsFilter,
  language: LanguageCode,
): string {
  return `COPY (${trainingRecordsSql(paths, filter, language)}) TO STDOUT WITH (FORMAT csv)`;
}
