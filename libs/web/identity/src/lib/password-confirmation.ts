import { AbstractControl, ValidationErrors } from '@angular/forms';

/**
 * A group validator for a new password typed twice: marks the group's `confirmation` control with a
 * `mismatch` error while it differs from `newPassword`, and clears that error when they agree.
 */
export function confirmationMatches(group: AbstractControl): ValidationErrors | null {
  const newPassword = group.get('newPassword')?.value;
  const confirmation = group.get('confirmation');
  if (!confirmation || !confirmation.value || confirmation.value === newPassword) {
    if (confirmation?.hasError('mismatch')) confirmation.setErrors(null);
    return null;
  }
  confirmation.setErrors({ ...confirmation.errors, mismatch: true });
  return null;
}
