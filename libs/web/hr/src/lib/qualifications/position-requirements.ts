import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { rxResource, takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom, of } from 'rxjs';
import { MAX_PAGE_SIZE } from '@border-academy/shared-contracts';
import {
  LocalizedPipe,
  Notice,
  NoticeLine,
  PositionPicker,
  describeFailure,
} from '@border-academy/web-admin/shared';
import { QualificationClient } from '@border-academy/web-data-access';
import { LanguagePreference } from '@border-academy/web-i18n';

import { AREA_LABELS } from '../shared/labels';

/**
 * The qualifications a position requires: pick a position, tick the qualifications its holders must have
 * and save them as a whole. Read-only for those who may not change the shared catalogue.
 */
@Component({
  selector: 'ba-position-requirements',
  imports: [
    LocalizedPipe,
    MatButtonModule,
    MatCheckboxModule,
    MatProgressBarModule,
    NoticeLine,
    PositionPicker,
    ReactiveFormsModule,
    TranslocoPipe,
  ],
  template: `
    <ba-position-picker [formControl]="position" [label]="'hr.requirements.position' | transloco" />
    @if (position.value) {
      <div [attr.aria-busy]="requirements.isLoading() || catalogue.isLoading()">
        @if (requirements.isLoading() || catalogue.isLoading()) {
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="'hr.requirements.loading' | transloco" />
        }
        <div role="alert" class="error">
          @if (requirements.error() || catalogue.error()) {
            <p>{{ 'hr.requirements.loadFailed' | transloco }}</p>
          }
        </div>
        @if (requirements.hasValue() && catalogue.hasValue()) {
          <fieldset [disabled]="!editable() || saving()">
            <legend>{{ 'hr.requirements.legend' | transloco }}</legend>
            @for (qualification of catalogue.value().items; track qualification.id) {
              <mat-checkbox
                [checked]="chosen().has(qualification.id)"
                [disabled]="!editable() || saving()"
                (change)="toggle(qualification.id, $event.checked)"
              >
                {{ qualification.name | localized: language() }}
                <span class="secondary"
                  >{{ areaLabels[qualification.area] | transloco }} · {{ qualification.code }}</span
                >
              </mat-checkbox>
            } @empty {
              <p>{{ 'hr.qualifications.empty' | transloco }}</p>
            }
          </fieldset>
          @if (editable()) {
            <button
              mat-flat-button
              type="button"
              data-testid="save-requirements"
              [disabled]="saving()"
              (click)="save()"
            >
              {{ 'hr.requirements.save' | transloco }}
            </button>
          }
        }
      </div>
    } @else {
      <p class="secondary">{{ 'hr.requirements.pick' | transloco }}</p>
    }
    <ba-notice [notice]="notice()" />
  `,
  styles: `
    :host {
      display: block;
      max-width: 40rem;
    }
    fieldset {
      display: flex;
      flex-direction: column;
      margin: 0 0 0.75rem;
      padding: 0.5rem 0.75rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 0.5rem;
    }
    legend {
      padding: 0 0.25rem;
      font: var(--mat-sys-title-small);
    }
    .secondary {
      display: block;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .error p {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PositionRequirementsEditor {
  private readonly client = inject(QualificationClient);
  private readonly transloco = inject(TranslocoService);

  /** Whether the person may change them (admin or HR of a whole country). */
  readonly editable = input(false);
  /** Changes when the catalogue changed on the page, so that a new qualification is offered at once. */
  readonly catalogueRevision = input(0);

  protected readonly language = inject(LanguagePreference).active;
  protected readonly areaLabels = AREA_LABELS;
  protected readonly position = new FormControl<string | null>(null);
  private readonly positionId = toSignal(this.position.valueChanges, { initialValue: null });

  protected readonly requirements = rxResource({
    params: () => this.positionId() ?? undefined,
    stream: ({ params: id }) => (id ? this.client.requirements(id) : of(null)),
  });
  protected readonly catalogue = rxResource({
    params: () => ({ language: this.language(), revision: this.catalogueRevision() }),
    stream: ({ params }) => this.client.list({ pageSize: MAX_PAGE_SIZE, language: params.language }),
  });
  protected readonly chosen = signal<ReadonlySet<string>>(new Set());
  protected readonly saving = signal(false);
  protected readonly notice = signal<Notice | null>(null);

  constructor() {
    // the boxes start from what the position requires, as read or as just saved
    effect(() => {
      const requirements = this.requirements.hasValue() ? this.requirements.value() : null;
      this.chosen.set(new Set(requirements?.qualifications.map((qualification) => qualification.id) ?? []));
    });
    // what was said about the last position's requirements is not about the next one
    this.position.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.notice.set(null));
  }

  protected toggle(id: string, checked: boolean): void {
    const next = new Set(this.chosen());
    if (checked) next.add(id);
    else next.delete(id);
    this.chosen.set(next);
  }

  protected async save(): Promise<void> {
    const positionId = this.position.value;
    if (!positionId || this.saving()) return;
    this.saving.set(true);
    this.notice.set(null);
    try {
      const saved = await firstValueFrom(
        this.client.setRequirements(positionId, { qualificationIds: [...this.chosen()] }),
      );
      this.requirements.set(saved);
      this.notice.set({
        kind: 'done',
        text: this.transloco.translate('hr.requirements.saved', { count: saved.qualifications.length }),
      });
    } catch (failure) {
      this.notice.set({ kind: 'error', text: describeFailure(failure, this.transloco) });
    } finally {
      this.saving.set(false);
    }
  }
}
