import { Injectable, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { forkJoin, of } from 'rxjs';
import { OrgUnit, Role } from '@border-academy/shared-contracts';
import { AuthSession, OrgUnitClient } from '@border-academy/web-data-access';

/** Whether a unit lies in the subtree of a unit with the given path (`kz.kz-border` holds `kz.kz-border.x`). */
export function withinPath(unit: Pick<OrgUnit, 'path'>, path: string): boolean {
  return unit.path === path || unit.path.startsWith(`${path}.`);
}

/**
 * The signed-in person's HR scope as the pages need it: the units of their HR grants, to offer only
 * units inside it in the unit filter (the API refuses the others), and whether they may change the
 * shared catalogue of qualifications, which takes an admin or HR grant on a whole country.
 */
@Injectable({ providedIn: 'root' })
export class HrScope {
  private readonly session = inject(AuthSession);
  private readonly orgUnits = inject(OrgUnitClient);

  private readonly grants = computed(() =>
    (this.session.user()?.grants ?? []).filter((grant) => (['hr', 'admin'] as Role[]).includes(grant.role)),
  );
  private readonly units = rxResource({
    params: () => [...new Set(this.grants().map((grant) => grant.orgUnitId))],
    stream: ({ params: ids }) =>
      ids.length === 0 ? of([] as OrgUnit[]) : forkJoin(ids.map((id) => this.orgUnits.get(id))),
  });
  private readonly unitsById = computed(
    () => new Map((this.units.hasValue() ? this.units.value() : []).map((unit) => [unit.id, unit])),
  );

  /** The paths of the units the person is HR of. */
  readonly hrPaths = computed(() =>
    this.grants()
      .filter((grant) => grant.role === 'hr')
      .map((grant) => this.unitsById().get(grant.orgUnitId)?.path)
      .filter((path): path is string => !!path),
  );

  /** Whether the person may create and edit qualifications and set positions' requirements. */
  readonly canEditCatalogue = computed(() =>
    this.grants().some((grant) => this.unitsById().get(grant.orgUnitId)?.parentId === null),
  );

  /** For the unit filter: true for a unit outside the HR scope (not offered). */
  readonly outside = computed(() => {
    const paths = this.hrPaths();
    return (unit: OrgUnit) => !paths.some((path) => withinPath(unit, path));
  });
}
