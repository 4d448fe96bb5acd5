import { DemoCourse } from './demo-course';

/** Risk-based customs control and the single window for trade. */
export const CUSTOMS_RISK_SINGLE_WINDOW: DemoCourse = {
  code: 'customs-risk-single-window',
  area: 'TRADE',
  level: 'intermediate',
  estimatedHours: 4,
  ownerUnit: 'uz-border',
  country: 'uz',
  competencies: ['trade-risk-management', 'trade-single-window'],
  title: {
    en: 'Risk-based customs control and the single window',
    ru: 'Таможенный контроль на основе управления рисками и единое окно',
  },
  description: {
    en: 'Why customs checks the few consignments that matter instead of every one, how risk profiles and selectivity channels work, and how a single window lets traders submit data once for every agency.',
    ru: 'Почему таможня проверяет немногие действительно важные партии, а не каждую, как работают профили риска и каналы селективности и как единое окно позволяет участникам торговли подавать данные один раз для всех ведомств.',
  },
  modules: [
    {
      title: { en: 'Risk management in customs', ru: 'Управление рисками в таможне' },
      lessons: [
        {
          kind: 'text',
          title: { en: 'Why not check everything?', ru: 'Почему не проверять всё?' },
          estimatedMinutes: 15,
          body: {
            en: `# Why not check everything?

Checking every consignment physically is impossible at today's volumes of trade — and it would not make the
border safer. Inspectors would be spread thin, queues would grow, honest traders would pay for delays, and
the consignments that really matter would get no more attention than the rest.

**Risk management** turns this around. Customs uses information to decide *which* consignments to check and
*how deeply*, and lets the rest pass with minimal intervention. The WTO Trade Facilitation Agreement
(Article 7.4) asks customs to do exactly this.

The result:

- **more detections** with the same staff, because checks focus on what is risky;
- **faster release** for the large majority of compliant trade;
- **predictability** that attracts investment and trade.`,
            ru: `# Почему не проверять всё?

Физически проверить каждую партию при сегодняшних объёмах торговли невозможно — и граница от этого не стала
бы безопаснее. Инспекторов не хватило бы, очереди росли бы, добросовестные участники торговли платили бы за
задержки, а действительно важные партии получали бы не больше внимания, чем остальные.

**Управление рисками** меняет подход. Таможня на основе информации решает, *какие* партии проверять и
*насколько глубоко*, а остальные пропускает с минимальным вмешательством. Именно этого требует Соглашение ВТО
об упрощении процедур торговли (статья 7.4).

Результат:

- **больше выявлений** тем же штатом, потому что проверки сосредоточены на рискованном;
- **быстрый выпуск** для подавляющего большинства добросовестных поставок;
- **предсказуемость**, которая привлекает инвестиции и торговлю.`,
          },
        },
        {
          kind: 'text',
          title: { en: 'Risk profiles and selectivity channels', ru: 'Профили риска и каналы селективности' },
          estimatedMinutes: 25,
          body: {
            en: `# Risk profiles and selectivity channels

A **risk profile** is a set of criteria that, together, describe a risky consignment: for example a
commodity code often misdeclared, an origin linked to undervaluation, a new importer, an unusual route.

When a declaration is lodged, the system compares it with the active profiles and assigns a **channel**:

| Channel | What happens |
| --- | --- |
| Green | release without documentary or physical check |
| Yellow | documentary check |
| Red | documentary and physical inspection |

Some selection is **random**, so that no one can learn to avoid the profiles.

## The cycle

1. **Identify** risks from seizures, intelligence and trade statistics.
2. **Analyse and prioritise** them by likelihood and impact.
3. **Act**: write or update profiles, plan controls.
4. **Monitor and review**: record the result of every check — including "nothing found" — so that profiles
   that do not work are changed.

An inspection result that is not recorded is lost for everyone.`,
            ru: `# Профили риска и каналы селективности

**Профиль риска** — это набор критериев, которые вместе описывают рискованную партию: например, код товара,
который часто декларируют неверно, происхождение, связанное с занижением стоимости, новый импортёр,
необычный маршрут.

При подаче декларации система сравнивает её с действующими профилями и назначает **канал**:

| Канал | Что происходит |
| --- | --- |
| Зелёный | выпуск без документального и физического контроля |
| Жёлтый | документальный контроль |
| Красный | документальный контроль и досмотр |

Часть отбора — **случайная**, чтобы никто не мог научиться обходить профили.

## Цикл

1. **Выявить** риски по результатам изъятий, оперативной информации и статистике торговли.
2. **Проанализировать и ранжировать** их по вероятности и последствиям.
3. **Действовать**: создать или обновить профили, спланировать контроль.
4. **Отслеживать и пересматривать**: фиксировать результат каждой проверки — в том числе «ничего не
   обнаружено», — чтобы менять неработающие профили.

Незафиксированный результат досмотра потерян для всех.`,
          },
        },
        {
          kind: 'text',
          title: { en: 'Authorised economic operators', ru: 'Уполномоченные экономические операторы' },
          estimatedMinutes: 15,
          body: {
            en: `# Authorised economic operators

Some traders have shown over time that they comply: they keep good records, pay duties on time and secure
their supply chain. Customs can grant them the status of **authorised economic operator (AEO)**.

An AEO gets **fewer checks**, **priority** when a check is needed, and simpler procedures. Customs, in return,
can concentrate its resources on unknown and high-risk traders.

AEO status is part of risk management: the operator's proven reliability is one of the criteria that lower
the risk score of its declarations. It is reviewed regularly and withdrawn when the operator stops complying.`,
            ru: `# Уполномоченные экономические операторы

Некоторые участники торговли со временем доказали, что соблюдают требования: ведут надлежащий учёт, вовремя
платят пошлины и обеспечивают безопасность цепи поставок. Таможня может присвоить им статус
**уполномоченного экономического оператора (УЭО)**.

УЭО получает **меньше проверок**, **приоритет**, когда проверка всё же нужна, и упрощённые процедуры. Таможня
взамен может сосредоточить ресурсы на неизвестных участниках и участниках с высоким риском.

Статус УЭО — часть управления рисками: доказанная надёжность оператора — один из критериев, снижающих оценку
риска его деклараций. Статус регулярно пересматривается и отзывается, если оператор перестаёт соблюдать
требования.`,
          },
        },
      ],
    },
    {
      title: { en: 'The single window', ru: 'Единое окно' },
      lessons: [
        {
          kind: 'text',
          title: { en: 'One submission for every agency', ru: 'Одна подача для всех ведомств' },
          estimatedMinutes: 20,
          body: {
            en: `# One submission for every agency

To import or export, a trader needs documents from many bodies: customs, the veterinary and phytosanitary
services, standards, licensing authorities. Without coordination the trader submits the same data again and
again, on paper, in different offices.

A **single window** is a facility that lets a trader **submit all the information and documents once, at a
single entry point**, to fulfil every import, export and transit requirement. The agencies then receive what
they need from the single window, and return their permits and decisions through it.

## What it changes at the border

- the inspector sees at once whether the permits are valid — no paper to verify;
- agencies can plan **joint inspections** instead of separate ones;
- risk management can use data from every agency, not only from customs.

The single window is also required by the WTO Trade Facilitation Agreement (Article 10.4).`,
            ru: `# Одна подача для всех ведомств

Для импорта или экспорта участнику торговли нужны документы многих органов: таможни, ветеринарной и
фитосанитарной служб, органов по стандартизации и лицензированию. Без координации он снова и снова подаёт
одни и те же данные, на бумаге, в разные кабинеты.

**Единое окно** — это механизм, позволяющий участнику торговли **подать все сведения и документы один раз, в
одной точке**, чтобы выполнить все требования к импорту, экспорту и транзиту. Ведомства получают нужное им
через единое окно и через него же возвращают разрешения и решения.

## Что это меняет на границе

- инспектор сразу видит, действительны ли разрешения, — не нужно проверять бумаги;
- ведомства могут планировать **совместные досмотры** вместо раздельных;
- управление рисками может использовать данные всех ведомств, а не только таможни.

Единое окно предусмотрено и Соглашением ВТО об упрощении процедур торговли (статья 10.4).`,
          },
        },
        {
          kind: 'link',
          title: {
            en: 'UN/CEFACT Recommendation 33 on the single window',
            ru: 'Рекомендация 33 СЕФАКТ ООН о едином окне',
          },
          estimatedMinutes: 15,
          externalUrl: 'https://unece.org/trade/uncefact/rec33',
          body: {
            en: 'The United Nations recommendation that defines the single window and guides governments in setting one up.',
            ru: 'Рекомендация ООН, которая определяет понятие единого окна и помогает государствам его создать.',
          },
        },
        {
          kind: 'quiz',
          title: { en: 'Check your understanding', ru: 'Проверьте себя' },
          estimatedMinutes: 15,
        },
      ],
    },
  ],
  quiz: {
    title: { en: 'Risk and single window: final quiz', ru: 'Риски и единое окно: итоговый тест' },
    instructions: {
      en: 'Nine questions on risk-based control and the single window. You need 70% to pass; you have three attempts.',
      ru: 'Девять вопросов о контроле на основе рисков и едином окне. Для успешного прохождения нужно 70%; у вас три попытки.',
    },
    passMarkPercent: 70,
    attemptLimit: 3,
    timeLimitMinutes: 20,
    questions: [
      {
        kind: 'single-choice',
        tags: ['risk'],
        stem: {
          en: 'Which channel releases goods without a documentary or physical check?',
          ru: 'Какой канал означает выпуск без документального и физического контроля?',
        },
        options: [
          { text: { en: 'Green', ru: 'Зелёный' }, correct: true },
          { text: { en: 'Yellow', ru: 'Жёлтый' }, correct: false },
          { text: { en: 'Red', ru: 'Красный' }, correct: false },
        ],
      },
      {
        kind: 'true-false',
        tags: ['risk'],
        stem: {
          en: 'A check that finds nothing should still be recorded.',
          ru: 'Результат проверки, при которой ничего не обнаружено, тоже нужно фиксировать.',
        },
        correct: true,
        feedbackCorrect: {
          en: 'Yes: it tells the analysts which profiles do not work.',
          ru: 'Да: это показывает аналитикам, какие профили не работают.',
        },
      },
      {
        kind: 'multiple-choice',
        tags: ['risk'],
        stem: {
          en: 'Which of these can be criteria of a risk profile?',
          ru: 'Что из перечисленного может быть критерием профиля риска?',
        },
        options: [
          {
            text: {
              en: 'A commodity code often misdeclared',
              ru: 'Код товара, который часто декларируют неверно',
            },
            correct: true,
          },
          { text: { en: 'A new importer', ru: 'Новый импортёр' }, correct: true },
          { text: { en: 'An unusual route', ru: 'Необычный маршрут' }, correct: true },
          { text: { en: 'The colour of the truck', ru: 'Цвет грузовика' }, correct: false },
        ],
      },
      {
        kind: 'single-choice',
        tags: ['risk'],
        stem: {
          en: 'Why is part of the selection for control random?',
          ru: 'Зачем часть отбора для контроля делают случайной?',
        },
        options: [
          {
            text: {
              en: 'So that no one can learn to avoid the profiles',
              ru: 'Чтобы никто не мог научиться обходить профили',
            },
            correct: true,
          },
          {
            text: { en: 'To save the analysts’ time', ru: 'Чтобы сэкономить время аналитиков' },
            correct: false,
          },
        ],
      },
      {
        kind: 'true-false',
        tags: ['aeo'],
        stem: {
          en: 'Authorised economic operator status, once granted, is never reviewed.',
          ru: 'Статус уполномоченного экономического оператора, однажды присвоенный, никогда не пересматривается.',
        },
        correct: false,
      },
      {
        kind: 'short-answer',
        tags: ['aeo'],
        stem: {
          en: 'What is the abbreviation for an authorised economic operator in English?',
          ru: 'Как сокращённо по-английски называется уполномоченный экономический оператор?',
        },
        accepted: ['AEO'],
        match: 'exact',
      },
      {
        kind: 'single-choice',
        tags: ['single-window'],
        stem: {
          en: 'What does a single window let a trader do?',
          ru: 'Что позволяет участнику торговли единое окно?',
        },
        options: [
          {
            text: {
              en: 'Submit all information once, at one entry point, for every agency',
              ru: 'Подать все сведения один раз, в одной точке, для всех ведомств',
            },
            correct: true,
          },
          { text: { en: 'Avoid paying duties', ru: 'Не платить пошлины' }, correct: false },
          {
            text: {
              en: 'Choose which agency checks the goods',
              ru: 'Выбрать, какое ведомство проверит товар',
            },
            correct: false,
          },
        ],
      },
      {
        kind: 'multiple-choice',
        tags: ['single-window'],
        stem: {
          en: 'What does a single window change for officers at the border?',
          ru: 'Что меняет единое окно для сотрудников на границе?',
        },
        options: [
          {
            text: { en: 'Permits can be verified at once', ru: 'Разрешения можно сразу проверить' },
            correct: true,
          },
          {
            text: { en: 'Joint inspections can be planned', ru: 'Можно планировать совместные досмотры' },
            correct: true,
          },
          {
            text: {
              en: 'Risk analysis can no longer be used',
              ru: 'Анализ рисков больше нельзя использовать',
            },
            correct: false,
          },
        ],
      },
      {
        kind: 'short-answer',
        tags: ['single-window'],
        stem: {
          en: 'Which WTO agreement asks for risk management and a single window? (name it in English or Russian; "trade facilitation" is enough)',
          ru: 'Какое соглашение ВТО требует управления рисками и единого окна? (достаточно слов «упрощение процедур торговли»)',
        },
        accepted: ['*trade facilitation*', '*упрощени* процедур торговли*'],
        match: 'pattern',
      },
    ],
  },
};
