import { PassThrough } from 'node:stream';

import { Injectable } from '@nestjs/common';
import { AuditService } from '@border-academy/api-audit';
import { AccessContext, ValidationProblemException } from '@border-academy/api-platform';
import { TrainingRecordsQuery } from '@border-academy/shared-contracts';
import { PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { DataSource } from 'typeorm';

import { Clock } from '../clock';
import { scopePaths } from '../standing';
import { ExportFile, csvField } from './compliance-export.service';
import { trainingRecordsCopySql, trainingRecordsHeader } from './training-records.query';

/** What TypeORM's PostgreSQL driver offers to borrow one connection of its pool. */
interface PooledDriver {
  obtainMasterConnection(): Promise<[PoolClient, (error?: Error | boolean) => void]>;
}

/** The socket under a node-postgres client, cut when a COPY is abandoned half-way. */
interface ClientWithSocket {
  connection?: { stream?: { destroy(): void } };
}

/**
 * HR's training records: one CSV row per enrolment of the people of the scope, streamed by PostgreSQL
 * itself (`COPY (SELECT …) TO STDOUT`) on a connection borrowed from the API's pool, so a million rows
 * pass through with flat memory. The header is written here in the requester's language; every export
 * is audited with its filters.
 */
@Injectable()
export class TrainingRecordsExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async export(access: AccessContext, query: TrainingRecordsQuery, ip: string | null): Promise<ExportFile> {
    const { unitId, language = 'en', ...filter } = query;
    if (filter.completedFrom && filter.completedTo && filter.completedFrom > filter.completedTo) {
      throw new ValidationProblemException([
        { field: 'completedTo', message: 'must not be before completedFrom', code: 'dateRange' },
      ]);
    }
    const paths = await scopePaths(this.dataSource.manager, access, unitId);
    await this.dataSource.transaction(async (manager) => {
      await this.audit.record(manager, {
        actorUserId: access.principal.userId,
        action: 'compliance.training-records-export',
        targetType: 'org_unit',
        targetId: unitId,
        ip,
        summary: { format: 'csv', filter: { ...query }, scope: paths },
      });
    });
    const sql = trainingRecordsCopySql(paths, filter, language);
    const [client, release] = await (
      this.dataSource.driver as unknown as PooledDriver
    ).obtainMasterConnection();
    const body = new PassThrough({ highWaterMark: 64 * 1024 });
    let released = false;
    /** Back to the pool when the COPY ended; otherwise the connection is closed, never reused mid-COPY. */
    const finish = (error?: Error) => {
      if (released) return;
      released = true;
      release(error ?? undefined);
      if (error) (client as unknown as ClientWithSocket).connection?.stream?.destroy();
    };
    let rows;
    try {
      rows = client.query(copyTo(sql));
    } catch (error) {
      finish(error as Error);
      throw error;
    }
    // the client's errors may still arrive after the body is gone: the listener stays
    rows.on('error', (error: Error) => {
      finish(error);
      body.destroy(error);
    });
    rows.on('end', () => finish());
    // the requester went away (or the response failed): stop reading and drop the connection
    body.on('close', () => {
      if (!released) {
        rows.unpipe(body);
        rows.destroy();
        finish(new Error('The training records export was abandoned before its end'));
      }
    });
    // a byte-order mark so that spreadsheet programs read Cyrillic as UTF-8
    body.write(`\ufeff${trainingRecordsHeader(language).map(csvField).join(',')}\n`);
    rows.pipe(body);
    return {
      fileName: `training-records-${this.clock.now().toISOString().slice(0, 10)}.csv`,
      mediaType: 'text/csv; charset=utf-8',
      body,
    };
  }
}
