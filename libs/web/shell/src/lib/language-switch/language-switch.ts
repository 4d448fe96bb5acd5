import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageCode } from '@border-academy/shared-contracts';
import { i18nKey, LanguagePreference } from '@border-academy/web-i18n';

interface LanguageOption {
  code: LanguageCode;
  label: string;
}

@Component({
  selector: 'ba-language-switch',
  imports: [MatButtonModule, MatMenuModule, TranslocoPipe],
  templateUrl: './language-switch.html',
  styleUrl: './language-switch.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LanguageSwitch {
  private readonly preference = inject(LanguagePreference);

  protected readonly options: readonly LanguageOption[] = [
    { code: 'en', label: i18nKey('language.english') },
    { code: 'ru', label: i18nKey('language.russian') },
  ];
  protected readonly active = this.preference.active;
  protected readonly activeOption = computed(
    () => this.options.find((option) => option.code === this.active()) ?? this.options[0],
  );

  protected choose(language: LanguageCode): Promise<void> {
    return this.preference.use(language);
  }
}
