import { randomUUID } from 'node:crypto';
import fc from 'fast-check';

/** The parts of an OpenAPI 3 document that describe what an operation takes. */
export interface SchemaObject {
  type?: string;
  format?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  minItems?: number;
  nullable?: boolean;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  additionalProperties?: SchemaObject | boolean;
  items?: SchemaObject;
  allOf?: SchemaObject[];
  oneOf?: SchemaObject[];
  anyOf?: SchemaObject[];
  $ref?: string;
}

interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: SchemaObject;
}

interface OperationObject {
  parameters?: ParameterObject[];
  requestBody?: { content?: Record<string, { schema?: SchemaObject }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, SchemaObject> };
}

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface Operation {
  method: Method;
  /** As the document names it, e.g. `/api/v1/users/{id}`. */
  path: string;
  pathParameters: ParameterObject[];
  queryParameters: ParameterObject[];
  /** The JSON body's schema, references resolved lazily. */
  jsonBody?: SchemaObject;
  /** Media types of a raw (file) body, e.g. `application/zip`. */
  rawBodyTypes: string[];
}

/** A request that breaks at least one rule the document states. */
export interface BadRequest {
  method: Method;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  /** What was wrong with it, for the failure message. */
  flaw: string;
}

export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => {
      const parameters = operation.parameters ?? [];
      const content = operation.requestBody?.content ?? {};
      return {
        method: method.toUpperCase() as Method,
        path,
        pathParameters: parameters.filter((parameter) => parameter.in === 'path'),
        queryParameters: parameters.filter((parameter) => parameter.in === 'query'),
        jsonBody: content['application/json']?.schema ?? undefined,
        rawBodyTypes: Object.keys(content).filter((type) => type !== 'application/json'),
      };
    }),
  );
}

/** SQL, markup, path and encoding tricks, odd Unicode: content that must stay mere text wherever it goes. */
const HOSTILE_TEXT = [
  "' OR '1'='1",
  "'; DROP TABLE app_user; --",
  '1; SELECT pg_sleep(5)',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '{{constructor.constructor("alert(1)")()}}',
  '../../../../etc/passwd',
  '%00%27%22',
  '\u0000',
  '\ud800',
  '\u202e\u0627\u0644\u0639\u0631\u0628\u064a\u0629 Z\u0361\u035c\u0335A\u0336L\u0334G\u0337O',
  '👩‍👩‍👧‍👦🏳️‍🌈',
  '$where',
  'NaN',
  '-0',
];

export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...HOSTILE_TEXT),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

/** Nested arrays and objects deeper than any real input, as a parser or validator meets them. */
function deeplyNested(depth: number, asArray: boolean): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level++) value = asArray ? [value] : { a: value };
  return value;
}

const HUGE_TEXT = 'Ж'.repeat(200_000);

/** Any JSON value of a type other than `type`: the wrong shape for a field. */
function wrongTypeFor(type: string | undefined): fc.Arbitrary<unknown> {
  const candidates: [string, fc.Arbitrary<unknown>][] = [
    ['string', hostileText],
    ['number', fc.oneof(fc.constantFrom(-1e308, 1e308, -0, 2 ** 53 + 1), fc.double({ noNaN: true }))],
    ['boolean', fc.boolean()],
    ['array', fc.oneof(fc.constant([]), fc.array(hostileText, { maxLength: 3 }))],
    ['object', fc.oneof(fc.constant({}), fc.dictionary(hostileText, hostileText, { maxKeys: 3 }))],
    ['deep', fc.constantFrom(deeplyNested(2_000, true), deeplyNested(2_000, false))],
  ];
  const sameType = (name: string) =>
    name === type || (name === 'number' && type === 'integer') || (name === 'object' && type === undefined);
  return fc.oneof(...candidates.filter(([name]) => !sameType(name)).map(([, arbitrary]) => arbitrary));
}

