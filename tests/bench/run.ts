/**
 * `npm run bench`: times parse + normalise of real feeds and prints one JSON summary.
 * Target: FOSDEM 2020 (2.1 MB) under 60 ms median on this machine's Node, and time that
 * grows linearly with size. Exits 1 when a target is missed.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { importFeed } from '../../core/formats/index';

const CORPUS = resolve(import.meta.dirname, '../../../shared/corpus');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function time(bytes: Uint8Array): { medianMs: number; sessions: number } {
  let sessions = 0;
  for (let i = 0; i < 3; i += 1) sessions = importFeed(bytes).feed.sessions.length;
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    importFeed(bytes);
    samples.push(performance.now() - started);
  }
  return { medianMs: median(samples), sessions };
}

/** FOSDEM 2020 repeated `times` over: its days copied with shifted dates, events renumbered. */
function scaled(text: string, times: number): string {
  const start = text.indexOf('<day ');
  const end = text.lastIndexOf('</day>') + '</day>'.length;
  const days = text.slice(start, end);
  const copies = Array.from({ length: times }, (_, n) =>
    days.replace(/date="2020-02-0(\d)"/g, (_m, d: string) => `date="2020-0${2 + n}-0${d}"`).replace(/<event id="(\d+)"/g, (_m, id: string) => `<event id="${id}-${n}"`),
  );
  return text.slice(0, start) + copies.join('\n') + text.slice(end);
}

if (!existsSync(join(CORPUS, 'facts.json'))) {
  console.error(`The benchmark needs the corpus at ${CORPUS}.`);
  process.exit(2);
}

const files = [
  ...readdirSync(join(CORPUS, 'fosdem')).filter((f) => f.endsWith('.xml')).sort().map((f) => join(CORPUS, 'fosdem', f)),
  join(CORPUS, 'ccc/36c3/stages.schedule.xml'),
  join(CORPUS, 'ccc/36c3/stages.schedule.json'),
  join(CORPUS, 'ccc/35c3-schedule.xml'),
  join(CORPUS, 'ccc/35c3-schedule.json'),
  join(CORPUS, 'ccc/33c3/schedule.ics'),
];

const results = files.map((path) => {
  const bytes = new Uint8Array(readFileSync(path));
  const { medianMs, sessions } = time(bytes);
  return { file: relative(CORPUS, path), bytes: bytes.byteLength, sessions, medianMs: Number(medianMs.toFixed(2)), mbPerSec: Number((bytes.byteLength / 1048576 / (medianMs / 1000)).toFixed(1)) };
});

const fosdem2020 = readFileSync(join(CORPUS, 'fosdem/fosdem-2020.xml'), 'utf8');
const scaling = [1, 2, 4].map((times) => {
  const bytes = new TextEncoder().encode(scaled(fosdem2020, times));
  const { medianMs, sessions } = time(bytes);
  return { times, bytes: bytes.byteLength, sessions, medianMs: Number(medianMs.toFixed(2)) };
});
const growth = scaling[2]!.medianMs / scaling[0]!.medianMs;

const target = results.find((r) => r.file === 'fosdem/fosdem-2020.xml')!;
const summary = {
  machine: { node: process.version, cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30) },
  runsPerFile: RUNS,
  files: results,
  scaling: { fosdem2020: scaling, fourTimesTheSizeTakes: Number(growth.toFixed(2)) },
  targets: {
    fosdem2020MedianMs: { limit: 60, actual: target.medianMs, ok: target.medianMs < 60 },
    linearGrowth: { limit: '4x the size in at most 5x the time', actual: Number(growth.toFixed(2)), ok: growth <= 5 },
  },
};
console.log(JSON.stringify(summary, null, 2));
if (!summary.targets.fosdem2020MedianMs.ok || !summary.targets.linearGrowth.ok) process.exitCode = 1;
