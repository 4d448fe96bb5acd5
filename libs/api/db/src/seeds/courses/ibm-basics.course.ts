import { DemoCourse } from './demo-course';

/** Integrated Border Management: its pillars and the three levels of cooperation. */
export const IBM_BASICS: DemoCourse = {
  code: 'ibm-basics',
  area: 'IBM',
  level: 'basic',
  estimatedHours: 3,
  ownerUnit: 'kz-border',
  country: 'kz',
  competencies: ['ibm-cooperation', 'ibm-risk-analysis'],
  title: {
    en: 'Integrated Border Management: the basics',
    ru: 'Комплексное управление границами: основы',
  },
  description: {
    en: 'What Integrated Border Management (IBM) is, its pillars, and how border, customs and migration officers cooperate inside their service, between agencies and across borders.',
    ru: 'Что такое комплексное управление границами (КУГ), на чём оно держится и как сотрудники пограничной, таможенной и миграционной служб взаимодействуют внутри своей службы, между ведомствами и через границу.',
  },
  modules: [
    {
      title: { en: 'What IBM is', ru: 'Что такое КУГ' },
      lessons: [
        {
          kind: 'text',
          title: {
            en: 'Open, but controlled and secure borders',
            ru: 'Открытые, но контролируемые и безопасные границы',
          },
          estimatedMinutes: 15,
          body: {
            en: `# Open, but controlled and secure borders

A border has two jobs at once. It must let **legitimate travellers and goods** pass quickly, because trade,
tourism and family ties depend on it. And it must **stop what threatens** the country: smuggling, trafficking
in human beings, irregular migration, diseases and weapons.

No single agency can do both alone. Border guards check people, customs checks goods, migration services
decide on stay and protection, and veterinary, phytosanitary and health services check what may carry disease.
**Integrated Border Management (IBM)** is the way these agencies organise their work so that, together, the
border is *open, but controlled and secure*.

## What "integrated" means

- every agency knows what the others do at the same crossing point;
- information reaches the officer who needs it, when they need it;
- checks are not repeated without reason, and nothing falls between two agencies;
- neighbouring countries work on the same problems from both sides.

> A traveller should meet one coordinated border, not four separate offices.`,
            ru: `# Открытые, но контролируемые и безопасные границы

У границы две задачи одновременно. Она должна быстро пропускать **законных путешественников и грузы**, потому
что от этого зависят торговля, туризм и семейные связи. И она должна **останавливать угрозы** для страны:
контрабанду, торговлю людьми, нерегулярную миграцию, болезни и оружие.

Ни одно ведомство не справится с этим в одиночку. Пограничники проверяют людей, таможня — товары,
миграционная служба решает вопросы пребывания и защиты, ветеринарная, фитосанитарная и санитарная службы
проверяют то, что может переносить болезни. **Комплексное управление границами (КУГ)** — это способ
организовать работу этих ведомств так, чтобы вместе они обеспечивали *открытую, но контролируемую и
безопасную* границу.

## Что значит «комплексное»

- каждое ведомство знает, что делают другие на том же пункте пропуска;
- информация доходит до сотрудника, которому она нужна, и тогда, когда она нужна;
- проверки не повторяются без причины, и ничто не остаётся «между» ведомствами;
- соседние страны решают одни и те же задачи с обеих сторон границы.

> Путешественник должен встретить одну согласованную границу, а не четыре отдельных кабинета.`,
          },
        },
        {
          kind: 'text',
          title: { en: 'The pillars of IBM', ru: 'Составляющие КУГ' },
          estimatedMinutes: 20,
          body: {
            en: `# The pillars of IBM

The IBM concept used by the European Union and by the programmes in Central Asia rests on a few pillars.
Each is needed; none is enough alone.

1. **Border control**: checks at crossing points and surveillance of the border between them.
2. **Detection and investigation** of cross-border crime, in cooperation with the police and prosecutors.
3. **Risk analysis**: collecting and analysing information so that controls target what is risky and leave
   the rest to pass.
4. **Intra-service cooperation**: inside one agency, between headquarters, regions and posts.
5. **Inter-agency cooperation**: between border guards, customs, migration, police and the other services
   present at the border.
6. **International cooperation**: with neighbouring countries, regional partners and international
   organisations.
7. **Supporting elements**: legislation, training, equipment, infrastructure and information systems that
   make the other pillars possible.

## Why the pillars matter at a crossing point

When a customs inspector finds cash hidden in a car, risk analysis tells the border guard next shift to
watch for the same route; the police opens an investigation; the neighbouring country is informed through
the agreed channel. That chain only works when all the pillars stand.`,
            ru: `# Составляющие КУГ

Концепция КУГ, которой пользуются Европейский союз и программы в Центральной Азии, опирается на несколько
составляющих. Нужна каждая, и ни одной недостаточно в одиночку.

1. **Пограничный контроль**: проверки в пунктах пропуска и охрана границы между ними.
2. **Выявление и расследование** трансграничных преступлений вместе с полицией и прокуратурой.
3. **Анализ рисков**: сбор и анализ информации, чтобы контроль был направлен на рискованное, а остальное
   проходило быстро.
4. **Внутриведомственное взаимодействие**: внутри одного ведомства — между центральным аппаратом, регионами
   и заставами.
5. **Межведомственное взаимодействие**: между пограничниками, таможней, миграционной службой, полицией и
   другими службами на границе.
6. **Международное сотрудничество**: с соседними странами, региональными партнёрами и международными
   организациями.
7. **Обеспечивающие элементы**: законодательство, обучение, оборудование, инфраструктура и информационные
   системы, без которых невозможно остальное.

## Почему это важно на пункте пропуска

Когда таможенный инспектор находит спрятанные в автомобиле наличные, анализ рисков подсказывает
пограничникам следующей смены, за каким маршрутом следить; полиция возбуждает дело; соседняя страна получает
информацию по согласованному каналу. Эта цепочка работает, только когда на месте все составляющие.`,
          },
        },
        {
          kind: 'link',
          title: { en: 'Further reading: the BOMCA programme', ru: 'Дополнительно: программа BOMCA' },
          estimatedMinutes: 10,
          externalUrl: 'https://www.bomca-eu.org/',
          body: {
            en: 'The Border Management Programme in Central Asia (BOMCA) supports the five countries in putting IBM into practice. Open its site to see current activities in your country.',
            ru: 'Программа содействия управлению границами в Центральной Азии (BOMCA) помогает пяти странам внедрять КУГ на практике. Откройте сайт программы, чтобы узнать о текущей работе в вашей стране.',
          },
        },
      ],
    },
    {
      title: { en: 'Cooperation at three levels', ru: 'Взаимодействие на трёх уровнях' },
      lessons: [
        {
          kind: 'text',
          title: { en: 'Intra-service cooperation', ru: 'Внутриведомственное взаимодействие' },
          estimatedMinutes: 15,
          body: {
            en: `# Intra-service cooperation

Cooperation starts inside your own service. A border post that does not share what it sees with the
regional directorate, and a headquarters that does not send its analysis back to the posts, waste the
work of everyone.

Good practice:

- **clear lines of reporting**: every officer knows whom to inform about an incident, and how fast;
- **shift handovers** that pass on open cases, wanted persons and new risk indicators;
- **one set of procedures** for the whole service, so that a traveller is treated the same at every post;
- **feedback**: when a post reports, it learns what happened with its report.

Ask yourself after each shift: *did anything I saw today need to reach someone else in my service?*`,
            ru: `# Внутриведомственное взаимодействие

Взаимодействие начинается внутри собственной службы. Застава, которая не сообщает о том, что видит, в
региональное управление, и центральный аппарат, который не возвращает свой анализ на заставы, обесценивают
работу всех.

Хорошая практика:

- **ясный порядок докладов**: каждый сотрудник знает, кому и как быстро сообщить о происшествии;
- **передача смены** с информацией об открытых делах, разыскиваемых лицах и новых индикаторах риска;
- **единые процедуры** во всей службе, чтобы к путешественнику относились одинаково на любом пункте;
- **обратная связь**: застава узнаёт, что стало с её донесением.

После каждой смены спросите себя: *нужно ли было то, что я сегодня увидел, передать кому-то ещё в моей
службе?*`,
          },
        },
        {
          kind: 'text',
          title: { en: 'Inter-agency cooperation', ru: 'Межведомственное взаимодействие' },
          estimatedMinutes: 20,
          body: {
            en: `# Inter-agency cooperation

At a crossing point several agencies work side by side. Inter-agency cooperation means they plan and act
together instead of in parallel.

## Tools that work

| Tool | What it gives |
| --- | --- |
| Joint risk analysis | one picture of the risks at the post |
| Shared premises and joint checks | the traveller stops once, not several times |
| Agreed procedures (memoranda) | who does what, and who decides |
| Liaison officers and joint meetings | problems solved before they grow |
| Interconnected information systems | data entered once and used by all |

## A typical case

A truck's documents are in order for customs, but the driver's passport shows repeated short entries. The
border guard informs customs at once; a joint check of the cargo finds undeclared goods and a hidden
compartment. Neither agency alone would have found both.`,
            ru: `# Межведомственное взаимодействие

На пункте пропуска рядом работают несколько ведомств. Межведомственное взаимодействие означает, что они
планируют и действуют вместе, а не параллельно.

## Работающие инструменты

| Инструмент | Что даёт |
| --- | --- |
| Совместный анализ рисков | единая картина рисков на пункте |
| Общие помещения и совместные проверки | путешественник останавливается один раз, а не несколько |
| Согласованные процедуры (меморандумы) | кто что делает и кто принимает решение |
| Офицеры связи и совместные совещания | проблемы решаются до того, как вырастут |
| Связанные информационные системы | данные вводятся один раз и используются всеми |

## Типичный случай

Документы грузовика в порядке для таможни, но в паспорте водителя видны частые короткие въезды.
Пограничник сразу сообщает таможне; совместный досмотр груза обнаруживает незадекларированный товар и
тайник. Ни одно ведомство в одиночку не нашло бы и то, и другое.`,
          },
        },
        {
          kind: 'text',
          title: { en: 'International cooperation', ru: 'Международное сотрудничество' },
          estimatedMinutes: 20,
          body: {
            en: `# International cooperation

A border always has two sides. International cooperation lets both sides of a crossing point work as one
system.

- **Bilateral agreements** set out joint patrols, contact points and the exchange of information.
- **Border representatives** of neighbouring countries meet regularly to settle incidents locally.
- **Joint or coordinated checks** let a traveller be checked once for both exit and entry.
- **Regional cooperation** in Central Asia and with international organisations (for example IOM,
  UNODC and the World Customs Organization) brings shared training, standards and analysis.

Exchange personal data only through the channels and under the rules your agreements set: cooperation
never replaces the law.`,
            ru: `# Международное сотрудничество

У границы всегда две стороны. Международное сотрудничество позволяет обеим сторонам пункта пропуска
работать как одна система.

- **Двусторонние соглашения** определяют совместное патрулирование, контактные пункты и обмен информацией.
- **Пограничные представители** соседних стран регулярно встречаются и решают инциденты на месте.
- **Совместный или согласованный контроль** позволяет проверить путешественника один раз на выезд и въезд.
- **Региональное сотрудничество** в Центральной Азии и с международными организациями (например, МОМ,
  УНП ООН и Всемирной таможенной организацией) даёт общее обучение, стандарты и анализ.

Персональными данными обменивайтесь только по тем каналам и по тем правилам, которые установлены
соглашениями: сотрудничество никогда не заменяет закон.`,
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
    title: { en: 'IBM basics: final quiz', ru: 'Основы КУГ: итоговый тест' },
    instructions: {
      en: 'Ten questions on the pillars of IBM and cooperation. You need 70% to pass; you have three attempts.',
      ru: 'Десять вопросов о составляющих КУГ и взаимодействии. Для успешного прохождения нужно 70%; у вас три попытки.',
    },
    passMarkPercent: 70,
    attemptLimit: 3,
    timeLimitMinutes: 20,
    questions: [
      {
        kind: 'single-choice',
        tags: ['ibm-concept'],
        stem: {
          en: 'What is the aim of Integrated Border Management?',
          ru: 'Какова цель комплексного управления границами?',
        },
        options: [
          {
            text: {
              en: 'Borders that are open, but controlled and secure',
              ru: 'Открытые, но контролируемые и безопасные границы',
            },
            correct: true,
          },
          {
            text: {
              en: 'Borders closed to all irregular traffic',
              ru: 'Границы, закрытые для любого движения',
            },
            correct: false,
          },
          {
            text: {
              en: 'One agency doing every check at the border',
              ru: 'Одно ведомство, выполняющее все проверки на границе',
            },
            correct: false,
            feedback: {
              en: 'IBM keeps each agency’s role and makes them work together.',
              ru: 'КУГ сохраняет роль каждого ведомства и организует их совместную работу.',
            },
          },
        ],
      },
      {
        kind: 'multiple-choice',
        tags: ['ibm-concept'],
        stem: {
          en: 'Which of these are pillars of IBM?',
          ru: 'Что из перечисленного входит в составляющие КУГ?',
        },
        options: [
          { text: { en: 'Risk analysis', ru: 'Анализ рисков' }, correct: true },
          { text: { en: 'Inter-agency cooperation', ru: 'Межведомственное взаимодействие' }, correct: true },
          { text: { en: 'International cooperation', ru: 'Международное сотрудничество' }, correct: true },
          {
            text: { en: 'Checking every vehicle fully', ru: 'Полный досмотр каждого транспортного средства' },
            correct: false,
          },
        ],
      },
      {
        kind: 'true-false',
        tags: ['ibm-concept'],
        stem: {
          en: 'Legislation, training and equipment are supporting elements of IBM.',
          ru: 'Законодательство, обучение и оборудование — обеспечивающие элементы КУГ.',
        },
        correct: true,
      },
      {
        kind: 'single-choice',
        tags: ['cooperation'],
        stem: {
          en: 'A shift hands over open cases and new risk indicators to the next one. Which level of cooperation is this?',
          ru: 'Смена передаёт следующей открытые дела и новые индикаторы риска. Какой это уровень взаимодействия?',
        },
        options: [
          { text: { en: 'Intra-service', ru: 'Внутриведомственный' }, correct: true },
          { text: { en: 'Inter-agency', ru: 'Межведомственный' }, correct: false },
          { text: { en: 'International', ru: 'Международный' }, correct: false },
        ],
      },
      {
        kind: 'single-choice',
        tags: ['cooperation'],
        stem: {
          en: 'Border guards and customs check a truck together. Which level of cooperation is this?',
          ru: 'Пограничники и таможня вместе досматривают грузовик. Какой это уровень взаимодействия?',
        },
        options: [
          { text: { en: 'Intra-service', ru: 'Внутриведомственный' }, correct: false },
          { text: { en: 'Inter-agency', ru: 'Межведомственный' }, correct: true },
          { text: { en: 'International', ru: 'Международный' }, correct: false },
        ],
      },
      {
        kind: 'true-false',
        tags: ['cooperation'],
        stem: {
          en: 'International cooperation allows personal data to be shared outside the channels set by agreements when it is urgent.',
          ru: 'Международное сотрудничество позволяет передавать персональные данные вне установленных соглашениями каналов, если это срочно.',
        },
        correct: false,
        feedbackIncorrect: {
          en: 'Cooperation never replaces the law: use only the agreed channels.',
          ru: 'Сотрудничество не заменяет закон: используйте только согласованные каналы.',
        },
      },
      {
        kind: 'multiple-choice',
        tags: ['cooperation'],
        stem: {
          en: 'Which tools support inter-agency cooperation at a crossing point?',
          ru: 'Какие инструменты поддерживают межведомственное взаимодействие на пункте пропуска?',
        },
        options: [
          { text: { en: 'Joint risk analysis', ru: 'Совместный анализ рисков' }, correct: true },
          {
            text: { en: 'Memoranda on agreed procedures', ru: 'Меморандумы о согласованных процедурах' },
            correct: true,
          },
          {
            text: {
              en: 'Separate databases that are never linked',
              ru: 'Отдельные, никогда не связанные базы данных',
            },
            correct: false,
          },
          { text: { en: 'Liaison officers', ru: 'Офицеры связи' }, correct: true },
        ],
      },
      {
        kind: 'short-answer',
        tags: ['ibm-concept'],
        stem: {
          en: 'Which pillar of IBM directs controls to what is risky so that the rest can pass quickly? (two words)',
          ru: 'Какая составляющая КУГ направляет контроль на рискованное, чтобы остальное проходило быстро? (два слова)',
        },
        accepted: ['risk analysis', 'анализ рисков'],
        match: 'exact',
      },
      {
        kind: 'true-false',
        tags: ['cooperation'],
        stem: {
          en: 'Border representatives of neighbouring countries help to settle incidents locally.',
          ru: 'Пограничные представители соседних стран помогают решать инциденты на месте.',
        },
        correct: true,
      },
      {
        kind: 'single-choice',
        tags: ['ibm-concept'],
        stem: {
          en: 'What should a traveller ideally meet at the border?',
          ru: 'С чем в идеале должен встретиться путешественник на границе?',
        },
        options: [
          { text: { en: 'One coordinated border', ru: 'С одной согласованной границей' }, correct: true },
          {
            text: { en: 'A separate office for every agency', ru: 'С отдельным кабинетом каждого ведомства' },
            correct: false,
          },
        ],
      },
    ],
  },
};
