import { NgTemplateOutlet } from '@angular/common';
import { HttpEventType } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChildren,
} from '@angular/core';
import { rxResource, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  Subject,
  Subscription,
  catchError,
  debounceTime,
  distinctUntilChanged,
  firstValueFrom,
  map,
  of,
  switchMap,
} from 'rxjs';
import { Attachment, Lesson, UpdateLessonRequest } from '@border-academy/shared-contracts';
import { CourseVersionClient } from '@border-academy/web-data-access';

import { AuthoringFailure, authoringFailure } from '../shared/authoring-problem';
import { ContentLanguages } from '../shared/content-languages';
import { ContentTextFields } from '../shared/content-text-fields';
import {
  ContentTextGroup,
  contentTextGroup,
  contentTextOf,
  optionalContentText,
} from '../shared/content-text-form';
import { FailureBox } from '../shared/failure-box';
import { LESSON_KIND_LABELS } from '../shared/labels';
import { VersionWorkspace } from '../version/version-workspace';
import { imageMarkdown, insertAt } from './markdown-insert';

const PREVIEW_DELAY_MS = 400;

/**
 * One lesson: its title per language and whether it is required, then what its kind needs: Markdown per
 * language with a live preview rendered by the server as learners get it and images uploaded and put
 * into the text; an uploaded video or document; an external link; or the quiz it plays.
 */
