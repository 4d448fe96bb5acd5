import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { i18nKey } from '@border-academy/web-i18n';

export type Area = 'learning' | 'authoring' | 'staff' | 'administration';

const TEXTS: Record<Area, { heading: string; text: string }> = {
  learning: { heading: i18nKey('areas.learning.heading'), text: i18nKey('areas.learning.text') },
  authoring: { heading: i18nKey('areas.authoring.heading'), text: i18nKey('areas.authoring.text') },
  staff: { heading: i18nKey('areas.staff.heading'), text: i18nKey('areas.staff.text') },
  administration: {
    heading: i18nKey('areas.administration.heading'),
    text: i18nKey('areas.administration.text'),
  },
};

/** The entry page of a role's area until its real pages arrive: says what will be found here. */
@Component({
  selector: 'ba-area-placeholder',
  imports: [TranslocoPipe],
  template: `
    <h1>{{ texts().heading | transloco }}</h1>
    <p>{{ texts().text | transloco }}</p>
    <p class="soon">{{ 'areas.comingSoon' | transloco }}</p>
  `,
  styles: `
    h1 {
      margin-top: 0;
      font: var(--mat-sys-headline-medium);
    }
    .soon {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AreaPlaceholder {
  /** From the route's data. */
  readonly area = input.required<Area>();

  protected readonly texts = computed(() => TEXTS[this.area()]);
}
