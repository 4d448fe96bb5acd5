import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthSession } from '@border-academy/web-data-access';

/** The signed-in user's menu in the top bar: their name, the profile and both ways to sign out. */
@Component({
  selector: 'ba-account-menu',
  imports: [MatButtonModule, MatMenuModule, RouterLink, TranslocoPipe],
  templateUrl: './account-menu.html',
  styleUrl: './account-menu.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccountMenu {
  private readonly session = inject(AuthSession);

  protected readonly user = this.session.user;

  protected signOut(everywhere: boolean): Promise<void> {
    return this.session.signOut({ everywhere });
  }
}
