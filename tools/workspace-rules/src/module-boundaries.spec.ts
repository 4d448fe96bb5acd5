import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const workspaceRoot = join(__dirname, '..', '..', '..');

interface LintMessage {
  ruleId: string | null;
  message: string;
  severity: number;
}

/**
 * Lints `source` as if it were a file at `path` in the workspace, with the workspace's own ESLint config,
 * and returns the errors of the module-boundaries rule.
 */
function boundaryErrors(path: string, source: string): string[] {
  const result = spawnSync(
    process.execPath,
    [
      join(workspaceRoot, 'node_modules', 'eslint', 'bin', 'eslint.js'),
      '--stdin',
      '--stdin-filename',
      path,
      '--format',
      'json',
    ],
    { cwd: workspaceRoot, input: source, encoding: 'utf8', env: { ...process.env, NX_DAEMON: 'false' } },
  );
  const [report] = JSON.parse(result.stdout) as { messages: LintMessage[] }[];
  return report.messages
    .filter((message) => message.ruleId === '@nx/enforce-module-boundaries' && message.severity === 2)
    .map((message) => message.message);
}

describe('module boundaries', () => {
  it('fails lint when a web library imports an api library', () => {
    const errors = boundaryErrors(
      'libs/web/shell/src/lib/boundary-probe.ts',
      "import { ApiDbModule } from '@border-academy/api-db';\nexport const probe = ApiDbModule;\n",
    );
    expect(errors).toEqual([
      expect.stringContaining('can only depend on libs tagged with "scope:web", "scope:shared"'),
    ]);
  });

  it('fails lint when web code imports a server-only package', () => {
    const errors = boundaryErrors(
      'apps/web/src/app/boundary-probe.ts',
      "import { Controller } from '@nestjs/common';\nimport { DataSource } from 'typeorm';\nexport const probe = [Controller, DataSource];\n",
    );
    expect(errors).toEqual([
      expect.stringContaining('is not allowed to import "@nestjs/common"'),
      expect.stringContaining('is not allowed to import "typeorm"'),
    ]);
  });

  it('fails lint when shared contracts import Angular or a server package', () => {
    const errors = boundaryErrors(
      'libs/shared/contracts/src/lib/boundary-probe.ts',
      "import { signal } from '@angular/core';\nimport { Injectable } from '@nestjs/common';\nexport const probe = [signal, Injectable];\n",
    );
    expect(errors).toEqual([
      expect.stringContaining('is not allowed to import "@angular/core"'),
      expect.stringContaining('is not allowed to import "@nestjs/common"'),
    ]);
  });

  it('passes lint when a web library imports the shared contracts', () => {
    const errors = boundaryErrors(
      'libs/web/shell/src/lib/boundary-probe.ts',
      "import { isProblemDetails } from '@border-academy/shared-contracts';\nexport const probe = isProblemDetails;\n",
    );
    expect(errors).toEqual([]);
  });
});
