import {
  CatalogueCourse,
  ContentText,
  CourseLevel,
  LessonCompletionRule,
  LessonKind,
  PersonRef,
  QuestionKind,
  ThematicArea,
} from './authoring';
import { Page } from './page';
import { ProblemDetails } from './problem-details';

/**
 * Learning: enrolments, the lesson player, progress events, quiz attempts, completion and
 * certificates. Learners read and write only their own records; HR, trainers and admins read those of
 * people inside their scope, never write them. Texts are `ContentText` of the enrolment's pinned
 * course version: a learner keeps the version they started on even after a newer one is published.
 */

/** How an enrolment came about: the learner enrolled, someone assigned it, or a rule (position, unit) did. */
export const ENROLMENT_SOURCES = ['self', 'assigned', 'rule'] as const;
export type EnrolmentSource = (typeof ENROLMENT_SOURCES)[number];

/**
 * `enrolled` (nothing done yet) → `in_progress` → `completed`; `failed` when a required quiz has no
 * attempt left without a pass; `withdrawn` by the learner (self-enrolments only); `expired` when an
 * assignment's window closed (set by the HR side). Derived from the progress records, never typed in.
 */
export const ENROLMENT_STATUSES = [
  'enrolled',
  'in_progress',
  'completed',
  'failed',
  'withdrawn',
  'expired',
] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

/** A lesson's state for one enrolment, derived from its progress events (and, for quiz lessons, a passed attempt). */
export const LESSON_STATES = ['not_started', 'opened', 'done'] as const;
export type LessonState = (typeof LESSON_STATES)[number];

/** What a progress event reports: the lesson was opened, or the learner marked it done. */
export const PROGRESS_EVENT_KINDS = ['opened', 'done'] as const;
export type ProgressEventKind = (typeof PROGRESS_EVENT_KINDS)[number];

