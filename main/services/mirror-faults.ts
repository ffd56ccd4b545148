import { readFileSync } from 'node:fs';
import type { MirrorFileOptions, WriteText } from './mirror-file';

/** The error codes the switch can inject: a full disk, a quota, a folder that may not be written. */
const CODES = new Set(['ENOSPC', 'EDQUOT', 'EACCES', 'EPERM', 'EROFS', 'EIO']);

function activeFault(path: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').trim();
  } catch {
    return undefined;
  }
  return CODES.has(text) ? text : undefined;
}

/**
 * Test-only fault switch for the web-mode server (end-to-end tests cannot fill a real disk
 * or take write access away from root). Off unless `LANYARD_TEST_FAULT_FILE` names a file.
 * While that file holds an error code (`ENOSPC`, `EACCES`, …), every backup write writes half
 * of its bytes and then fails with that code, as a disk filling up mid-write would; delete
 * the file (or empty it) and writes succeed again.
 */
export function faultSwitchFromEnv(env: NodeJS.ProcessEnv = process.env): Pick<MirrorFileOptions, 'writeText'> {
  const path = env.LANYARD_TEST_FAULT_FILE;
  if (!path) return {};
  const writeText: WriteText = async (handle, text) => {
    const code = activeFault(path);
    if (!code) return handle.writeFile(text, 'utf8');
    await handle.writeFile(text.slice(0, Math.floor(text.length / 2)), 'utf8');
    throw Object.assign(new Error(`${code}: injected by LANYARD_TEST_FAULT_FILE, write`), { code });
  };
  return { writeText };
}
