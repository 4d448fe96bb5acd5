import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { SSO_ERRORS, SsoError } from '@border-academy/shared-contracts';
import { AuthSession, SIGN_IN_PATH, SsoClient } from '@border-academy/web-data-access';

import { describeSignInFailure } from './sign-in-failure';

/** Only a path inside the app: anything else in the query could send the user to another site. */
function safeReturnUrl(url: string | undefined): string {
  if (!url || !url.startsWith('/') || url.startsWith('//') || url.startsWith('/\\')) return '/';
  return url.startsWith(SIGN_IN_PATH) ? '/' : url;
}

@Component({
  selector: 'ba-sign-in',
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    ReactiveFormsModule,
    TranslocoPipe,
  ],
  templateUrl: './sign-in.html',
  styleUrl: './sign-in.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignIn {
  private readonly session = inject(AuthSession);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);

  /** The page to go back to afterwards (query parameter). */
  readonly returnUrl = input<string>();
  /** Set when the user lands here because their session ended (query parameter). */
  readonly expired = input<string>();
  /** Why a single sign-on came back without a session (query parameter set by the API). */
  readonly ssoError = input<string>();
  /** Set when the user arrives from setting a password with a reset link (query parameter). */
  readonly passwordReset = input<string>();

  private readonly ssoClient = inject(SsoClient);
  /** Null until the platform has said whether it offers single sign-on. */
  protected readonly sso = toSignal(this.ssoClient.status(), { initialValue: null });
  protected readonly ssoStartUrl = computed(() => this.ssoClient.startUrl(safeReturnUrl(this.returnUrl())));
  private readonly attempted = signal(false);
  /** Shown until the person tries again with the form. */
  protected readonly ssoErrorKey = computed(() => {
    const code = this.ssoError();
    if (!code || this.attempted()) return null;
    const known = (SSO_ERRORS as readonly string[]).includes(code) ? (code as SsoError) : 'failed';
    return `signIn.sso.errors.${known}`;
  });

  protected readonly form = inject(NonNullableFormBuilder).group({
    login: ['', Validators.required],
    password: ['', Validators.required],
  });
  protected readonly passwordVisible = signal(false);
  protected readonly submitting = signal(false);
  protected readonly error = signal<string | null>(null);

  protected togglePasswordVisibility(): void {
    this.passwordVisible.update((visible) => !visible);
  }

  protected async submit(): Promise<void> {
    if (this.submitting()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.submitting.set(true);
    this.attempted.set(true);
    this.error.set(null);
    try {
      await this.session.signIn(this.form.getRawValue());
      await this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
    } catch (failure) {
      this.error.set(describeSignInFailure(failure, this.transloco));
      this.form.controls.password.reset();
    } finally {
      this.submitting.set(false);
    }
  }
}
