// A second entry point, `@border-academy/web-admin/shared`: parts of the administration's pages that other
// areas reuse (pickers, list states, dialogs, failure texts). Kept out of the index, which the app imports
// for the lazily loaded routes, so that none of it lands in the initial bundle.
export { FormSubmission } from './lib/shared/form-submission';
export { ListFrame } from './lib/shared/list-frame';
export {
  PAGE_SIZES,
  bindFiltersToUrl,
  oneOf,
  pageFrom,
  pageSizeFrom,
  urlQuery,
} from './lib/shared/list-query';
export { LocalizedPipe, localized } from './lib/shared/localized.pipe';
export { openDialog } from './lib/shared/open-dialog';
export { OrgUnitPicker } from './lib/shared/org-unit-picker';
export { describeFailure, showFieldErrors } from './lib/shared/problem-text';
export { PositionPicker } from './lib/shared/position-picker';
export { NoticeLine, type Notice } from './lib/shared/notice';
export { ConfirmDialog, type ConfirmDialogData } from './lib/shared/confirm-dialog';
export { ReferenceFields, nameFrom, referenceControls } from './lib/shared/reference-fields';
export { UserPicker } from './lib/shared/user-picker';
export { DialogFormEnd } from './lib/shared/dialog-form-end';
export { AdminPaginatorIntl } from './lib/shared/admin-paginator-intl';
