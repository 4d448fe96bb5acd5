import {
  ATTACHMENT_LIMITS,
  COURSE_LEVELS,
  COURSE_PACKAGE_SCHEMA_VERSION,
  ContentText,
  LESSON_COMPLETION_RULES,
  LESSON_KINDS,
  LessonCompletionRule,
  LessonKind,
  QUESTION_KINDS,
  QuestionKind,
  QuestionOption,
  REFERENCE_CODE_MAX_LENGTH,
  ShortAnswerRule,
  THEMATIC_AREAS,
  ThematicArea,
  CourseLevel,
} from '@border-academy/shared-contracts';
import Ajv, { ErrorObject, JSONSchemaType } from 'ajv';

import { CONTENT_TEXT_MAX_LENGTH } from '../content/content-text';

/**
 * A course package (`.zip`): `manifest.json` first, then each attachment once under `files/<sha256>`.
 * The manifest carries what a course means anywhere (texts, outline, questions, quizzes, files) and
 * leaves out what only makes sense where it was written (ids, owner, authors, audience,
 * prerequisites). Package ids (`question-3`, `quiz-1`, `files/<sha256>`) tie its parts together.
 */
export interface CoursePackageManifest {
  schemaVersion: number;
  exportedAt: string;
  /** Where the package came from; not part of its content, so a round trip may change it. */
  source: { courseCode: string; versionNumber: number };
  course: PackageCourse;
  modules: PackageModule[];
  questions: PackageQuestion[];
  quizzes: PackageQuiz[];
  attachments: PackageAttachment[];
}

export interface PackageCourse {
  title: ContentText;
  description: ContentText | null;
  area: ThematicArea;
  level: CourseLevel;
  estimatedHours: number;
  defaultLanguage: string;
  selfEnrolment: boolean;
  lessonCompletion: LessonCompletionRule;
  /** Competency codes; an importing system links those its framework has. */
  competencies: string[];
}

export interface PackageModule {
  title: ContentText;
  lessons: PackageLesson[];
}

export interface PackageLesson {
  kind: LessonKind;
  title: ContentText;
  required: boolean;
  /** Markdown per language; images point at `attachment:<sha256>`. */
  body: ContentText | null;
  /** The path of the video or document file. */
  file: string | null;
  externalUrl: string | null;
  /** The package id of the quiz a quiz lesson plays. */
  quiz: string | null;
  estimatedMinutes: number | null;
}

export interface PackageQuestion {
  id: string;
  kind: QuestionKind;
  stem: ContentText;
  options: QuestionOption[];
  correctBoolean: boolean | null;
  shortAnswer: ShortAnswerRule | null;
  feedbackCorrect: ContentText | null;
  feedbackIncorrect: ContentText | null;
  points: number;
  tags: string[];
}

export type PackageQuizSelection =
  { mode: 'fixed'; questions: string[] } | { mode: 'random'; draws: { tag: string; count: number }[] };

export interface PackageQuiz {
  id: string;
  title: ContentText;
  instructions: ContentText | null;
  passMarkPercent: number;
  attemptLimit: number | null;
  timeLimitMinutes: number | null;
  allowReview: boolean;
  selection: PackageQuizSelection;
}

export interface PackageAttachment {
  /** `files/<sha256>`. */
  path: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
}

export const MANIFEST_PATH = 'manifest.json';
export const FILE_PATH = /^files\/([0-9a-f]{64})$/;

export function filePathOf(sha256: string): string {
  return `files/${sha256}`;
}

/** How Markdown in a package names an attachment: by content, which is the same on every system. */
export const PACKAGE_ATTACHMENT_REFERENCE = /attachment:([0-9a-f]{64})/g;

