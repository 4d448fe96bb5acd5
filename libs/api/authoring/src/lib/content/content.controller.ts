import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, ApiProblemResponses } from '@border-academy/api-platform';

import { CatalogueService } from '../catalogue/catalogue.service';
import { CompetencyListQueryDto, CompetencyPageDto, ContentLanguageDto } from './competency.dto';

/** Reference data of authoring: the languages courses are written in and the competency framework. */
@ApiTags('course authoring')
@ApiBearerAuth()
@ApiProblemResponses(400, 401, 403, 500, 503)
@Controller()
export class ContentController {
  constructor(private readonly reference: CatalogueService) {}

  @Get('content-languages')
  @Allow('catalogue:read')
  @ApiOperation({ summary: 'The languages courses may be written in, in picker order' })
  @ApiOkResponse({ type: [ContentLanguageDto] })
  contentLanguages(): Promise<ContentLanguageDto[]> {
    return this.reference.contentLanguages();
  }

  @Get('competencies')
  @Allow('course:read')
  @ApiOperation({ summary: 'The competency framework, searched by code or title and filtered by area' })
  @ApiOkResponse({ type: CompetencyPageDto })
  competencyList(@Query() query: CompetencyListQueryDto): Promise<CompetencyPageDto> {
    return this.reference.competencyList(query);
  }
}
