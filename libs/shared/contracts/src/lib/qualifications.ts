import { CertificateRef, EnrolmentStatus } from './learning';
import { LanguageCode, LocalizedText } from './language';
import { OrgUnitRef, PersonRef, ThematicArea } from './authoring';

/**
 * How a qualification is earned: by completing all of its courses, any `requiredCount` of them, or by
 * an assessed event (a classroom session, an exam) that HR records with evidence.
 */
export const AWARD_RULES = ['all-courses', 'n-of-courses', 'assessment'] as const;
export type AwardRule = (typeof AWARD_RULES)[number];

/** A qualification as the platform's shared catalogue holds it. */
export interface Qualification {
  id: string;
  /** Stable code, unique in the catalogue (`ibm-border-checks-2`). */
  code: string;
  name: LocalizedText;
  description: LocalizedText | null;
  area: ThematicArea;
  /** SQF/EQF-style level, 1 to 8. */
  level: number;
  rule: AwardRule;
  /** Only for `n-of-courses`: how many of the courses grant it. */
  requiredCount: number | null;
  /** The courses whose completion counts (empty for `assessment`). */
  courses: QualificationCourseRef[];
  /** How long a grant is valid; null: it never expires. */
  validityMonths: number | null;
  /** How many days before expiry a holder is `expiring` and may renew. */
  warningDays: number;
  /** Positions that require it. */
  positionCount: number;
  holderCount: number;
}

export interface QualificationCourseRef {
  id: string;
  code: string;
  title: LocalizedText;
}

/** `GET /api/v1/qualifications`, sorted by name in `language`. */
export interface QualificationListQuery {
  page?: number;
  pageSize?: number;
  q?: string;
  area?: ThematicArea;
  language?: LanguageCode;
}

/** `POST /api/v1/qualifications`; `PATCH` takes any subset. */
export interface SaveQualificationRequest {
  code: string;
  name: LocalizedText;
  description?: LocalizedText | null;
  area: ThematicArea;
  level: number;
  rule: AwardRule;
  requiredCount?: number | null;
  courseIds: string[];
  validityMonths?: number | null;
  warningDays?: number;
}

/** `PUT /api/v1/positions/:id/qualifications`: the qualifications a position requires, replaced as a whole. */
export interface PositionRequirementsRequest {
  qualificationIds: string[];
}

export interface PositionRequirements {
  positionId: string;
  qualifications: QualificationRef[];
}

export interface QualificationRef {
  id: string;
  code: string;
  name: LocalizedText;
  area: ThematicArea;
}

/** A staff member's standing on one qualification, as of the server's clock. */
export const QUALIFICATION_STATUSES = ['valid', 'expiring', 'expired', 'missing'] as const;
export type QualificationStatus = (typeof QUALIFICATION_STATUSES)[number];

/** Where a grant came from. */
export const GRANT_SOURCES = ['courses', 'assessment', 'manual'] as const;
export type GrantSource = (typeof GRANT_SOURCES)[number];

/** One entry of a person's history on a qualification; the history is appended to, never rewritten. */
export const QUALIFICATION_EVENT_KINDS = ['granted', 'renewed', 'expiring', 'expired', 'revoked'] as const;
export type QualificationEventKind = (typeof QUALIFICATION_EVENT_KINDS)[number];

export interface QualificationEvent {
  id: string;
  kind: QualificationEventKind;
  at: string;
  /** Who acted; null for the platform itself (a completion, the daily job). */
  by: PersonRef | null;
  source: GrantSource | null;
  /** The validity the event set, for grants and renewals. */
  expiresAt: string | null;
  note: string | null;
  /** The evidence file of a manual grant, downloaded through `/api/v1/evidence/:id`. */
  evidence: EvidenceRef | null;
}

export interface EvidenceRef {
  id: string;
  fileName: string;
  mediaType: string;
  size: number;
}