/**
 * Values that break what a schema states, with hostile content where there is content: the wrong
 * type, a number out of range, text too long, outside its enum or not a UUID or date.
 */
export function invalidValueFor(schema: SchemaObject): fc.Arbitrary<unknown> {
  const options: fc.Arbitrary<unknown>[] = [wrongTypeFor(schema.type)];
  if (schema.type === 'number' || schema.type === 'integer') {
    if (schema.minimum !== undefined) {
      options.push(fc.constantFrom(schema.minimum - 1, schema.minimum - 0.5, -1e20, -(2 ** 31) - 1));
    }
    if (schema.maximum !== undefined) {
      options.push(fc.constantFrom(schema.maximum + 1, 1e20, 2 ** 31, Number.MAX_SAFE_INTEGER + 2));
    }
  }
  if (schema.type === 'string') {
    if (schema.enum) options.push(hostileText.filter((text) => !schema.enum?.includes(text)));
    if (schema.format === 'uuid') {
      options.push(
        fc.oneof(
          hostileText,
          fc.uuid().map((uuid) => `${uuid}'--`),
          fc.constant('00000000-0000-0000-0000-00000000000g'),
        ),
      );
    }
    if (schema.format === 'date-time' || schema.format === 'date') {
      options.push(
        fc.constantFrom('yesterday', '2026-13-45T25:61:00Z', '275760-09-14', "2026-01-01' OR 1=1"),
      );
    }
    if (schema.maxLength !== undefined) {
      const tooLong = schema.maxLength + 1;
      // counted in characters, as the validation counts them, not in UTF-16 units
      options.push(hostileText.map((text) => text + 'x'.repeat(tooLong)));
      options.push(fc.constant(HUGE_TEXT));
    }
  }
  return fc.oneof(...options);
}

/**
 * Query values arrive as text, so a "wrong type" of a text parameter is just other text: only what
 * the schema rules out for text counts there (and text that is no number, for a number).
 */
function invalidQueryValueFor(schema: SchemaObject): fc.Arbitrary<unknown> {
  const numeric = (value: unknown) =>
    typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value));
  if (schema.type === 'number' || schema.type === 'integer') {
    return invalidValueFor(schema).filter((value) => !numeric(value) && value !== '');
  }
  if (schema.type === 'boolean') {
    return hostileText.filter((text) => !['true', 'false', '1', '0', ''].includes(text));
  }
  const textRules: fc.Arbitrary<unknown>[] = [];
  if (schema.enum) textRules.push(hostileText.filter((text) => !schema.enum?.includes(text)));
  if (schema.format === 'uuid') textRules.push(hostileText);
  if (schema.format === 'date-time' || schema.format === 'date') {
    textRules.push(fc.constantFrom('yesterday', '2026-13-45T25:61:00Z', "2026-01-01' OR 1=1"));
  }
  if (schema.maxLength !== undefined) textRules.push(fc.constant('y'.repeat(schema.maxLength + 1)));
  return textRules.length > 0 ? fc.oneof(...textRules) : fc.constant(['1', '2']);
}

/** Whether every value of the schema's type that breaks none of its stated rules would be accepted. */
function isFreeText(schema: SchemaObject): boolean {
  return (
    (schema.type === 'string' || schema.type === undefined) &&
    !schema.enum &&
    !schema.format &&
    schema.maxLength === undefined
  );
}

export class SchemaResolver {
  constructor(private readonly document: OpenApiDocument) {}

  resolve(schema: SchemaObject): SchemaObject {
    if (schema.$ref) {
      const name = schema.$ref.replace('#/components/schemas/', '');
      const target = this.document.components?.schemas?.[name];
      if (!target) throw new Error(`unresolved ${schema.$ref}`);
      return this.resolve(target);
    }
    const [only] = schema.allOf ?? schema.oneOf ?? schema.anyOf ?? [];
    if (only) return { ...this.resolve(only), nullable: schema.nullable ?? only.nullable };
    return schema;
  }

