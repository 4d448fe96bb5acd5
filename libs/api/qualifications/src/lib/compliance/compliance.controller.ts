import { Controller, Get, Query, Req, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { contentDisposition } from '@border-academy/api-authoring';
import { Access, AccessContext, Allow, ApiProblemResponses } from '@border-academy/api-platform';
import { FastifyRequest } from 'fastify';

import {
  ComplianceExportQueryDto,
  ComplianceFilterDto,
  ComplianceMatrixDto,
  ComplianceQueryDto,
  ComplianceSummaryDto,
  ComplianceTrendPointDto,
  ComplianceTrendQueryDto,
  ExpiringPageDto,
  ExpiringQueryDto,
  OverduePageDto,
  OverdueQueryDto,
  TrainingRecordsQueryDto,
} from '../qualifications.dto';
import { ComplianceExportService } from './compliance-export.service';
import { ComplianceService } from './compliance.service';
import { TrainingRecordsExportService } from './training-records-export.service';

@ApiTags('compliance')
@ApiBearerAuth()
@ApiProblemResponses(400, 401, 403, 500, 503)
@Controller('compliance')
export class ComplianceController {
  constructor(
    private readonly compliance: ComplianceService,
    private readonly exports: ComplianceExportService,
    private readonly trainingRecords: TrainingRecordsExportService,
  ) {}

  @Get('matrix')
  @Allow('compliance:read')
  @ApiOperation({
    summary:
      "People of the caller's scope × the qualifications their positions require, each valid, expiring, " +
      'expired or missing; a page of rows and the totals over all of them',
  })
  @ApiOkResponse({ type: ComplianceMatrixDto })
  matrix(@Access() access: AccessContext, @Query() query: ComplianceQueryDto): Promise<ComplianceMatrixDto> {
    return this.compliance.matrix(access, query);
  }

  @Get('summary')
  @Allow('compliance:read')
  @ApiOperation({ summary: 'The same query counted per child unit and per thematic area' })
  @ApiOkResponse({ type: ComplianceSummaryDto })
  summary(
    @Access() access: AccessContext,
    @Query() query: ComplianceFilterDto,
  ): Promise<ComplianceSummaryDto> {
    return this.compliance.summary(access, query);
  }

  @Get('trend')
  @Allow('compliance:read')
  @ApiOperation({
    summary: 'Required qualifications and those held, per day and area, from the daily snapshots',
  })
  @ApiOkResponse({ type: [ComplianceTrendPointDto] })
  trend(
    @Access() access: AccessContext,
    @Query() query: ComplianceTrendQueryDto,
  ): Promise<ComplianceTrendPointDto[]> {
    return this.compliance.trend(access, query.unitId, query.days ?? 90);
  }

  @Get('expiring')
  @Allow('compliance:read')
  @ApiOperation({ summary: 'Held qualifications that expire within the next N days, soonest first' })
  @ApiOkResponse({ type: ExpiringPageDto })
  expiring(@Access() access: AccessContext, @Query() query: ExpiringQueryDto): Promise<ExpiringPageDto> {
    return this.compliance.expiring(access, query);
  }

  @Get('overdue')
  @Allow('compliance:read')
  @ApiOperation({ summary: 'Assigned courses not completed by their due date, most overdue first' })
  @ApiOkResponse({ type: OverduePageDto })
  overdue(@Access() access: AccessContext, @Query() query: OverdueQueryDto): Promise<OverduePageDto> {
    return this.compliance.overdue(access, query);
  }

  @Get('export')
  @Allow('compliance:read')
  @ApiOperation({
    summary:
      'Every row of the matrix query with its columns, as CSV or XLSX streamed, or a PDF summary; audited',
  })
  @ApiProduces(
    'text/csv',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/pdf',
  )
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async export(
    @Access() access: AccessContext,
    @Query() query: ComplianceExportQueryDto,
    @Req() request: FastifyRequest,
  ): Promise<StreamableFile> {
    const { format, ...filter } = query;
    const file = await this.exports.export(access, format, filter, request.ip ?? null);
    return new StreamableFile(file.body, {
      type: file.mediaType,
      disposition: contentDisposition(file.fileName, 'attachment'),
    });
  }

  @Get('training-records/export')
  @Allow('compliance:read')
  @ApiOperation({
    summary:
      "One CSV row per enrolment of the caller's scope's people (person, unit, position, course, status, " +
      'dates, best quiz score, certificate), filtered by unit subtree, course, status and completion days; ' +
      'streamed by PostgreSQL, header and statuses in the language asked for; audited',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async trainingRecordsExport(
    @Access() access: AccessContext,
    @Query() query: TrainingRecordsQueryDto,
    @Req() request: FastifyRequest,
  ): Promise<StreamableFile> {
    const file = await this.trainingRecords.export(access, query, request.ip ?? null);
    return new StreamableFile(file.body, {
      type: file.mediaType,
      disposition: contentDisposition(file.fileName, 'attachment'),
    });
  }
}
