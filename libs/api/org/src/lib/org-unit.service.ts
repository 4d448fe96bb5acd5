import { Injectable } from '@nestjs/common';
import { AuditService } from '@border-academy/api-audit';
import {
  AccessContext,
  changedFields,
  scopeFor,
  ValidationProblemException,
  violates,
} from '@border-academy/api-platform';
import {
  CreateOrgUnitRequest,
  DEFAULT_PAGE_SIZE,
  FieldError,
  MoveOrgUnitRequest,
  OrgUnit,
  OrgUnitKind,
  OrgUnitListQuery,
  OrgUnitStatus,
  Page,
  UpdateOrgUnitRequest,
} from '@border-academy/shared-contracts';
import { DataSource, EntityManager } from 'typeorm';

import { toLocalizedText } from './localized-text.dto';
import {
  OrgUnitCodeTakenError,
  OrgUnitHasActiveUsersError,
  OrgUnitNotFoundError,
  OrgUnitParentInactiveError,
} from './org.errors';
import { OrgUnitRecord, OrgUnitRepository } from './org-unit.repository';

function invalidParent(code: string, message: string): ValidationProblemException {
  return new ValidationProblemException([{ field: 'parentId', message, code }]);
}

/** Countries are the roots of the tree, and only they: a unit's kind must agree with its place. */
function kindProblem(kind: OrgUnitKind, isTopLevel: boolean): FieldError | null {
  if (isTopLevel && kind !== 'country') {
    return { field: 'kind', message: 'A top-level unit is a country', code: 'top-level' };
  }
  if (!isTopLevel && kind === 'country') {
    return { field: 'kind', message: 'Only a top-level unit is a country', code: 'top-level' };
  }
  return null;
}

