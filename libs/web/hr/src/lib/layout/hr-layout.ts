import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { i18nKey } from '@border-academy/web-i18n';

const SECTIONS = [
  { path: '/staff', label: i18nKey('hr.nav.compliance'), exact: true },
  { path: '/staff/expiring', label: i18nKey('hr.nav.expiring'), exact: false },
  { path: '/staff/overdue', label: i18nKey('hr.nav.overdue'), exact: false },
  { path: '/staff/records', label: i18nKey('hr.nav.records'), exact: false },
  { path: '/staff/assignments', label: i18nKey('hr.nav.assignments'), exact: false },
  { path: '/staff/qualifications', label: i18nKey('hr.nav.qualifications'), exact: false },
];

/** The staff area's frame: its heading and a tab per page, the page below. */
@Component({
  selector: 'ba-hr-layout',
  imports: [MatTabsModule, RouterLink, RouterLinkActive, RouterOutlet, TranslocoPipe],
  template: `
    <h1>{{ 'hr.heading' | transloco }}</h1>
    <nav mat-tab-nav-bar [tabPanel]="panel" [attr.aria-label]="'hr.nav.label' | transloco">
      @for (section of sections; track section.path) {
        <a
          mat-tab-link
          [routerLink]="section.path"
          routerLinkActive
          #active="routerLinkActive"
          [routerLinkActiveOptions]="{ exact: section.exact }"
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
export class HrLayout {
  protected readonly sections = SECTIONS;
}
