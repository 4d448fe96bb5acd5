import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { ROLES, Role, RoleGrant, UserDetails } from '@border-academy/shared-contracts';
import { UserClient } from '@border-academy/web-data-access';
import { LanguagePreference, ROLE_LABELS } from '@border-academy/web-i18n';

import { localized } from '../shared/localized.pipe';
import { OrgUnitPicker } from '../shared/org-unit-picker';
import { describeFailure, showFieldErrors } from '../shared/problem-text';

/** A person's roles, each on a unit and everything below it: granted and revoked on units one administers. */
@Component({
  selector: 'ba-user-grants',
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatSelectModule,
    OrgUnitPicker,
    ReactiveFormsModule,
    TranslocoPipe,
  ],
  templateUrl: './user-grants.html',
  styleUrl: './user-grants.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserGrants {
  private readonly users = inject(UserClient);
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguagePreference).active;

  readonly user = input.required<UserDetails>();
  readonly changed = output<UserDetails>();

  protected readonly roles = ROLES;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly form = inject(NonNullableFormBuilder).group({
    role: ['learner' as Role, Validators.required],
    orgUnitId: [null as string | null, Validators.required],
  });
  protected readonly busy = signal(false);
  protected readonly message = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);

  protected describe(grant: RoleGrant): string {
    return this.transloco.translate('admin.user.grants.roleOn', {
      role: this.transloco.translate(ROLE_LABELS[grant.role]),
      unit: localized(grant.orgUnitName, this.language()),
    });
  }

  protected async grant(): Promise<void> {
    if (this.busy()) return;
    this.reset();
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { role, orgUnitId } = this.form.getRawValue();
    this.busy.set(true);
    try {
      const updated = await firstValueFrom(
        this.users.addGrant(this.user().id, { role, orgUnitId: orgUnitId ?? '' }),
      );
      this.changed.emit(updated);
      this.form.reset();
      this.message.set(this.transloco.translate('admin.user.grants.granted'));
    } catch (failure) {
      if (!showFieldErrors(failure, this.form.controls, this.transloco)) {
        this.error.set(describeFailure(failure, this.transloco));
      }
    } finally {
      this.busy.set(false);
    }
  }

  protected async revoke(grant: RoleGrant): Promise<void> {
    if (this.busy()) return;
    this.reset();
    this.busy.set(true);
    const described = this.describe(grant);
    try {
      await firstValueFrom(this.users.removeGrant(this.user().id, grant.id));
      const user = this.user();
      this.changed.emit({
        ...user,
        grants: user.grants.filter((candidate) => candidate.id !== grant.id),
      });
      this.message.set(this.transloco.translate('admin.user.grants.revoked', { grant: described }));
    } catch (failure) {
      this.error.set(describeFailure(failure, this.transloco));
    } finally {
      this.busy.set(false);
    }
  }

  private reset(): void {
    this.message.set(null);
    this.error.set(null);
  }
}
