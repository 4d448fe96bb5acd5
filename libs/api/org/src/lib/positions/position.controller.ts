import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Allow, ApiProblemResponses } from '@border-academy/api-platform';

import { PositionDto, PositionIdParamDto, PositionListQueryDto, PositionPageDto } from './position.dto';
import { PositionService } from './position.service';

@ApiTags('positions')
@ApiBearerAuth()
@ApiProblemResponses(400, 401, 403, 500, 503)
@Controller('positions')
export class PositionController {
  constructor(private readonly positions: PositionService) {}

  @Get()
  @Allow('position:read')
  @ApiOperation({ summary: 'The catalogue of positions, sorted by name, one page at a time' })
  @ApiOkResponse({ type: PositionPageDto })
  list(@Query() query: PositionListQueryDto): Promise<PositionPageDto> {
    return this.positions.list(query);
  }

  @Get(':id')
  @Allow('position:read')
  @ApiOperation({ summary: 'One position' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: PositionDto })
  @ApiProblemResponses(404)
  get(@Param() params: PositionIdParamDto): Promise<PositionDto> {
    return this.positions.get(params.id);
  }
}
