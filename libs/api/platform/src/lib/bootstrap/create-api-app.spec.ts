import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import { PROBLEM_CONTENT_TYPE, ProblemDetails } from '@border-academy/shared-contracts';
import { IsInt, IsString } from 'class-validator';
import { DataSource } from 'typeorm';

import { Public } from '../access/public.decorator';
import { TestApp, createTestApp } from '../testing/test-app';

class CreateThingDto {
  @IsString()
  title!: string;

  @IsInt()
  hours!: number;
}

@Public()
@Controller('things')
class ThingController {
  @Post()
  create(@Body() body: CreateThingDto): CreateThingDto {
    return body;
  }

  @Get('boom')
  boom(): never {
    throw new Error('secret internal detail');
  }
}

@Public()
@Controller('counts')
class CountController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  async count(): Promise<unknown> {
    return this.dataSource.query('SELECT count(*)::int AS units FROM org_unit');
  }
}

@Controller('private')
class PrivateController {
  @Get()
  read(): string {
    return 'hidden';
  }
}

@Module({ controllers: [ThingController, CountController, PrivateController] })
class ThingModule {}

function problemOf(response: { headers: Record<string, unknown>; json(): unknown }): ProblemDetails {
  expect(String(response.headers['content-type'])).toContain(PROBLEM_CONTENT_TYPE);
  return response.json() as ProblemDetails;
}

describe('the API application', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp([ThingModule], { BODY_LIMIT_BYTES: '2048' });
  });

  afterAll(async () => {
    await testApp?.close();
  });

  it('reports health with the database up', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: 'ok',
      version: expect.any(String),
      uptimeSeconds: expect.any(Number),
      database: { status: 'up', latencyMs: expect.any(Number) },
    });
  });

  it('routes versioned endpoints under /api/v1', async () => {
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/things',
      payload: { title: 'A', hours: 2 },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ title: 'A', hours: 2 });
  });

  it('answers an unknown field and a wrong type with 400 field errors', async () => {
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/things',
      payload: { title: 'A', hours: 'two', colour: 'red' },
    });
    expect(response.statusCode).toBe(400);
    const problem = problemOf(response);
    expect(problem).toMatchObject({ status: 400, title: 'Bad Request', instance: '/api/v1/things' });
    expect(problem.requestId).toBe(response.headers['x-request-id']);
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'colour', code: 'whitelistValidation' }),
        expect.objectContaining({ field: 'hours', code: 'isInt' }),
      ]),
    );
  });

  it('answers malformed JSON with a 400 problem', async () => {
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/things',
      headers: { 'content-type': 'application/json' },
      payload: '{"title": ',
    });
    expect(response.statusCode).toBe(400);
    expect(problemOf(response)).toMatchObject({ status: 400, detail: 'The request body is not valid JSON' });
  });

  it('answers a body over the limit with a 413 problem', async () => {
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/things',
      payload: { title: 'x'.repeat(4096), hours: 1 },
    });
    expect(response.statusCode).toBe(413);
    expect(problemOf(response).status).toBe(413);
  });

  it('answers an unknown API route with a 404 problem', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/api/unknown' });
    expect(response.statusCode).toBe(404);
    expect(problemOf(response)).toMatchObject({ status: 404, instance: '/api/unknown' });
  });

  it('hides the cause of an unexpected error behind a 500 problem', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/api/v1/things/boom' });
    expect(response.statusCode).toBe(500);
    const problem = problemOf(response);
    expect(problem.status).toBe(500);
    expect(response.body).not.toContain('secret internal detail');
  });

  it('refuses anonymous callers on routes not marked public', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/api/v1/private' });
    expect(response.statusCode).toBe(401);
    expect(problemOf(response).status).toBe(401);
  });

  it('keeps a sane incoming request id and replaces an unsafe one', async () => {
    const kept = await testApp.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'abc-123' },
    });
    expect(kept.headers['x-request-id']).toBe('abc-123');
    const replaced = await testApp.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'bad id <script>' },
    });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends security headers with a script policy that allows no inline scripts', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/api/health' });
    const policy = String(response.headers['content-security-policy']);
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    // not even an event-handler attribute: the web app's build inlines no critical CSS
    expect(policy).toContain("script-src-attr 'none'");
    expect(policy).not.toContain('unsafe-hashes');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves the OpenAPI document and the docs page', async () => {
    const json = await testApp.app.inject({ method: 'GET', url: '/api/docs-json' });
    expect(json.statusCode).toBe(200);
    expect(Object.keys((json.json() as { paths: object }).paths)).toContain('/api/health');
    const page = await testApp.app.inject({ method: 'GET', url: '/api/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toMatch(/<script>/);
  });

  it('serves no benchmark route unless BENCH_ROUTES is set', async () => {
    const json = await testApp.app.inject({ method: 'GET', url: '/api/docs-json' });
    expect(
      Object.keys((json.json() as { paths: object }).paths).filter((path) => path.includes('bench')),
    ).toEqual([]);
    const open = await testApp.app.inject({
      method: 'GET',
      url: '/api/v1/bench/open/org-units/00000000-0000-4000-8000-000000000000?scope=kz',
    });
    expect(open.statusCode).toBe(404);
  });
});

describe('the API serving a built web app', () => {
  let testApp: TestApp;
  let webDir: string;

  beforeAll(async () => {
    webDir = await mkdtemp(join(tmpdir(), 'border-academy-web-'));
    await mkdir(join(webDir, 'media'));
    await writeFile(join(webDir, 'index.html'), '<!doctype html><title>Border Academy</title>');
    await writeFile(join(webDir, 'main-ABCD1234.js'), 'console.info(1);');
    await writeFile(join(webDir, 'chunk-ABCD1234.js'), 'console.info("a lazily loaded page");\n'.repeat(200));
    testApp = await createTestApp([], { WEB_DIST_DIR: webDir });
  });

  afterAll(async () => {
    await testApp?.close();
    await rm(webDir, { recursive: true, force: true });
  });

  it('serves index.html for a deep link, uncached', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/courses/42/lessons/7' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<title>Border Academy</title>');
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('serves index.html at the root', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<title>Border Academy</title>');
  });

  it('lets hashed bundles be cached for long', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/main-ABCD1234.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toContain('immutable');
  });

  it('sends its files compressed to a browser that accepts it, and whole to one that does not', async () => {
    const compressed = await testApp.app.inject({
      method: 'GET',
      url: '/chunk-ABCD1234.js',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(compressed.statusCode).toBe(200);
    expect(compressed.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(compressed.rawPayload).toString()).toContain('a lazily loaded page');

    const plain = await testApp.app.inject({ method: 'GET', url: '/chunk-ABCD1234.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toContain('a lazily loaded page');
  });

  it('leaves API responses uncompressed', async () => {
    const response = await testApp.app.inject({
      method: 'GET',
      url: '/api/docs-json',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBeUndefined();
  });

  it('keeps unknown API routes a 404 problem', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/api/unknown' });
    expect(response.statusCode).toBe(404);
    expect(problemOf(response).status).toBe(404);
  });
});

describe('the API without its database', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp([ThingModule]);
    await testApp.app.get(DataSource).destroy();
  });

  afterAll(async () => {
    await testApp?.close();
  });

  it('reports health as an error with 503', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ status: 'error', database: { status: 'down' } });
  });

  it('answers a request that needs the database with a 503 problem', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/api/v1/counts' });
    expect(response.statusCode).toBe(503);
    expect(problemOf(response)).toMatchObject({
      status: 503,
      type: 'urn:border-academy:problem:database-unavailable',
    });
  });
});
