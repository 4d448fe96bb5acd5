import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, ApiProblemResponses } from '@border-academy/api-platform';
import { DEFAULT_PAGE_SIZE } from '@border-academy/shared-contracts';
import { DataSource } from 'typeorm';

import { CompetencyListQueryDto, CompetencyPageDto, ContentLanguageDto } from './competency.dto';
import { CompetencyRepository } from './competency.repository';
import { ContentLanguageRepository } from './content-language.repository';

/** Reference data of authoring: the languages courses are written in and the competency framework. */
@ApiTags('course authoring')
@ApiBearerAuth()
@ApiProblemResponses(400, 401, 403, 500, 503)
@Controller()
export class ContentController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly languages: ContentLanguageRepository,
    private readonly competencies: CompetencyRepository,
  ) {}

  @Get('content-languages')
  @Allow('catalogue:read')
  @ApiOperation({ summary: 'The languages courses may be written in, in picker order' })
  @ApiOkResponse({ type: [ContentLanguageDto] })
  contentLanguages(): Promise<ContentLanguageDto[]> {
    return this.languages.list();
  }

  @Get('competencies')
  @Allow('course:read')
  @ApiOperation({ summary: 'The competency framework, searched by code or title and filtered by area' })
  @ApiOkResponse({ type: CompetencyPageDto })
  async competencyList(@Query() query: CompetencyListQueryDto): Promise<CompetencyPageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const q = query.q?.trim();
    const { items, total } = await this.competencies.findPage(this.dataSource.manager, {
      q: q ? q : undefined,
      area: query.area,
      page,
      pageSize,
    });
    return { items, total, page, pageSize };
  }
}