/** A person's current standing on a qualification they hold or need. */
export interface StaffQualification {
  qualification: QualificationRef;
  status: QualificationStatus;
  /** Whether their position requires it. */
  required: boolean;
  grantedAt: string | null;
  expiresAt: string | null;
  history: QualificationEvent[];
}

/** `GET /api/v1/staff/:userId`: the drill-down on one person, for HR of their unit. */
export interface StaffRecord {
  person: StaffPerson;
  qualifications: StaffQualification[];
  enrolments: StaffEnrolment[];
}

export interface StaffPerson extends PersonRef {
  login: string;
  email: string | null;
  orgUnit: OrgUnitRef;
  position: { id: string; code: string; name: LocalizedText } | null;
}

export interface StaffEnrolment {
  id: string;
  course: QualificationCourseRef;
  status: string;
  source: string;
  progressPercent: number;
  enrolledAt: string;
  dueAt: string | null;
  completedAt: string | null;
  overdue: boolean;
  certificate: CertificateRef | null;
}

/** `POST /api/v1/staff/:userId/qualifications/:qualificationId/grants`: a manual or assessed grant. */
export interface ManualGrantRequest {
  /** `assessment` for an assessed event, `manual` for anything else HR vouches for. */
  source: 'assessment' | 'manual';
  /** What the grant rests on; required. */
  note: string;
  /** A file uploaded to `POST /api/v1/evidence` first. */
  evidenceId?: string | null;
  /** When it was earned (defaults to now); validity runs from here. */
  grantedAt?: string;
}

/** `POST /api/v1/staff/:userId/qualifications/:qualificationId/revocation`. */
export interface RevokeQualificationRequest {
  reason: string;
}

/** The compliance matrix: people × the qualifications their positions require. */
export const COMPLIANCE_SORTS = ['name', '-name', 'unit', '-unit', 'gaps', '-gaps'] as const;
export type ComplianceSort = (typeof COMPLIANCE_SORTS)[number];

/** `GET /api/v1/compliance/matrix` (and its exports, with the same query). */
export interface ComplianceQuery {
  /** A unit of the caller's HR scope; its whole subtree. Defaults to the caller's scope. */
  unitId?: string;
  positionId?: string;
  area?: ThematicArea;
  /** People with at least one required qualification in this status. */
  status?: QualificationStatus;
  /** Search in names and logins. */
  q?: string;
  sort?: ComplianceSort;
  page?: number;
  pageSize?: number;
  /** Language of names in exports. */
  language?: LanguageCode;
}

export interface ComplianceCell {
  qualificationId: string;
  status: QualificationStatus;
  expiresAt: string | null;
}

export interface ComplianceRow {
  person: PersonRef & { login: string };
  orgUnit: OrgUnitRef;
  position: { id: string; name: LocalizedText } | null;
  /** One per required qualification of the person's position, in the order of `columns`. */
  cells: ComplianceCell[];
}

export interface StatusCounts {
  valid: number;
  expiring: number;
  expired: number;
  missing: number;
}

export interface ComplianceTotals extends StatusCounts {
  people: number;
  /** People whose every required qualification is valid or expiring. */
  compliantPeople: number;
}

export interface ComplianceMatrix {
  /** The qualifications required of anyone on this page, sorted by area then code. */
  columns: QualificationRef[];
  items: ComplianceRow[];
  total: number;
  page: number;
  pageSize: number;
  /** Over every row of the query, not only this page. */
  totals: ComplianceTotals;
}

/** `GET /api/v1/compliance/summary`: counts per child unit and per area for the same filters. */
export interface ComplianceSummary {
  byUnit: (StatusCounts & { orgUnit: OrgUnitRef; people: number; compliantPeople: number })[];
  byArea: (StatusCounts & { area: ThematicArea })[];
}

/** `GET /api/v1/compliance/trend`: the share of required qualifications held, per day, by area. */
export interface ComplianceTrendPoint {
  day: string;
  area: ThematicArea;
  required: number;
  held: number;
}

