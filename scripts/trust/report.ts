/**
 * `npm run trust`: one JSON object with the trust figures (hostile payloads, network and
 * storage faults, importer fuzz cases, hostile conferences rendered: blank windows and
 * uncaught errors), electronegativity findings outside the reviewed baseline and
 * csp_evaluator findings on the real policy. Exits 1 when anything ran that should not, was
 * lost, or is unreviewed.
 *
 * Figures come from reports/trust/*.json, written by the suites themselves (see
 * tests/unit/support/trust-figures.ts). When a report is missing or older than the sources,
 * the suites that write them are run first (unit with vitest, end-to-end with Playwright),
 * so `npm test && npm run trust` costs only the two static checks.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../../core/security/headers';
import { evaluateCsp, type CspReport } from './csp';
import { compareWithBaseline, readBaseline, runElectronegativity, type EgReport } from './electronegativity';

const ROOT = resolve(import.meta.dirname, '../..');
const REPORTS = join(ROOT, 'reports/trust');
const FIGURES = [
  'payloadsTried',
  'payloadsExecuted',
  'networkFaultsTried',
  'networkFaultsSurvived',
  'storageFaultsTried',
  'storageFaultsSurvived',
  'fuzzCasesRun',
  'renderFuzzConferences',
  'renderFuzzViews',
  'renderFuzzBlankWindows',
  'renderFuzzUncaughtErrors',
  'watchdogHangsTried',
  'watchdogHangsStopped',
] as const;
export type Figure = (typeof FIGURES)[number];

/** Test files that write trust figures (they call writeTrustFigures or write reports/trust). */
function trustSuites(dir: string, pattern: RegExp): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (pattern.test(entry.name) && /writeTrustFigures|reports\/trust/.test(readFileSync(path, 'utf8'))) out.push(path.slice(ROOT.length + 1));
    }
  };
  walk(join(ROOT, dir));
  return out.sort();
}

/** The newest modification time among the tracked sources the figures depend on. */
function newestSource(): number {
  const listed = spawnSync('git', ['ls-files', 'core', 'main', 'preload', 'renderer', 'tests', 'assets'], { cwd: ROOT, encoding: 'utf8' });
  const files = listed.status === 0 ? listed.stdout.split('\n').filter(Boolean) : [];
  return files.reduce((newest, f) => {
    const path = join(ROOT, f);
    return existsSync(path) ? Math.max(newest, statSync(path).mtimeMs) : newest;
  }, 0);
}

function reportFiles(): string[] {
  return existsSync(REPORTS) ? readdirSync(REPORTS).filter((f) => f.endsWith('.json')).map((f) => join(REPORTS, f)) : [];
}

