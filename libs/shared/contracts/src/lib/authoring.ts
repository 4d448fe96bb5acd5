import { LocalizedText } from './language';
import { ProblemDetails } from './problem-details';

/**
 * Course authoring: courses, their versions, modules, lessons, the question bank and quizzes.
 *
 * Learner-facing texts are `ContentText`: one string per content language. The content languages are
 * data (`GET /api/v1/content-languages`), so a national language is added by configuration, not code.
 * A course has a default language; a text missing in another language falls back to it, and the web
 * app says so beside the text.
 */

/** A text per content language code (`{ en: '…', ru: '…' }`); the course's default language is required. */
export type ContentText = Record<string, string>;

/** `GET /api/v1/content-languages`: the languages courses may be written in. */
export interface ContentLanguage {
  /** ISO 639-1 code (`en`, `ru`, later `kk`, `ky`, `tg`, `tk`, `uz`). */
  code: string;
  /** The language's own name, as shown in pickers (`English`, `Русский`). */
  nativeName: string;
  /** Order in pickers and side-by-side views. */
  position: number;
}

export const THEMATIC_AREAS = ['IBM', 'MIGRATION', 'TRADE'] as const;
/** The programme's three areas: Integrated Border Management, migration, trade facilitation. */
export type ThematicArea = (typeof THEMATIC_AREAS)[number];

export const COURSE_LEVELS = ['basic', 'intermediate', 'advanced'] as const;
export type CourseLevel = (typeof COURSE_LEVELS)[number];

/**
 * A version's life: a trainer edits a `draft`, submits it (`in_review`), a reviewer publishes it
 * (`published`, immutable from then on) or returns it to `draft` with a comment.
 */
export const COURSE_VERSION_STATUSES = ['draft', 'in_review', 'published'] as const;
export type CourseVersionStatus = (typeof COURSE_VERSION_STATUSES)[number];

/**
 * A course's status in lists: `draft` (never published), `in_review` (a version awaits review),
 * `published` (learners see its current version), `archived` (hidden from the catalogue; records kept).
 */
export const COURSE_STATUSES = ['draft', 'in_review', 'published', 'archived'] as const;
export type CourseStatus = (typeof COURSE_STATUSES)[number];

/** How a text, video, document or link lesson counts as done; quiz lessons are done when the quiz is passed. */
export const LESSON_COMPLETION_RULES = ['opened', 'marked-done'] as const;
export type LessonCompletionRule = (typeof LESSON_COMPLETION_RULES)[number];

export interface PersonRef {
  id: string;
  fullName: string;
}

/** `GET /api/v1/courses/:id/author-candidates`: a person who may be named an author of the course. */
export interface AuthorCandidate extends PersonRef {
  login: string;
}

/** People holding a trainer, reviewer or admin role on the course's unit or above it. */
export interface AuthorCandidateQuery {
  /** Part of the login or name. */
  q?: string;
  /** Only this person (to name one already chosen). */
  id?: string;
  page?: number;
  pageSize?: number;
}

export interface OrgUnitRef {
  id: string;
  name: LocalizedText;
}

/** An item of the competency framework that courses build. */
export interface Competency {
  id: string;
  /** Stable code (`ibm-risk-analysis`). */
  code: string;
  title: LocalizedText;
  area: ThematicArea;
  /** 1 (awareness) … 4 (expert). */
  level: number;
}

/** `GET /api/v1/competencies`. */
export interface CompetencyListQuery {
  page?: number;
  pageSize?: number;
  q?: string;
  area?: ThematicArea;
}

/** Percentage (0–100) of a version's learner-facing texts filled in, per content language. */
export type LanguageCompleteness = Record<string, number>;

/** A row of the authoring list (`GET /api/v1/courses`). */
export interface CourseSummary {
  id: string;
  code: string;
  /** Title of the version being worked on: the open draft if there is one, else the current published one. */
  title: ContentText;
  area: ThematicArea;
  level: CourseLevel;
  defaultLanguage: string;
  ownerOrgUnit: OrgUnitRef;
  status: CourseStatus;
  /** Number of the version learners get now, if any. */
  publishedVersionNumber: number | null;
  /** The open draft or version in review, if any. */
  workingVersionId: string | null;
  completeness: LanguageCompleteness;
  updatedAt: string;
}

