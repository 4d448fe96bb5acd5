import { rm } from 'node:fs/promises';

import './global-setup';

export default async function globalTeardown(): Promise<void> {
  const state = globalThis.borderAcademyTestPostgres;
  if (!state) return;
  globalThis.borderAcademyTestPostgres = undefined;
  await state.handle.stop();
  await rm(state.rootDir, { recursive: true, force: true });
}
