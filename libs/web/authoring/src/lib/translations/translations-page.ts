import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Observable, firstValueFrom } from 'rxjs';
import { CourseVersionClient } from '@border-academy/web-data-access';

import { AuthoringFailure, authoringFailure } from '../shared/authoring-problem';
import { CompletenessBars } from '../shared/completeness-bars';
import { ContentLanguages } from '../shared/content-languages';
import { FailureBox } from '../shared/failure-box';
import { VersionWorkspace } from '../version/version-workspace';
import { TranslationRow, translationRows, withTranslation } from './translation-rows';

/**
 * Two languages side by side for every learner-facing text of the version's outline: the source to read,
 * the target to write in place. Completeness per language shows above; lesson bodies and question texts
 * have their language tabs in their own editors.
 */
@Component({
  selector: 'ba-translations-page',
  imports: [
    CompletenessBars,
    FailureBox,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
  ],
  templateUrl: './translations-page.html',
  styleUrl: './translations-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TranslationsPage {
  private readonly client = inject(CourseVersionClient);
  private readonly transloco = inject(TranslocoService);

  protected readonly workspace = inject(VersionWorkspace);
  protected readonly languages = inject(ContentLanguages);
  protected readonly source = signal(this.workspace.defaultLanguage());
  protected readonly target = signal(this.languages.codes().find((code) => code !== this.source()) ?? 'ru');
  protected readonly rows = computed(() => {
    const version = this.workspace.current();
    return version ? translationRows(version) : [];
  });
  /** What was typed in the target language and not saved yet, by row. */
  protected readonly drafts = signal<Record<string, string>>({});
  protected readonly changed = computed(() => Object.keys(this.drafts()).length);
  protected readonly saving = signal(false);
  protected readonly done = signal(false);
  protected readonly failure = signal<AuthoringFailure | null>(null);

  protected readonly sourceChoice = new FormControl(this.source(), { nonNullable: true });
  protected readonly targetChoice = new FormControl(this.target(), { nonNullable: true });

  constructor() {
    this.sourceChoice.valueChanges.subscribe((code) => this.source.set(code));
    this.targetChoice.valueChanges.subscribe((code) => {
      this.target.set(code);
      this.drafts.set({});
    });
  }

  protected targetValue(row: TranslationRow): string {
    return this.drafts()[row.key] ?? row.text[this.target()] ?? '';
  }

  protected type(row: TranslationRow, value: string): void {
    this.done.set(false);
    this.drafts.update((drafts) => {
      const next = { ...drafts };
      if (value === (row.text[this.target()] ?? '')) delete next[row.key];
      else next[row.key] = value;
      return next;
    });
  }

  /** Saves each changed text where it belongs; a failure stops there and keeps what was not saved. */
  protected async save(): Promise<void> {
    const version = this.workspace.current();
    if (!version || this.saving()) return;
    this.saving.set(true);
    this.failure.set(null);
    this.done.set(false);
    const target = this.target();
    try {
      for (const row of this.rows()) {
        const draft = this.drafts()[row.key];
        if (draft === undefined || !row.editableHere) continue;
        await firstValueFrom(this.send(version.id, row, withTranslation(row.text, target, draft)));
        this.drafts.update((drafts) => {
          const rest = { ...drafts };
          delete rest[row.key];
          return rest;
        });
      }
      this.done.set(true);
    } catch (failure) {
      this.failure.set(authoringFailure(failure, this.transloco));
    } finally {
      this.saving.set(false);
      this.workspace.version.reload();
    }
  }

  private send(versionId: string, row: TranslationRow, text: Record<string, string>): Observable<unknown> {
    switch (row.owner.kind) {
      case 'version-title':
        return this.client.update(versionId, { title: text });
      case 'version-description':
        return this.client.update(versionId, { description: Object.keys(text).length > 0 ? text : null });
      case 'module':
        return this.client.updateModule(row.owner.id, { title: text });
      case 'lesson':
        return this.client.updateLesson(row.owner.id, { title: text });
      case 'quiz':
        throw new Error('quizzes are translated in their editor');
    }
  }
}
