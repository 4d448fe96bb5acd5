import { LocalizedText, OrgUnitKind } from '@border-academy/shared-contracts';
import { EntityManager } from 'typeorm';

import { SeedStep } from './seed-registry';

interface OrgUnitSeed {
  code: string;
  kind: OrgUnitKind;
  name: LocalizedText;
  children?: OrgUnitSeed[];
}

const post = (code: string, en: string, ru: string): OrgUnitSeed => ({
  code,
  kind: 'border_post',
  name: { en, ru },
});

/** The five countries, each with its border, customs and migration services, their regions and crossing points. */
export const ORG_TREE: OrgUnitSeed[] = [
  {
    code: 'kz',
    kind: 'country',
    name: { en: 'Kazakhstan', ru: 'Казахстан' },
    children: [
      {
        code: 'kz-border',
        kind: 'agency',
        name: { en: 'Border Service of Kazakhstan', ru: 'Пограничная служба Казахстана' },
        children: [
          {
            code: 'kz-border-almaty',
            kind: 'region',
            name: {
              en: 'Almaty Region Border Department',
              ru: 'Пограничное управление по Алматинской области',
            },
            children: [
              post('kz-border-khorgos', 'Khorgos', 'Хоргос'),
              post('kz-border-kolzhat', 'Kolzhat', 'Кольжат'),
            ],
          },
          {
            code: 'kz-border-turkistan',
            kind: 'region',
            name: {
              en: 'Turkistan Region Border Department',
              ru: 'Пограничное управление по Туркестанской области',
            },
            children: [
              post('kz-border-zhibek-zholy', 'Zhibek Zholy', 'Жибек Жолы'),
              post('kz-border-kazygurt', 'Kazygurt', 'Казыгурт'),
            ],
          },
        ],
      },
      {
        code: 'kz-customs',
        kind: 'agency',
        name: {
          en: 'State Revenue Committee (Customs) of Kazakhstan',
          ru: 'Комитет государственных доходов (таможня) Казахстана',
        },
        children: [
          {
            code: 'kz-customs-almaty',
            kind: 'region',
            name: { en: 'Almaty Region Customs', ru: 'Таможня Алматинской области' },
            children: [
              post('kz-customs-khorgos', 'Khorgos customs post', 'Таможенный пост «Хоргос»'),
              post('kz-customs-kairak', 'Kairak customs post', 'Таможенный пост «Кайрак»'),
            ],
          },
        ],
      },
      {
        code: 'kz-migration',
        kind: 'agency',
        name: { en: 'Migration Service of Kazakhstan', ru: 'Миграционная служба Казахстана' },
        children: [
          {
            code: 'kz-migration-south',
            kind: 'directorate',
            name: { en: 'Southern Migration Directorate', ru: 'Южное управление миграционной службы' },
            children: [
              post(
                'kz-migration-zhibek-zholy',
                'Zhibek Zholy migration point',
                'Миграционный пункт «Жибек Жолы»',
              ),
              post('kz-migration-khorgos', 'Khorgos migration point', 'Миграционный пункт «Хоргос»'),
            ],
          },
        ],
      },
    ],
  },
  {
    code: 'kg',
    kind: 'country',
    name: { en: 'Kyrgyzstan', ru: 'Кыргызстан' },
    children: [
      {
        code: 'kg-border',
        kind: 'agency',
        name: { en: 'Border Service of Kyrgyzstan', ru: 'Пограничная служба Кыргызстана' },
        children: [
          {
            code: 'kg-border-chui',
            kind: 'region',
            name: { en: 'Chui Border Detachment', ru: 'Чуйский пограничный отряд' },
            children: [
              post('kg-border-ak-zhol', 'Ak-Zhol', 'Ак-Жол'),
              post('kg-border-chaldovar', 'Chaldovar', 'Чалдовар'),
            ],
          },
          {
            code: 'kg-border-osh',
            kind: 'region',
            name: { en: 'Osh Border Detachment', ru: 'Ошский пограничный отряд' },
            children: [
              post('kg-border-dostuk', 'Dostuk', 'Достук'),
              post('kg-border-irkeshtam', 'Irkeshtam', 'Иркештам'),
            ],
          },
        ],
      },
      {
        code: 'kg-customs',
        kind: 'agency',
        name: {
          en: 'State Customs Service of Kyrgyzstan',
          ru: 'Государственная таможенная служба Кыргызстана',
        },
        children: [
          {
            code: 'kg-customs-naryn',
            kind: 'region',
            name: { en: 'Naryn Customs', ru: 'Нарынская таможня' },
            children: [
              post('kg-customs-torugart', 'Torugart customs post', 'Таможенный пост «Торугарт»'),
              post('kg-customs-ak-zhol', 'Ak-Zhol customs post', 'Таможенный пост «Ак-Жол»'),
            ],
          },
        ],
      },
      {
        code: 'kg-migration',
        kind: 'agency',
        name: { en: 'Migration Service of Kyrgyzstan', ru: 'Служба миграции Кыргызстана' },
        children: [
          {
            code: 'kg-migration-south',
            kind: 'directorate',
            name: { en: 'Southern Migration Directorate', ru: 'Южное управление службы миграции' },
            children: [
              post('kg-migration-dostuk', 'Dostuk migration point', 'Миграционный пункт «Достук»'),
              post('kg-migration-kyzyl-kiya', 'Kyzyl-Kiya migration point', 'Миграционный пункт «Кызыл-Кия»'),
            ],
          },
        ],
      },
    ],
  },
  {
    code: 'tj',
    kind: 'country',
    name: { en: 'Tajikistan', ru: 'Таджикистан' },
    children: [
      {
        code: 'tj-border',
        kind: 'agency',
        name: { en: 'Border Troops of Tajikistan', ru: 'Пограничные войска Таджикистана' },
        children: [
          {
            code: 'tj-border-khatlon',
            kind: 'region',
            name: { en: 'Khatlon Border Detachment', ru: 'Хатлонский пограничный отряд' },
            children: [
              post('tj-border-panji-poyon', 'Panji Poyon', 'Нижний Пяндж'),
              post('tj-border-ishkashim', 'Ishkashim', 'Ишкашим'),
            ],
          },
          {
            code: 'tj-border-sughd',
            kind: 'region',
            name: { en: 'Sughd Border Detachment', ru: 'Согдийский пограничный отряд' },
            children: [
              post('tj-border-fotehobod', 'Fotehobod', 'Фотехобод'),
              post('tj-border-guliston', 'Guliston', 'Гулистон'),
            ],
          },
        ],
      },
      {
        code: 'tj-customs',
        kind: 'agency',
        name: { en: 'Customs Service of Tajikistan', ru: 'Таможенная служба Таджикистана' },
        children: [
          {
            code: 'tj-customs-sughd',
            kind: 'region',
            name: { en: 'Sughd Regional Customs', ru: 'Таможня Согдийской области' },
            children: [
              post('tj-customs-fotehobod', 'Fotehobod customs post', 'Таможенный пост «Фотехобод»'),
              post('tj-customs-patar', 'Patar customs post', 'Таможенный пост «Патар»'),
            ],
          },
        ],
      },
      {
        code: 'tj-migration',
        kind: 'agency',
        name: { en: 'Migration Service of Tajikistan', ru: 'Миграционная служба Таджикистана' },
        children: [
          {
            code: 'tj-migration-khatlon',
            kind: 'directorate',
            name: { en: 'Khatlon Migration Directorate', ru: 'Хатлонское управление миграционной службы' },
            children: [
              post(
                'tj-migration-panji-poyon',
                'Panji Poyon migration point',
                'Миграционный пункт «Нижний Пяндж»',
              ),
              post('tj-migration-dusti', 'Dusti migration point', 'Миграционный пункт «Дусти»'),
            ],
          },
        ],
      },
    ],
  },
  {
    code: 'tm',
    kind: 'country',
    name: { en: 'Turkmenistan', ru: 'Туркменистан' },
    children: [
      {
        code: 'tm-border',
        kind: 'agency',
        name: {
          en: 'State Border Service of Turkmenistan',
          ru: 'Государственная пограничная служба Туркменистана',
        },
        children: [
          {
            code: 'tm-border-lebap',
            kind: 'region',
            name: { en: 'Lebap Border Detachment', ru: 'Лебапский пограничный отряд' },
            children: [
              post('tm-border-farap', 'Farap', 'Фарап'),
              post('tm-border-imam-nazar', 'Imam Nazar', 'Имам Назар'),
            ],
          },
          {
            code: 'tm-border-mary',
            kind: 'region',
            name: { en: 'Mary Border Detachment', ru: 'Марыйский пограничный отряд' },
            children: [
              post('tm-border-serhetabat', 'Serhetabat', 'Серхетабат'),
              post('tm-border-sarahs', 'Sarahs', 'Сарахс'),
            ],
          },
        ],
      },
      {
        code: 'tm-customs',
        kind: 'agency',
        name: {
          en: 'State Customs Service of Turkmenistan',
          ru: 'Государственная таможенная служба Туркменистана',
        },
        children: [
          {
            code: 'tm-customs-ahal',
            kind: 'region',
            name: { en: 'Ahal Customs', ru: 'Ахалская таможня' },
            children: [
              post('tm-customs-altyn-asyr', 'Altyn Asyr customs post', 'Таможенный пост «Алтын Асыр»'),
              post('tm-customs-gaudan', 'Gaudan customs post', 'Таможенный пост «Гаудан»'),
            ],
          },
        ],
      },
      {
        code: 'tm-migration',
        kind: 'agency',
        name: {
          en: 'State Migration Service of Turkmenistan',
          ru: 'Государственная миграционная служба Туркменистана',
        },
        children: [
          {
            code: 'tm-migration-lebap',
            kind: 'directorate',
            name: { en: 'Lebap Migration Directorate', ru: 'Лебапское управление миграционной службы' },
            children: [
              post('tm-migration-farap', 'Farap migration point', 'Миграционный пункт «Фарап»'),
              post('tm-migration-dashoguz', 'Dashoguz migration point', 'Миграционный пункт «Дашогуз»'),
            ],
          },
        ],
      },
    ],
  },
  {
    code: 'uz',
    kind: 'country',
    name: { en: 'Uzbekistan', ru: 'Узбекистан' },
    children: [
      {
        code: 'uz-border',
        kind: 'agency',
        name: { en: 'Border Troops of Uzbekistan', ru: 'Пограничные войска Узбекистана' },
        children: [
          {
            code: 'uz-border-tashkent',
            kind: 'region',
            name: { en: 'Tashkent Border Detachment', ru: 'Ташкентский пограничный отряд' },
            children: [
              post('uz-border-yallama', 'Yallama', 'Яллама'),
              post('uz-border-oybek', 'Oybek', 'Ойбек'),
            ],
          },
          {
            code: 'uz-border-fergana',
            kind: 'region',
            name: { en: 'Fergana Border Detachment', ru: 'Ферганский пограничный отряд' },
            children: [
              post('uz-border-dostlik', 'Dostlik', 'Дустлик'),
              post('uz-border-uchkurgan', 'Uchkurgan', 'Учкурган'),
            ],
          },
        ],
      },
      {
        code: 'uz-customs',
        kind: 'agency',
        name: { en: 'Customs Committee of Uzbekistan', ru: 'Таможенный комитет Узбекистана' },
        children: [
          {
            code: 'uz-customs-tashkent',
            kind: 'region',
            name: { en: 'Tashkent Region Customs', ru: 'Таможня Ташкентской области' },
            children: [
              post('uz-customs-yallama', 'Yallama customs post', 'Таможенный пост «Яллама»'),
              post('uz-customs-oybek', 'Oybek customs post', 'Таможенный пост «Ойбек»'),
            ],
          },
        ],
      },
      {
        code: 'uz-migration',
        kind: 'agency',
        name: { en: 'Migration Agency of Uzbekistan', ru: 'Агентство по миграции Узбекистана' },
        children: [
          {
            code: 'uz-migration-fergana',
            kind: 'directorate',
            name: { en: 'Fergana Migration Directorate', ru: 'Ферганское управление по миграции' },
            children: [
              post('uz-migration-dostlik', 'Dostlik migration point', 'Миграционный пункт «Дустлик»'),
              post('uz-migration-termez', 'Termez migration point', 'Миграционный пункт «Термез»'),
            ],
          },
        ],
      },
    ],
  },
];

async function upsertTree(
  manager: EntityManager,
  units: readonly OrgUnitSeed[],
  parent: { id: string; path: string; depth: number } | null,
): Promise<void> {
  for (const unit of units) {
    const path = parent ? `${parent.path}.${unit.code}` : unit.code;
    const depth = parent ? parent.depth + 1 : 0;
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO org_unit (code, kind, name, parent_id, path, depth)
       VALUES ($1, $2, $3::jsonb, $4, $5, $6)
       ON CONFLICT (code) DO UPDATE
         SET kind = EXCLUDED.kind, name = EXCLUDED.name, parent_id = EXCLUDED.parent_id,
             path = EXCLUDED.path, depth = EXCLUDED.depth, updated_at = now()
       RETURNING id`,
      [unit.code, unit.kind, JSON.stringify(unit.name), parent?.id ?? null, path, depth],
    );
    const id = rows[0]?.id;
    if (!id) throw new Error(`Seeding org unit ${unit.code} returned no id`);
    if (unit.children) await upsertTree(manager, unit.children, { id, path, depth });
  }
}

export const orgUnitsSeed: SeedStep = {
  name: 'org-units-central-asia',
  run: (manager) => upsertTree(manager, ORG_TREE, null),
};
