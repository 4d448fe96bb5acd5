import { Role } from '@border-academy/shared-contracts';

import { i18nKey } from './i18n-key';

/** The translation key of each role's name. */
export const ROLE_LABELS: Record<Role, string> = {
  learner: i18nKey('roles.learner'),
  trainer: i18nKey('roles.trainer'),
  reviewer: i18nKey('roles.reviewer'),
  hr: i18nKey('roles.hr'),
  admin: i18nKey('roles.admin'),
};
