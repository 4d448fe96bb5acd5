import {
  AssignmentTarget,
  AwardRule,
  ENROLMENT_SOURCES,
  ENROLMENT_STATUSES,
  GrantSource,
  QualificationEventKind,
  QualificationStatus,
  ThematicArea,
} from '@border-academy/shared-contracts';
import { i18nKey } from '@border-academy/web-i18n';

export const AREA_LABELS: Record<ThematicArea, string> = {
  IBM: i18nKey('authoring.areas.IBM'),
  MIGRATION: i18nKey('authoring.areas.MIGRATION'),
  TRADE: i18nKey('authoring.areas.TRADE'),
};

export const STATUS_LABELS: Record<QualificationStatus, string> = {
  valid: i18nKey('hr.status.valid'),
  expiring: i18nKey('hr.status.expiring'),
  expired: i18nKey('hr.status.expired'),
  missing: i18nKey('hr.status.missing'),
};

export const EVENT_LABELS: Record<QualificationEventKind, string> = {
  granted: i18nKey('hr.events.granted'),
  renewed: i18nKey('hr.events.renewed'),
  expiring: i18nKey('hr.events.expiring'),
  expired: i18nKey('hr.events.expired'),
  revoked: i18nKey('hr.events.revoked'),
};

export const SOURCE_LABELS: Record<GrantSource, string> = {
  courses: i18nKey('hr.sources.courses'),
  assessment: i18nKey('hr.sources.assessment'),
  manual: i18nKey('hr.sources.manual'),
};

export const RULE_LABELS: Record<AwardRule, string> = {
  'all-courses': i18nKey('hr.rules.all-courses'),
  'n-of-courses': i18nKey('hr.rules.n-of-courses'),
  assessment: i18nKey('hr.rules.assessment'),
};

/** A rule with its numbers ("2 of 4 courses"), given `count` and `total`. */
export const RULE_SUMMARIES: Record<AwardRule, string> = {
  'all-courses': i18nKey('hr.ruleSummaries.all-courses'),
  'n-of-courses': i18nKey('hr.ruleSummaries.n-of-courses'),
  assessment: i18nKey('hr.ruleSummaries.assessment'),
};

export const TARGET_LABELS: Record<AssignmentTarget, string> = {
  person: i18nKey('hr.targets.person'),
  unit: i18nKey('hr.targets.unit'),
  position: i18nKey('hr.targets.position'),
};

const ENROLMENT_STATUS_LABELS: Record<(typeof ENROLMENT_STATUSES)[number], string> = {
  enrolled: i18nKey('learning.status.enrolled'),
  in_progress: i18nKey('learning.status.in_progress'),
  completed: i18nKey('learning.status.completed'),
  failed: i18nKey('learning.status.failed'),
  withdrawn: i18nKey('learning.status.withdrawn'),
  expired: i18nKey('learning.status.expired'),
};

const ENROLMENT_SOURCE_LABELS: Record<(typeof ENROLMENT_SOURCES)[number], string> = {
  self: i18nKey('hr.enrolmentSources.self'),
  assigned: i18nKey('hr.enrolmentSources.assigned'),
  rule: i18nKey('hr.enrolmentSources.rule'),
};

/** The key of an enrolment's status; a status this version does not know is shown as the server sent it. */
export function enrolmentStatusLabel(status: string): string {
  return (ENROLMENT_STATUS_LABELS as Record<string, string>)[status] ?? status;
}

export function enrolmentSourceLabel(source: string): string {
  return (ENROLMENT_SOURCE_LABELS as Record<string, string>)[source] ?? source;
}

/** A date in the interface language, e.g. «12 мар. 2026 г.»; a dash when there is none. */
export function formatDate(value: string | null | undefined, language: string): string {
  if (!value) return '—';
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(new Date(value));
}
