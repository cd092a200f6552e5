import { resolve } from 'node:path';

/** The repository root and the shared folder beside it (CI places shared/ next to the clone). */
export const REPO_ROOT = resolve(__dirname, '..', '..');
export const SHARED = resolve(REPO_ROOT, '..', 'shared');
export const FIXTURES = resolve(SHARED, 'fixtures');
