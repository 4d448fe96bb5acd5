import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { QUESTION_KINDS, Question } from '@border-academy/shared-contracts';
import { QuestionBankClient } from '@border-academy/web-data-access';

import { AuthoringFailure, authoringFailure } from '../shared/authoring-problem';
import { ContentLanguages } from '../shared/content-languages';
import { ContentTextFields } from '../shared/content-text-fields';
import { FailureBox } from '../shared/failure-box';
import { QUESTION_KIND_LABELS } from '../shared/labels';
import { VersionWorkspace } from '../version/version-workspace';
import {
  QuestionForm,
  answerProblem,
  nextOptionId,
  optionForm,
  questionForm,
  questionRequest,
} from './question-form';

/** A question of the bank, new or saved: any of the four kinds, its answers, feedback, points and tags. */
@Component({
  selector: 'ba-question-editor',
  imports: [
    ContentTextFields,
    FailureBox,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    MatSelectModule,
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
  ],
  templateUrl: './question-editor.html',
  styleUrl: './question-editor.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class QuestionEditor {
  private readonly client = inject(QuestionBankClient);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);
  private readonly languages = inject(ContentLanguages);

  readonly questionId = input<string>();

  protected readonly workspace = inject(VersionWorkspace);
  protected readonly kinds = QUESTION_KINDS;
  protected readonly kindLabels = QUESTION_KIND_LABELS;
  protected readonly question = rxResource({
    params: () => this.questionId(),
    stream: ({ params }) => this.client.question(params),
  });
  protected readonly saved = computed(() => (this.question.hasValue() ? this.question.value() : null));
  protected form: QuestionForm = this.newForm(null);
  protected readonly formVersion = signal(0);
  protected readonly saving = signal(false);
  protected readonly done = signal(false);
  protected readonly problem = signal<string | null>(null);
  protected readonly failure = signal<AuthoringFailure | null>(null);

  constructor() {
    effect(() => {
      const question = this.saved();
      const editable = this.workspace.editable();
      this.workspace.defaultLanguage();
      untracked(() => {
        this.form = this.newForm(question);
        if (editable) this.form.enable();
        else this.form.disable();
        this.formVersion.update((n) => n + 1);
      });
    });
  }

  protected addOption(): void {
    const taken = this.form.controls.options.controls.map((option) => option.controls.id.value);
    const option = optionForm(this.languages.codes(), this.workspace.defaultLanguage());
    option.controls.id.setValue(nextOptionId(taken));
    this.form.controls.options.push(option);
  }

  protected removeOption(index: number): void {
    this.form.controls.options.removeAt(index);
  }

  /** A single-choice question has one correct option: marking one unmarks the others. */
  protected markCorrect(index: number): void {
    if (this.form.controls.kind.value !== 'single-choice') return;
    this.form.controls.options.controls.forEach((option, i) => {
      if (i !== index) option.controls.correct.setValue(false);
    });
  }

  protected async save(): Promise<void> {
    const versionId = this.workspace.versionId();
    if (!versionId || this.saving()) return;
    this.done.set(false);
    this.failure.set(null);
    const problem = answerProblem(this.form);
    this.problem.set(problem);
    const request = questionRequest(this.form);
    const choice = request.kind === 'single-choice' || request.kind === 'multiple-choice';
    const invalid =
      this.form.controls.stem.invalid ||
      this.form.controls.points.invalid ||
      (choice && this.form.controls.options.invalid);
    if (invalid || problem) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    try {
      const id = this.questionId();
      const saved: Question = await firstValueFrom(
        id ? this.client.saveQuestion(id, request) : this.client.createQuestion(versionId, request),
      );
      this.done.set(true);
      if (id) this.question.set(saved);
      else await this.router.navigate(['/authoring/versions', versionId, 'questions', saved.id]);
    } catch (failure) {
      this.failure.set(authoringFailure(failure, this.transloco));
    } finally {
      this.saving.set(false);
    }
  }

  protected async remove(): Promise<void> {
    const id = this.questionId();
    const versionId = this.workspace.versionId();
    if (!id || !versionId) return;
    this.failure.set(null);
    try {
      await firstValueFrom(this.client.deleteQuestion(id), { defaultValue: undefined });
      await this.router.navigate(['/authoring/versions', versionId, 'questions']);
    } catch (failure) {
      this.failure.set(authoringFailure(failure, this.transloco));
    }
  }

  private newForm(question: Question | null): QuestionForm {
    return questionForm(this.languages.codes(), this.workspace.defaultLanguage(), question);
  }
}
