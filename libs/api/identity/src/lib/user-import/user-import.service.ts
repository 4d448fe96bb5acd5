import { Injectable } from '@nestjs/common';
import { AuditService } from '@border-academy/api-audit';
import { AccessContext } from '@border-academy/api-platform';
import {
  DEFAULT_PAGE_SIZE,
  Page,
  UserImport,
  UserImportRow,
  UserImportRowQuery,
} from '@border-academy/shared-contracts';
import { DataSource, EntityManager } from 'typeorm';

import { readUserImportFile } from './user-import-file';
import { checkImportRow } from './user-import-row';
import {
  UserImportBodyError,
  UserImportHasErrorsError,
  UserImportNotCommittableError,
  UserImportNotFoundError,
  UserImportRaceError,
} from './user-import.errors';
import { UserImportRepository } from './user-import.repository';

/** Rows written per slice of the commit; the progress a poll sees moves once per slice. */
export const COMMIT_SLICE_ROWS = 1000;

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class UserImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: UserImportRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * Reads the file, stores its rows and runs the dry run against the caller's scope; nothing about
   * users changes. A file that cannot be read as a whole is refused with 400 and not stored.
   */
  async upload(access: AccessContext, body: unknown, fileName: string | null): Promise<UserImport> {
    if (!Buffer.isBuffer(body)) throw new UserImportBodyError();
    const file = await readUserImportFile(body);
    const rows = file.rows.map((row) => checkImportRow(row.line, row.values));
    const importId = await this.dataSource.transaction(async (manager) => {
      const id = await this.repository.insertImport(manager, {
        createdBy: access.principal.userId,
        orgUnitId: access.principal.orgUnitId,
        fileName,
        fileType: file.fileType,
        rows,
      });
      await this.repository.validate(manager, id, access.scope ?? []);
      return id;
    });
    return this.get(access, importId);
  }

  async get(access: AccessContext, importId: string): Promise<UserImport> {
    const found = await this.repository.findImport(this.dataSource.manager, this.caller(access), importId);
    if (!found) throw new UserImportNotFoundError(importId);
    return found;
  }

  async rows(
    access: AccessContext,
    importId: string,
    query: UserImportRowQuery,
  ): Promise<Page<UserImportRow>> {
    const found = await this.get(access, importId);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const items = await this.repository.findRows(this.dataSource.manager, importId, {
      outcome: query.outcome,
      offset: (page - 1) * pageSize,
      limit: pageSize,
    });
    return { items, total: query.outcome ? found.counts[query.outcome] : found.rowCount, page, pageSize };
  }

  /**
   * Re-runs the dry run with the committer's scope and, when no row has an error, writes every row
   * in one transaction: all of it or, on any failure, none. Progress is recorded outside that
   * transaction after each slice, so that the web can poll it while the commit runs.
   */
  async commit(access: AccessContext, importId: string, ip: string | null): Promise<UserImport> {
    const found = await this.get(access, importId);
    if (found.counts.error > 0) throw new UserImportHasErrorsError(found.counts.error);
    const outside = this.dataSource.manager;
    let claimed = false;
    let errorRows: number;
    try {
      errorRows = await this.dataSource.transaction(async (manager) => {
        // one commit of an import at a time: a second waits here until the first has ended
        await this.repository.lockForCommit(manager, importId);
        // With the lock held, 'committing' is left by a commit whose process died (a SIGKILL, a lost
        // machine): its transaction went with it having written nothing, so the import is previewed.
        await this.repository.changeStatus(outside, importId, 'committing', 'previewed');
        // the status a poll reads, outside this transaction
        if (!(await this.repository.changeStatus(outside, importId, 'previewed', 'committing'))) {
          throw new UserImportNotCommittableError('committed');
        }
        claimed = true;
        return this.write(access, importId, found, ip, manager);
      });
    } catch (error) {
      if (!claimed) throw error;
      await this.repository.changeStatus(outside, importId, 'committing', 'previewed');
      if ((error as { driverError?: { code?: string } }).driverError?.code === UNIQUE_VIOLATION) {
        throw new UserImportRaceError();
      }
      throw error;
    }
    if (errorRows > 0) {
      await this.repository.changeStatus(outside, importId, 'committing', 'previewed');
      throw new UserImportHasErrorsError(errorRows);
    }
    return this.get(access, importId);
  }

  /** Writes the import inside the caller's transaction; answers the rows with errors, when it wrote nothing. */
  private async write(
    access: AccessContext,
    importId: string,
    found: UserImport,
    ip: string | null,
    manager: EntityManager,
  ): Promise<number> {
    const actor = access.principal.userId;
    await this.repository.validate(manager, importId, access.scope ?? []);
    const checked = await this.repository.findImport(manager, this.caller(access), importId);
    const errorRows = checked?.counts.error ?? 0;
    // the new errors are kept for the preview: this transaction commits having written no user
    if (errorRows > 0) return errorRows;

    const lines = await this.repository.lines(manager, importId);
    let grantsAdded = 0;
    for (let start = 0; start < lines.length; start += COMMIT_SLICE_ROWS) {
      const from = lines[start] ?? 0;
      const to = lines[start + COMMIT_SLICE_ROWS] ?? 2_147_483_647;
      await this.repository.createUsers(manager, importId, from, to);
      await this.repository.updateUsers(manager, importId, from, to);
      grantsAdded += await this.repository.addGrants(manager, importId, from, to, actor);
      const done = Math.min(start + COMMIT_SLICE_ROWS, lines.length);
      await this.repository.recordProgress(this.dataSource.manager, importId, done);
    }
    const created = await this.repository.loginsWithOutcome(manager, importId, 'create');
    const updated = await this.repository.loginsWithOutcome(manager, importId, 'update');
    await this.repository.markCommitted(manager, importId, actor);
    const unchanged = checked?.counts.unchanged ?? 0;
    if (created.length > 0 || updated.length > 0) {
      await this.audit.record(manager, {
        actorUserId: actor,
        action: 'user.import',
        targetType: 'user-import',
        targetId: importId,
        ip,
        summary: {
          fileName: found.fileName,
          rows: found.rowCount,
          created: created.length,
          updated: updated.length,
          unchanged,
          grantsAdded,
          users: { created, updated },
        },
      });
    }
    return 0;
  }

  private caller(access: AccessContext): { userId: string; scope: string[] } {
    return { userId: access.principal.userId, scope: access.scope ?? [] };
  }
}
