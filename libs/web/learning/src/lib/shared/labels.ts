import {
  CertificateStatus,
  EnrolmentStatus,
  LessonKind,
  LessonState,
} from '@border-academy/shared-contracts';
import { i18nKey } from '@border-academy/web-i18n';

export const AREA_LABELS = {
  IBM: i18nKey('authoring.areas.IBM'),
  MIGRATION: i18nKey('authoring.areas.MIGRATION'),
  TRADE: i18nKey('authoring.areas.TRADE'),
};

export const LEVEL_LABELS = {
  basic: i18nKey('authoring.levels.basic'),
  intermediate: i18nKey('authoring.levels.intermediate'),
  advanced: i18nKey('authoring.levels.advanced'),
};

export const ENROLMENT_STATUS_LABELS: Record<EnrolmentStatus, string> = {
  enrolled: i18nKey('learning.status.enrolled'),
  in_progress: i18nKey('learning.status.in_progress'),
  completed: i18nKey('learning.status.completed'),
  failed: i18nKey('learning.status.failed'),
  withdrawn: i18nKey('learning.status.withdrawn'),
  expired: i18nKey('learning.status.expired'),
};

export const LESSON_STATE_LABELS: Record<LessonState, string> = {
  not_started: i18nKey('learning.lessonState.not_started'),
  opened: i18nKey('learning.lessonState.opened'),
  done: i18nKey('learning.lessonState.done'),
};

export const LESSON_KIND_LABELS: Record<LessonKind, string> = {
  text: i18nKey('learning.lessonKind.text'),
  video: i18nKey('learning.lessonKind.video'),
  document: i18nKey('learning.lessonKind.document'),
  link: i18nKey('learning.lessonKind.link'),
  quiz: i18nKey('learning.lessonKind.quiz'),
};

export const CERTIFICATE_STATUS_LABELS: Record<CertificateStatus, string> = {
  valid: i18nKey('learning.certificate.status.valid'),
  expired: i18nKey('learning.certificate.status.expired'),
  revoked: i18nKey('learning.certificate.status.revoked'),
};

/** A date in the interface language, e.g. «12 мар. 2026 г.»; a dash when there is none. */
export function formatDate(value: string | null | undefined, language: string): string {
  if (!value) return '—';
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(new Date(value));
}

/** Enrolments a learner still works on: they may open lessons, send progress and take quizzes. */
export function isLive(status: EnrolmentStatus): boolean {
  return status === 'enrolled' || status === 'in_progress';
}
