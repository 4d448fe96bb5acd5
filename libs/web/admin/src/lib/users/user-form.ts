import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import {
  AbstractControl,
  FormArray,
  FormControl,
  FormGroup,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import {
  DEFAULT_LANGUAGE,
  LOGIN_PATTERN,
  LanguageCode,
  MAX_EMAIL_LENGTH,
  MAX_FULL_NAME_LENGTH,
  ROLES,
  Role,
  UpdateUserRequest,
  UserDetails,
} from '@border-academy/shared-contracts';
import { UserClient } from '@border-academy/web-data-access';
import { i18nKey, ROLE_LABELS } from '@border-academy/web-i18n';

import { OrgUnitPicker } from '../shared/org-unit-picker';
import { PositionPicker } from '../shared/position-picker';
import { describeFailure, showFieldErrors } from '../shared/problem-text';

type GrantRow = FormGroup<{ role: FormControl<Role>; orgUnitId: FormControl<string | null> }>;

const LANGUAGES: { code: LanguageCode; label: string }[] = [
  { code: 'en', label: i18nKey('language.english') },
  { code: 'ru', label: i18nKey('language.russian') },
];

/**
 * A person's details: a new person with their first roles, or the changes to one who exists (their
 * login never changes). The server's complaints appear beside the fields they are about.
 */
@Component({
  selector: 'ba-user-form',
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    OrgUnitPicker,
    PositionPicker,
    ReactiveFormsModule,
    TranslocoPipe,
  ],
  templateUrl: './user-form.html',
  styleUrl: './user-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserForm {
  private readonly users = inject(UserClient);
  private readonly transloco = inject(TranslocoService);
  private readonly fb = inject(NonNullableFormBuilder);

  /** The person to change; absent for a new one. */
  readonly user = input<UserDetails | null>(null);
  readonly saved = output<UserDetails>();

  protected readonly creating = computed(() => this.user() === null);
  protected readonly languages = LANGUAGES;
  protected readonly roles = ROLES;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly limits = { name: MAX_FULL_NAME_LENGTH, email: MAX_EMAIL_LENGTH };

  protected readonly form = this.fb.group({
    login: ['', [Validators.required, Validators.pattern(LOGIN_PATTERN)]],
    email: ['', [Validators.required, Validators.email, Validators.maxLength(MAX_EMAIL_LENGTH)]],
    fullName: ['', [Validators.required, Validators.maxLength(MAX_FULL_NAME_LENGTH)]],
    fullNameCyrillic: ['', Validators.maxLength(MAX_FULL_NAME_LENGTH)],
    language: [DEFAULT_LANGUAGE as LanguageCode, Validators.required],
    orgUnitId: [null as string | null, Validators.required],
    positionId: [null as string | null],
    grants: this.fb.array<GrantRow>([]),
  });
  protected readonly saving = signal(false);
  protected readonly savedMessage = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);

  constructor() {
    effect(() => {
      const user = this.user();
      untracked(() => this.load(user));
    });
  }

  protected get grants(): FormArray<GrantRow> {
    return this.form.controls.grants;
  }

  protected addGrant(): void {
    this.grants.push(this.grantRow('learner', this.form.controls.orgUnitId.value));
  }

  protected removeGrant(index: number): void {
    this.grants.removeAt(index);
  }

  protected async save(): Promise<void> {
    if (this.saving()) return;
    this.savedMessage.set(null);
    this.error.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.error.set(this.transloco.translate('admin.user.form.invalid'));
      return;
    }
    const user = this.user();
    const changes = user ? this.changes(user) : null;
    if (changes && Object.keys(changes).length === 0) {
      this.savedMessage.set(this.transloco.translate('admin.user.form.nothingChanged'));
      return;
    }
    this.saving.set(true);
    try {
      const result = user
        ? await firstValueFrom(this.users.update(user.id, changes ?? {}))
        : await firstValueFrom(this.users.create(this.newUser()));
      this.savedMessage.set(
        this.transloco.translate(user ? 'admin.user.form.saved' : 'admin.user.form.created'),
      );
      this.saved.emit(result);
    } catch (failure) {
      this.showFailure(failure);
    } finally {
      this.saving.set(false);
    }
  }

  private grantRow(role: Role, orgUnitId: string | null): GrantRow {
    return this.fb.group({
      role: [role, Validators.required],
      orgUnitId: this.fb.control<string | null>(orgUnitId, Validators.required),
    });
  }

  private load(user: UserDetails | null): void {
    this.grants.clear();
    this.form.reset({
      login: user?.login ?? '',
      email: user?.email ?? '',
      fullName: user?.fullName ?? '',
      fullNameCyrillic: user?.fullNameCyrillic ?? '',
      language: user?.language ?? DEFAULT_LANGUAGE,
      orgUnitId: user?.orgUnitId ?? null,
      positionId: user?.positionId ?? null,
    });
    // the login of an existing person is fixed
    if (user) this.form.controls.login.disable();
    else this.form.controls.login.enable();
  }

  private newUser() {
    const values = this.form.getRawValue();
    return {
      login: values.login.trim(),
      email: values.email.trim(),
      fullName: values.fullName.trim(),
      fullNameCyrillic: values.fullNameCyrillic.trim() || null,
      language: values.language,
      orgUnitId: values.orgUnitId ?? '',
      positionId: values.positionId,
      grants: values.grants.map((grant) => ({ role: grant.role, orgUnitId: grant.orgUnitId ?? '' })),
    };
  }

  private changes(user: UserDetails): UpdateUserRequest {
    const values = this.form.getRawValue();
    const changes: UpdateUserRequest = {};
    if (values.email.trim() !== user.email) changes.email = values.email.trim();
    if (values.fullName.trim() !== user.fullName) changes.fullName = values.fullName.trim();
    const cyrillic = values.fullNameCyrillic.trim() || null;
    if (cyrillic !== (user.fullNameCyrillic ?? null)) changes.fullNameCyrillic = cyrillic;
    if (values.language !== user.language) changes.language = values.language;
    if (values.orgUnitId && values.orgUnitId !== user.orgUnitId) changes.orgUnitId = values.orgUnitId;
    if (values.positionId !== user.positionId) changes.positionId = values.positionId;
    return changes;
  }

  private showFailure(failure: unknown): void {
    const placed = showFieldErrors(failure, this.controlsByField(), this.transloco);
    this.error.set(
      placed ? this.transloco.translate('admin.user.form.invalid') : describeFailure(failure, this.transloco),
    );
  }

  /** The controls for the fields the server may name, the first roles as `grants.0.orgUnitId`. */
  private controlsByField(): Record<string, AbstractControl> {
    const { grants, ...fields } = this.form.controls;
    const controls: Record<string, AbstractControl> = { ...fields };
    grants.controls.forEach((row, index) => {
      controls[`grants.${index}.role`] = row.controls.role;
      controls[`grants.${index}.orgUnitId`] = row.controls.orgUnitId;
    });
    return controls;
  }
}