export const COURSE_SORTS = ['title', '-title', 'updatedAt', '-updatedAt'] as const;
export type CourseSort = (typeof COURSE_SORTS)[number];

/** `GET /api/v1/courses`: the courses whose owning unit lies in the caller's authoring or review scope. */
export interface CourseListQuery {
  page?: number;
  pageSize?: number;
  /** Case-insensitive search in the code and the titles in every language. */
  q?: string;
  area?: ThematicArea;
  status?: CourseStatus;
  /** Only courses whose working version is not complete in this language. */
  incompleteLanguage?: string;
  /** Only courses the caller is an author of. */
  mine?: boolean;
  sort?: CourseSort;
}

/** One line of a course's version history. */
export interface CourseVersionHistoryEntry {
  id: string;
  number: number;
  status: CourseVersionStatus;
  createdAt: string;
  createdBy: PersonRef | null;
  submittedAt: string | null;
  submittedBy: PersonRef | null;
  /** The reviewer's comment when they last returned the version. */
  reviewComment: string | null;
  publishedAt: string | null;
  publishedBy: PersonRef | null;
  /** The version this one was copied from. */
  basedOnNumber: number | null;
}

/** `GET /api/v1/courses/:id`: settings, history and what the caller may do. */
export interface CourseDetail {
  id: string;
  code: string;
  title: ContentText;
  area: ThematicArea;
  level: CourseLevel;
  estimatedHours: number;
  defaultLanguage: string;
  ownerOrgUnit: OrgUnitRef;
  /** Learners in these units' subtrees see the course in the catalogue; the owning unit when empty. */
  audience: OrgUnitRef[];
  authors: PersonRef[];
  competencies: Competency[];
  /** Courses a learner should complete first. */
  prerequisites: { id: string; code: string; title: ContentText }[];
  selfEnrolment: boolean;
  lessonCompletion: LessonCompletionRule;
  /** Months a certificate of this course stays valid; null: without end. */
  certificateValidityMonths?: number | null;
  status: CourseStatus;
  archivedAt: string | null;
  /** The open draft or version in review, if any. */
  workingVersionId: string | null;
  /** The version learners get now, if any. */
  currentVersionId: string | null;
  /** Newest first. */
  versions: CourseVersionHistoryEntry[];
  permissions: { canEdit: boolean; canReview: boolean };
  updatedAt: string;
}

/** `POST /api/v1/courses`: creates the course and its first draft (version 1). */
export interface CreateCourseRequest {
  code: string;
  title: ContentText;
  description?: ContentText | null;
  area: ThematicArea;
  level: CourseLevel;
  estimatedHours: number;
  defaultLanguage: string;
  ownerOrgUnitId: string;
}

/** `PATCH /api/v1/courses/:id`: course settings, which are not versioned. */
export interface UpdateCourseRequest {
  code?: string;
  area?: ThematicArea;
  level?: CourseLevel;
  estimatedHours?: number;
  defaultLanguage?: string;
  audienceOrgUnitIds?: string[];
  authorIds?: string[];
  competencyIds?: string[];
  prerequisiteCourseIds?: string[];
  selfEnrolment?: boolean;
  lessonCompletion?: LessonCompletionRule;
  /** Months a certificate of this course stays valid (1–240); null: without end. */
  certificateValidityMonths?: number | null;
}

export const LESSON_KINDS = ['text', 'video', 'document', 'link', 'quiz'] as const;
export type LessonKind = (typeof LESSON_KINDS)[number];

export interface LessonSummary {
  id: string;
  moduleId: string;
  kind: LessonKind;
  title: ContentText;
  /** Counts towards completion. */
  required: boolean;
}

export interface CourseModule {
  id: string;
  title: ContentText;
  lessons: LessonSummary[];
}

export interface QuizSummary {
  id: string;
  title: ContentText;
  passMarkPercent: number;
  /** Questions one attempt holds. */
  questionCount: number;
}

/** `GET /api/v1/course-versions/:id`: the content of one version, its outline in order. */
export interface CourseVersion {
  id: string;
  courseId: string;
  number: number;
  status: CourseVersionStatus;
  defaultLanguage: string;
  title: ContentText;
  description: ContentText | null;
  modules: CourseModule[];
  quizzes: QuizSummary[];
  completeness: LanguageCompleteness;
  reviewComment: string | null;
  /** Whether the caller may change it: a draft, and the caller may edit the course. */
  editable: boolean;
}

