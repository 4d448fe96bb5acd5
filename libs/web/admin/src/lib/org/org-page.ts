import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatTree, MatTreeModule } from '@angular/material/tree';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { MAX_PAGE_SIZE, OrgUnit, OrgUnitListQuery } from '@border-academy/shared-contracts';
import { OrgUnitClient } from '@border-academy/web-data-access';
import { LanguagePreference } from '@border-academy/web-i18n';

import { ConfirmDialog, ConfirmDialogData } from '../shared/confirm-dialog';
import { LocalizedPipe, localized } from '../shared/localized.pipe';
import { Notice, NoticeLine } from '../shared/notice';
import { openDialog } from '../shared/open-dialog';
import { describeFailure } from '../shared/problem-text';
import { MoveDialog } from './move-dialog';
import { OrgUnitDialog, OrgUnitDialogData } from './org-unit-dialog';
import { ORG_UNIT_KIND_LABELS } from './org-unit-kinds';

/** A unit where the tree shows it: the tree is flat, each node knowing its depth below the tops. */
export interface OrgTreeNode {
  unit: OrgUnit;
  level: number;
}

/** Below this width the details sit under the tree rather than beside it. */
const NARROW = '(max-width: 52rem)';

/**
 * The org tree an admin administers, from the units of their grants down, each level loaded when it
 * is first opened. Choosing a unit shows its details and what can be done to it: add a unit below it,
 * rename it, move it, deactivate or reactivate it. Inactive units are shown when asked for.
 */
