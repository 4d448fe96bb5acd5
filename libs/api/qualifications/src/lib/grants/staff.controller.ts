import { Readable } from 'node:stream';

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
import { contentDisposition } from '@border-academy/api-authoring';
import { Access, AccessContext, Allow, ApiProblemResponses } from '@border-academy/api-platform';
import { ATTACHMENT_LIMITS } from '@border-academy/shared-contracts';
import { FastifyRequest } from 'fastify';

import {
  EvidenceRefDto,
  EvidenceUploadQueryDto,
  IdParamDto,
  ManualGrantDto,
  RevokeQualificationDto,
  StaffParamsDto,
  StaffQualificationDto,
  StaffQualificationParamsDto,
  StaffRecordDto,
} from '../qualifications.dto';
import { GrantService } from './grant.service';
import { StaffService } from './staff.service';

@ApiTags('staff qualifications')
@ApiBearerAuth()
@ApiProblemResponses(400, 401, 403, 500, 503)
@Controller()
export class StaffController {
  constructor(
    private readonly staff: StaffService,
    private readonly grants: GrantService,
  ) {}

  @Get('staff/:userId')
  @Allow('compliance:read')
  @ApiOperation({
    summary: "A person of the caller's scope: each qualification with its history, and all their learning",
  })
  @ApiParam({ name: 'userId', format: 'uuid' })
  @ApiOkResponse({ type: StaffRecordDto })
  @ApiProblemResponses(404)
  record(@Access() access: AccessContext, @Param() params: StaffParamsDto): Promise<StaffRecordDto> {
    return this.staff.record(access, params.userId);
  }

  @Post('staff/:userId/qualifications/:qualificationId/grants')
  @Allow('qualification:grant')
  @ApiOperation({
    summary:
      'Record a qualification by assessment or HR decision, with a note and optional evidence; inside the ' +
      'warning window or after expiry it renews; audited',
  })
  @ApiParam({ name: 'userId', format: 'uuid' })
  @ApiParam({ name: 'qualificationId', format: 'uuid' })
  @ApiCreatedResponse({ type: StaffQualificationDto })
  @ApiProblemResponses(404, 409)
  grant(
    @Access() access: AccessContext,
    @Param() params: StaffQualificationParamsDto,
    @Body() body: ManualGrantDto,
    @Req() request: FastifyRequest,
  ): Promise<StaffQualificationDto> {
    return this.grants.grantManually(access, params.userId, params.qualificationId, body, request.ip ?? null);
  }

  @Post('staff/:userId/qualifications/:qualificationId/revocation')
  @Allow('qualification:grant')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke a held qualification with a reason; the history keeps it; audited' })
  @ApiParam({ name: 'userId', format: 'uuid' })
  @ApiParam({ name: 'qualificationId', format: 'uuid' })
  @ApiOkResponse({ type: StaffQualificationDto })
  @ApiProblemResponses(404, 409)
  revoke(
    @Access() access: AccessContext,
    @Param() params: StaffQualificationParamsDto,
    @Body() body: RevokeQualificationDto,
    @Req() request: FastifyRequest,
  ): Promise<StaffQualificationDto> {
    return this.grants.revoke(access, params.userId, params.qualificationId, body.reason, request.ip ?? null);
  }

  @Post('evidence')
  @Allow('qualification:grant')
  @ApiOperation({
    summary: 'Upload an evidence file (PDF or image) as the raw body, before recording the grant it supports',
  })
  @ApiConsumes(...Object.keys(ATTACHMENT_LIMITS).filter((type) => !type.startsWith('video/')))
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiCreatedResponse({ type: EvidenceRefDto })
  @ApiProblemResponses(413, 415)
  upload(
    @Access() access: AccessContext,
    @Query() query: EvidenceUploadQueryDto,
    @Req() request: FastifyRequest,
    @Body() body: unknown,
  ): Promise<EvidenceRefDto> {
    return this.staff.uploadEvidence(access, {
      body: body as Readable | Buffer,
      contentType: (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '',
      fileName: query.fileName ?? null,
      ip: request.ip ?? null,
    });
  }

  @Get('evidence/:id')
  @Allow('compliance:read')
  @ApiOperation({ summary: "An evidence file on a grant of a person in the caller's scope" })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiProduces('application/pdf', 'image/png', 'image/jpeg')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiProblemResponses(404)
  async evidence(@Access() access: AccessContext, @Param() params: IdParamDto): Promise<StreamableFile> {
    const file = await this.staff.evidenceContent(access, params.id);
    return new StreamableFile(file.body, {
      type: file.mediaType,
      disposition: contentDisposition(file.fileName, 'attachment'),
      length: file.size,
    });
  }
}
