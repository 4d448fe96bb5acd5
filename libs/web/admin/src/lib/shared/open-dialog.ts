import { ComponentType } from '@angular/cdk/portal';
import { MatDialog } from '@angular/material/dialog';
import { firstValueFrom } from 'rxjs';

/** Opens a dialog with its data; answers what it closed with, undefined when it was dismissed. */
export function openDialog<R, D>(
  dialogs: MatDialog,
  dialog: ComponentType<unknown>,
  data: D,
): Promise<R | undefined> {
  return firstValueFrom(dialogs.open<unknown, D, R>(dialog, { data }).afterClosed());
}
