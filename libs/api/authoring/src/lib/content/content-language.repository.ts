import { Injectable } from '@nestjs/common';
import { ContentLanguage } from '@border-academy/shared-contracts';
import { DataSource } from 'typeorm';

import { ContentTextCheck } from './content-text';

/** How long a process trusts its copy of the content languages; adding one is rare configuration. */
const CACHE_MILLISECONDS = 60_000;

/** The content languages, read from their table and kept in memory for a minute. */
@Injectable()
export class ContentLanguageRepository {
  private cached: { languages: ContentLanguage[]; until: number } | null = null;

  constructor(private readonly dataSource: DataSource) {}

  async list(): Promise<ContentLanguage[]> {
    if (this.cached && this.cached.until > Date.now()) return this.cached.languages;
    const languages: ContentLanguage[] = await this.dataSource.query(
      `SELECT code, native_name AS "nativeName", position FROM content_language
        WHERE enabled ORDER BY position, code`,
    );
    this.cached = { languages, until: Date.now() + CACHE_MILLISECONDS };
    return languages;
  }

  async codes(): Promise<string[]> {
    return (await this.list()).map((language) => language.code);
  }

  async check(): Promise<ContentTextCheck> {
    return new ContentTextCheck(new Set(await this.codes()));
  }
}
