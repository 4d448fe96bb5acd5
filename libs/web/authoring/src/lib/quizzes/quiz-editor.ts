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
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { debounceTime, firstValueFrom } from 'rxjs';
import { ContentText, Question, Quiz, SaveQuizRequest } from '@border-academy/shared-contracts';
import { QuestionBankClient } from '@border-academy/web-data-access';
import { ContentTextView } from '@border-academy/web-ui';

import { AuthoringFailure, authoringFailure } from '../shared/authoring-problem';
import { ContentLanguages } from '../shared/content-languages';
import { ContentTextFields } from '../shared/content-text-fields';
import { contentTextGroup, contentTextOf, optionalContentText } from '../shared/content-text-form';
import { FailureBox } from '../shared/failure-box';
import { VersionWorkspace } from '../version/version-workspace';

type DrawForm = FormGroup<{ tag: FormControl<string>; count: FormControl<number> }>;

function drawForm(tag = '', count = 1): DrawForm {
  return new FormGroup({
    tag: new FormControl(tag, { nonNullable: true, validators: [Validators.required] }),
    count: new FormControl(count, {
      nonNullable: true,
      validators: [Validators.required, Validators.min(1)],
    }),
  });
}

/**
 * A quiz: title and instructions per language, pass mark, attempts, time limit, whether learners may
 * review their answers, and its questions: fixed ones picked from the bank in order, or a number drawn
 * at random per tag for each attempt.
 */
