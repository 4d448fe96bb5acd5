import { Injectable } from '@nestjs/common';
import { AccessContext } from '@border-academy/api-platform';
import {
  CatalogueCourse,
  CatalogueQuery,
  Competency,
  CompetencyListQuery,
  ContentLanguage,
  DEFAULT_PAGE_SIZE,
  Page,
} from '@border-academy/shared-contracts';
import { DataSource } from 'typeorm';

import { CompetencyRepository } from '../content/competency.repository';
import { ContentLanguageRepository } from '../content/content-language.repository';
import { CatalogueRepository } from './catalogue.repository';

function paging(query: { page?: number; pageSize?: number; q?: string }) {
  const q = query.q?.trim();
  return { page: query.page ?? 1, pageSize: query.pageSize ?? DEFAULT_PAGE_SIZE, q: q ? q : undefined };
}

/** What is read alike by learners and authors: the catalogue, the content languages and the competencies. */
@Injectable()
export class CatalogueService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalogue: CatalogueRepository,
    private readonly languages: ContentLanguageRepository,
    private readonly competencies: CompetencyRepository,
  ) {}

  /** Published courses for the caller's own unit; the repository reads no question or answer. */
  async courses(access: AccessContext, query: CatalogueQuery): Promise<Page<CatalogueCourse>> {
    const { page, pageSize, q } = paging(query);
    const { items, total } = await this.catalogue.findPage(this.dataSource.manager, {
      orgUnitId: access.principal.orgUnitId,
      q,
      area: query.area,
      level: query.level,
      language: query.language,
      page,
      pageSize,
    });
    return { items, total, page, pageSize };
  }

  contentLanguages(): Promise<ContentLanguage[]> {
    return this.languages.list();
  }

  async competencyList(query: CompetencyListQuery): Promise<Page<Competency>> {
    const { page, pageSize, q } = paging(query);
    const { items, total } = await this.competencies.findPage(this.dataSource.manager, {
      q,
      area: query.area,
      page,
      pageSize,
    });
    return { items, total, page, pageSize };
  }
}
