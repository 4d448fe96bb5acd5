import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
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
import { FastifyReply, FastifyRequest } from 'fastify';

import { contentDisposition } from '../attachments/attachment.controller';
import { CourseDetailDto } from '../courses/course.dto';
import { IdParamDto } from '../dto';
import { CourseImportQueryDto } from './exchange.dto';
import { ExchangeService, PACKAGE_MEDIA_TYPES } from './exchange.service';

@ApiTags('course authoring')
@ApiBearerAuth()
@ApiProblemResponses(400, 401, 403, 500, 503)
@Controller()
export class ExchangeController {
  constructor(private readonly exchange: ExchangeService) {}

  @Get('course-versions/:id/export')
  @Allow('course:read')
  @ApiOperation({
    summary:
      'A published version as one course package: a ZIP of manifest.json (schema version 1) and each ' +
      'file once under files/<sha256>; 409 for a version that is not published; audited',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiProduces('application/zip')
  @ApiOkResponse({ description: 'The package', schema: { type: 'string', format: 'binary' } })
  @ApiProblemResponses(404, 409)
  async export(
    @Access() access: AccessContext,
    @Param() params: IdParamDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const exported = await this.exchange.export(access, params.id, request.ip ?? null);
    await reply
      .code(200)
      .type('application/zip')
      .header('Content-Disposition', contentDisposition(exported.fileName, 'attachment'))
      .header('X-Content-Type-Options', 'nosniff')
      .header('Cache-Control', 'no-store')
      .send(exported.body);
  }

  @Post('course-imports')
  @Allow('course:write')
  @ApiOperation({
    summary:
      'Import a course package (the ZIP as the raw body) as a new course with one draft, owned by a unit ' +
      'in your authoring scope. The whole package is checked first; 422 lists every problem and nothing ' +
      'is written; audited',
  })
  @ApiConsumes(...PACKAGE_MEDIA_TYPES)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiCreatedResponse({ type: CourseDetailDto })
  @ApiProblemResponses(409, 413, 415, 422)
  import(
    @Access() access: AccessContext,
    @Query() query: CourseImportQueryDto,
    @Req() request: FastifyRequest,
    @Body() body: unknown,
  ): Promise<CourseDetailDto> {
    const length = Number(request.headers['content-length']);
    return this.exchange.import(access, {
      body,
      contentType: (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase(),
      contentLength: Number.isSafeInteger(length) ? length : null,
      ownerOrgUnitId: query.ownerOrgUnitId,
      code: query.code ?? null,
      ip: request.ip ?? null,
    });
  }
}
