import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The IPC and link boundaries are enforced by lint (eslint.config.js). These lint real
 * snippets as if they were files of the project, so a rule that stops matching fails here.
 */
const eslint = new ESLint({ cwd: new URL('../../..', import.meta.url).pathname });

async function messages(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('lint boundaries', () => {
  it('forbids IPC handlers outside main/electron/ipc.ts', async () => {
    const code = "import { ipcMain } from 'electron';\nipcMain.handle('x', () => 1);\nipcMain.on('y', () => undefined);\n";
    expect(await messages(code, 'main/electron/tray.ts')).toEqual([
      'Register IPC handlers only in main/electron/ipc.ts, through its checked handle() wrapper.',
      'Register IPC handlers only in main/electron/ipc.ts, through its checked handle() wrapper.',
    ]);
  });

  it('forbids ipcRenderer outside the preload', async () => {
    const code = "import { ipcRenderer } from 'electron';\nexport const leak = ipcRenderer;\n";
    expect(await messages(code, 'main/electron/tray.ts')).toContain('ipcRenderer stays inside preload/; the page uses the host API.');
  });

  it('forbids calling shell.openExternal directly', async () => {
    const code = "import { shell } from 'electron';\nvoid shell.openExternal('https://example.org/');\n";
    expect(await messages(code, 'main/electron/tray.ts')).toEqual(['Open links only through the one link opener.']);
  });
});
