import { PassThrough, Readable } from 'node:stream';

import { Injectable } from '@nestjs/common';
import { AuditService } from '@border-academy/api-audit';
import { certificateFontPath } from '@border-academy/api-learning';
import { AccessContext } from '@border-academy/api-platform';
import {
  ComplianceExportFormat,
  ComplianceSort,
  LanguageCode,
  LocalizedText,
  QualificationRef,
  QualificationStatus,
} from '@border-academy/shared-contracts';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { DataSource } from 'typeorm';

import { Clock } from '../clock';
import { ComplianceFilter, ComplianceService, complianceOrder } from './compliance.service';

/** Rows fetched from the cursor at a time: memory stays flat whatever the scope's size. */
const BATCH = 1000;

type Label =
  | 'person'
  | 'login'
  | 'unit'
  | 'position'
  | QualificationStatus
  | 'title'
  | 'people'
  | 'compliantPeople'
  | 'byUnit'
  | 'byArea'
  | 'asOf';

const LABELS: Record<LanguageCode, Record<Label, string>> = {
  en: {
    person: 'Person',
    login: 'Login',
    unit: 'Unit',
    position: 'Position',
    valid: 'valid',
    expiring: 'expiring',
    expired: 'expired',
    missing: 'missing',
    title: 'Compliance summary',
    people: 'People',
    compliantPeople: 'Compliant people',
    byUnit: 'By unit',
    byArea: 'By thematic area',
    asOf: 'As of',
  },
  ru: {
    person: 'Сотрудник',
    login: 'Логин',
    unit: 'Подразделение',
    position: 'Должность',
    valid: 'действует',
    expiring: 'истекает',
    expired: 'истекла',
    missing: 'отсутствует',
    title: 'Сводка о соответствии',
    people: 'Сотрудников',
    compliantPeople: 'Соответствуют требованиям',
    byUnit: 'По подразделениям',
    byArea: 'По тематическим направлениям',
    asOf: 'По состоянию на',
  },
};

export interface ExportFile {
  fileName: string;
  mediaType: string;
  body: Readable;
}

interface ExportRow {
  full_name: string;
  login: string;
  unit: LocalizedText;
  position: LocalizedText | null;
  cells: Record<string, { status: QualificationStatus; expiresAt: string | null }>;
}

/** A CSV field, quoted when needed; a leading formula character is neutralised for spreadsheets. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function named(text: LocalizedText | null, language: LanguageCode): string {
  return text ? (text[language] ?? text.en) : '';
}

/**
 * The matrix's query as a file: every row of the filters, in the screen's order and columns, as CSV
 * or XLSX streamed from a database cursor, or a PDF summary of its totals. Each export is audited.
 */
