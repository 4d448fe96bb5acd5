import { LanguageCode, LocalizedText, NotificationKind } from '@border-academy/shared-contracts';

export interface MailableNotification {
  id: string;
  kind: NotificationKind;
  data: Record<string, unknown>;
  email: string;
  fullName: string;
  language: LanguageCode;
}

const day = (value: unknown) => (typeof value === 'string' ? value.slice(0, 10) : '');
const text = (value: unknown, language: LanguageCode) => {
  const localized = value as LocalizedText | null | undefined;
  return localized ? (localized[language] ?? localized.en ?? Object.values(localized)[0] ?? '') : '';
};

const SUBJECTS: Record<
  LanguageCode,
  Record<NotificationKind, (data: Record<string, unknown>, language: LanguageCode) => string>
> = {
  en: {
    'assignment-due-soon': (d, l) => `Due on ${day(d['dueAt'])}: ${text(d['courseTitle'], l)}`,
    'assignment-overdue': (d, l) => `Overdue since ${day(d['dueAt'])}: ${text(d['courseTitle'], l)}`,
    'qualification-expiring': (d, l) =>
      `Your qualification "${text(d['qualificationName'], l)}" expires on ${day(d['expiresAt'])}`,
    'qualification-expired': (d, l) =>
      `Your qualification "${text(d['qualificationName'], l)}" expired on ${day(d['expiresAt'])}`,
    'hr-digest': (d) =>
      `Staff qualifications: ${d['overdue']} overdue, ${d['expiring']} expiring, ${d['expired']} expired`,
  },
  ru: {
    'assignment-due-soon': (d, l) => `Срок ${day(d['dueAt'])}: ${text(d['courseTitle'], l)}`,
    'assignment-overdue': (d, l) => `Просрочено с ${day(d['dueAt'])}: ${text(d['courseTitle'], l)}`,
    'qualification-expiring': (d, l) =>
      `Ваша квалификация «${text(d['qualificationName'], l)}» истекает ${day(d['expiresAt'])}`,
    'qualification-expired': (d, l) =>
      `Ваша квалификация «${text(d['qualificationName'], l)}» истекла ${day(d['expiresAt'])}`,
    'hr-digest': (d) =>
      `Квалификации сотрудников: просрочено ${d['overdue']}, истекает ${d['expiring']}, истекло ${d['expired']}`,
  },
};

const SIGN_OFF: Record<LanguageCode, string> = {
  en: 'Open Border Academy to see the details. This message was sent automatically.',
  ru: 'Подробности — в Border Academy. Это письмо отправлено автоматически.',
};

/** The mail of one notification, in the reader's language: a subject that says it all, and a short body. */
export function reminderMail(notification: MailableNotification): { subject: string; text: string } {
  const language = notification.language in SUBJECTS ? notification.language : 'en';
  const subject = SUBJECTS[language][notification.kind](notification.data, language);
  return { subject, text: `${notification.fullName},\n\n${subject}.\n\n${SIGN_OFF[language]}\n` };
}
