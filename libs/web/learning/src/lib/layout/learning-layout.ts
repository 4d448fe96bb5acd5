import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

import { SyncStatus } from '../shared/sync-status';

/** The learner's two lists under one bar: the catalogue to choose from and their own learning. */
@Component({
  selector: 'ba-learning-layout',
  imports: [MatTabsModule, RouterLink, RouterLinkActive, RouterOutlet, SyncStatus, TranslocoPipe],
  template: `
    <div class="bar">
      <nav mat-tab-nav-bar [tabPanel]="panel" [attr.aria-label]="'learning.nav.label' | transloco">
        <a
          mat-tab-link
          routerLink="/learning"
          routerLinkActive
          #catalogue="routerLinkActive"
          [routerLinkActiveOptions]="{ exact: true }"
          [active]="catalogue.isActive"
          >{{ 'learning.nav.catalogue' | transloco }}</a
        >
        <a
          mat-tab-link
          routerLink="/learning/my"
          routerLinkActive
          #mine="routerLinkActive"
          [active]="mine.isActive"
          data-testid="my-learning-tab"
          >{{ 'learning.nav.myLearning' | transloco }}</a
        >
      </nav>
      <ba-sync-status />
    </div>
    <mat-tab-nav-panel #panel>
      <router-outlet />
    </mat-tab-nav-panel>
  `,
  styles: `
    .bar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem 1rem;
      margin-bottom: 1rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LearningLayout {}