@Component({
  selector: 'ba-lesson-editor',
  imports: [
    ContentTextFields,
    FailureBox,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTabsModule,
    NgTemplateOutlet,
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
  ],
  templateUrl: './lesson-editor.html',
  styleUrl: './lesson-editor.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LessonEditor {
  private readonly client = inject(CourseVersionClient);
  private readonly transloco = inject(TranslocoService);
  private readonly bodies = viewChildren<ElementRef<HTMLTextAreaElement>>('bodyArea');
  private upload: Subscription | null = null;

  readonly lessonId = input.required<string>();

  protected readonly workspace = inject(VersionWorkspace);
  protected readonly languages = inject(ContentLanguages);
  protected readonly kindLabels = LESSON_KIND_LABELS;
  protected readonly lesson = rxResource({
    params: () => this.lessonId(),
    stream: ({ params }) => this.client.lesson(params),
  });
  protected readonly current = computed(() => (this.lesson.hasValue() ? this.lesson.value() : null));
  protected readonly editable = this.workspace.editable;
  protected readonly quizzes = computed(() => this.workspace.current()?.quizzes ?? []);

  protected title: ContentTextGroup = contentTextGroup([], null);
  protected body: ContentTextGroup = contentTextGroup([], null);
  protected readonly details = new FormGroup({
    required: new FormControl(true, { nonNullable: true }),
    estimatedMinutes: new FormControl<number | null>(null, [Validators.min(1), Validators.max(600)]),
    externalUrl: new FormControl('', {
      nonNullable: true,
      validators: [Validators.pattern(/^https?:\/\/\S+$/)],
    }),
    quizId: new FormControl<string | null>(null),
    imageDescription: new FormControl('', { nonNullable: true }),
  });
  protected readonly attachment = signal<Attachment | null>(null);
  protected readonly activeLanguage = signal('en');
  protected readonly uploadPercent = signal<number | null>(null);
  protected readonly saving = signal(false);
  protected readonly saved = signal(false);
  protected readonly failure = signal<AuthoringFailure | null>(null);
  protected readonly preview = signal<{ state: 'idle' | 'loading' | 'done' | 'failed'; html: string }>({
    state: 'idle',
    html: '',
  });
  private readonly previewSource = new Subject<string>();

  constructor() {
    effect(() => {
      const lesson = this.current();
      if (lesson) untracked(() => this.fill(lesson));
    });
    this.previewSource
      .pipe(
        debounceTime(PREVIEW_DELAY_MS),
        distinctUntilChanged(),
        switchMap((markdown) =>
          this.client.renderMarkdown(markdown).pipe(
            map((rendered) => ({ state: 'done' as const, html: rendered.html })),
            catchError(() => of({ state: 'failed' as const, html: '' })),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((preview) => this.preview.set(preview));
    inject(DestroyRef).onDestroy(() => this.upload?.unsubscribe());
  }

  protected chooseLanguage(index: number): void {
    const code = this.languages.codes()[index];
    if (!code) return;
    this.activeLanguage.set(code);
    this.refreshPreview();
  }

  protected refreshPreview(): void {
    const markdown = this.body.controls[this.activeLanguage()]?.value ?? '';
    this.preview.update((preview) => ({ ...preview, state: 'loading' }));
    this.previewSource.next(markdown);
  }

  /** Uploads a file for the lesson: an image for its text, or its video or document. */
  protected uploadFile(input: HTMLInputElement, purpose: 'image' | 'attachment'): void {
    const file = input.files?.[0];
    const course = this.workspace.current()?.courseId;
    if (!file || !course) return;
    this.failure.set(null);
    this.uploadPercent.set(0);
    this.upload = this.client.uploadAttachment(course, file).subscribe({
      next: (event) => {
        if (event.type === HttpEventType.UploadProgress && event.total) {
          this.uploadPercent.set(Math.round((100 * event.loaded) / event.total));
        } else if (event.type === HttpEventType.Response && event.body) {
          this.uploadPercent.set(null);
          input.value = '';
          if (purpose === 'image') this.insertImage(event.body, file.name);
          else this.attachment.set(event.body);
        }
      },
      error: (failure: unknown) => {
        this.uploadPercent.set(null);
        input.value = '';
        this.failure.set(authoringFailure(failure, this.transloco));
      },
    });
  }

  protected async save(): Promise<void> {
    const lesson = this.current();
    if (!lesson || this.saving()) return;
    this.saved.set(false);
    this.failure.set(null);
    if (this.title.invalid || this.details.invalid) {
      this.title.markAllAsTouched();
      this.details.markAllAsTouched();
      return;
    }
    const details = this.details.getRawValue();
    const request: UpdateLessonRequest = {
      title: contentTextOf(this.title),
      required: details.required,
      estimatedMinutes: details.estimatedMinutes || null,
    };
    if (lesson.kind === 'text') request.body = optionalContentText(this.body);
    if (lesson.kind === 'video' || lesson.kind === 'document')
      request.attachmentId = this.attachment()?.id ?? null;
    if (lesson.kind === 'link') request.externalUrl = details.externalUrl.trim() || null;
    if (lesson.kind === 'quiz') request.quizId = details.quizId;
    this.saving.set(true);
    try {
      this.lesson.set(await firstValueFrom(this.client.updateLesson(lesson.id, request)));
      this.saved.set(true);
      this.workspace.version.reload();
    } catch (failure) {
      this.failure.set(authoringFailure(failure, this.transloco));
    } finally {
      this.saving.set(false);
    }
  }

  private insertImage(attachment: Attachment, fileName: string): void {
    const code = this.activeLanguage();
    const control = this.body.controls[code];
    const area = this.bodies().find((element) => element.nativeElement.lang === code)?.nativeElement;
    if (!control) return;
    const description =
      this.details.controls.imageDescription.value.trim() || fileName.replace(/\.[^.]+$/, '');
    const at = area ? [area.selectionStart, area.selectionEnd] : [control.value.length, control.value.length];
    const inserted = insertAt(control.value, at[0], at[1], imageMarkdown(description, attachment.url));
    control.setValue(inserted.text);
    control.markAsDirty();
    this.details.controls.imageDescription.setValue('');
    this.refreshPreview();
    if (area) {
      area.focus();
      area.setSelectionRange(inserted.cursor, inserted.cursor);
    }
  }

  private fill(lesson: Lesson): void {
    const codes = this.languages.codes();
    const required = this.workspace.defaultLanguage();
    this.title = contentTextGroup(codes, lesson.title, { required, maxLength: 200 });
    this.body = contentTextGroup(codes, lesson.body, { maxLength: 200_000 });
    this.details.reset({
      required: lesson.required,
      estimatedMinutes: lesson.estimatedMinutes,
      externalUrl: lesson.externalUrl ?? '',
      quizId: lesson.quizId,
      imageDescription: '',
    });
    this.attachment.set(lesson.attachment);
    this.activeLanguage.set(codes.includes(required) ? required : (codes[0] ?? 'en'));
    if (this.editable()) {
      this.title.enable();
      this.body.enable();
      this.details.enable();
    } else {
      this.title.disable();
      this.body.disable();
      this.details.disable();
    }
    this.preview.set({ state: 'done', html: lesson.bodyHtml[this.activeLanguage()] ?? '' });
  }
}
