import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { of } from 'rxjs';
import { UserDetails } from '@border-academy/shared-contracts';
import { ApiError, UserClient } from '@border-academy/web-data-access';

import { UserAccess } from './user-access';
import { UserForm } from './user-form';
import { UserGrants } from './user-grants';
import { UserPrivacy } from './user-privacy';

/**
 * One person: a new one at `users/new`, else their details, roles, access, personal data and a way to
 * their audit trail; an erased person only shows that, with the export of what is left.
 */
@Component({
  selector: 'ba-user-page',
  imports: [
    MatButtonModule,
    MatProgressBarModule,
    RouterLink,
    TranslocoPipe,
    UserAccess,
    UserForm,
    UserGrants,
    UserPrivacy,
  ],
  templateUrl: './user-page.html',
  styleUrl: './user-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserPage {
  private readonly users = inject(UserClient);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);

  /** The route's `:id`; absent on `users/new`. */
  readonly id = input<string>();

  /** Set when this page follows the creation of the person, to say what comes next. */
  protected readonly justCreated = this.router.currentNavigation()?.extras.state?.['created'] === true;

  protected readonly user = rxResource({
    params: () => this.id(),
    stream: ({ params: id }) => (id ? this.users.get(id) : of(null)),
  });
  protected readonly notFound = computed(() => {
    const error = this.user.error();
    return error instanceof ApiError && (error.status === 404 || error.status === 400);
  });

  protected update(user: UserDetails): void {
    this.user.set(user);
  }

  protected erasedOn(instant: string): string {
    return new Intl.DateTimeFormat(this.transloco.getActiveLang(), { dateStyle: 'long' }).format(
      new Date(instant),
    );
  }

  protected created(user: UserDetails): Promise<boolean> {
    return this.router.navigate(['/admin/users', user.id], { state: { created: true } });
  }
}
