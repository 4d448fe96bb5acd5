import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  ASSIGNMENT_TARGETS,
  Assignment,
  AssignmentTarget,
  CreateAssignmentRequest,
} from '@border-academy/shared-contracts';
import {
  DialogFormEnd,
  FormSubmission,
  OrgUnitPicker,
  PositionPicker,
  UserPicker,
} from '@border-academy/web-admin/shared';
import { AssignmentClient, UserClient } from '@border-academy/web-data-access';

import { CoursePicker } from '../shared/course-picker';
import { HrScope } from '../shared/hr-scope';
import { TARGET_LABELS } from '../shared/labels';
import { today } from '../person/grant-dialog';

/** How many people one assignment may name; the API takes no more. */
export const MAX_ASSIGNED_PEOPLE = 500;
export const DEFAULT_LATE_JOINER_DAYS = 30;

/** The chosen people of an assignment, with their names for the list beside the picker. */
interface ChosenPerson {
  id: string;
  name: string;
}

/** The request from the form: only the fields the target takes. */
export function assignmentRequest(values: {
  courseId: string;
  target: AssignmentTarget;
  userIds: string[];
  orgUnitId: string | null;
  positionId: string | null;
  dueAt: string;
  lateJoinerDays: number | null;
}): CreateAssignmentRequest {
  const base = { courseId: values.courseId, target: values.target, dueAt: values.dueAt };
  switch (values.target) {
    case 'person':
      return { ...base, userIds: values.userIds };
    case 'unit':
      return {
        ...base,
        orgUnitId: values.orgUnitId ?? undefined,
        lateJoinerDays: values.lateJoinerDays ?? DEFAULT_LATE_JOINER_DAYS,
      };
    case 'position':
      return {
        ...base,
        orgUnitId: values.orgUnitId ?? undefined,
        positionId: values.positionId ?? undefined,
        lateJoinerDays: values.lateJoinerDays ?? DEFAULT_LATE_JOINER_DAYS,
      };
  }
}

/**
 * "Assign a course": a published course to some people, or as a rule to everyone in a unit's subtree or
 * holding a position there (who joins later gets it with the late-joiner days to complete it), with a
 * due date. Closes with the assignment made.
 */
