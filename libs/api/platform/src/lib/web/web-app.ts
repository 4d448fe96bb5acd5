import { existsSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import { NotFoundException } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { sendProblem, toProblem } from '../problem/problem';

/** Angular's build names bundles `main-ABCD1234.js`; such files never change, so they may be cached for a year. */
const HASHED_ASSET = /-[A-Z0-9]{8,}\.(js|css|woff2?|ttf|svg|png|jpe?g|webp|ico)$/;

function setCacheHeaders(reply: { setHeader(name: string, value: string): unknown }, path: string): void {
  if (path.endsWith('.html')) {
    reply.setHeader('cache-control', 'no-cache');
  } else if (HASHED_ASSET.test(path)) {
    reply.setHeader('cache-control', 'public, max-age=31536000, immutable');
  } else {
    reply.setHeader('cache-control', 'public, max-age=0, must-revalidate');
  }
}

/**
 * Serves the built web app at `/` when its directory exists. A GET that matches no file and no API
 * route gets index.html so that deep links work; paths under /api and missing files stay 404.
 * The files go out compressed (brotli, else gzip) to a browser that accepts it: the initial bundles
 * are a third of their size, which is what a phone on a slow connection waits for before the first
 * paint. Compression stays within this plugin's scope, so API responses are sent as before.
 */
export async function serveWebApp(app: NestFastifyApplication, webDistDir: string): Promise<boolean> {
  const root = resolve(webDistDir);
  if (!existsSync(resolve(root, 'index.html'))) return false;
  await app.register(async (scope: FastifyInstance) => {
    await scope.register(fastifyCompress, { encodings: ['br', 'gzip'] });
    await scope.register(fastifyStatic, {
      root,
      prefix: '/',
      // files get their own routes, which leaves `GET /*` free for the deep-link fallback below
      wildcard: false,
      cacheControl: false,
      setHeaders: setCacheHeaders,
    });
    scope.get('/*', (request: FastifyRequest, reply: FastifyReply) => {
      const path = request.url.split('?')[0] ?? '/';
      if (path === '/api' || path.startsWith('/api/') || extname(path) !== '') {
        return sendProblem(reply, toProblem(new NotFoundException(`Cannot GET ${path}`), request));
      }
      reply.header('cache-control', 'no-cache');
      return reply.sendFile('index.html', root, { cacheControl: false });
    });
  });
  return true;
}
