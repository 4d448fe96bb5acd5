import { LiveAnnouncer } from '@angular/cdk/a11y';
import { CdkDrag, CdkDragDrop, CdkDragHandle, CdkDropList, CdkDropListGroup } from '@angular/cdk/drag-drop';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Observable, firstValueFrom } from 'rxjs';
import { CourseModule, LESSON_KINDS, LessonKind, LessonSummary } from '@border-academy/shared-contracts';
import { CourseVersionClient } from '@border-academy/web-data-access';
import { LanguagePreference } from '@border-academy/web-i18n';
import { ContentTextView, contentTextIn } from '@border-academy/web-ui';

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
import { OutlinePlace, moveLesson, moveModule, outlineOrder, transferLesson } from '../shared/outline-order';
import { VersionWorkspace } from './version-workspace';

/** What is being edited in place: a new module, a module's title, or a new lesson of a module. */
type Editing =
  | { kind: 'version' }
  | { kind: 'new-module' }
  | { kind: 'rename-module'; moduleId: string }
  | { kind: 'rename-lesson'; lessonId: string }
  | { kind: 'new-lesson'; moduleId: string };

/**
 * The outline of a version: modules and their lessons, added, renamed and deleted in place, reordered by
 * drag and drop (lessons across modules too) and by keyboard: Alt+Arrow Up/Down moves the focused module
 * or lesson, the move is announced, and a menu offers the same moves for touch. Every new order is saved
 * at once as a whole.
 */
