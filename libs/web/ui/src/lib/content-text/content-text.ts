import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguagePreference } from '@border-academy/web-i18n';

import { TextsByLanguage, contentTextIn, languageName } from './content-text-in';

/**
 * A course's text in the interface language; where it has none, the course's default language stands
 * in, marked with its `lang` and a small note ("Shown in English") so the reader knows why.
 */
@Component({
  selector: 'ba-content-text',
  imports: [TranslocoPipe],
  template: `<span [attr.lang]="shown().fallback ? shown().language : null">{{ shown().text }}</span>
    @if (shown().fallback) {
      <span class="fallback-note" data-testid="fallback-note">{{
        'contentText.shownIn' | transloco: { language: shownLanguageName() }
      }}</span>
    }`,
  styles: `
    .fallback-note {
      display: inline-block;
      margin-inline-start: 0.5rem;
      padding: 0 0.375rem;
      border-radius: 0.25rem;
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface);
      font: var(--mat-sys-label-small);
      vertical-align: middle;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContentTextView {
  readonly text = input<TextsByLanguage | null | undefined>(null);
  readonly defaultLanguage = input.required<string>();
  /** The language wanted; the interface language when not given. */
  readonly language = input<string>();

  private readonly interfaceLanguage = inject(LanguagePreference).active;
  protected readonly shown = computed(() =>
    contentTextIn(this.text(), this.language() ?? this.interfaceLanguage(), this.defaultLanguage()),
  );
  protected readonly shownLanguageName = computed(() =>
    languageName(this.shown().language, this.interfaceLanguage()),
  );
}