@Component({
  selector: 'ba-org-page',
  imports: [
    LocalizedPipe,
    MatButtonModule,
    MatProgressBarModule,
    MatProgressSpinnerModule,
    MatSlideToggleModule,
    MatTreeModule,
    NoticeLine,
    TranslocoPipe,
  ],
  templateUrl: './org-page.html',
  styleUrl: './org-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrgPage {
  private readonly orgUnits = inject(OrgUnitClient);
  private readonly dialogs = inject(MatDialog);
  private readonly transloco = inject(TranslocoService);
  private readonly tree = viewChild(MatTree);
  private readonly details = viewChild<ElementRef<HTMLElement>>('details');

  protected readonly language = inject(LanguagePreference).active;
  protected readonly kindLabels = ORG_UNIT_KIND_LABELS;

  protected readonly showInactive = signal(false);
  protected readonly state = signal<'loading' | 'ready' | 'failed'>('loading');
  protected readonly roots = signal<OrgUnit[]>([]);
  /** The children of every unit opened so far, by the unit's id. */
  private readonly children = signal<ReadonlyMap<string, OrgUnit[]>>(new Map());
  protected readonly loadingChildren = signal<ReadonlySet<string>>(new Set());
  protected readonly childrenError = signal<OrgUnit | null>(null);
  protected readonly selected = signal<OrgUnit | null>(null);
  protected readonly notice = signal<Notice | null>(null);
  protected readonly busy = signal(false);

  protected readonly nodes = computed(() => {
    const children = this.children();
    const nodes: OrgTreeNode[] = [];
    const visit = (units: readonly OrgUnit[], level: number): void => {
      for (const unit of units) {
        nodes.push({ unit, level });
        const below = children.get(unit.id);
        if (below) visit(below, level + 1);
      }
    };
    visit(this.roots(), 0);
    return nodes;
  });
  private readonly known = computed(() => new Map(this.nodes().map((node) => [node.unit.id, node.unit])));

  protected readonly levelOf = (node: OrgTreeNode): number => node.level;
  protected readonly keyOf = (node: OrgTreeNode): string => node.unit.id;
  protected readonly trackById = (_: number, node: OrgTreeNode): string => node.unit.id;

  constructor() {
    void this.reload();
  }

  protected nameOf(unit: OrgUnit): string {
    return localized(unit.name, this.language());
  }

  protected toggleInactive(show: boolean): void {
    this.showInactive.set(show);
    void this.reload();
  }

  /** The tops and every level opened so far, again, so that the tree stays open where it was. */
  protected async reload(): Promise<void> {
    if (this.state() !== 'ready') this.state.set('loading');
    this.busy.set(true);
    const opened = [...this.children().keys()];
    try {
      const [roots, ...levels] = await Promise.all([
        this.listAll({ administeredRoots: true }),
        ...opened.map((parentId) => this.listAll({ parentId })),
      ]);
      this.roots.set(roots);
      this.children.set(new Map(opened.map((parentId, index) => [parentId, levels[index] ?? []])));
      this.selected.update((unit) => (unit && this.known().get(unit.id)) ?? unit);
      this.state.set('ready');
    } catch {
      this.state.set('failed');
    } finally {
      this.busy.set(false);
    }
  }

  protected expanded(node: OrgTreeNode, expanded: boolean): void {
    if (expanded && !this.children().has(node.unit.id)) void this.loadChildren(node.unit);
  }

  protected async loadChildren(parent: OrgUnit): Promise<void> {
    if (this.loadingChildren().has(parent.id)) return;
    this.childrenError.set(null);
    this.loadingChildren.update((ids) => new Set(ids).add(parent.id));
    try {
      const units = await this.listAll({ parentId: parent.id });
      this.children.update((children) => new Map(children).set(parent.id, units));
    } catch {
      this.childrenError.set(parent);
    } finally {
      this.loadingChildren.update((ids) => {
        const rest = new Set(ids);
        rest.delete(parent.id);
        return rest;
      });
    }
  }

  protected select(unit: OrgUnit): void {
    this.selected.set(unit);
    this.notice.set(null);
    // on a phone the details are under the tree: bring them into view
    if (globalThis.matchMedia?.(NARROW).matches) {
      setTimeout(() =>
        this.details()?.nativeElement.scrollIntoView?.({ block: 'start', behavior: 'smooth' }),
      );
    }
  }

  protected async addBelow(parent: OrgUnit): Promise<void> {
    const created = await openDialog<OrgUnit, OrgUnitDialogData>(this.dialogs, OrgUnitDialog, {
      mode: 'create',
      parent,
    });
    if (!created) return;
    await this.loadChildren(parent);
    this.tree()?.expand({ unit: parent, level: 0 });
    this.selected.set(created);
    this.done('admin.org.done.created', created);
  }

  protected async rename(unit: OrgUnit): Promise<void> {
    const renamed = await openDialog<OrgUnit, OrgUnitDialogData>(this.dialogs, OrgUnitDialog, {
      mode: 'rename',
      unit,
    });
    if (!renamed) return;
    // the list's count of children follows the list's rules; the unit's own answer counts active ones
    const keepCount = (candidate: OrgUnit) =>
      candidate.id === unit.id ? { ...renamed, childCount: candidate.childCount } : candidate;
    this.roots.update((units) => units.map(keepCount));
    this.children.update(
      (children) => new Map([...children].map(([parentId, units]) => [parentId, units.map(keepCount)])),
    );
    this.selected.set(keepCount(unit));
    this.done('admin.org.done.renamed', renamed);
  }

  protected async move(unit: OrgUnit): Promise<void> {
    const moved = await openDialog<OrgUnit, OrgUnit>(this.dialogs, MoveDialog, unit);
    if (!moved) return;
    await this.restructured(unit, moved);
    // show it in its new place when that place is in view
    const parent = moved.parentId ? this.known().get(moved.parentId) : undefined;
    if (parent) {
      await this.loadChildren(parent);
      this.tree()?.expand({ unit: parent, level: 0 });
    }
    this.done('admin.org.done.moved', moved);
  }

  protected async deactivate(unit: OrgUnit): Promise<void> {
    const confirmed = await openDialog<boolean, ConfirmDialogData>(this.dialogs, ConfirmDialog, {
      title: this.transloco.translate('admin.org.deactivate.title', { name: this.nameOf(unit) }),
      message: this.transloco.translate('admin.org.deactivate.message'),
      confirm: this.transloco.translate('admin.org.deactivate.confirm'),
    });
    if (confirmed !== true) return;
    await this.changeStatus(unit, () => this.orgUnits.deactivate(unit.id), 'admin.org.done.deactivated');
  }

  protected reactivate(unit: OrgUnit): Promise<void> {
    return this.changeStatus(unit, () => this.orgUnits.reactivate(unit.id), 'admin.org.done.reactivated');
  }

  private async changeStatus(
    unit: OrgUnit,
    change: () => ReturnType<OrgUnitClient['deactivate']>,
    done: string,
  ): Promise<void> {
    this.notice.set(null);
    this.busy.set(true);
    try {
      const changed = await firstValueFrom(change());
      await this.restructured(unit, changed);
      this.done(done, changed);
    } catch (failure) {
      this.notice.set({ kind: 'error', text: describeFailure(failure, this.transloco) });
    } finally {
      this.busy.set(false);
    }
  }

  /**
   * After a move or a status change the unit's subtree is no longer what was loaded: close it, forget
   * it, and load the tree again around it.
   */
  private async restructured(before: OrgUnit, after: OrgUnit): Promise<void> {
    const below = [...this.known().values()].filter(
      (candidate) => candidate.id === before.id || candidate.path.startsWith(`${before.path}.`),
    );
    for (const unit of below) this.tree()?.collapse({ unit, level: 0 });
    const forgotten = new Set(below.map((unit) => unit.id));
    this.children.update(
      (children) => new Map([...children].filter(([parentId]) => !forgotten.has(parentId))),
    );
    this.selected.set(after);
    await this.reload();
  }

  private done(key: string, unit: OrgUnit): void {
    this.notice.set({ kind: 'done', text: this.transloco.translate(key, { name: this.nameOf(unit) }) });
  }

  /** Every unit a query lists, page after page; a level of the tree rarely needs a second page. */
  private async listAll(query: OrgUnitListQuery): Promise<OrgUnit[]> {
    const units: OrgUnit[] = [];
    for (let page = 1; ; page++) {
      const result = await firstValueFrom(
        this.orgUnits.list({ ...query, includeInactive: this.showInactive(), page, pageSize: MAX_PAGE_SIZE }),
      );
      units.push(...result.items);
      if (result.items.length === 0 || units.length >= result.total) return units;
    }
  }
}