@Component({
  selector: 'ba-assign-dialog',
  imports: [
    CoursePicker,
    DialogFormEnd,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    OrgUnitPicker,
    PositionPicker,
    ReactiveFormsModule,
    TranslocoPipe,
    UserPicker,
  ],
  template: `
    <h2 mat-dialog-title>{{ 'hr.assign.title' | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="fields">
        <ba-course-picker formControlName="courseId" [label]="'hr.assign.course' | transloco" />
        <mat-radio-group
          class="target"
          formControlName="target"
          [attr.aria-label]="'hr.assign.target' | transloco"
        >
          @for (target of targets; track target) {
            <mat-radio-button [value]="target">{{ targetLabels[target] | transloco }}</mat-radio-button>
          }
        </mat-radio-group>
        @switch (form.controls.target.value) {
          @case ('person') {
            <ba-user-picker [formControl]="personPicker" [label]="'hr.assign.addPerson' | transloco" />
            <ul class="people" [attr.aria-label]="'hr.assign.people' | transloco">
              @for (person of people(); track person.id) {
                <li>
                  {{ person.name }}
                  <button
                    mat-button
                    type="button"
                    [attr.aria-label]="'hr.assign.removePerson' | transloco: { name: person.name }"
                    (click)="remove(person.id)"
                  >
                    {{ 'hr.assign.remove' | transloco }}
                  </button>
                </li>
              } @empty {
                <li class="secondary">{{ 'hr.assign.noPeople' | transloco }}</li>
              }
            </ul>
            <div role="alert" class="error">
              @if (peopleMissing()) {
                <p>{{ 'hr.assign.peopleRequired' | transloco }}</p>
              }
            </div>
          }
          @default {
            <ba-org-unit-picker
              formControlName="orgUnitId"
              [label]="'hr.assign.unit' | transloco"
              [hint]="'hr.assign.unitHint' | transloco"
              [administeredOnly]="false"
              [exclude]="outsideScope()"
            />
            @if (form.controls.target.value === 'position') {
              <ba-position-picker formControlName="positionId" [label]="'hr.assign.position' | transloco" />
            }
            <mat-form-field>
              <mat-label>{{ 'hr.assign.lateJoinerDays' | transloco }}</mat-label>
              <input matInput type="number" min="1" max="365" formControlName="lateJoinerDays" />
              <mat-hint>{{ 'hr.assign.lateJoinerHint' | transloco }}</mat-hint>
              @if (form.controls.lateJoinerDays.invalid) {
                <mat-error>{{ 'hr.assign.lateJoinerRange' | transloco }}</mat-error>
              }
            </mat-form-field>
          }
        }
        <mat-form-field>
          <mat-label>{{ 'hr.assign.dueAt' | transloco }}</mat-label>
          <input
            matInput
            type="date"
            formControlName="dueAt"
            [min]="minDate"
            data-testid="assign-due"
            required
          />
          @if (form.controls.dueAt.hasError('required')) {
            <mat-error>{{ 'admin.dialog.required' | transloco }}</mat-error>
          } @else if (form.controls.dueAt.hasError('server')) {
            <mat-error>{{ form.controls.dueAt.getError('server') }}</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <ba-dialog-form-end [submission]="submission" [submitLabel]="'hr.assign.submit' | transloco" />
    </form>
  `,
  styleUrl: '../shared/hr-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AssignDialog {
  private readonly assignments = inject(AssignmentClient);
  private readonly users = inject(UserClient);
  private readonly dialog = inject<MatDialogRef<AssignDialog, Assignment>>(MatDialogRef);

  protected readonly outsideScope = inject(HrScope).outside;
  protected readonly targets = ASSIGNMENT_TARGETS;
  protected readonly targetLabels = TARGET_LABELS;
  protected readonly minDate = today();
  protected readonly form = new FormGroup({
    courseId: new FormControl<string | null>(null, { validators: [Validators.required] }),
    target: new FormControl<AssignmentTarget>('person', { nonNullable: true }),
    orgUnitId: new FormControl<string | null>(null),
    positionId: new FormControl<string | null>(null),
    dueAt: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    lateJoinerDays: new FormControl<number | null>(DEFAULT_LATE_JOINER_DAYS, {
      validators: [Validators.min(1), Validators.max(365)],
    }),
  });
  protected readonly personPicker = new FormControl<string | null>(null);
  protected readonly people = signal<ChosenPerson[]>([]);
  protected readonly peopleMissing = signal(false);
  protected readonly submission = new FormSubmission(inject(TranslocoService));

  constructor() {
    // what a target needs is required only while that target is chosen
    this.form.controls.target.valueChanges.pipe(takeUntilDestroyed()).subscribe((target) => {
      const { orgUnitId, positionId } = this.form.controls;
      orgUnitId.setValidators(target === 'person' ? [] : [Validators.required]);
      positionId.setValidators(target === 'position' ? [Validators.required] : []);
      orgUnitId.updateValueAndValidity();
      positionId.updateValueAndValidity();
      this.peopleMissing.set(false);
    });
    this.personPicker.valueChanges.pipe(takeUntilDestroyed()).subscribe((id) => {
      if (!id || this.people().some((person) => person.id === id)) return;
      if (this.people().length >= MAX_ASSIGNED_PEOPLE) return;
      this.users.get(id).subscribe((user) => {
        this.people.update((people) => [
          ...people,
          { id: user.id, name: `${user.fullName} (${user.login})` },
        ]);
        this.peopleMissing.set(false);
        this.personPicker.setValue(null);
      });
    });
  }

  protected remove(id: string): void {
    this.people.update((people) => people.filter((person) => person.id !== id));
  }

  protected async save(): Promise<void> {
    const values = this.form.getRawValue();
    if (values.target === 'person' && this.people().length === 0) {
      this.peopleMissing.set(true);
      this.form.markAllAsTouched();
      return;
    }
    const controls = this.form.controls;
    const saved = await this.submission.submit(
      this.form,
      {
        courseId: controls.courseId,
        orgUnitId: controls.orgUnitId,
        positionId: controls.positionId,
        dueAt: controls.dueAt,
        lateJoinerDays: controls.lateJoinerDays,
      },
      () =>
        this.assignments.create(
          assignmentRequest({
            ...values,
            courseId: values.courseId ?? '',
            userIds: this.people().map((person) => person.id),
          }),
        ),
    );
    if (saved) this.dialog.close(saved);
  }
}
