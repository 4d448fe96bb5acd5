import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthSession } from '@border-academy/web-data-access';
import { i18nKey } from '@border-academy/web-i18n';

/** The authoring's frame: its heading, My courses and, for reviewers, the review queue. */
@Component({
  selector: 'ba-authoring-layout',
  imports: [MatTabsModule, RouterLink, RouterLinkActive, RouterOutlet, TranslocoPipe],
  template: `
    <h1>{{ 'authoring.heading' | transloco }}</h1>
    <nav mat-tab-nav-bar [tabPanel]="panel" [attr.aria-label]="'authoring.nav.label' | transloco">
      @for (section of sections(); track section.path) {
        <a
          mat-tab-link
          [routerLink]="section.path"
          routerLinkActive
          #active="routerLinkActive"
          [routerLinkActiveOptions]="{ exact: true }"
          [active]="active.isActive"
          >{{ section.label | transloco }}</a
        >
      }
    </nav>
    <mat-tab-nav-panel #panel>
      <div class="section">
        <router-outlet />
      </div>
    </mat-tab-nav-panel>
  `,
  styles: `
    h1 {
      margin-top: 0;
      font: var(--mat-sys-headline-medium);
    }
    .section {
      padding-top: 1rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuthoringLayout {
  private readonly session = inject(AuthSession);

  protected readonly sections = computed(() => [
    { path: '/authoring', label: i18nKey('authoring.nav.courses') },
    ...(this.session.roles().has('reviewer') || this.session.roles().has('admin')
      ? [{ path: '/authoring/reviews', label: i18nKey('authoring.nav.reviews') }]
      : []),
  ]);
}
