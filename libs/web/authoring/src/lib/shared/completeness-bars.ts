import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageCompleteness } from '@border-academy/shared-contracts';

import { ContentLanguages } from './content-languages';

/** How much of a version's learner-facing text each content language has, as labelled progress bars. */
@Component({
  selector: 'ba-completeness-bars',
  imports: [MatProgressBarModule, TranslocoPipe],
  template: `
    <ul class="bars" [attr.aria-label]="'authoring.completeness.label' | transloco">
      @for (row of rows(); track row.code) {
        <li>
          <span class="name" [attr.lang]="row.code">{{ row.name }}</span>
          <mat-progress-bar
            mode="determinate"
            [value]="row.percent"
            [attr.aria-label]="'authoring.completeness.bar' | transloco: { language: row.name }"
          />
          <span class="percent">{{ row.percent }}%</span>
        </li>
      }
    </ul>
  `,
  styles: `
    .bars {
      margin: 0;
      padding: 0;
      list-style: none;
      min-width: 9rem;
    }
    li {
      display: grid;
      grid-template-columns: 5.5rem 1fr 2.75rem;
      align-items: center;
      gap: 0.5rem;
      font: var(--mat-sys-body-small);
    }
    .percent {
      text-align: end;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CompletenessBars {
  readonly completeness = input.required<LanguageCompleteness>();

  private readonly languages = inject(ContentLanguages);
  protected readonly rows = computed(() => {
    const completeness = this.completeness();
    return this.languages.codes().map((code) => ({
      code,
      name: this.languages.nativeName(code),
      percent: Math.round(completeness[code] ?? 0),
    }));
  });
}