@Injectable()
export class ComplianceExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly compliance: ComplianceService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async export(
    access: AccessContext,
    format: ComplianceExportFormat,
    filter: ComplianceFilter & { sort?: ComplianceSort; language?: LanguageCode },
    ip: string | null,
  ): Promise<ExportFile> {
    const language = filter.language ?? 'en';
    const paths = await this.compliance.paths(this.dataSource.manager, access, filter.unitId);
    const now = this.clock.now();
    const day = now.toISOString().slice(0, 10);
    await this.dataSource.transaction(async (manager) => {
      await this.audit.record(manager, {
        actorUserId: access.principal.userId,
        action: 'compliance.export',
        targetType: 'org_unit',
        targetId: filter.unitId,
        ip,
        summary: { format, filter: { ...filter }, scope: paths },
      });
    });
    if (format === 'pdf') {
      const summary = await this.compliance.summary(access, filter);
      const matrix = await this.compliance.matrix(access, { ...filter, page: 1, pageSize: 1 });
      return {
        fileName: `compliance-${day}.pdf`,
        mediaType: 'application/pdf',
        body: this.pdf(matrix.totals, summary, language, now),
      };
    }
    const { sql, parameters } = this.compliance.cellsQuery(paths, filter, now);
    const columns: QualificationRef[] = await this.dataSource.query(
      `WITH ${sql}
       SELECT q.id, q.code, q.name, q.area FROM qualification q
        WHERE q.id IN (SELECT c.qualification_id FROM cells c JOIN people p ON p.id = c.user_id)
        ORDER BY q.area, q.code`,
      parameters,
    );
    const rowsSql = `WITH ${sql}
      SELECT p.full_name, p.login, (SELECT o.name FROM org_unit o WHERE o.id = p.org_unit_id) AS unit,
             (SELECT ps.name FROM position ps WHERE ps.id = p.position_id) AS position,
             (SELECT json_object_agg(c.qualification_id, json_build_object('status', c.status, 'expiresAt', c.expires_at))
                FROM cells c WHERE c.user_id = p.id) AS cells
        FROM people p ORDER BY ${complianceOrder(filter.sort, 'p')}`;
    const labels = LABELS[language];
    const header = [
      labels.person,
      labels.login,
      labels.unit,
      labels.position,
      ...columns.map((column) => named(column.name, language)),
    ];
    const line = (row: ExportRow): string[] => [
      row.full_name,
      row.login,
      named(row.unit, language),
      named(row.position, language),
      ...columns.map((column) => {
        const cell = row.cells[column.id];
        if (!cell) return '';
        const status = labels[cell.status];
        return cell.expiresAt ? `${status} ${cell.expiresAt.slice(0, 10)}` : status;
      }),
    ];
    const rows = this.cursor<ExportRow>(rowsSql, parameters);
    if (format === 'csv') {
      return {
        fileName: `compliance-${day}.csv`,
        mediaType: 'text/csv; charset=utf-8',
        body: Readable.from(
          (async function* () {
            // a byte-order mark so that spreadsheet programs read Cyrillic as UTF-8
            yield `\ufeff${header.map(csvField).join(',')}\r\n`;
            for await (const row of rows) yield `${line(row).map(csvField).join(',')}\r\n`;
          })(),
        ),
      };
    }
    const output = new PassThrough();
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true });
    const sheet = workbook.addWorksheet('Compliance', { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
    (async () => {
      const headerRow = sheet.addRow(header);
      headerRow.font = { bold: true };
      headerRow.commit();
      for await (const row of rows) sheet.addRow(line(row)).commit();
      sheet.commit();
      await workbook.commit();
    })().catch((error: Error) => output.destroy(error));
    return {
      fileName: `compliance-${day}.xlsx`,
      mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body: output,
    };
  }

  /** Rows of one statement through a server-side cursor, a batch at a time, in one read-only transaction. */
  private async *cursor<Row>(sql: string, parameters: unknown[]): AsyncGenerator<Row> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      await runner.query(`DECLARE export_rows NO SCROLL CURSOR FOR ${sql}`, parameters);
      for (;;) {
        const batch: Row[] = await runner.query(`FETCH ${BATCH} FROM export_rows`);
        for (const row of batch) yield row;
        if (batch.length < BATCH) break;
      }
      await runner.query('COMMIT');
    } finally {
      if (runner.isTransactionActive) await runner.query('ROLLBACK').catch(() => undefined);
      await runner.release();
    }
  }

  private pdf(
    totals: {
      people: number;
      compliantPeople: number;
      valid: number;
      expiring: number;
      expired: number;
      missing: number;
    },
    summary: Awaited<ReturnType<ComplianceService['summary']>>,
    language: LanguageCode,
    now: Date,
  ): Readable {
    const labels = LABELS[language];
    const document = new PDFDocument({ size: 'A4', margin: 50, info: { Title: labels.title } });
    document.registerFont('body', certificateFontPath());
    document.font('body');
    document.fontSize(18).text(labels.title);
    document
      .fontSize(10)
      .text(`${labels.asOf} ${now.toISOString().slice(0, 10)}`)
      .moveDown();
    const counts = (c: { valid: number; expiring: number; expired: number; missing: number }) =>
      `${labels.valid} ${c.valid} · ${labels.expiring} ${c.expiring} · ${labels.expired} ${c.expired} · ${labels.missing} ${c.missing}`;
    document.fontSize(12).text(`${labels.people}: ${totals.people}`);
    document.text(`${labels.compliantPeople}: ${totals.compliantPeople}`);
    document.text(counts(totals)).moveDown();
    document.fontSize(14).text(labels.byUnit);
    document.fontSize(10);
    for (const unit of summary.byUnit) {
      document.text(
        `${named(unit.orgUnit.name, language)} — ${labels.people} ${unit.people}, ${labels.compliantPeople} ${unit.compliantPeople}; ${counts(unit)}`,
      );
    }
    document.moveDown().fontSize(14).text(labels.byArea);
    document.fontSize(10);
    for (const area of summary.byArea) document.text(`${area.area}: ${counts(area)}`);
    document.end();
    return document as unknown as Readable;
  }
}
