import { Readable } from 'node:stream';

import { Body, Controller, Get, Headers, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Access, AccessContext, Allow, ApiProblemResponses, Public } from '@border-academy/api-platform';
import { ATTACHMENT_LIMITS } from '@border-academy/shared-contracts';
import { FastifyReply, FastifyRequest } from 'fastify';

import { RangeNotSatisfiableError } from '../authoring.errors';
import { IdParamDto } from '../dto';
import { AttachmentDto } from '../outline/outline.dto';
import { AttachmentContentQueryDto, AttachmentUploadQueryDto } from './attachment.dto';
import { AttachmentService, etagOf } from './attachment.service';

@ApiTags('course authoring')
@ApiProblemResponses(400, 500, 503)
@Controller()
export class AttachmentController {
  constructor(private readonly attachments: AttachmentService) {}

  @Post('courses/:id/attachments')
  @Allow('course:write')
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Upload a file for a course as the raw body. Its type is read from the content (images, PDF, MP4 ' +
      'and WebM video), each type with its own size limit; a file already stored is kept once',
  })
  @ApiConsumes(...Object.keys(ATTACHMENT_LIMITS), 'application/octet-stream')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The course' })
  @ApiCreatedResponse({ type: AttachmentDto })
  @ApiProblemResponses(401, 403, 404, 413, 415)
  upload(
    @Access() access: AccessContext,
    @Param() params: IdParamDto,
    @Query() query: AttachmentUploadQueryDto,
    @Req() request: FastifyRequest,
    @Body() body: unknown,
  ): Promise<AttachmentDto> {
    const length = Number(request.headers['content-length']);
    return this.attachments.upload(access, params.id, {
      body: body as Readable | Buffer,
      contentType: (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase(),
      contentLength: Number.isSafeInteger(length) ? length : null,
      fileName: query.fileName ?? null,
      ip: request.ip ?? null,
    });
  }

  @Get('attachments/:id/content')
  @Public()
  @ApiOperation({
    summary:
      'A file’s content through the signed, expiring address that lessons carry (no sign-in, so images ' +
      'and players can open it); answers one byte range with 206 for video seeking on slow links',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiHeader({ name: 'Range', required: false, description: 'bytes=START-END' })
  @ApiProduces(...Object.keys(ATTACHMENT_LIMITS))
  @ApiOkResponse({ description: 'The whole file', schema: { type: 'string', format: 'binary' } })
  @ApiProblemResponses(403, 404, 416)
  async content(
    @Param() params: IdParamDto,
    @Query() query: AttachmentContentQueryDto,
    @Headers('range') range: string | undefined,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    let content;
    try {
      content = await this.attachments.content(params.id, query.expires, query.signature, range, ifNoneMatch);
    } catch (error) {
      if (error instanceof RangeNotSatisfiableError)
        reply.header('Content-Range', `bytes */${error.sizeBytes}`);
      throw error;
    }
    const { attachment } = content;
    reply
      .header('ETag', etagOf(attachment))
      .header('Accept-Ranges', 'bytes')
      .header('Cache-Control', 'private, max-age=3600')
      .header('X-Content-Type-Options', 'nosniff')
      .header('Content-Disposition', contentDisposition(attachment.fileName));
    if (!content.body) {
      await reply.code(304).send();
      return;
    }
    reply.type(attachment.mediaType);
    if (content.range) {
      const { start, end } = content.range;
      reply
        .code(206)
        .header('Content-Range', `bytes ${start}-${end}/${attachment.sizeBytes}`)
        .header('Content-Length', end - start + 1);
    } else {
      reply.code(200).header('Content-Length', attachment.sizeBytes);
    }
    await reply.send(content.body);
  }
}

/** `inline` (or `attachment`) with an ASCII fallback name and the real one in RFC 8187 encoding. */
export function contentDisposition(
  fileName: string,
  disposition: 'inline' | 'attachment' = 'inline',
): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/[\\"]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
