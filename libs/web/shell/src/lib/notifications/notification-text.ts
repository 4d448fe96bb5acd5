import {
  AppNotification,
  LanguageCode,
  LocalizedText,
  NotificationKind,
} from '@border-academy/shared-contracts';
import { i18nKey } from '@border-academy/web-i18n';

const TEXTS: Record<NotificationKind, string> = {
  'assignment-due-soon': i18nKey('notifications.kinds.assignment-due-soon'),
  'assignment-overdue': i18nKey('notifications.kinds.assignment-overdue'),
  'qualification-expiring': i18nKey('notifications.kinds.qualification-expiring'),
  'qualification-expired': i18nKey('notifications.kinds.qualification-expired'),
  'hr-digest': i18nKey('notifications.kinds.hr-digest'),
};

/** A translation key and its parameters: what `translate` needs to say a notification. */
export interface NotificationMessage {
  key: string;
  params: Record<string, string | number>;
}

function text(value: unknown, language: LanguageCode): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const texts = value as Partial<LocalizedText> & Record<string, unknown>;
    const own = texts[language];
    if (typeof own === 'string' && own) return own;
    if (typeof texts.en === 'string') return texts.en;
  }
  return '—';
}

function date(value: unknown, language: LanguageCode): string {
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) return '—';
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(new Date(value));
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/**
 * What a notification says, in the reader's language: names (`courseTitle`, `qualificationName`) in
 * their language, dates (`dueAt`, `expiresAt`) in its format, and for HR's digest the counts. Data the
 * server left out reads as a dash or 0, never as "undefined".
 */
export function notificationMessage(
  notification: AppNotification,
  language: LanguageCode,
): NotificationMessage {
  const data = notification.data;
  return {
    key: TEXTS[notification.kind] ?? i18nKey('notifications.kinds.other'),
    params: {
      course: text(data['courseTitle'], language),
      qualification: text(data['qualificationName'], language),
      due: date(data['dueAt'], language),
      expires: date(data['expiresAt'], language),
      overdue: count(data['overdue']),
      expiring: count(data['expiring']),
      expired: count(data['expired']),
    },
  };
}

/** Where a notification leads: HR's digest to the compliance view, a learner's to their learning. */
export function notificationLink(notification: AppNotification): string {
  return notification.kind === 'hr-digest' ? '/staff' : '/learning/my';
}
