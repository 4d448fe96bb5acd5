import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { i18nKey } from '@border-academy/web-i18n';

const SECTIONS = [
  { path: 'users', label: i18nKey('admin.nav.users') },
  { path: 'org', label: i18nKey('admin.nav.org') },
  { path: 'positions', label: i18nKey('admin.nav.positions') },
  { path: 'import', label: i18nKey('admin.nav.import') },
  { path: 'audit', label: i18nKey('admin.nav.audit') },
];

/** The administration's frame: its heading and a tab per section, the section's page below. */
@Component({
  selector: 'ba-admin-layout',
  imports: [MatTabsModule, RouterLink, RouterLinkActive, RouterOutlet, TranslocoPipe],
  template: `
    <h1>{{ 'admin.heading' | transloco }}</h1>
    <nav mat-tab-nav-bar [tabPanel]="panel" [attr.aria-label]="'admin.nav.label' | transloco">
      @for (section of sections; track section.path) {
        <a
          mat-tab-link
          [routerLink]="section.path"
          routerLinkActive
          #active="routerLinkActive"
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
export class AdminLayout {
  protected readonly sections = SECTIONS;
}
