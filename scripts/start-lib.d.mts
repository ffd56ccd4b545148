// Types for scripts/start-lib.mjs (plain JavaScript so that `npm start` needs no compiler).
export declare const EARLY_EXIT_MS: number;
export declare function electronBinary(root: string): string | undefined;
export declare function desktopUnavailable(options: { electron: string | undefined; desktopEntry: string; platform: string; env: Record<string, string | undefined> }): string | undefined;
export interface Command {
  command: string;
  args: string[];
}
export declare function startDesktopOrWeb(options: { desktop: Command; web: Command; unavailable: string | undefined; log?: (line: string) => void; earlyExitMs?: number; cwd?: string }): Promise<number>;
