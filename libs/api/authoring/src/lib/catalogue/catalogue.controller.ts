import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, AccessContext, Allow, ApiProblemResponses } from '@border-academy/api-platform';
import { DEFAULT_PAGE_SIZE } from '@border-academy/shared-contracts';
import { DataSource } from 'typeorm';

import { CataloguePageDto, CatalogueQueryDto } from './catalogue.dto';
import { CatalogueRepository } from './catalogue.repository';

@ApiTags('catalogue')
@ApiBearerAuth()
@ApiProblemResponses(400, 401, 500, 503)
@Controller('catalogue')
export class CatalogueController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalogue: CatalogueRepository,
  ) {}

  @Get('courses')
  @Allow('catalogue:read')
  @ApiOperation({
    summary: 'Published courses whose audience includes the caller’s unit; learner-facing fields only',
  })
  @ApiOkResponse({ type: CataloguePageDto })
  async list(@Access() access: AccessContext, @Query() query: CatalogueQueryDto): Promise<CataloguePageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const q = query.q?.trim();
    const { items, total } = await this.catalogue.findPage(this.dataSource.manager, {
      orgUnitId: access.principal.orgUnitId,
      q: q ? q : undefined,
      area: query.area,
      level: query.level,
      language: query.language,
      page,
      pageSize,
    });
    return { items, total, page, pageSize };
  }
}