/** The address of an attachment as lesson Markdown holds it on this system, with or without a signature. */
const LOCAL_ATTACHMENT_REFERENCE =
  /\/api\/v1\/attachments\/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(?:\/content)?(?:\?[^\s)"'#]*)?/g;

/** Markdown for a package: each local attachment address that `shaOf` knows becomes `attachment:<sha256>`. */
export function toPackageMarkdown(text: string, shaOf: (attachmentId: string) => string | undefined): string {
  return text.replace(LOCAL_ATTACHMENT_REFERENCE, (whole, id: string) => {
    const sha = shaOf(id.toLowerCase());
    return sha ? `attachment:${sha}` : whole;
  });
}

/** Markdown of an imported lesson: each `attachment:<sha256>` becomes the address of the new attachment. */
export function fromPackageMarkdown(text: string, idOf: (sha256: string) => string | undefined): string {
  return text.replace(PACKAGE_ATTACHMENT_REFERENCE, (whole, sha: string) => {
    const id = idOf(sha);
    return id ? `/api/v1/attachments/${id}/content` : whole;
  });
}

/** The `attachment:<sha256>` references of a text. */
export function packageReferencesIn(text: string): string[] {
  return [...text.matchAll(PACKAGE_ATTACHMENT_REFERENCE)].map((match) => match[1] ?? '');
}

/**
 * JSON with object keys sorted at every level and two-space indentation, so the same manifest is
 * always the same bytes, whatever order the code or the database built it in.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value), null, 2) + '\n';
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** The content of a manifest: everything but when and from where it was exported. */
export function packageContent(
  manifest: CoursePackageManifest,
): Omit<CoursePackageManifest, 'exportedAt' | 'source'> {
  const { schemaVersion, course, modules, questions, quizzes, attachments } = manifest;
  return { schemaVersion, course, modules, questions, quizzes, attachments };
}

const CODE = '^[a-z0-9]+(-[a-z0-9]+)*$';
const PACKAGE_ID = '^[a-z]+-[0-9]+$';

function contentText(maxLength: number) {
  return {
    type: 'object',
    propertyNames: { pattern: '^[a-z]{2}$' },
    maxProperties: 20,
    additionalProperties: { type: 'string', maxLength },
    required: [],
  } as const;
}

const SHORT = contentText(CONTENT_TEXT_MAX_LENGTH.short);
const LONG = contentText(CONTENT_TEXT_MAX_LENGTH.long);
const nullable = <T extends object>(schema: T) => ({ ...schema, nullable: true }) as const;
const integer = (minimum: number, maximum: number) => ({ type: 'integer', minimum, maximum }) as const;

/**
 * The manifest's JSON schema (v1). Every object is closed (`additionalProperties: false`), so a field
 * this version does not know is an error rather than silently lost.
 */
export const MANIFEST_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: [
    'schemaVersion',
    'exportedAt',
    'source',
    'course',
    'modules',
    'questions',
    'quizzes',
    'attachments',
  ],
  properties: {
    schemaVersion: { type: 'integer', const: COURSE_PACKAGE_SCHEMA_VERSION },
    exportedAt: { type: 'string', maxLength: 40 },
    source: {
      type: 'object',
      additionalProperties: false,
      required: ['courseCode', 'versionNumber'],
      properties: {
        courseCode: { type: 'string', maxLength: REFERENCE_CODE_MAX_LENGTH, pattern: CODE },
        versionNumber: integer(1, 1_000_000),
      },
    },
    course: {
      type: 'object',
      additionalProperties: false,
      required: [
        'title',
        'description',
        'area',
        'level',
        'estimatedHours',
        'defaultLanguage',
        'selfEnrolment',
        'lessonCompletion',
        'competencies',
      ],
      properties: {
        title: SHORT,
        description: nullable(LONG),
        area: { type: 'string', enum: [...THEMATIC_AREAS] },
        level: { type: 'string', enum: [...COURSE_LEVELS] },
        estimatedHours: { type: 'number', exclusiveMinimum: 0, maximum: 9999 },
        defaultLanguage: { type: 'string', pattern: '^[a-z]{2}$' },
        selfEnrolment: { type: 'boolean' },
        lessonCompletion: { type: 'string', enum: [...LESSON_COMPLETION_RULES] },
        competencies: {
          type: 'array',
          maxItems: 200,
          uniqueItems: true,
          items: { type: 'string', maxLength: 100, pattern: CODE },
        },
      },
    },
    modules: {
      type: 'array',
      maxItems: 500,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['title', 'lessons'],
        properties: {
          title: SHORT,
          lessons: {
            type: 'array',
            maxItems: 500,
            items: {
              type: 'object',
              additionalProperties: false,
              required: [
                'kind',
                'title',
                'required',
                'body',
                'file',
                'externalUrl',
                'quiz',
                'estimatedMinutes',
              ],
              properties: {
                kind: { type: 'string', enum: [...LESSON_KINDS] },
                title: SHORT,
                required: { type: 'boolean' },
                body: nullable(LONG),
                file: { type: 'string', nullable: true, pattern: FILE_PATH.source },
                externalUrl: {
                  type: 'string',
                  nullable: true,
                  maxLength: 2000,
                  pattern: '^https?://[^\\s]+$',
                },
                quiz: { type: 'string', nullable: true, pattern: PACKAGE_ID },
                estimatedMinutes: { ...integer(1, 100_000), nullable: true },
              },
            },
          },
        },
      },
    },
    questions: {
      type: 'array',
      maxItems: 5000,
      items: {
        type: 'object',
        additionalProperties: false,
        required: [
          'id',
          'kind',
          'stem',
          'options',
          'correctBoolean',
          'shortAnswer',
          'feedbackCorrect',
          'feedbackIncorrect',
          'points',
          'tags',
        ],
        properties: {
          id: { type: 'string', pattern: PACKAGE_ID },
          kind: { type: 'string', enum: [...QUESTION_KINDS] },
          stem: LONG,
          options: {
            type: 'array',
            maxItems: 20,
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['id', 'text', 'correct', 'feedback'],
              properties: {
                id: { type: 'string', minLength: 1, maxLength: 64 },
                text: SHORT,
                correct: { type: 'boolean' },
                feedback: nullable(SHORT),
              },
            },
          },
          correctBoolean: { type: 'boolean', nullable: true },
          shortAnswer: {
            type: 'object',
            nullable: true,
            additionalProperties: false,
            required: ['accepted', 'match', 'caseSensitive', 'normaliseWhitespace'],
            properties: {
              accepted: { type: 'array', maxItems: 20, items: { type: 'string', maxLength: 200 } },
              match: { type: 'string', enum: ['exact', 'pattern'] },
              caseSensitive: { type: 'boolean' },
              normaliseWhitespace: { type: 'boolean' },
            },
          },
          feedbackCorrect: nullable(SHORT),
          feedbackIncorrect: nullable(SHORT),
          points: integer(0, 1000),
          tags: { type: 'array', maxItems: 20, items: { type: 'string', minLength: 1, maxLength: 50 } },
        },
      },
    },
    quizzes: {
      type: 'array',
      maxItems: 500,
      items: {
        type: 'object',
        additionalProperties: false,
        required: [
          'id',
          'title',
          'instructions',
          'passMarkPercent',
          'attemptLimit',
          'timeLimitMinutes',
          'allowReview',
          'selection',
        ],
        properties: {
          id: { type: 'string', pattern: PACKAGE_ID },
          title: SHORT,
          instructions: nullable(LONG),
          passMarkPercent: integer(0, 100),
          attemptLimit: { ...integer(1, 100), nullable: true },
          timeLimitMinutes: { ...integer(1, 600), nullable: true },
          allowReview: { type: 'boolean' },
          selection: {
            type: 'object',
            required: ['mode'],
            oneOf: [
              {
                type: 'object',
                additionalProperties: false,
                required: ['mode', 'questions'],
                properties: {
                  mode: { const: 'fixed' },
                  questions: {
                    type: 'array',
                    maxItems: 200,
                    items: { type: 'string', pattern: PACKAGE_ID },
                  },
                },
              },
              {
                type: 'object',
                additionalProperties: false,
                required: ['mode', 'draws'],
                properties: {
                  mode: { const: 'random' },
                  draws: {
                    type: 'array',
                    maxItems: 20,
                    items: {
                      type: 'object',
                      additionalProperties: false,
                      required: ['tag', 'count'],
                      properties: {
                        tag: { type: 'string', minLength: 1, maxLength: 50 },
                        count: integer(1, 100),
                      },
                    },
                  },
                },
              },
            ],
          },
        },
      },
    },
    attachments: {
      type: 'array',
      maxItems: 2000,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['path', 'fileName', 'mediaType', 'sizeBytes', 'sha256'],
        properties: {
          path: { type: 'string', pattern: FILE_PATH.source },
          fileName: { type: 'string', minLength: 1, maxLength: 255 },
          mediaType: { type: 'string', enum: Object.keys(ATTACHMENT_LIMITS) },
          sizeBytes: integer(1, Math.max(...Object.values(ATTACHMENT_LIMITS))),
          sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
        },
      },
    },
  },
} as const;

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: false });
const validateManifest = ajv.compile<CoursePackageManifest>(
  MANIFEST_SCHEMA as unknown as JSONSchemaType<CoursePackageManifest>,
);