@Component({
  selector: 'ba-quiz-editor',
  imports: [
    ContentTextFields,
    ContentTextView,
    FailureBox,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
  ],
  templateUrl: './quiz-editor.html',
  styleUrl: '../questions/question-editor.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class QuizEditor {
  private readonly client = inject(QuestionBankClient);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);
  private readonly languages = inject(ContentLanguages);

  readonly quizId = input<string>();

  protected readonly workspace = inject(VersionWorkspace);
  protected readonly quiz = rxResource({
    params: () => this.quizId(),
    stream: ({ params }) => this.client.quiz(params),
  });
  protected readonly saved = computed(() => (this.quiz.hasValue() ? this.quiz.value() : null));
  protected readonly form = new FormGroup({
    title: contentTextGroup([], null),
    instructions: contentTextGroup([], null),
    passMarkPercent: new FormControl(70, {
      nonNullable: true,
      validators: [Validators.required, Validators.min(0), Validators.max(100)],
    }),
    attemptLimit: new FormControl<number | null>(null, [Validators.min(1), Validators.max(100)]),
    timeLimitMinutes: new FormControl<number | null>(null, [Validators.min(1), Validators.max(600)]),
    allowReview: new FormControl(true, { nonNullable: true }),
    mode: new FormControl<'fixed' | 'random'>('fixed', { nonNullable: true }),
    draws: new FormArray<DrawForm>([]),
    search: new FormControl('', { nonNullable: true }),
  });
  protected readonly mode = toSignal(this.form.controls.mode.valueChanges, {
    initialValue: 'fixed' as const,
  });
  /** The fixed questions, in the order an attempt shows them. */
  protected readonly picked = signal<string[]>([]);
  private readonly stems = signal<Map<string, ContentText>>(new Map());
  private readonly searchText = toSignal(this.form.controls.search.valueChanges.pipe(debounceTime(300)), {
    initialValue: '',
  });
  protected readonly bank = rxResource({
    params: () => {
      const versionId = this.workspace.versionId();
      return versionId ? { versionId, q: this.searchText().trim() || undefined } : undefined;
    },
    stream: ({ params }) => this.client.questions(params.versionId, { q: params.q, pageSize: 20 }),
  });
  protected readonly offered = computed(() =>
    (this.bank.hasValue() ? this.bank.value().items : []).filter(
      (question) => !this.picked().includes(question.id),
    ),
  );
  protected readonly saving = signal(false);
  protected readonly done = signal(false);
  protected readonly failure = signal<AuthoringFailure | null>(null);
  protected readonly selectionProblem = signal<string | null>(null);

  constructor() {
    effect(() => {
      const quiz = this.saved();
      const editable = this.workspace.editable();
      this.workspace.defaultLanguage();
      untracked(() => this.fill(quiz, editable));
    });
    effect(() => {
      const page = this.bank.hasValue() ? this.bank.value() : null;
      if (page) untracked(() => this.remember(page.items));
    });
  }

  protected stem(id: string): ContentText | null {
    return this.stems().get(id) ?? null;
  }

  protected pick(question: Question): void {
    this.picked.update((ids) => [...ids, question.id]);
  }

  protected unpick(index: number): void {
    this.picked.update((ids) => ids.filter((_, i) => i !== index));
  }

  protected movePicked(index: number, delta: -1 | 1): void {
    const target = index + delta;
    const ids = [...this.picked()];
    if (target < 0 || target >= ids.length) return;
    [ids[index], ids[target]] = [ids[target], ids[index]];
    this.picked.set(ids);
  }

  protected addDraw(): void {
    this.form.controls.draws.push(drawForm());
  }

  protected removeDraw(index: number): void {
    this.form.controls.draws.removeAt(index);
  }

  protected async save(): Promise<void> {
    const versionId = this.workspace.versionId();
    if (!versionId || this.saving()) return;
    this.done.set(false);
    this.failure.set(null);
    const value = this.form.getRawValue();
    const emptySelection = value.mode === 'fixed' ? this.picked().length === 0 : value.draws.length === 0;
    this.selectionProblem.set(emptySelection ? 'authoring.quiz.noQuestions' : null);
    if (this.form.invalid || emptySelection) {
      this.form.markAllAsTouched();
      return;
    }
    const request: SaveQuizRequest = {
      title: contentTextOf(this.form.controls.title),
      instructions: optionalContentText(this.form.controls.instructions),
      passMarkPercent: value.passMarkPercent,
      attemptLimit: value.attemptLimit || null,
      timeLimitMinutes: value.timeLimitMinutes || null,
      allowReview: value.allowReview,
      selection:
        value.mode === 'fixed'
          ? { mode: 'fixed', questionIds: this.picked() }
          : {
              mode: 'random',
              draws: value.draws.map((draw) => ({ tag: draw.tag.trim().toLowerCase(), count: draw.count })),
            },
    };
    this.saving.set(true);
    try {
      const id = this.quizId();
      const saved: Quiz = await firstValueFrom(
        id ? this.client.saveQuiz(id, request) : this.client.createQuiz(versionId, request),
      );
      this.done.set(true);
      this.workspace.version.reload();
      if (id) this.quiz.set(saved);
      else await this.router.navigate(['/authoring/versions', versionId, 'quizzes', saved.id]);
    } catch (failure) {
      this.failure.set(authoringFailure(failure, this.transloco));
    } finally {
      this.saving.set(false);
    }
  }

  protected async remove(): Promise<void> {
    const id = this.quizId();
    const versionId = this.workspace.versionId();
    if (!id || !versionId) return;
    this.failure.set(null);
    try {
      await firstValueFrom(this.client.deleteQuiz(id), { defaultValue: undefined });
      this.workspace.version.reload();
      await this.router.navigate(['/authoring/versions', versionId, 'quizzes']);
    } catch (failure) {
      this.failure.set(authoringFailure(failure, this.transloco));
    }
  }

  private remember(questions: Question[]): void {
    const stems = new Map(this.stems());
    for (const question of questions) stems.set(question.id, question.stem);
    this.stems.set(stems);
  }

  private fill(quiz: Quiz | null, editable: boolean): void {
    const codes = this.languages.codes();
    const required = this.workspace.defaultLanguage();
    this.form.setControl('title', contentTextGroup(codes, quiz?.title, { required, maxLength: 200 }));
    this.form.setControl('instructions', contentTextGroup(codes, quiz?.instructions, { maxLength: 4000 }));
    this.form.controls.draws.clear();
    if (quiz?.selection.mode === 'random') {
      for (const draw of quiz.selection.draws) this.form.controls.draws.push(drawForm(draw.tag, draw.count));
    }
    this.form.patchValue({
      passMarkPercent: quiz?.passMarkPercent ?? 70,
      attemptLimit: quiz?.attemptLimit ?? null,
      timeLimitMinutes: quiz?.timeLimitMinutes ?? null,
      allowReview: quiz?.allowReview ?? true,
      mode: quiz?.selection.mode ?? 'fixed',
    });
    this.picked.set(quiz?.selection.mode === 'fixed' ? quiz.selection.questionIds : []);
    if (editable) this.form.enable();
    else this.form.disable();
  }
}
