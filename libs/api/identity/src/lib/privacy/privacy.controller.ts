import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
  getSchemaPath,
  ApiExtraModels,
} from '@nestjs/swagger';
import { Access, AccessContext, Allow, ApiProblemResponses } from '@border-academy/api-platform';
import { FastifyReply, FastifyRequest } from 'fastify';

import { UserIdParamDto } from '../users/user.dto';
import {
  ErasureRequestDto,
  ErasureResultDto,
  PersonalDataExportDto,
  PersonalDataQueryDto,
} from './privacy.dto';
import { PrivacyService } from './privacy.service';

@ApiTags('privacy')
@ApiBearerAuth()
@ApiProblemResponses(400, 401, 403, 404, 500, 503)
@ApiExtraModels(PersonalDataExportDto)
@Controller('users')
export class PrivacyController {
  constructor(private readonly privacy: PrivacyService) {}

  @Get(':id/personal-data')
  @Allow('personal-data:export')
  @ApiOperation({
    summary:
      'Everything held about a person inside the caller’s scope, as JSON (schema border-academy/personal-data/v1) ' +
      'or a readable PDF; every export is audited as privacy.export',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiProduces('application/json', 'application/pdf')
  @ApiOkResponse({
    description: 'A file to save: JSON by default, PDF with format=pdf',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(PersonalDataExportDto) } },
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
    },
  })
  async export(
    @Access() access: AccessContext,
    @Param() params: UserIdParamDto,
    @Query() query: PersonalDataQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PersonalDataExportDto | StreamableFile> {
    const file = await this.privacy.export(access, params.id, query.format ?? 'json', request.ip ?? null);
    const name = `personal-data-${params.id}`;
    // personal data never stays in a shared or browser cache
    reply.header('cache-control', 'no-store');
    if (file.format === 'pdf') {
      return new StreamableFile(file.pdf, {
        type: 'application/pdf',
        disposition: `attachment; filename="${name}.pdf"`,
        length: file.pdf.length,
      });
    }
    reply.header('content-disposition', `attachment; filename="${name}.json"`);
    return file.data;
  }

  @Post(':id/erasure')
  @Allow('personal-data:erase')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Erase a person’s personal data on request, for good: name, login, e-mail and password replaced or ' +
      'removed, sessions, sign-on links and grants removed, the person suspended; learning records and ' +
      'certificates stay under the name "Erased person". Audited as privacy.erase with the reason; 409 when already erased',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: ErasureResultDto })
  @ApiProblemResponses(409)
  erase(
    @Access() access: AccessContext,
    @Param() params: UserIdParamDto,
    @Body() body: ErasureRequestDto,
    @Req() request: FastifyRequest,
  ): Promise<ErasureResultDto> {
    return this.privacy.erase(access, params.id, body, request.ip ?? null);
  }
}
