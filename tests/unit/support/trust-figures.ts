import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type TrustFigure =
  | 'payloadsTried'
  | 'payloadsExecuted'
  | 'networkFaultsTried'
  | 'networkFaultsSurvived'
  | 'storageFaultsTried'
  | 'storageFaultsSurvived'
  | 'fuzzCasesRun'
  | 'renderFuzzConferences'
  | 'renderFuzzViews'
  | 'renderFuzzBlankWindows'
  | 'renderFuzzUncaughtErrors'
  | 'watchdogHangsTried'
  | 'watchdogHangsStopped';

const DIR = fileURLToPath(new URL('../../../reports/trust/', import.meta.url));

/**
 * Writes `reports/trust/<suite>.json` ({ figures }) for `npm run trust` to sum. Call from
 * afterAll with counts taken while the tests ran, so a suite that stopped early reports
 * what it really tried.
 */
export function writeTrustFigures(suite: string, figures: Partial<Record<TrustFigure, number>>, details?: unknown): void {
  mkdirSync(DIR, { recursive: true });
  writeFileSync(`${DIR}${suite}.json`, `${JSON.stringify({ figures, writtenAt: new Date().toISOString(), ...(details === undefined ? {} : { details }) }, null, 2)}\n`);
}
