import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom, of } from 'rxjs';
import { LanguageCode, MIN_PASSWORD_LENGTH } from '@border-academy/shared-contracts';
import { AccountClient, ApiError, AuthSession, OrgUnitClient } from '@border-academy/web-data-access';
import { i18nKey, LanguagePreference, ROLE_LABELS } from '@border-academy/web-i18n';

import { confirmationMatches } from '../password-confirmation';

@Component({
  selector: 'ba-profile',
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    ReactiveFormsModule,
    TranslocoPipe,
  ],
  templateUrl: './profile.html',
  styleUrl: './profile.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Profile {
  private readonly account = inject(AccountClient);
  private readonly orgUnits = inject(OrgUnitClient);
  private readonly language = inject(LanguagePreference);
  private readonly transloco = inject(TranslocoService);

  protected readonly user = inject(AuthSession).user;
  protected readonly activeLanguage = this.language.active;
  protected readonly languages: readonly { code: LanguageCode; label: string }[] = [
    { code: 'en', label: i18nKey('language.english') },
    { code: 'ru', label: i18nKey('language.russian') },
  ];
  protected readonly roleLabels = ROLE_LABELS;
  // the server asks for the same; checking it here saves a round trip on a slow connection
  protected readonly minLength = MIN_PASSWORD_LENGTH;

  protected readonly unit = rxResource({
    params: () => this.user()?.orgUnitId,
    stream: ({ params: id }) => (id ? this.orgUnits.get(id) : of(null)),
  });
  protected readonly unitName = computed(() => {
    const unit = this.unit.hasValue() ? this.unit.value() : null;
    return unit ? (unit.name[this.activeLanguage()] ?? unit.name.en) : null;
  });

  protected readonly passwordForm = inject(NonNullableFormBuilder).group(
    {
      currentPassword: ['', Validators.required],
      newPassword: ['', [Validators.required, Validators.minLength(MIN_PASSWORD_LENGTH)]],
      confirmation: ['', Validators.required],
    },
    { validators: confirmationMatches },
  );
  protected readonly saving = signal(false);
  protected readonly passwordChanged = signal(false);
  protected readonly passwordError = signal<string | null>(null);

  protected scopeName(name: { en: string; ru?: string }): string {
    return (this.activeLanguage() === 'ru' ? name.ru : undefined) ?? name.en;
  }

  protected chooseLanguage(language: LanguageCode): Promise<void> {
    return this.language.use(language);
  }

  protected async changePassword(): Promise<void> {
    if (this.saving()) return;
    this.passwordChanged.set(false);
    this.passwordError.set(null);
    if (this.passwordForm.invalid) {
      this.passwordForm.markAllAsTouched();
      return;
    }
    const { currentPassword, newPassword } = this.passwordForm.getRawValue();
    this.saving.set(true);
    try {
      await firstValueFrom(this.account.changePassword({ currentPassword, newPassword }));
      this.passwordForm.reset();
      this.passwordChanged.set(true);
    } catch (failure) {
      this.showPasswordFailure(failure);
    } finally {
      this.saving.set(false);
    }
  }

  private showPasswordFailure(failure: unknown): void {
    if (!(failure instanceof ApiError)) {
      this.passwordError.set(this.transloco.translate('profile.passwordFailed'));
      return;
    }
    if (failure.status === 401) {
      this.showAtField('currentPassword', this.transloco.translate('profile.currentPasswordWrong'));
      return;
    }
    let shownAtField = false;
    for (const field of ['currentPassword', 'newPassword'] as const) {
      const messages = failure.errorsFor(field);
      if (messages.length === 0) continue;
      this.showAtField(field, messages.join(' '));
      shownAtField = true;
    }
    if (!shownAtField) this.passwordError.set(failure.userMessage);
  }

  private showAtField(field: 'currentPassword' | 'newPassword', message: string): void {
    const control = this.passwordForm.controls[field];
    control.setErrors({ server: message });
    control.markAsTouched();
  }
}