@Injectable()
export class OrgUnitService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: OrgUnitRepository,
    private readonly audit: AuditService,
  ) {}

  /** The tree is readable by everyone; the admin scope only narrows the list or adds inactive units to it. */
  async list(access: AccessContext, query: OrgUnitListQuery): Promise<Page<OrgUnit>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const q = query.q?.trim();
    const { items, total } = await this.repository.findPage(this.dataSource.manager, {
      parentId: query.parentId,
      q: q ? q : undefined,
      administered: query.administered ?? false,
      administeredRoots: query.administeredRoots ?? false,
      includeInactive: query.includeInactive ?? false,
      adminScope: scopeFor(access.principal, 'org-unit:write') ?? [],
      offset: (page - 1) * pageSize,
      limit: pageSize,
    });
    return { items, total, page, pageSize };
  }

  async get(id: string): Promise<OrgUnit> {
    const unit = await this.repository.findById(this.dataSource.manager, id);
    if (!unit) throw new OrgUnitNotFoundError(id);
    return unit;
  }

  /** A new active unit under an active parent inside the caller's scope. */
  async create(access: AccessContext, request: CreateOrgUnitRequest, ip: string | null): Promise<OrgUnit> {
    const kind = kindProblem(request.kind, false);
    if (kind) throw new ValidationProblemException([kind]);
    let id: string;
    try {
      id = await this.dataSource.transaction(async (manager) => {
        await this.repository.lockTree(manager);
        const parent = await this.parentInScope(manager, access, request.parentId);
        const name = toLocalizedText(request.name);
        const created = await this.repository.insert(manager, {
          code: request.code,
          kind: request.kind,
          name,
          parent,
        });
        await this.record(manager, access, ip, 'org-unit.create', created, {
          after: { code: request.code, kind: request.kind, name, parentId: parent.id },
        });
        return created;
      });
    } catch (error) {
      if (violates(error, 'uq_org_unit_code')) throw new OrgUnitCodeTakenError(request.code);
      throw error;
    }
    return this.get(id);
  }

  /** Renames a unit inside the scope (both languages at once) or changes its kind. */
  async update(
    access: AccessContext,
    id: string,
    request: UpdateOrgUnitRequest,
    ip: string | null,
  ): Promise<OrgUnit> {
    await this.dataSource.transaction(async (manager) => {
      const unit = await this.unitInScope(manager, access, id);
      const kind = request.kind && kindProblem(request.kind, unit.parentId === null);
      if (kind) throw new ValidationProblemException([kind]);
      const changes = changedFields(unit, {
        name: request.name && toLocalizedText(request.name),
        kind: request.kind,
      });
      if (!changes) return;
      await this.repository.update(manager, id, changes.after);
      await this.record(manager, access, ip, 'org-unit.update', id, changes);
    });
    return this.get(id);
  }

  /**
   * Hangs a unit of the scope, with its whole subtree, under another active unit of the scope. A unit
   * never moves below itself, and a country stays at the top.
   */
  async move(
    access: AccessContext,
    id: string,
    request: MoveOrgUnitRequest,
    ip: string | null,
  ): Promise<OrgUnit> {
    await this.dataSource.transaction(async (manager) => {
      await this.repository.lockTree(manager);
      const unit = await this.unitInScope(manager, access, id);
      const parent = await this.parentInScope(manager, access, request.parentId);
      if (parent.id === unit.id || parent.path.startsWith(`${unit.path}.`)) {
        throw invalidParent('cycle', 'A unit cannot move under itself or a unit below it');
      }
      if (unit.parentId === null) throw invalidParent('top-level', 'A country stays at the top of the tree');
      if (unit.parentId === parent.id) return;
      const moved = await this.repository.moveSubtree(manager, unit, parent);
      await this.record(manager, access, ip, 'org-unit.move', id, {
        before: { parentId: unit.parentId, path: unit.path },
        after: { parentId: parent.id, path: `${parent.path}.${unit.code}` },
        units: moved,
      });
    });
    return this.get(id);
  }

  /**
   * Deactivates a unit and its whole subtree, refused while any active person belongs there: they
   * must be moved first, so that nobody is left in a unit that lists and pickers no longer show.
   */
  async deactivate(access: AccessContext, id: string, ip: string | null): Promise<OrgUnit> {
    await this.dataSource.transaction(async (manager) => {
      await this.repository.lockTree(manager);
      const unit = await this.unitInScope(manager, access, id);
      if (unit.status === 'inactive') return;
      const people = await this.repository.countActiveUsersInSubtree(manager, unit.path);
      if (people > 0) throw new OrgUnitHasActiveUsersError(people);
      await this.changeStatus(manager, access, ip, unit, 'inactive');
    });
    return this.get(id);
  }

  /** Reactivates a unit and its whole subtree, once the unit above it is active. */
  async reactivate(access: AccessContext, id: string, ip: string | null): Promise<OrgUnit> {
    await this.dataSource.transaction(async (manager) => {
      await this.repository.lockTree(manager);
      const unit = await this.unitInScope(manager, access, id);
      if (unit.status === 'active') return;
      if (unit.parentId && (await this.repository.findStatus(manager, unit.parentId)) !== 'active') {
        throw new OrgUnitParentInactiveError();
      }
      await this.changeStatus(manager, access, ip, unit, 'active');
    });
    return this.get(id);
  }

  private async changeStatus(
    manager: EntityManager,
    access: AccessContext,
    ip: string | null,
    unit: OrgUnitRecord,
    status: OrgUnitStatus,
  ): Promise<void> {
    const units = await this.repository.setSubtreeStatus(manager, unit.path, status);
    await this.record(
      manager,
      access,
      ip,
      status === 'active' ? 'org-unit.reactivate' : 'org-unit.deactivate',
      unit.id,
      {
        before: { status: unit.status },
        after: { status },
        units,
      },
    );
  }

  /** A unit outside the caller's scope does not exist for them. */
  private async unitInScope(
    manager: EntityManager,
    access: AccessContext,
    id: string,
  ): Promise<OrgUnitRecord> {
    const unit = await this.repository.findInScopeForUpdate(manager, access.scope ?? [], id);
    if (!unit) throw new OrgUnitNotFoundError(id);
    return unit;
  }

  private async parentInScope(
    manager: EntityManager,
    access: AccessContext,
    parentId: string,
  ): Promise<OrgUnitRecord> {
    const parent = await this.repository.findInScopeForUpdate(manager, access.scope ?? [], parentId);
    if (!parent) throw invalidParent('scope', 'parentId must be a unit you administer');
    if (parent.status !== 'active') {
      throw invalidParent('inactive', 'parentId is an inactive unit; reactivate it first');
    }
    return parent;
  }

  private record(
    manager: EntityManager,
    access: AccessContext,
    ip: string | null,
    action: string,
    unitId: string,
    summary: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record(manager, {
      actorUserId: access.principal.userId,
      action,
      targetType: 'org-unit',
      targetId: unitId,
      ip,
      summary,
    });
  }
}
