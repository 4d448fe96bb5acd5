import { OrgUnitKind } from '@border-academy/shared-contracts';
import { i18nKey } from '@border-academy/web-i18n';

export const ORG_UNIT_KIND_LABELS: Record<OrgUnitKind, string> = {
  country: i18nKey('admin.org.kinds.country'),
  agency: i18nKey('admin.org.kinds.agency'),
  directorate: i18nKey('admin.org.kinds.directorate'),
  region: i18nKey('admin.org.kinds.region'),
  border_post: i18nKey('admin.org.kinds.border_post'),
  unit: i18nKey('admin.org.kinds.unit'),
};
