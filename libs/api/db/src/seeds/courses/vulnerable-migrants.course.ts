import { DemoCourse } from './demo-course';

/** Identifying vulnerable migrants at the border and referring them to the help they need. */
export const VULNERABLE_MIGRANTS: DemoCourse = {
  code: 'vulnerable-migrants',
  area: 'MIGRATION',
  level: 'intermediate',
  estimatedHours: 4,
  ownerUnit: 'kg-border',
  country: 'kg',
  competencies: ['migration-vulnerability-screening', 'migration-referral'],
  title: {
    en: 'Identifying and referring vulnerable migrants at the border',
    ru: 'Выявление и перенаправление уязвимых мигрантов на границе',
  },
  description: {
    en: 'How to recognise people in a vulnerable situation in mixed migration flows — victims of trafficking, unaccompanied children, asylum seekers, exploited labour migrants — talk to them safely and refer them to the right service.',
    ru: 'Как распознать людей в уязвимом положении в смешанных миграционных потоках — жертв торговли людьми, несопровождаемых детей, лиц, ищущих убежища, трудовых мигрантов, подвергшихся эксплуатации, — безопасно поговорить с ними и перенаправить в нужную службу.',
  },
  modules: [
    {
      title: { en: 'Mixed migration and vulnerability', ru: 'Смешанная миграция и уязвимость' },
      lessons: [
        {
          kind: 'text',
          title: { en: 'Mixed migration flows', ru: 'Смешанные миграционные потоки' },
          estimatedMinutes: 15,
          body: {
            en: `# Mixed migration flows

People cross borders together for very different reasons. On the same bus you may find **labour migrants**
going to seasonal work, **students**, **family members**, a person **fleeing persecution**, and someone who is
being **trafficked** without knowing it yet. This is what we call a *mixed migration flow*.

They use the same routes and often the same documents, but the law gives them **different rights**:

- a refugee or asylum seeker must not be returned to a place where they face persecution
  (*non-refoulement*);
- a victim of trafficking has a right to assistance and protection, not punishment for what they were made
  to do;
- a child is always a child first, whatever their status.

Your task at the border is not to decide every case on the spot. It is to **notice**, **ask the right
questions** and **refer** the person to the service that can decide and help.`,
            ru: `# Смешанные миграционные потоки

Люди пересекают границу вместе по очень разным причинам. В одном автобусе могут ехать **трудовые мигранты**
на сезонную работу, **студенты**, **члены семей**, человек, **спасающийся от преследования**, и тот, кого уже
**вовлекли в торговлю людьми**, хотя он ещё этого не знает. Это и называется *смешанным миграционным потоком*.

Они пользуются одними маршрутами и часто одинаковыми документами, но закон даёт им **разные права**:

- беженца или лицо, ищущее убежища, нельзя возвращать туда, где ему грозит преследование
  (*принцип невысылки*);
- жертва торговли людьми имеет право на помощь и защиту, а не на наказание за то, к чему её принудили;
- ребёнок всегда прежде всего ребёнок, каким бы ни был его статус.

Ваша задача на границе — не решить каждый случай на месте, а **заметить**, **задать правильные вопросы** и
**перенаправить** человека в службу, которая может принять решение и помочь.`,
          },
        },
        {
          kind: 'text',
          title: { en: 'Indicators of vulnerability', ru: 'Признаки уязвимости' },
          estimatedMinutes: 25,
          body: {
            en: `# Indicators of vulnerability

No single sign proves anything; several together are a reason to look closer.

## Possible signs of trafficking

- someone else holds the person's passport or tickets, or speaks for them;
- the person does not know the address or the name of the employer they are travelling to;
- the story of the job offer sounds too good, or the debt for the journey is very large;
- signs of fear, injuries, or instructions learnt by heart.

## Children

- a child travels alone, or with an adult who is not a parent and has no consent document;
- the adult and the child give different accounts of their relationship.

## Asylum seekers

- the person says they are afraid to go back, or asks for protection — **in any words**, not only the word
  "asylum".

## Exploited labour migrants

- wages withheld, documents confiscated by an employer, work very different from what was promised.

When you see the signs, **separate the person from their companions** if it is safe, and continue in a calm,
private place.`,
            ru: `# Признаки уязвимости

Ни один признак ничего не доказывает; несколько вместе — повод присмотреться внимательнее.

## Возможные признаки торговли людьми

- паспорт или билеты человека находятся у кого-то другого, или за него говорят другие;
- человек не знает адреса или названия работодателя, к которому едет;
- история о предложении работы звучит слишком хорошо, или долг за дорогу очень велик;
- признаки страха, травмы или заученные наизусть ответы.

## Дети

- ребёнок едет один или со взрослым, который не является родителем и не имеет документа о согласии;
- взрослый и ребёнок по-разному описывают, кем они друг другу приходятся.

## Лица, ищущие убежища

- человек говорит, что боится возвращаться, или просит защиты — **любыми словами**, не обязательно словом
  «убежище».

## Трудовые мигранты, подвергшиеся эксплуатации

- невыплаченная зарплата, документы, изъятые работодателем, работа совсем не та, что обещали.

Заметив признаки, **отделите человека от сопровождающих**, если это безопасно, и продолжайте разговор в
спокойном, отдельном месте.`,
          },
        },
      ],
    },
    {
      title: { en: 'Interviewing and referral', ru: 'Беседа и перенаправление' },
      lessons: [
        {
          kind: 'text',
          title: { en: 'A first conversation that protects', ru: 'Первая беседа, которая защищает' },
          estimatedMinutes: 20,
          body: {
            en: `# A first conversation that protects

The first conversation at the border is not an interrogation. Its aim is to understand enough to refer the
person safely.

1. **Introduce yourself** and explain, in a language the person understands, why you are talking to them.
   Use an interpreter when needed — never a companion of the person.
2. **Ask open questions**: "Tell me about your journey", "Who arranged your work?".
3. **Do not promise** what you cannot guarantee.
4. **Respect the pace** of the person; someone who has been exploited may not trust uniforms.
5. For a child, involve a **specialist or guardian** as soon as possible; the child's best interests come
   first.
6. **Record** what you saw and heard factually, without judgements.

Confidentiality matters: information about a victim can put them and their family at risk if it reaches the
wrong person.`,
            ru: `# Первая беседа, которая защищает

Первая беседа на границе — не допрос. Её цель — понять достаточно, чтобы безопасно перенаправить человека.

1. **Представьтесь** и объясните на понятном человеку языке, зачем вы с ним говорите. При необходимости
   приглашайте переводчика — но никогда не сопровождающего этого человека.
2. **Задавайте открытые вопросы**: «Расскажите о своей поездке», «Кто организовал вашу работу?».
3. **Не обещайте** того, что не можете гарантировать.
4. **Уважайте темп** человека: тот, кого эксплуатировали, может не доверять людям в форме.
5. Для ребёнка как можно скорее привлеките **специалиста или опекуна**; наилучшие интересы ребёнка — прежде
   всего.
6. **Фиксируйте** увиденное и услышанное по фактам, без оценок.

Конфиденциальность важна: сведения о жертве могут поставить под угрозу её и её семью, если попадут не в те
руки.`,
          },
        },
        {
          kind: 'text',
          title: { en: 'Referral: who does what', ru: 'Перенаправление: кто за что отвечает' },
          estimatedMinutes: 20,
          body: {
            en: `# Referral: who does what

A **national referral mechanism** links the border to the services that help. Know the contacts for your post
before you need them.

| Situation | Refer to |
| --- | --- |
| Possible victim of trafficking | the anti-trafficking unit and a shelter or assisting NGO |
| Unaccompanied or separated child | child protection authority; a guardian is appointed |
| Person asking for protection | the migration service's asylum procedure; UNHCR where present |
| Sick or injured person | medical services, at once |
| Exploited labour migrant | labour inspection, consulate, IOM or a legal aid organisation |

## Steps

1. Ensure **immediate safety** and basic needs: water, food, rest, medical care.
2. **Inform** the responsible service through the agreed channel and hand over your record.
3. **Do not return** a person who asked for protection before the competent authority has decided.
4. **Follow up**: note to whom and when the person was handed over.`,
            ru: `# Перенаправление: кто за что отвечает

**Национальный механизм перенаправления** связывает границу со службами помощи. Узнайте контакты для своего
пункта заранее, до того как они понадобятся.

| Ситуация | Куда перенаправить |
| --- | --- |
| Возможная жертва торговли людьми | подразделение по борьбе с торговлей людьми и приют или помогающая НКО |
| Несопровождаемый или разлучённый с семьёй ребёнок | орган опеки; назначается опекун |
| Человек просит защиты | процедура предоставления убежища миграционной службы; УВКБ ООН, где оно есть |
| Больной или раненый | медицинская служба, немедленно |
| Трудовой мигрант, подвергшийся эксплуатации | трудовая инспекция, консульство, МОМ или организация правовой помощи |

## Порядок действий

1. Обеспечьте **непосредственную безопасность** и базовые потребности: воду, еду, отдых, медицинскую помощь.
2. **Сообщите** ответственной службе по согласованному каналу и передайте свою запись.
3. **Не возвращайте** человека, попросившего защиты, пока компетентный орган не принял решение.
4. **Проследите**: отметьте, кому и когда человек был передан.`,
          },
        },
        {
          kind: 'link',
          title: {
            en: 'IOM: counter-trafficking resources',
            ru: 'МОМ: материалы о противодействии торговле людьми',
          },
          estimatedMinutes: 10,
          externalUrl: 'https://www.iom.int/counter-trafficking',
          body: {
            en: 'The International Organization for Migration publishes guides and tools for identifying and assisting victims of trafficking.',
            ru: 'Международная организация по миграции публикует руководства и инструменты по выявлению жертв торговли людьми и помощи им.',
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
    title: { en: 'Vulnerable migrants: final quiz', ru: 'Уязвимые мигранты: итоговый тест' },
    instructions: {
      en: 'Nine questions on recognising vulnerability and on referral. You need 75% to pass; you have three attempts.',
      ru: 'Девять вопросов о выявлении уязвимости и перенаправлении. Для успешного прохождения нужно 75%; у вас три попытки.',
    },
    passMarkPercent: 75,
    attemptLimit: 3,
    timeLimitMinutes: null,
    questions: [
      {
        kind: 'single-choice',
        tags: ['protection'],
        stem: {
          en: 'What does the principle of non-refoulement forbid?',
          ru: 'Что запрещает принцип невысылки?',
        },
        options: [
          {
            text: {
              en: 'Returning a person to a place where they face persecution',
              ru: 'Возвращать человека туда, где ему грозит преследование',
            },
            correct: true,
          },
          {
            text: { en: 'Checking the documents of refugees', ru: 'Проверять документы беженцев' },
            correct: false,
          },
          { text: { en: 'Fining carriers', ru: 'Штрафовать перевозчиков' }, correct: false },
        ],
      },
      {
        kind: 'multiple-choice',
        tags: ['indicators'],
        stem: {
          en: 'Which of these may indicate trafficking in human beings?',
          ru: 'Что из перечисленного может указывать на торговлю людьми?',
        },
        options: [
          {
            text: { en: 'A companion holds the person’s passport', ru: 'Паспорт человека у сопровождающего' },
            correct: true,
          },
          {
            text: {
              en: 'The person does not know the employer’s address',
              ru: 'Человек не знает адреса работодателя',
            },
            correct: true,
          },
          {
            text: { en: 'The person travels with a valid visa', ru: 'У человека действующая виза' },
            correct: false,
          },
          {
            text: { en: 'A very large debt for the journey', ru: 'Очень большой долг за дорогу' },
            correct: true,
          },
        ],
      },
      {
        kind: 'true-false',
        tags: ['protection'],
        stem: {
          en: 'A person must use the word "asylum" before their request for protection counts.',
          ru: 'Просьба о защите учитывается только если человек произнёс слово «убежище».',
        },
        correct: false,
        feedbackIncorrect: {
          en: 'A request for protection may be made in any words.',
          ru: 'О защите можно попросить любыми словами.',
        },
      },
      {
        kind: 'single-choice',
        tags: ['interview'],
        stem: {
          en: 'Who should interpret in a first conversation with a possible victim?',
          ru: 'Кто должен переводить в первой беседе с возможной жертвой?',
        },
        options: [
          { text: { en: 'A neutral interpreter', ru: 'Нейтральный переводчик' }, correct: true },
          {
            text: { en: 'The person travelling with them', ru: 'Человек, который едет вместе с ней' },
            correct: false,
          },
          { text: { en: 'Another passenger', ru: 'Другой пассажир' }, correct: false },
        ],
      },
      {
        kind: 'single-choice',
        tags: ['referral'],
        stem: {
          en: 'An unaccompanied child arrives at the post. Whom do you refer the child to?',
          ru: 'На пункт прибыл несопровождаемый ребёнок. Куда вы его перенаправите?',
        },
        options: [
          { text: { en: 'The child protection authority', ru: 'В орган опеки' }, correct: true },
          { text: { en: 'The labour inspection', ru: 'В трудовую инспекцию' }, correct: false },
          {
            text: { en: 'Nobody: the child is returned at once', ru: 'Никуда: ребёнка сразу возвращают' },
            correct: false,
          },
        ],
      },
      {
        kind: 'true-false',
        tags: ['interview'],
        stem: {
          en: 'Open questions such as "Tell me about your journey" help in a first conversation.',
          ru: 'Открытые вопросы, например «Расскажите о своей поездке», помогают в первой беседе.',
        },
        correct: true,
      },
      {
        kind: 'multiple-choice',
        tags: ['referral'],
        stem: {
          en: 'What comes first when you refer a vulnerable person?',
          ru: 'Что важно в первую очередь при перенаправлении уязвимого человека?',
        },
        options: [
          { text: { en: 'Immediate safety', ru: 'Непосредственная безопасность' }, correct: true },
          {
            text: {
              en: 'Basic needs: water, food, medical care',
              ru: 'Базовые потребности: вода, еда, медпомощь',
            },
            correct: true,
          },
          { text: { en: 'A fine for irregular entry', ru: 'Штраф за нерегулярный въезд' }, correct: false },
        ],
      },
      {
        kind: 'short-answer',
        tags: ['referral'],
        stem: {
          en: 'What is the system called that links the border to the services that help victims? (three words, in English or Russian)',
          ru: 'Как называется система, связывающая границу со службами помощи жертвам? (три слова, по-русски или по-английски)',
        },
        accepted: ['national referral mechanism', 'национальный механизм перенаправления'],
        match: 'exact',
      },
      {
        kind: 'true-false',
        tags: ['protection'],
        stem: {
          en: 'A victim of trafficking should be punished for the offences they were forced to commit.',
          ru: 'Жертву торговли людьми следует наказывать за правонарушения, к которым её принудили.',
        },
        correct: false,
      },
    ],
  },
};
