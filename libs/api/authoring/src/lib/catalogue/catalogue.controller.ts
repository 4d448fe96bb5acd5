import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, AccessContext, Allow, ApiProblemResponses } from '@border-academy/api-platform';

import { CataloguePageDto, CatalogueQueryDto } from './catalogue.dto';
import { CatalogueService } from './catalogue.service';

@ApiTags('catalogue')
@ApiBearerAuth()
@ApiProblemResponses(400, 401, 500, 503)
@Controller('catalogue')
export class CatalogueController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Get('courses')
  @Allow('catalogue:read')
  @ApiOperation({
    summary: 'Published courses whose audience includes the caller’s unit; learner-facing fields only',
  })
  @ApiOkResponse({ type: CataloguePageDto })
  list(@Access() access: AccessContext, @Query() query: CatalogueQueryDto): Promise<CataloguePageDto> {
    return this.catalogue.courses(access, query);
  }
}