/** `PATCH /api/v1/course-versions/:id` (drafts only). */
export interface UpdateCourseVersionRequest {
  title?: ContentText;
  description?: ContentText | null;
}

/** `POST /api/v1/course-versions/:id/return`: send a version in review back to its authors. */
export interface ReturnCourseVersionRequest {
  comment: string;
}

/**
 * `PUT /api/v1/course-versions/:id/outline`: the whole order at once, as drag and drop or the keyboard
 * left it. Every module and lesson of the version must appear exactly once; lessons may move between
 * modules.
 */
export interface ReorderOutlineRequest {
  modules: { id: string; lessonIds: string[] }[];
}

/** `POST /api/v1/course-versions/:id/modules`. */
export interface CreateModuleRequest {
  title: ContentText;
}

/** `PATCH /api/v1/modules/:id`. */
export interface UpdateModuleRequest {
  title: ContentText;
}

/** A file stored for a course; served only through short-lived signed addresses. */
export interface Attachment {
  id: string;
  courseId: string;
  fileName: string;
  /** The type found in the content itself, not the one claimed. */
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  /** Signed, expiring address of the content; supports range requests. */
  url: string;
  createdAt: string;
}

/** What may be uploaded, by content type, with each type's size limit in bytes. */
export const ATTACHMENT_LIMITS: Record<string, number> = {
  'image/png': 10 * 1024 * 1024,
  'image/jpeg': 10 * 1024 * 1024,
  'image/gif': 10 * 1024 * 1024,
  'image/webp': 10 * 1024 * 1024,
  'application/pdf': 50 * 1024 * 1024,
  'video/mp4': 500 * 1024 * 1024,
  'video/webm': 500 * 1024 * 1024,
};

/** The 415 answer to an upload whose content is not an accepted type (or not the one claimed). */
export const ATTACHMENT_TYPE_REFUSED = 'urn:border-academy:problem:attachment-type-refused';
/** The 413 answer to an upload over its type's limit. */
export const ATTACHMENT_TOO_LARGE = 'urn:border-academy:problem:attachment-too-large';

/** `GET /api/v1/lessons/:id`: a lesson with its Markdown and the sanitised HTML rendered from it. */
export interface Lesson extends LessonSummary {
  versionId: string;
  /** Markdown per language. */
  body: ContentText | null;
  /** Sanitised HTML per language: no scripts, event handlers or `javascript:` links; external links marked. */
  bodyHtml: ContentText;
  attachment: Attachment | null;
  externalUrl: string | null;
  quizId: string | null;
  estimatedMinutes: number | null;
}

/** `POST /api/v1/modules/:id/lessons`: appended at the end of the module. */
export interface CreateLessonRequest {
  kind: LessonKind;
  title: ContentText;
  required?: boolean;
  body?: ContentText | null;
  attachmentId?: string | null;
  externalUrl?: string | null;
  quizId?: string | null;
  estimatedMinutes?: number | null;
}

/** `PATCH /api/v1/lessons/:id`. */
export type UpdateLessonRequest = Partial<Omit<CreateLessonRequest, 'kind'>>;

/** `POST /api/v1/markdown/render`: the live preview of the lesson editor, rendered as learners get it. */
export interface RenderMarkdownRequest {
  markdown: string;
}

export interface RenderMarkdownResponse {
  html: string;
}