/**
 * The problems of a parsed manifest, each as `manifest.json: <where> <what>`; none when it is a
 * manifest of this schema version whose references all resolve.
 */
export function manifestErrors(value: unknown): string[] {
  const version = (value as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [`${MANIFEST_PATH}: is not a JSON object`];
  }
  if (typeof version === 'number' && Number.isInteger(version) && version > COURSE_PACKAGE_SCHEMA_VERSION) {
    return [
      `${MANIFEST_PATH}: schemaVersion ${version} is newer than this system reads (${COURSE_PACKAGE_SCHEMA_VERSION}); ` +
        'update the system or export the course again from a matching one',
    ];
  }
  if (!validateManifest(value)) {
    return (validateManifest.errors ?? []).filter(reportable).map(describeSchemaError);
  }
  return referenceErrors(value);
}

/** `oneOf` failures repeat what its branches said; the branch errors are the useful ones. */
function reportable(error: ErrorObject): boolean {
  return error.keyword !== 'oneOf' && error.keyword !== 'if';
}

function describeSchemaError(error: ErrorObject): string {
  const where = error.instancePath ? error.instancePath.slice(1).replace(/\//g, '.') : 'the manifest';
  if (error.keyword === 'additionalProperties') {
    return `${MANIFEST_PATH}: ${where} has an unknown field "${String(error.params['additionalProperty'])}"`;
  }
  if (error.keyword === 'const' && where === 'schemaVersion') {
    return `${MANIFEST_PATH}: schemaVersion must be ${COURSE_PACKAGE_SCHEMA_VERSION}`;
  }
  return `${MANIFEST_PATH}: ${where} ${error.message ?? 'is not valid'}`;
}

/** What a valid manifest refers to must be in it: files, quizzes, questions; and ids must be unique. */
function referenceErrors(manifest: CoursePackageManifest): string[] {
  const errors: string[] = [];
  const fail = (message: string) => errors.push(`${MANIFEST_PATH}: ${message}`);
  const unique = (what: string, ids: string[]) => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) fail(`${what} ${id} appears more than once`);
      seen.add(id);
    }
    return seen;
  };
  const files = unique(
    'attachment',
    manifest.attachments.map((attachment) => attachment.path),
  );
  const shas = new Set(manifest.attachments.map((attachment) => attachment.sha256));
  manifest.attachments.forEach((attachment, index) => {
    if (attachment.path !== filePathOf(attachment.sha256)) {
      fail(`attachments.${index}.path must be ${filePathOf(attachment.sha256)}, the file's SHA-256`);
    }
  });
  const questions = unique(
    'question',
    manifest.questions.map((question) => question.id),
  );
  const quizzes = unique(
    'quiz',
    manifest.quizzes.map((quiz) => quiz.id),
  );
  manifest.quizzes.forEach((quiz, index) => {
    if (quiz.selection.mode !== 'fixed') return;
    for (const id of quiz.selection.questions) {
      if (!questions.has(id)) fail(`quizzes.${index} draws the question ${id}, which the package lacks`);
    }
  });
  manifest.modules.forEach((module, m) =>
    module.lessons.forEach((lesson, l) => {
      const where = `modules.${m}.lessons.${l}`;
      const reference = REFERENCE_OF[lesson.kind];
      for (const field of ['file', 'externalUrl', 'quiz'] as const) {
        if (field !== reference && lesson[field] !== null)
          fail(`${where} is a ${lesson.kind} lesson and has no ${field}`);
      }
      if (lesson.file !== null && !files.has(lesson.file))
        fail(`${where} shows ${lesson.file}, which the package lacks`);
      if (lesson.quiz !== null && !quizzes.has(lesson.quiz))
        fail(`${where} plays the quiz ${lesson.quiz}, which the package lacks`);
      for (const [language, text] of Object.entries(lesson.body ?? {})) {
        for (const sha of packageReferencesIn(text)) {
          if (!shas.has(sha))
            fail(`${where}.body.${language} shows attachment:${sha}, which the package lacks`);
        }
      }
    }),
  );
  return errors;
}

/** The field that points a lesson of each kind at its content. */
const REFERENCE_OF: Record<LessonKind, 'file' | 'externalUrl' | 'quiz' | null> = {
  text: null,
  video: 'file',
  document: 'file',
  link: 'externalUrl',
  quiz: 'quiz',
};
