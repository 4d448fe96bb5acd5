import { Injectable } from '@nestjs/common';
import { PersonalDataRow } from '@border-academy/shared-contracts';
import { EntityManager } from 'typeorm';

/**
 * One kind of record a module keeps about a person, for the export of their personal data and for
 * erasure on request. The module that owns the tables writes the SQL; the privacy service only calls it.
 */
export interface PersonalDataSectionProvider {
  /** Dotted and stable, e.g. `learning.enrolments`: the JSON export's section key. */
  readonly key: string;
  /** A heading in English and Russian. */
  readonly title: { en: string; ru: string };
  /** Where the section comes in the export: identity 100s, audit 200s, authoring 300s, learning 400s. */
  readonly order: number;
  /** Every record of the section about the person, in a stable order; never a secret or its hash. */
  rows(manager: EntityManager, userId: string): Promise<PersonalDataRow[]>;
  /**
   * Anonymises or removes what the section holds about the person, inside the erasure's transaction;
   * answers how many rows it changed or removed. Absent when the section keeps its records as they are.
   */
  erase?(manager: EntityManager, userId: string): Promise<number>;
}

/**
 * The sections of a person's personal data, as the modules of the API contribute them: each module
 * registers its providers when it starts (`onModuleInit`), so a new module adds its records to the
 * export and to erasure without the privacy service knowing it.
 */
@Injectable()
export class PersonalDataRegistry {
  private readonly providers = new Map<string, PersonalDataSectionProvider>();

  register(...providers: PersonalDataSectionProvider[]): void {
    for (const provider of providers) {
      if (this.providers.has(provider.key)) {
        throw new Error(`The personal data section ${provider.key} is registered twice`);
      }
      this.providers.set(provider.key, provider);
    }
  }

  /** Every section, in export order. */
  sections(): PersonalDataSectionProvider[] {
    return [...this.providers.values()].sort((a, b) => a.order - b.order || a.key.localeCompare(b.key));
  }
}

/**
 * A timestamptz column as ISO 8601 text in UTC with milliseconds, as every instant of the export is
 * written; the driver's Date objects are not values of a row.
 */
export function isoInstantSql(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}