@Component({
  selector: 'ba-outline-editor',
  imports: [
    CdkDrag,
    CdkDragHandle,
    CdkDropList,
    CdkDropListGroup,
    ContentTextFields,
    ContentTextView,
    FailureBox,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatMenuModule,
    MatProgressBarModule,
    MatSelectModule,
    NgTemplateOutlet,
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
  ],
  templateUrl: './outline-editor.html',
  styleUrl: './outline-editor.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OutlineEditor {
  private readonly client = inject(CourseVersionClient);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly transloco = inject(TranslocoService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly language = inject(LanguagePreference).active;
  private readonly languages = inject(ContentLanguages);

  protected readonly workspace = inject(VersionWorkspace);
  protected readonly version = this.workspace.current;
  protected readonly editable = this.workspace.editable;
  protected readonly kinds = LESSON_KINDS;
  protected readonly kindLabels = LESSON_KIND_LABELS;
  /** The outline as shown: moves change it at once, before the server has answered. */
  protected readonly modules = signal<CourseModule[]>([]);
  protected readonly lessonListIds = computed(() => this.modules().map((module) => `lessons-${module.id}`));
  protected readonly busy = signal(false);
  protected readonly failure = signal<AuthoringFailure | null>(null);
  protected readonly editing = signal<Editing | null>(null);
  protected textForm: ContentTextGroup = contentTextGroup([], null);
  protected descriptionForm: ContentTextGroup = contentTextGroup([], null);
  protected readonly lessonKind = new FormControl<LessonKind>('text', { nonNullable: true });
  protected readonly lessonRequired = new FormControl(true, { nonNullable: true });

  constructor() {
    effect(() => {
      const version = this.version();
      untracked(() => this.modules.set(version?.modules ?? []));
    });
  }

  protected title(text: Record<string, string>): string {
    return contentTextIn(text, this.language(), this.workspace.defaultLanguage()).text;
  }

  protected lessonLink(lesson: LessonSummary): string[] {
    return ['/authoring/versions', this.version()?.id ?? '', 'lessons', lesson.id];
  }

  // --- editing texts in place -------------------------------------------------------------------

  protected startEditing(editing: Editing): void {
    const codes = this.codes();
    const required = this.workspace.defaultLanguage();
    const version = this.version();
    if (editing.kind === 'version') {
      this.textForm = contentTextGroup(codes, version?.title, { required, maxLength: 200 });
      this.descriptionForm = contentTextGroup(codes, version?.description, { maxLength: 4000 });
    } else if (editing.kind === 'rename-module') {
      const module = this.modules().find((m) => m.id === editing.moduleId);
      this.textForm = contentTextGroup(codes, module?.title, { required, maxLength: 200 });
    } else if (editing.kind === 'rename-lesson') {
      const lesson = this.modules()
        .flatMap((m) => m.lessons)
        .find((l) => l.id === editing.lessonId);
      this.textForm = contentTextGroup(codes, lesson?.title, { required, maxLength: 200 });
    } else {
      this.textForm = contentTextGroup(codes, null, { required, maxLength: 200 });
      this.lessonKind.setValue('text');
      this.lessonRequired.setValue(true);
    }
    this.editing.set(editing);
    this.focusLater('[data-edit-form] input');
  }

  protected cancelEditing(): void {
    this.editing.set(null);
  }

  protected async saveEditing(): Promise<void> {
    const editing = this.editing();
    const version = this.version();
    if (!editing || !version) return;
    if (this.textForm.invalid) {
      this.textForm.markAllAsTouched();
      return;
    }
    const title = contentTextOf(this.textForm);
    let saved: unknown;
    switch (editing.kind) {
      case 'version':
        saved = await this.run(
          this.client.update(version.id, { title, description: optionalContentText(this.descriptionForm) }),
        );
        break;
      case 'new-module':
        saved = await this.run(this.client.addModule(version.id, { title }));
        break;
      case 'rename-module':
        saved = await this.run(this.client.updateModule(editing.moduleId, { title }));
        break;
      case 'rename-lesson':
        saved = await this.run(this.client.updateLesson(editing.lessonId, { title }));
        break;
      case 'new-lesson':
        saved = await this.run(
          this.client.addLesson(editing.moduleId, {
            kind: this.lessonKind.value,
            title,
            required: this.lessonRequired.value,
          }),
        );
        break;
    }
    if (saved) {
      this.editing.set(null);
      this.announcer.announce(this.transloco.translate('authoring.outline.saved'));
      this.workspace.version.reload();
    }
  }

  protected async deleteModule(module: CourseModule): Promise<void> {
    if (await this.run(this.client.deleteModule(module.id), true)) this.workspace.version.reload();
  }

  protected async deleteLesson(lesson: LessonSummary): Promise<void> {
    if (await this.run(this.client.deleteLesson(lesson.id), true)) this.workspace.version.reload();
  }

  // --- reordering ---------------------------------------------------------------------------------

  /** Alt+Arrow Up/Down on a focused module or lesson moves it one place. */
  protected moveByKey(event: KeyboardEvent, moduleIndex: number, lessonIndex?: number): void {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    event.stopPropagation();
    const delta = event.key === 'ArrowUp' ? -1 : 1;
    if (lessonIndex === undefined) this.moveModuleBy(moduleIndex, delta);
    else this.moveLessonBy(moduleIndex, lessonIndex, delta);
  }

  protected moveModuleBy(index: number, delta: -1 | 1): void {
    const moved = moveModule(this.modules(), index, delta);
    const module = this.modules()[index];
    if (!moved || !module) return this.announceEnd();
    this.applyOrder(moved.modules, moved.place, module.id, this.title(module.title));
  }

  protected moveLessonBy(moduleIndex: number, lessonIndex: number, delta: -1 | 1): void {
    const lesson = this.modules()[moduleIndex]?.lessons[lessonIndex];
    const moved = moveLesson(this.modules(), moduleIndex, lessonIndex, delta);
    if (!moved || !lesson) return this.announceEnd();
    this.applyOrder(moved.modules, moved.place, lesson.id, this.title(lesson.title));
  }

  protected dropModule(event: CdkDragDrop<CourseModule[]>): void {
    if (event.previousIndex === event.currentIndex) return;
    const next = [...this.modules()];
    const [module] = next.splice(event.previousIndex, 1);
    next.splice(event.currentIndex, 0, module);
    this.applyOrder(next, { moduleIndex: event.currentIndex }, module.id, this.title(module.title));
  }

  protected dropLesson(event: CdkDragDrop<number>): void {
    const from = event.previousContainer.data;
    const to = event.container.data;
    if (from === to && event.previousIndex === event.currentIndex) return;
    const lesson = this.modules()[from]?.lessons[event.previousIndex];
    if (!lesson) return;
    const next = transferLesson(this.modules(), from, event.previousIndex, to, event.currentIndex);
    const lessonIndex = next[to].lessons.findIndex((l) => l.id === lesson.id);
    this.applyOrder(next, { moduleIndex: to, lessonIndex }, lesson.id, this.title(lesson.title));
  }

  private applyOrder(modules: CourseModule[], place: OutlinePlace, itemId: string, name: string): void {
    const previous = this.modules();
    this.modules.set(modules);
    this.focusLater(`[data-outline-item="${itemId}"]`);
    const module = modules[place.moduleIndex];
    const announcement =
      place.lessonIndex === undefined
        ? this.transloco.translate('authoring.outline.movedModule', {
            name,
            position: place.moduleIndex + 1,
            count: modules.length,
          })
        : this.transloco.translate('authoring.outline.movedLesson', {
            name,
            position: place.lessonIndex + 1,
            module: module ? this.title(module.title) : '',
          });
    this.announcer.announce(announcement);
    const version = this.version();
    if (!version) return;
    this.failure.set(null);
    this.client.reorder(version.id, outlineOrder(modules)).subscribe({
      next: (saved) => this.workspace.replace(saved),
      error: (failure: unknown) => {
        this.modules.set(previous);
        this.failure.set(authoringFailure(failure, this.transloco));
      },
    });
  }

  private announceEnd(): void {
    this.announcer.announce(this.transloco.translate('authoring.outline.cannotMove'));
  }

  private codes(): string[] {
    return this.languages.codes();
  }

  private focusLater(selector: string): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus(), {
      injector: this.injector,
    });
  }

  private async run<T>(call: Observable<T>, allowEmpty = false): Promise<boolean> {
    this.busy.set(true);
    this.failure.set(null);
    try {
      const answer = await firstValueFrom(call, { defaultValue: undefined });
      return allowEmpty || answer !== undefined;
    } catch (failure) {
      this.failure.set(authoringFailure(failure, this.transloco));
      return false;
    } finally {
      this.busy.set(false);
    }
  }
}
