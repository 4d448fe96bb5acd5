import { Controller, Get, Param, Req, StreamableFile, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { IdParamDto } from '@border-academy/api-authoring';
import { Access, AccessContext, Allow, ApiProblemResponses, Public } from '@border-academy/api-platform';
import { FastifyRequest } from 'fastify';

import { CertificateVerificationDto, VerificationCodeParamDto } from '../learning.dto';
import { CertificateService } from './certificate.service';

/** The address the QR code points at: where the request came in, as the browser saw it. */
function originOf(request: FastifyRequest): string {
  const forwardedProto = request.headers['x-forwarded-proto'];
  const protocol = (Array.isArray(forwardedProto) ? forwardedProto[0] : forwardedProto) ?? request.protocol;
  return `${protocol}://${request.headers.host ?? 'localhost'}`;
}

@ApiTags('certificates')
@ApiProblemResponses(400, 500, 503)
@Controller('certificates')
export class CertificateController {
  constructor(private readonly certificates: CertificateService) {}

  @Get('verification/:code')
  @Public()
  @UseGuards(ThrottlerGuard)
  @ApiOperation({
    summary: 'Public verification of a certificate by its code: only name, course, dates and status',
  })
  @ApiParam({ name: 'code', example: 'K7Q2M4XW9ABCDEFGHJ3NPRSTUV' })
  @ApiOkResponse({ type: CertificateVerificationDto })
  @ApiProblemResponses(404, 429)
  verify(@Param() params: VerificationCodeParamDto): Promise<CertificateVerificationDto> {
    return this.certificates.verify(params.code);
  }

  @Get(':id/pdf')
  @Allow('learning:self')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'The certificate as PDF: for its holder, or HR, trainers and admins of their unit',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiProblemResponses(401, 404)
  async pdf(
    @Access() access: AccessContext,
    @Param() params: IdParamDto,
    @Req() request: FastifyRequest,
  ): Promise<StreamableFile> {
    const { code, pdf } = await this.certificates.pdf(access, params.id, originOf(request));
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `attachment; filename="certificate-${code}.pdf"`,
      length: pdf.length,
    });
  }
}
