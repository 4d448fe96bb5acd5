import { Body, Controller, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Access, AccessContext, Allow, ApiProblemResponses } from '@border-academy/api-platform';

import {
  CreateQualificationDto,
  IdParamDto,
  PositionRequirementsDto,
  PositionRequirementsRequestDto,
  QualificationDto,
  QualificationListQueryDto,
  QualificationPageDto,
  UpdateQualificationDto,
} from '../qualifications.dto';
import { QualificationService } from './qualification.service';

@ApiTags('qualifications')
@ApiBearerAuth()
@ApiProblemResponses(400, 401, 403, 500, 503)
@Controller()
export class QualificationController {
  constructor(private readonly qualifications: QualificationService) {}

  @Get('qualifications')
  @Allow('qualification:read')
  @ApiOperation({ summary: 'The catalogue of qualifications, searched and filtered by area, sorted by name' })
  @ApiOkResponse({ type: QualificationPageDto })
  list(@Query() query: QualificationListQueryDto): Promise<QualificationPageDto> {
    return this.qualifications.list(query);
  }

  @Get('qualifications/:id')
  @Allow('qualification:read')
  @ApiOperation({ summary: 'One qualification with its courses and how many hold it and require it' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: QualificationDto })
  @ApiProblemResponses(404)
  get(@Param() params: IdParamDto): Promise<QualificationDto> {
    return this.qualifications.get(params.id);
  }

  @Post('qualifications')
  @Allow('qualification:write')
  @ApiOperation({ summary: 'Add a qualification to the catalogue (HR or admin of a whole country); audited' })
  @ApiCreatedResponse({ type: QualificationDto })
  @ApiProblemResponses(409)
  create(@Access() access: AccessContext, @Body() body: CreateQualificationDto): Promise<QualificationDto> {
    return this.qualifications.create(access, body);
  }

  @Patch('qualifications/:id')
  @Allow('qualification:write')
  @ApiOperation({ summary: 'Change a qualification; grants already made keep their validity; audited' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: QualificationDto })
  @ApiProblemResponses(404, 409)
  update(
    @Access() access: AccessContext,
    @Param() params: IdParamDto,
    @Body() body: UpdateQualificationDto,
  ): Promise<QualificationDto> {
    return this.qualifications.update(access, params.id, body);
  }

  @Get('positions/:id/qualifications')
  @Allow('qualification:read')
  @ApiOperation({ summary: 'The qualifications a position requires' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: PositionRequirementsDto })
  @ApiProblemResponses(404)
  requirements(@Param() params: IdParamDto): Promise<PositionRequirementsDto> {
    return this.qualifications.requirements(params.id);
  }

  @Put('positions/:id/qualifications')
  @Allow('qualification:write')
  @ApiOperation({
    summary: 'Replace the qualifications a position requires (HR or admin of a whole country); audited',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: PositionRequirementsDto })
  @ApiProblemResponses(404)
  setRequirements(
    @Access() access: AccessContext,
    @Param() params: IdParamDto,
    @Body() body: PositionRequirementsRequestDto,
  ): Promise<PositionRequirementsDto> {
    return this.qualifications.setRequirements(access, params.id, body.qualificationIds);
  }
}
