import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ContentTextView } from '@border-academy/web-ui';

import { VersionWorkspace } from '../version/version-workspace';

/** The quizzes of a version, each with its pass mark and how many questions an attempt holds. */
@Component({
  selector: 'ba-quizzes-page',
  imports: [ContentTextView, MatButtonModule, RouterLink, TranslocoPipe],
  template: `
    <div class="heading">
      <h2>{{ 'authoring.quizzes.heading' | transloco }}</h2>
      @if (workspace.editable()) {
        <a mat-flat-button routerLink="new" data-testid="new-quiz">{{
          'authoring.quizzes.new' | transloco
        }}</a>
      }
    </div>
    <ul class="quizzes" data-testid="quizzes">
      @for (quiz of quizzes(); track quiz.id) {
        <li>
          <a [routerLink]="quiz.id"
            ><ba-content-text [text]="quiz.title" [defaultLanguage]="workspace.defaultLanguage()"
          /></a>
          <span class="secondary">{{
            'authoring.quizzes.summary'
              | transloco: { passMark: quiz.passMarkPercent, count: quiz.questionCount }
          }}</span>
        </li>
      } @empty {
        <li class="empty" role="status">{{ 'authoring.quizzes.empty' | transloco }}</li>
      }
    </ul>
  `,
  styleUrl: '../shared/list-page.scss',
  styles: `
    .quizzes {
      padding: 0;
      list-style: none;
    }
    li {
      padding: 0.5rem 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class QuizzesPage {
  protected readonly workspace = inject(VersionWorkspace);
  protected readonly quizzes = computed(() => this.workspace.current()?.quizzes ?? []);
}
