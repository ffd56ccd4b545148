import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** One finding as the baseline names it: the check, the file (relative to the repo), and where. */
export interface EgFinding {
  rule: string;
  file: string;
  line: number;
  level: string;
  message: string;
}

export interface BaselineEntry {
  rule: string;
  file: string;
  reason: string;
}

export interface EgReport {
  findings: EgFinding[];
  outsideBaseline: EgFinding[];
  /** Baseline entries that no longer match anything: review and remove them. */
  staleBaseline: BaselineEntry[];
}

const ROOT = resolve(import.meta.dirname, '../..');
/** What electronegativity reads: every process's code, plus where the CSP is written. */
const SOURCES = ['main', 'preload', 'renderer/src', 'core/security'];
export const BASELINE_PATH = join(ROOT, 'security/electronegativity-baseline.json');

interface Sarif {
  runs: Array<{ results: Array<{ ruleId: string; level?: string; message?: { text?: string }; locations?: Array<{ physicalLocation?: { artifactLocation?: { uri?: string }; region?: { startLine?: number } } }> }> }>;
}

function electronVersion(): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/**
 * Runs @doyensec/electronegativity once over a copy of the sources (one run, so its global
 * checks see main, preload and renderer together) and reads its SARIF output: the tool
 * always exits 0, so the findings are the only verdict.
 */
export function runElectronegativity(): EgFinding[] {
  const stage = mkdtempSync(join(tmpdir(), 'lanyard-eg-'));
  try {
    for (const dir of SOURCES) {
      mkdirSync(join(stage, 'src', dir, '..'), { recursive: true });
      cpSync(join(ROOT, dir), join(stage, 'src', dir), { recursive: true });
    }
    const out = join(stage, 'result.sarif');
    const bin = join(ROOT, 'node_modules/.bin/electronegativity');
    const run = spawnSync(bin, ['-i', join(stage, 'src'), '-o', out, '-r', '-v', 'false', '-e', electronVersion()], { encoding: 'utf8', timeout: 300_000 });
    if (run.error) throw new Error(`electronegativity could not run: ${run.error.message}`);
    let sarif: Sarif;
    try {
      sarif = JSON.parse(readFileSync(out, 'utf8')) as Sarif;
    } catch {
      throw new Error(`electronegativity wrote no SARIF report (exit ${run.status}): ${run.stderr.slice(-500)}`);
    }
    return sarif.runs.flatMap((r) => r.results).map((result) => {
      const where = result.locations?.[0]?.physicalLocation;
      const uri = where?.artifactLocation?.uri ?? '';
      return {
        rule: result.ruleId,
        // Global checks point at "file:///" (the whole input): they are about the app, not a file.
        file: uri.startsWith('file:') ? '(app)' : uri.replace(/^\.?\/?/, ''),
        line: where?.region?.startLine ?? 0,
        level: result.level ?? 'warning',
        message: result.message?.text ?? '',
      };
    });
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

export function readBaseline(): BaselineEntry[] {
  const entries = JSON.parse(readFileSync(BASELINE_PATH, 'utf8')) as { entries: BaselineEntry[] };
  for (const [i, e] of entries.entries.entries()) {
    if (!e.rule || !e.file || !e.reason || e.reason.trim().length < 20) throw new Error(`${BASELINE_PATH}: entry ${i} needs a rule, a file and a reason of a sentence or more`);
  }
  return entries.entries;
}

/** Compares findings with the reviewed baseline (matched on check + file, so moving lines is fine). */
export function compareWithBaseline(findings: EgFinding[], baseline: BaselineEntry[]): EgReport {
  const matches = (f: EgFinding, e: BaselineEntry): boolean => f.rule === e.rule && f.file === e.file;
  return {
    findings,
    outsideBaseline: findings.filter((f) => !baseline.some((e) => matches(f, e))),
    staleBaseline: baseline.filter((e) => !findings.some((f) => matches(f, e))),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const report = compareWithBaseline(runElectronegativity(), readBaseline());
  console.log(JSON.stringify(report, null, 2));
  if (report.outsideBaseline.length > 0) process.exitCode = 1;
}