  /**
   * A value that satisfies the schema as far as the document tells, with hostile but allowed text in
   * free-text fields: the background against which one planted flaw must be refused.
   */
  plausible(raw: SchemaObject, ids: fc.Arbitrary<string>, depth = 0): fc.Arbitrary<unknown> {
    const schema = this.resolve(raw);
    if (schema.enum) return fc.constantFrom(...schema.enum);
    switch (schema.type) {
      case 'number':
      case 'integer': {
        const min = schema.minimum ?? 0;
        const max = schema.maximum ?? min + 100;
        return fc.integer({ min: Math.ceil(min), max: Math.max(Math.ceil(min), Math.floor(max)) });
      }
      case 'boolean':
        return fc.boolean();
      case 'array': {
        const items =
          schema.items && depth < 4 ? this.plausible(schema.items, ids, depth + 1) : fc.constant('x');
        return fc.array(items, {
          minLength: schema.minItems ?? 0,
          maxLength: Math.max(schema.minItems ?? 0, 2),
        });
      }
      case 'string':
        if (schema.format === 'uuid') return ids;
        if (schema.format === 'date-time') return fc.constant(new Date().toISOString());
        return schema.maxLength !== undefined
          ? hostileText.map((text) => text.slice(0, schema.maxLength))
          : hostileText;
      default:
        break;
    }
    if (schema.properties && depth < 4) {
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, property] of Object.entries(schema.properties)) {
        record[name] = this.plausible(property, ids, depth + 1);
      }
      return fc.record(record, { requiredKeys: schema.required ?? [] });
    }
    if (typeof schema.additionalProperties === 'object') {
      return fc.constant({ en: 'Fuzz', ru: 'Фазз' });
    }
    return fc.constant({});
  }

  /**
   * A body that breaks its schema in one planted place (the rest plausible): a field of the wrong
   * type or out of its range, a property the schema does not know, or no object at all.
   */
  invalidBody(raw: SchemaObject, ids: fc.Arbitrary<string>): fc.Arbitrary<{ body: unknown; flaw: string }> {
    const schema = this.resolve(raw);
    const base = this.plausible(schema, ids);
    const options: fc.Arbitrary<{ body: unknown; flaw: string }>[] = [
      fc
        .tuple(
          base,
          fc.constantFrom('__proto__x', 'constructor', 'isAdmin', '$where', '<b>x</b>'),
          hostileText,
        )
        .map(([body, key, value]) => ({
          body: { ...(body as object), [key]: value },
          flaw: `unknown property ${key}`,
        })),
      wrongTypeFor('object').map((body) => ({ body, flaw: 'not an object' })),
    ];
    const properties = Object.entries(schema.properties ?? {}).filter(
      ([, property]) => !isFreeText(property),
    );
    const withNested = Object.entries(schema.properties ?? {});
    if (properties.length > 0) {
      options.push(
        fc
          .constantFrom(...properties)
          .chain(([name, property]) =>
            fc.tuple(base, fc.constant(name), invalidValueFor(this.resolve(property))),
          )
          .map(([body, name, value]) => ({
            body: { ...(body as object), [name]: value },
            flaw: `${name} invalid`,
          })),
      );
    }
    // a flaw one level down: inside an object property or the first item of an array property
    const nested = withNested.filter(([, property]) => {
      const resolved = this.resolve(property);
      return (
        Boolean(resolved.properties) || Boolean(resolved.items && this.resolve(resolved.items).properties)
      );
    });
    if (nested.length > 0) {
      options.push(
        fc
          .constantFrom(...nested)
          .chain(([name, property]) => {
            const resolved = this.resolve(property);
            const inner = resolved.items ? this.resolve(resolved.items) : resolved;
            return fc.tuple(
              base,
              fc.constant(name),
              this.invalidBody(inner, ids),
              fc.constant(Boolean(resolved.items)),
            );
          })
          .map(([body, name, innerBad, asArray]) => ({
            body: { ...(body as object), [name]: asArray ? [innerBad.body] : innerBad.body },
            flaw: `${name}: ${innerBad.flaw}`,
          })),
      );
    }
    return fc.oneof(...options);
  }
}

