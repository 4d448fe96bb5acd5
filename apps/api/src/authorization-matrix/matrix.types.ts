import { Role } from '@border-academy/shared-contracts';

export type Caller = 'anonymous' | Role;
export const CALLERS: Caller[] = ['anonymous', 'learner', 'trainer', 'hr', 'admin'];
export const INSIDE_UNIT = 'kz-border';
export const OUTSIDE_UNIT = 'kg-border';
export const PASSWORD = 'matrix passphrase for every caller';

export interface Target {
  /** A user in the org unit of the target. */
  userId: string;
  orgUnitId: string;
  /** A learner grant of the user on that unit. */
  grantId: string;
  /** A previewed import of one new user into that unit, uploaded by an admin of the unit. */
  importId: string;
  /** A course owned by the unit (see authoring.fixtures.ts). */
  course: CourseTarget;
  /** The user's learning records on that course (see learning.fixtures.ts). */
  learning: LearningTarget;
  /** Qualification records of the user (see qualifications.fixtures.ts). */
  qualifications: QualificationTarget;
  /** Another learner of the unit, for the erasure of personal data, which cannot be undone. */
  erasable: { userId: string; login: string };
}

/**
 * A qualification the user holds without expiry (so granting it again is refused the same way every
 * time) and one they lack (so revoking it is), an evidence file on their grant, an assignment of
 * their unit, one of their notifications, and a position.
 */
export interface QualificationTarget {
  heldId: string;
  lackedId: string;
  evidenceId: string;
  assignmentId: string;
  notificationId: string;
  positionId: string;
}

/** A completed enrolment of the target user with an open quiz attempt and a certificate. */
export interface LearningTarget {
  enrolmentId: string;
  quizAttemptId: string;
  certificateId: string;
  certificateCode: string;
}

/**
 * A course whose version 1 is published and version 2 is an open draft, each with a module holding a
 * lesson, and a question and a quiz in the draft. Changes aim at the published version, which refuses
 * them the same way however often they are tried, so the cells do not depend on each other.
 */
export interface CourseTarget {
  id: string;
  publishedVersionId: string;
  publishedModuleId: string;
  publishedLessonId: string;
  publishedQuestionId: string;
  publishedQuizId: string;
  draftVersionId: string;
  draftLessonId: string;
  draftQuestionId: string;
  draftQuizId: string;
}

export interface RouteRow {
  request(target: Target): { url: string; payload?: object };
  /** Statuses for anonymous, learner, trainer, hr, admin. */
  inside: [number, number, number, number, number];
  /** Only for routes that act on a record of an org unit; the same as `inside` when absent. */
  outside?: [number, number, number, number, number];
  /**
   * The answers to a caller holding only the `reviewer` role on the unit (inside, then outside), for
   * routes where that role matters; the course authoring rows all state it.
   */
  reviewer?: [number, number];
}

/** Rows keyed by `METHOD /path` as the OpenAPI document names the route. */
export type RouteRows = Record<string, RouteRow>;