function run(command: string, args: string[]): void {
  console.error(`trust: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: ROOT, stdio: ['ignore', 2, 2], env: process.env });
  if (result.status !== 0) console.error(`trust: ${command} exited ${result.status}; its figures show what it got through`);
}

/** Runs the suites whose reports are missing or stale; stdout stays clean for the JSON. */
function refreshFigures(): void {
  const since = newestSource();
  const fresh = new Set(reportFiles().filter((f) => statSync(f).mtimeMs >= since).map((f) => f.slice(REPORTS.length + 1)));
  const expected = { unit: trustSuites('tests/unit', /\.test\.ts$/), e2e: trustSuites('tests/e2e', /\.spec\.ts$/) };
  const suiteName = (file: string): string | undefined => /writeTrustFigures\('([^']+)'/.exec(readFileSync(join(ROOT, file), 'utf8'))?.[1];
  // A suite that names its report some other way counts as fresh when any report is.
  const stale = (file: string): boolean => {
    const name = suiteName(file);
    return name === undefined ? fresh.size === 0 : !fresh.has(`${name}.json`);
  };
  const unit = expected.unit.filter(stale);
  const e2e = expected.e2e.filter(stale);
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  if (unit.length > 0) run(npx, ['vitest', 'run', '--reporter=default', ...unit]);
  if (e2e.length > 0) {
    run(npx, ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']);
    run(npx, ['playwright', 'test', '--reporter=list', ...e2e]);
  }
}

function sumFigures(): { figures: Record<Figure, number>; suites: string[] } {
  const figures = Object.fromEntries(FIGURES.map((f) => [f, 0])) as Record<Figure, number>;
  const suites: string[] = [];
  for (const file of reportFiles()) {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { figures?: Partial<Record<string, number>> };
    suites.push(file.slice(REPORTS.length + 1, -'.json'.length));
    for (const name of FIGURES) figures[name] += Number(parsed.figures?.[name] ?? 0);
  }
  return { figures, suites: suites.sort() };
}

/** Everything that makes the report fail, in words; empty when all is well. */
export function trustProblems(figures: Record<Figure, number>, eg: EgReport, csp: CspReport): string[] {
  const problems: string[] = [];
  if (figures.payloadsTried === 0) problems.push('no XSS payload was tried');
  if (figures.payloadsExecuted !== 0) problems.push(`${figures.payloadsExecuted} XSS payloads executed`);
  if (figures.networkFaultsTried === 0) problems.push('no network fault was tried');
  if (figures.networkFaultsSurvived !== figures.networkFaultsTried) problems.push(`${figures.networkFaultsTried - figures.networkFaultsSurvived} network faults lost data or hung`);
  if (figures.storageFaultsTried === 0) problems.push('no storage fault was tried');
  if (figures.storageFaultsSurvived !== figures.storageFaultsTried) problems.push(`${figures.storageFaultsTried - figures.storageFaultsSurvived} storage faults lost data`);
  if (figures.fuzzCasesRun === 0) problems.push('no importer fuzz case ran');
  if (figures.renderFuzzConferences === 0 || figures.renderFuzzViews === 0) problems.push('no hostile conference was rendered');
  if (figures.renderFuzzBlankWindows !== 0) problems.push(`${figures.renderFuzzBlankWindows} blank windows while rendering hostile conferences`);
  if (figures.renderFuzzUncaughtErrors !== 0) problems.push(`${figures.renderFuzzUncaughtErrors} uncaught errors while rendering hostile conferences`);
  if (figures.watchdogHangsTried === 0) problems.push('no hanging sync job was tried on the watchdog');
  if (figures.watchdogHangsStopped !== figures.watchdogHangsTried) problems.push(`${figures.watchdogHangsTried - figures.watchdogHangsStopped} hanging sync jobs were not stopped, or delayed another conference`);
  if (eg.outsideBaseline.length > 0) problems.push(`${eg.outsideBaseline.length} electronegativity findings outside security/electronegativity-baseline.json`);
  if (csp.failing.length > 0) problems.push(`${csp.failing.length} high or medium csp_evaluator findings`);
  if (csp.unexplained.length > 0) problems.push(`${csp.unexplained.length} csp_evaluator findings not explained in security/csp-accepted.json`);
  return problems;
}

function main(): void {
  refreshFigures();
  const { figures, suites } = sumFigures();
  const eg = compareWithBaseline(runElectronegativity(), readBaseline());
  const csp = evaluateCsp(CONTENT_SECURITY_POLICY);
  const problems = trustProblems(figures, eg, csp);
  console.log(JSON.stringify({
    ...figures,
    networkFaultsLost: figures.networkFaultsTried - figures.networkFaultsSurvived,
    storageFaultsLost: figures.storageFaultsTried - figures.storageFaultsSurvived,
    electronegativityFindings: eg.findings.length,
    electronegativityOutsideBaseline: eg.outsideBaseline.length,
    electronegativityNew: eg.outsideBaseline,
    electronegativityStaleBaseline: eg.staleBaseline,
    cspFindingsHighOrMedium: csp.failing.length,
    cspFindingsUnexplained: csp.unexplained.length,
    cspFindings: [...csp.failing, ...csp.unexplained],
    cspAccepted: csp.accepted.map(({ directive, value, severity, reason }) => ({ directive, value, severity, reason })),
    suites,
    ok: problems.length === 0,
    problems,
  }, null, 2));
  if (problems.length > 0) process.exitCode = 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