/** A certificate is `valid` until its `validUntil` (then `expired`) unless it was `revoked`. */
export const CERTIFICATE_STATUSES = ['valid', 'expired', 'revoked'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

/** Largest number of events one `POST /progress-events` may carry. */
export const MAX_PROGRESS_EVENTS_PER_REQUEST = 100;

/**
 * Seconds after an attempt's deadline during which a submission is still accepted, for the time the
 * request spends on a slow connection. Later submissions are refused with `QUIZ_ATTEMPT_DEADLINE_PASSED`.
 */
export const QUIZ_SUBMISSION_GRACE_SECONDS = 30;

/** A certificate as its holder's records show it. */
export interface CertificateRef {
  id: string;
  /** The public verification code (base32, 26 characters); the QR code links to `/verify/<code>`. */
  code: string;
  issuedAt: string;
  /** Null: valid without end. */
  validUntil: string | null;
  status: CertificateStatus;
  /** `/api/v1/certificates/<id>/pdf`, to fetch with the Bearer token. */
  pdfPath: string;
  /** `/verify/<code>`: the public page the QR code opens. */
  verificationPath: string;
}

/** One enrolment in lists and as the answer to enrol and withdraw. */
export interface EnrolmentSummary {
  id: string;
  courseId: string;
  /** The course version the enrolment is pinned to. */
  courseVersionId: string;
  versionNumber: number;
  courseCode: string;
  /** Title of the pinned version. */
  title: ContentText;
  defaultLanguage: string;
  area: ThematicArea;
  level: CourseLevel;
  estimatedHours: number;
  learner: PersonRef;
  source: EnrolmentSource;
  /** Who assigned it (assigned enrolments). */
  assignedBy: PersonRef | null;
  dueAt: string | null;
  /** Due date passed and not completed. */
  overdue: boolean;
  status: EnrolmentStatus;
  /** 0–100: required lessons done (quiz lessons count when their quiz is passed) over required lessons. */
  progressPercent: number;
  /** The lesson "continue" opens: the first required lesson not done in outline order, else the last opened. */
  continueLessonId: string | null;
  /** The lesson the learner was last in. */
  lastLessonId: string | null;
  enrolledAt: string;
  startedAt: string | null;
  completedAt: string | null;
  withdrawnAt: string | null;
  certificate: CertificateRef | null;
  /** Whether the caller may withdraw it now (their own live self-enrolment, not completed). */
  canWithdraw: boolean;
}

/** A lesson of the outline, for the learner: what it is, and (with an enrolment) where they stand. */
export interface LearnerLessonSummary {
  id: string;
  moduleId: string;
  kind: LessonKind;
  title: ContentText;
  required: boolean;
  estimatedMinutes: number | null;
  /** The quiz a quiz lesson plays. */
  quizId: string | null;
  /** `not_started` on the course page of someone not enrolled. */
  state: LessonState;
}

export interface LearnerModule {
  id: string;
  title: ContentText;
  lessons: LearnerLessonSummary[];
}

/** A quiz of the pinned version and how the learner stands with it. */
export interface LearnerQuizState {
  id: string;
  title: ContentText;
  passMarkPercent: number;
  /** Null: unlimited. */
  attemptLimit: number | null;
  /** Submitted attempts. */
  attemptsUsed: number;
  /** Null: untimed. */
  timeLimitMinutes: number | null;
  allowReview: boolean;
  questionCount: number;
  passed: boolean;
  /** Best score of the submitted attempts, 0–100. */
  bestScorePercent: number | null;
  /** An attempt started and not submitted, still before its deadline. */
  openAttemptId: string | null;
}

/** `GET /api/v1/catalogue/courses/:id`: the learner's course page. */
export interface LearnerCourse extends CatalogueCourse {
  lessonCompletion: LessonCompletionRule;
  /** Outline of the published version (states are `not_started`; the enrolment's own are on `GET /enrolments/:id`). */
  modules: LearnerModule[];
  prerequisites: { id: string; code: string; title: ContentText }[];
  /** The caller's live (not withdrawn) enrolment, if any. */
  enrolment: EnrolmentSummary | null;
  /** Self-enrolment allowed and the caller holds no live enrolment. */
  canEnrol: boolean;
}

/** `GET /api/v1/enrolments/:id`: the pinned version's outline with the learner's state per lesson and quiz. */
export interface EnrolmentDetail extends EnrolmentSummary {
  description: ContentText | null;
  lessonCompletion: LessonCompletionRule;
  modules: LearnerModule[];
  quizzes: LearnerQuizState[];
  /** Whether the caller is the learner (others in scope read only). */
  isOwn: boolean;
}

/** `POST /api/v1/catalogue/courses/:id/enrolments`: self-enrolment; the body is empty. */
export type SelfEnrolRequest = Record<string, never>;

/** The sections of "my learning". */
export const MY_LEARNING_SECTIONS = ['assigned', 'in_progress', 'completed'] as const;
export type MyLearningSection = (typeof MY_LEARNING_SECTIONS)[number];

/**
 * `GET /api/v1/me/learning`: the first page of each section.
 * - `assigned`: live enrolments someone else made (source `assigned` or `rule`), not completed;
 *   overdue first, then by due date (none last).
 * - `in_progress`: the learner's own self-enrolments, not completed; last activity first.
 * - `completed`: completed enrolments of any source with their certificates; newest first.
 */
export interface MyLearning {
  assigned: Page<EnrolmentSummary>;
  inProgress: Page<EnrolmentSummary>;
  completed: Page<EnrolmentSummary>;
}

/** `GET /api/v1/me/learning` takes the page size of every section. */
export interface MyLearningQuery {
  pageSize?: number;
}

/** `GET /api/v1/me/enrolments`: further pages of one section. */
export interface MyEnrolmentsQuery {
  section: MyLearningSection;
  page?: number;
  pageSize?: number;
}

/** An attachment as a learner gets it: a signed, expiring address, no storage details. */
export interface LearnerAttachment {
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  url: string;
}

/** `GET /api/v1/enrolments/:id/lessons/:lessonId`: the lesson player's content. Opening it records nothing; the client sends an `opened` event. */
export interface LearnerLesson extends LearnerLessonSummary {
  enrolmentId: string;
  /** Sanitised HTML per language (text lessons, and the notes of other kinds). */
  bodyHtml: ContentText;
  attachment: LearnerAttachment | null;
  externalUrl: string | null;
  /** Neighbours in outline order, across modules. */
  previousLessonId: string | null;
  nextLessonId: string | null;
  /** How this lesson counts as done: the course's rule, or `quiz-passed` for quiz lessons. */
  completion: LessonCompletionRule | 'quiz-passed';
}

/** One progress record. The id is made by the client once, so retries and replays count once. */
export interface ProgressEventInput {
  /** A UUID the client generated when the event happened. */
  id: string;
  enrolmentId: string;
  lessonId: string;
  kind: ProgressEventKind;
  /**
   * When it happened on the device (ISO 8601). It decides only which lesson was the last one, and never
   * counts as later than the server received it; arrival order decides nothing.
   */
  occurredAt: string;
}

/** `POST /api/v1/progress-events`: up to `MAX_PROGRESS_EVENTS_PER_REQUEST` events, possibly of several enrolments. */
export interface RecordProgressEventsRequest {
  events: ProgressEventInput[];
}

/** A lesson's state after the events. */
export interface LessonProgress {
  lessonId: string;
  state: LessonState;
}

/** An enrolment's state as derived from all its records after a change. */
export interface EnrolmentProgress {
  enrolmentId: string;
  status: EnrolmentStatus;
  progressPercent: number;
  continueLessonId: string | null;
  lastLessonId: string | null;
  completedAt: string | null;
  lessons: LessonProgress[];
  /** Present once completed; issued in the same transaction as the record that completed the course. */
  certificate: CertificateRef | null;
}

/**
 * What happened to each event: `recorded` (new), `duplicate` (its id was already recorded; nothing
 * changed), `ignored` (recorded, but the enrolment is no longer live, e.g. withdrawn, so it changes nothing).
 */
export const PROGRESS_EVENT_OUTCOMES = ['recorded', 'duplicate', 'ignored'] as const;
export type ProgressEventOutcome = (typeof PROGRESS_EVENT_OUTCOMES)[number];

export interface RecordProgressEventsResponse {
  results: { id: string; outcome: ProgressEventOutcome }[];
  /** Every enrolment the batch touched, as it stands after the batch. */
  enrolments: EnrolmentProgress[];
  /** Certificates this batch caused to be issued (empty almost always). */
  issuedCertificates: CertificateRef[];
}

/** `POST /api/v1/enrolments/:id/quiz-attempts`: start an attempt, or get back the open one. */
export interface StartQuizAttemptRequest {
  quizId: string;
}

/** A question as the learner sees it during an attempt: no correct flags, answers or feedback. */
export interface AttemptQuestion {
  id: string;
  kind: QuestionKind;
  stem: ContentText;
  /** Choices of single- and multiple-choice questions, in the order drawn; empty for the others. */
  options: { id: string; text: ContentText }[];
  points: number;
}

/** A learner's answer to one question; the field used depends on the question's kind. */
export interface QuizAnswer {
  questionId: string;
  /** single-choice (one id) and multiple-choice. */
  optionIds?: string[];
  /** true-false. */
  value?: boolean;
  /** short-answer. */
  text?: string;
}

/** `POST /api/v1/quiz-attempts/:id/submission`. Unanswered questions score zero. */
export interface SubmitQuizAttemptRequest {
  answers: QuizAnswer[];
}

/** After an attempt, for quizzes that allow review: what was right, and the feedback. */
export interface QuestionReview {
  questionId: string;
  correct: boolean;
  pointsAwarded: number;
  correctOptionIds: string[];
  correctBoolean: boolean | null;
  /** Accepted short answers (patterns as written by the trainer). */
  acceptedAnswers: string[];
  /** The feedback of the options chosen, or the question's feedback for a right or wrong answer. */
  feedback: ContentText | null;
}

/** `GET /api/v1/quiz-attempts/:id`, and the answer to starting one. */
export interface QuizAttempt {
  id: string;
  enrolmentId: string;
  quizId: string;
  /** 1 for the first attempt at this quiz in this enrolment. */
  attemptNo: number;
  title: ContentText;
  instructions: ContentText | null;
  passMarkPercent: number;
  attemptLimit: number | null;
  startedAt: string;
  /** Null: untimed. Submissions later than this plus `QUIZ_SUBMISSION_GRACE_SECONDS` are refused. */
  deadlineAt: string | null;
  /** The server's clock when answering, so a client can correct its countdown. */
  serverNow: string;
  submittedAt: string | null;
  questions: AttemptQuestion[];
  /** The learner's answers once submitted. */
  answers: QuizAnswer[] | null;
  /** Once submitted: 0–100. */
  scorePercent: number | null;
  passed: boolean | null;
  /** Once submitted and only if the quiz allows review. */
  review: QuestionReview[] | null;
}

/** The answer to a submission: the graded attempt and the enrolment as it now stands. */
export interface QuizSubmissionResult {
  attempt: QuizAttempt;
  /** Attempts still allowed at this quiz; null: unlimited. */
  attemptsLeft: number | null;
  enrolment: EnrolmentProgress;
  /** Issued by this submission, in its transaction, when it completed the course. */
  issuedCertificate: CertificateRef | null;
}

/**
 * `GET /api/v1/certificates/verification/:code`: public, no sign-in. Only what an employer needs to
 * trust the paper: the holder's name, the course, the dates and the status.
 */
export interface CertificateVerification {
  holderName: string;
  courseTitle: ContentText;
  issuedAt: string;
  validUntil: string | null;
  status: CertificateStatus;
  revokedAt: string | null;
}

/** 409: self-enrolment is not open on this course, or the caller is outside its audience. */
export const SELF_ENROLMENT_CLOSED = 'urn:border-academy:problem:self-enrolment-closed';
/** 409: the caller already holds a live enrolment on this course; `enrolmentId` names it. */
export const ALREADY_ENROLLED = 'urn:border-academy:problem:already-enrolled';

export interface AlreadyEnrolledProblem extends ProblemDetails {
  type: typeof ALREADY_ENROLLED;
  enrolmentId: string;
}

/** 409: the enrolment cannot be withdrawn (assigned, or completed) or is no longer live. */
export const ENROLMENT_NOT_WITHDRAWABLE = 'urn:border-academy:problem:enrolment-not-withdrawable';
/** 409: the enrolment is not live (withdrawn, expired, completed, failed): no new attempt. */
export const ENROLMENT_NOT_ACTIVE = 'urn:border-academy:problem:enrolment-not-active';
/** 409: every attempt the quiz allows has been used. */
export const QUIZ_ATTEMPT_LIMIT_REACHED = 'urn:border-academy:problem:quiz-attempt-limit-reached';
/** 409: the attempt was already submitted (e.g. a second submission raced the first); nothing changed. */
export const QUIZ_ATTEMPT_ALREADY_SUBMITTED = 'urn:border-academy:problem:quiz-attempt-already-submitted';
/** 409: the attempt's deadline (plus the grace) has passed; it stays unsubmitted and counts as used. */
export const QUIZ_ATTEMPT_DEADLINE_PASSED = 'urn:border-academy:problem:quiz-attempt-deadline-passed';
/** 409: the quiz is already passed in this enrolment. */
export const QUIZ_ALREADY_PASSED = 'urn:border-academy:problem:quiz-already-passed';