export const QUESTION_KINDS = ['single-choice', 'multiple-choice', 'true-false', 'short-answer'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export interface QuestionOption {
  /** Stable within the question (`a`, `b`, …, or a uuid). */
  id: string;
  text: ContentText;
  correct: boolean;
  /** Shown when a learner picks this option. */
  feedback: ContentText | null;
}

/**
 * How a short answer is checked. `pattern` answers use `*` (any run of characters) and `?` (one
 * character) only: trainers' patterns never reach a regular-expression engine.
 */
export interface ShortAnswerRule {
  accepted: string[];
  match: 'exact' | 'pattern';
  caseSensitive: boolean;
  /** Trim and collapse runs of white space before comparing. */
  normaliseWhitespace: boolean;
}

/** A question of a version's bank, with its answers: authoring only, never sent to a learner. */
export interface Question {
  id: string;
  versionId: string;
  kind: QuestionKind;
  stem: ContentText;
  /** Choices of single- and multiple-choice questions. */
  options: QuestionOption[];
  /** The answer of a true/false question. */
  correctBoolean: boolean | null;
  shortAnswer: ShortAnswerRule | null;
  feedbackCorrect: ContentText | null;
  feedbackIncorrect: ContentText | null;
  points: number;
  tags: string[];
  /** Quizzes that draw it as a fixed question. */
  usedByQuizCount: number;
}

/** `GET /api/v1/course-versions/:id/questions`. */
export interface QuestionListQuery {
  page?: number;
  pageSize?: number;
  q?: string;
  tag?: string;
  kind?: QuestionKind;
}

/** `POST /api/v1/course-versions/:id/questions`; `PUT /api/v1/questions/:id` takes the same. */
export type SaveQuestionRequest = Omit<Question, 'id' | 'versionId' | 'usedByQuizCount'>;

/** Fixed questions in order, or N random ones per tag drawn for each attempt. */
export type QuizSelection =
  { mode: 'fixed'; questionIds: string[] } | { mode: 'random'; draws: { tag: string; count: number }[] };

export interface Quiz {
  id: string;
  versionId: string;
  title: ContentText;
  instructions: ContentText | null;
  /** 0–100. */
  passMarkPercent: number;
  /** Null: unlimited. */
  attemptLimit: number | null;
  /** Null: untimed. */
  timeLimitMinutes: number | null;
  /** Whether learners may see the correct answers and feedback after an attempt. */
  allowReview: boolean;
  selection: QuizSelection;
  /** Questions one attempt holds. */
  questionCount: number;
}

/** `POST /api/v1/course-versions/:id/quizzes`; `PUT /api/v1/quizzes/:id` takes the same. */
export type SaveQuizRequest = Omit<Quiz, 'id' | 'versionId' | 'questionCount'>;

/** `GET /api/v1/course-reviews`: versions awaiting review inside the caller's review scope, oldest first. */
export interface ReviewQueueItem {
  courseId: string;
  versionId: string;
  code: string;
  title: ContentText;
  versionNumber: number;
  ownerOrgUnit: OrgUnitRef;
  submittedAt: string;
  submittedBy: PersonRef | null;
  completeness: LanguageCompleteness;
}

/** The 409 answer to any change of a version that is not a draft. */
export const COURSE_VERSION_NOT_EDITABLE = 'urn:border-academy:problem:course-version-not-editable';

export interface CourseVersionNotEditableProblem extends ProblemDetails {
  type: typeof COURSE_VERSION_NOT_EDITABLE;
  versionStatus: CourseVersionStatus;
}

/** The 422 answer to submitting a version that is not ready for learners. */
export const COURSE_VERSION_INCOMPLETE = 'urn:border-academy:problem:course-version-incomplete';

export interface CourseVersionIncompleteProblem extends ProblemDetails {
  type: typeof COURSE_VERSION_INCOMPLETE;
  /** Every reason, in outline order: `module 2 title in en`, `lesson 1.3 needs its file`, `quiz 1 has no questions`. */
  missing: string[];
}

/** The version of the exchange package's manifest this build writes and reads. */
export const COURSE_PACKAGE_SCHEMA_VERSION = 1;

/** The 422 answer to a course package that cannot be imported; nothing is written. */
export const COURSE_PACKAGE_INVALID = 'urn:border-academy:problem:course-package-invalid';

export interface CoursePackageInvalidProblem extends ProblemDetails {
  type: typeof COURSE_PACKAGE_INVALID;
  /** Every reason found, e.g. `manifest.json: schemaVersion 7 is not supported`. */
  packageErrors: string[];
}

/** `GET /api/v1/catalogue/courses`: published, not archived courses whose audience includes the caller. */
export interface CatalogueQuery {
  page?: number;
  pageSize?: number;
  q?: string;
  area?: ThematicArea;
  level?: CourseLevel;
  /** Only courses complete in this language. */
  language?: string;
}

export interface CatalogueCourse {
  id: string;
  versionId: string;
  code: string;
  title: ContentText;
  description: ContentText | null;
  area: ThematicArea;
  level: CourseLevel;
  estimatedHours: number;
  defaultLanguage: string;
  /** Languages the published version is complete in. */
  languages: string[];
  ownerOrgUnit: OrgUnitRef;
  selfEnrolment: boolean;
}
