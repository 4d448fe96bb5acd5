import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Access, AccessContext, Allow, ApiProblemResponses } from '@border-academy/api-platform';
import { FastifyRequest } from 'fastify';

import { TEMPLATE_MEDIA_TYPES, csvTemplate, xlsxTemplate } from './user-import-template';
import {
  UserImportDto,
  UserImportIdParamDto,
  UserImportRowPageDto,
  UserImportRowQueryDto,
  UserImportTemplateQueryDto,
  UserImportUploadQueryDto,
} from './user-import.dto';
import { UserImportService } from './user-import.service';

@ApiTags('user imports')
@ApiBearerAuth()
@ApiProblemResponses(400, 401, 403, 404, 500, 503)
@Controller('user-imports')
export class UserImportController {
  constructor(private readonly imports: UserImportService) {}

  @Get('template')
  @Allow('user:import')
  @ApiOperation({ summary: 'The empty file to fill in: the header row, as CSV or as an XLSX workbook' })
  @ApiProduces(TEMPLATE_MEDIA_TYPES.csv, TEMPLATE_MEDIA_TYPES.xlsx)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async template(@Query() query: UserImportTemplateQueryDto): Promise<StreamableFile> {
    const format = query.format ?? 'csv';
    const content = format === 'xlsx' ? await xlsxTemplate() : csvTemplate();
    return new StreamableFile(content, {
      type: TEMPLATE_MEDIA_TYPES[format],
      disposition: `attachment; filename="users-template.${format}"`,
      length: content.length,
    });
  }

  @Post()
  @Allow('user:import')
  @ApiOperation({
    summary:
      'Upload a CSV or XLSX file of users: stores its rows and answers the dry run; changes no user. ' +
      'The type is read from the content; a file that cannot be read as a whole gets 400',
  })
  @ApiConsumes('application/octet-stream')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiCreatedResponse({ type: UserImportDto })
  @ApiProblemResponses(413, 415)
  upload(
    @Access() access: AccessContext,
    @Query() query: UserImportUploadQueryDto,
    @Body() body: unknown,
  ): Promise<UserImportDto> {
    return this.imports.upload(access, body, query.fileName ?? null);
  }

  @Get(':id')
  @Allow('user:import')
  @ApiOperation({
    summary: 'An import: its status, rows counted per outcome and, while committing, progress',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: UserImportDto })
  get(@Access() access: AccessContext, @Param() params: UserImportIdParamDto): Promise<UserImportDto> {
    return this.imports.get(access, params.id);
  }

  @Get(':id/rows')
  @Allow('user:import')
  @ApiOperation({ summary: 'The dry run row by row, in file order, optionally only one outcome' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: UserImportRowPageDto })
  rows(
    @Access() access: AccessContext,
    @Param() params: UserImportIdParamDto,
    @Query() query: UserImportRowQueryDto,
  ): Promise<UserImportRowPageDto> {
    return this.imports.rows(access, params.id, query);
  }

  @Post(':id/commit')
  @Allow('user:import')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Re-check and write every row in one transaction, all or nothing; refused while any row has an error',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: UserImportDto })
  @ApiProblemResponses(409)
  commit(
    @Access() access: AccessContext,
    @Param() params: UserImportIdParamDto,
    @Req() request: FastifyRequest,
  ): Promise<UserImportDto> {
    return this.imports.commit(access, params.id, request.ip ?? null);
  }
}