/** Percent-encodes a path segment byte by byte, so that even a lone surrogate travels (as U+FFFD). */
function encodeSegment(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((byte) =>
      /[A-Za-z0-9\-._~]/.test(String.fromCharCode(byte))
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
}

/** Fills a document path with ids; a parameter named in `flawed` gets the given raw text instead. */
function fillPath(
  path: string,
  ids: Record<string, string>,
  flawed?: { name: string; text: string },
): string {
  return path.replace(/\{([^}]+)\}/g, (_match, name: string) =>
    encodeSegment(flawed?.name === name ? flawed.text : (ids[name] ?? randomUUID())),
  );
}

function queryString(values: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      search.append(name, typeof item === 'string' ? item : JSON.stringify(item));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * Requests to one operation that each break at least one rule of its document (so none may change
 * anything): a path parameter that is not what it must be, a query parameter of the wrong kind or
 * unknown, a JSON body flawed in one place or no JSON at all, a raw body that is not a file of its
 * type. `pathIds` gives real ids for the path parameters the flaw is not in, so that a request
 * reaches as far into the service as its flaw lets it.
 */
export function badRequests(
  resolver: SchemaResolver,
  operation: Operation,
  pathIds: Record<string, string>,
  ids: fc.Arbitrary<string>,
): fc.Arbitrary<BadRequest> {
  const { method, path } = operation;
  const json = { 'content-type': 'application/json' };
  const validBody: fc.Arbitrary<string | Buffer | undefined> = operation.jsonBody
    ? resolver.plausible(operation.jsonBody, ids).map((body) => JSON.stringify(body))
    : operation.rawBodyTypes.length > 0
      ? fc.constant(Buffer.from('%PDF-1.4 not really'))
      : fc.constant(undefined);
  const headersFor = (payload: string | Buffer | undefined): Record<string, string> =>
    payload === undefined
      ? {}
      : operation.jsonBody || typeof payload === 'string'
        ? json
        : { 'content-type': operation.rawBodyTypes[0] ?? 'application/octet-stream' };
  const options: fc.Arbitrary<BadRequest>[] = [];

  for (const parameter of operation.pathParameters) {
    const schema = resolver.resolve(parameter.schema ?? { type: 'string', format: 'uuid' });
    options.push(
      fc
        .tuple(
          invalidValueFor({ ...schema, format: schema.format ?? 'uuid' }).map((value) =>
            typeof value === 'string' ? value : JSON.stringify(value),
          ),
          validBody,
        )
        .filter(([text]) => text.length > 0 && text.length < 2_000)
        .map(([text, payload]) => ({
          method,
          url: fillPath(path, pathIds, { name: parameter.name, text }),
          headers: headersFor(payload),
          ...(payload === undefined ? {} : { payload }),
          flaw: `path ${parameter.name}=${JSON.stringify(text).slice(0, 60)}`,
        })),
    );
  }

  const typedQuery = operation.queryParameters.filter((parameter) => !isFreeText(parameter.schema ?? {}));
  if (typedQuery.length > 0) {
    options.push(
      fc
        .constantFrom(...typedQuery)
        .chain((parameter) =>
          fc.tuple(
            fc.constant(parameter.name),
            fc.oneof(
              invalidQueryValueFor(resolver.resolve(parameter.schema ?? {})).filter(
                (value) => JSON.stringify(value ?? null).length < 10_000,
              ),
              // the same parameter twice arrives as an array
              fc.constant(['1', '2']),
            ),
            validBody,
          ),
        )
        .map(([name, value, payload]) => ({
          method,
          url: `${fillPath(path, pathIds)}${queryString({ [name]: value })}`,
          headers: headersFor(payload),
          ...(payload === undefined ? {} : { payload }),
          flaw: `query ${name}=${JSON.stringify(value).slice(0, 60)}`,
        })),
    );
  }
  if (operation.queryParameters.length > 0) {
    options.push(
      fc.tuple(hostileText, validBody).map(([value, payload]) => ({
        method,
        url: `${fillPath(path, pathIds)}${queryString({ unknownParameter: value })}`,
        headers: headersFor(payload),
        ...(payload === undefined ? {} : { payload }),
        flaw: 'unknown query parameter',
      })),
    );
  }

  // free text may hold anything: only a route that changes nothing may be asked with it, and must not fail
  const freeQuery = operation.queryParameters.filter((parameter) => isFreeText(parameter.schema ?? {}));
  if (method === 'GET' && freeQuery.length > 0) {
    options.push(
      fc
        .tuple(fc.constantFrom(...freeQuery), fc.oneof(hostileText, fc.constant(HUGE_TEXT.slice(0, 5_000))))
        .map(([parameter, value]) => ({
          method,
          url: `${fillPath(path, pathIds)}${queryString({ [parameter.name]: value })}`,
          headers: {},
          flaw: `hostile text in ${parameter.name}`,
        })),
    );
  }

  if (operation.jsonBody) {
    const jsonBody = operation.jsonBody;
    options.push(
      resolver.invalidBody(jsonBody, ids).map(({ body, flaw }) => ({
        method,
        url: fillPath(path, pathIds),
        headers: json,
        payload: JSON.stringify(body),
        flaw: `body ${flaw}`,
      })),
      fc
        .constantFrom(
          '{"a": ',
          '{"__proto__": {"isAdmin": true}}',
          '{"constructor": {"prototype": {"isAdmin": true}}}',
          "{'single': 'quotes'}",
          '\u0000',
        )
        .map((payload) => ({
          method,
          url: fillPath(path, pathIds),
          headers: json,
          payload,
          flaw: `raw JSON ${JSON.stringify(payload)}`,
        })),
      fc.constantFrom('text/plain', 'application/xml', 'multipart/form-data; boundary=x').map((type) => ({
        method,
        url: fillPath(path, pathIds),
        headers: { 'content-type': type },
        payload: '<a>1</a>',
        flaw: `body as ${type}`,
      })),
    );
  }

  if (operation.rawBodyTypes.length > 0) {
    options.push(
      fc
        .tuple(
          fc.constantFrom(...operation.rawBodyTypes),
          fc.oneof(
            fc.uint8Array({ minLength: 0, maxLength: 512 }).map((bytes) => Buffer.from(bytes)),
            fc.constant(Buffer.from('PK\u0003\u0004 not a zip at all')),
            fc.constant(Buffer.from('\u0089PNG\r\n\u001a\n truncated')),
          ),
        )
        .map(([type, payload]) => ({
          method,
          url: fillPath(path, pathIds),
          headers: { 'content-type': type },
          payload,
          flaw: `raw ${type} of ${payload.length} bytes`,
        })),
    );
  }

  if (options.length === 0) {
    // nothing the document lets us break: only what is sent along unasked can be wrong
    options.push(
      fc.tuple(wrongTypeFor('none'), hostileText).map(([body, value]) => ({
        method,
        url: `${fillPath(path, pathIds)}${queryString({ unknownParameter: value })}`,
        headers: json,
        payload: JSON.stringify(body),
        flaw: 'unasked body and query',
      })),
    );
  }
  return fc.oneof(...options);
}

/** Whether the document gives an operation anything that can be broken (path, query or body). */
export function takesInput(operation: Operation): boolean {
  return (
    operation.pathParameters.length > 0 ||
    operation.queryParameters.length > 0 ||
    operation.jsonBody !== undefined ||
    operation.rawBodyTypes.length > 0
  );
}
