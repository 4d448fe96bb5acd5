import { UserStatus } from '@border-academy/shared-contracts';
import { i18nKey } from '@border-academy/web-i18n';

export const STATUS_LABELS: Record<UserStatus, string> = {
  active: i18nKey('admin.userStatus.active'),
  suspended: i18nKey('admin.userStatus.suspended'),
};