export interface ComplianceTrendQuery {
  unitId?: string;
  /** How many days back, 7 to 365 (default 90). */
  days?: number;
}

/** `GET /api/v1/compliance/expiring?withinDays=N`: held qualifications expiring in the next N days. */
export interface ExpiringQualification {
  person: PersonRef;
  orgUnit: OrgUnitRef;
  qualification: QualificationRef;
  expiresAt: string;
}

export interface ExpiringQuery {
  unitId?: string;
  withinDays?: number;
  page?: number;
  pageSize?: number;
}

/** `GET /api/v1/compliance/overdue`: assigned courses not completed by their due date. */
export interface OverdueAssignment {
  enrolmentId: string;
  person: PersonRef;
  orgUnit: OrgUnitRef;
  course: QualificationCourseRef;
  dueAt: string;
  progressPercent: number;
}

export interface OverdueQuery {
  unitId?: string;
  page?: number;
  pageSize?: number;
}

/** Who an assignment is for. A unit or position assignment is a rule that follows people in and out. */
export const ASSIGNMENT_TARGETS = ['person', 'unit', 'position'] as const;
export type AssignmentTarget = (typeof ASSIGNMENT_TARGETS)[number];

/** `POST /api/v1/assignments`. */
export interface CreateAssignmentRequest {
  courseId: string;
  target: AssignmentTarget;
  /** For `person`: the people (1 to 500). */
  userIds?: string[];
  /** For `unit` and `position`: the unit whose subtree the rule covers. */
  orgUnitId?: string;
  /** For `position`. */
  positionId?: string;
  /** The due date for everyone it reaches now (ISO date). */
  dueAt: string;
  /** For rules: days a person who joins later has to complete it (default 30). */
  lateJoinerDays?: number;
}

export interface Assignment {
  id: string;
  course: QualificationCourseRef;
  target: AssignmentTarget;
  orgUnit: OrgUnitRef | null;
  position: { id: string; name: LocalizedText } | null;
  /** For `person` assignments, how many people; for rules, how many it reaches now. */
  personCount: number;
  dueAt: string;
  lateJoinerDays: number;
  createdAt: string;
  createdBy: PersonRef | null;
}

export interface AssignmentListQuery {
  unitId?: string;
  page?: number;
  pageSize?: number;
}

/** In-app notifications: due soon, overdue, expiring, expired, and HR's digest. */
export const NOTIFICATION_KINDS = [
  'assignment-due-soon',
  'assignment-overdue',
  'qualification-expiring',
  'qualification-expired',
  'hr-digest',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface AppNotification {
  id: string;
  kind: NotificationKind;
  /** Names, dates and counts the text is built from, in the reader's language. */
  data: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

/** `GET /api/v1/me/notifications` returns a page plus the unread count. */
export interface NotificationPage {
  items: AppNotification[];
  total: number;
  page: number;
  pageSize: number;
  unread: number;
}

/** Formats of the compliance export. */
export const COMPLIANCE_EXPORT_FORMATS = ['csv', 'xlsx', 'pdf'] as const;
export type ComplianceExportFormat = (typeof COMPLIANCE_EXPORT_FORMATS)[number];

/**
 * `GET /api/v1/compliance/training-records/export`: one CSV row per enrolment of the people of the
 * caller's HR scope (the record of learning HR keeps), streamed; every filter optional.
 */
export interface TrainingRecordsQuery {
  /** A unit of the caller's scope: its whole subtree. Defaults to the caller's scope. */
  unitId?: string;
  courseId?: string;
  status?: EnrolmentStatus;
  /** Completed on or after this day (ISO date, UTC). */
  completedFrom?: string;
  /** Completed on or before this day (ISO date, UTC). */
  completedTo?: string;
  /** Language of the header, statuses and names. */
  language?: LanguageCode;
}
