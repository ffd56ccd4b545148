import type { z } from 'zod';
import {
  PERSONAL_FORMAT,
  PERSONAL_FORMAT_VERSION,
  PersonalDataSchema,
  type AgendaEntry,
  type ConferencePrefs,
  type PersonalData,
  type PersonalSubscription,
  type WatchLater,
} from './model';

/** A personal-data file larger than this is refused before parsing (the largest real agenda is far below). */
export const MAX_PERSONAL_CHARS = 64 * 1024 * 1024;

/** Why a personal-data file was refused, with where in the file the problem is. */
export class PersonalDataError extends Error {
  readonly where: string | undefined;
  constructor(message: string, where?: string) {
    super(where ? `${message} (at ${where})` : message);
    this.name = 'PersonalDataError';
    this.where = where;
  }
}

/** `agenda[3].identity.title` from zod's path. */
function issuePath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return issue.message;
}

function jsonPosition(text: string, error: unknown): string | undefined {
  const message = error instanceof Error ? error.message : '';
  const match = /position (\d+)/.exec(message);
  if (!match) return undefined;
  const offset = Number(match[1]);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

/** Reads an already-parsed value as personal data; throws PersonalDataError naming the field. */
export function checkPersonalData(value: unknown): PersonalData {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new PersonalDataError('This is not a Lanyard personal-data file: it is not a JSON object');
  const record = value as Record<string, unknown>;
  if (record.format !== PERSONAL_FORMAT) {
    const found = typeof record.format === 'string' ? `"${record.format.slice(0, 60)}"` : 'missing';
    throw new PersonalDataError(`This is not a Lanyard personal-data file: "format" is ${found}, expected "${PERSONAL_FORMAT}"`, 'format');
  }
  if (typeof record.version === 'number' && record.version > PERSONAL_FORMAT_VERSION) {
    throw new PersonalDataError(`This file was written by a newer Lanyard (format version ${record.version}); this version reads version ${PERSONAL_FORMAT_VERSION}`, 'version');
  }
  const parsed = PersonalDataSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (!issue) throw new PersonalDataError('The file does not match the personal-data format');
    const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more problem${parsed.error.issues.length > 2 ? 's' : ''})` : '';
    throw new PersonalDataError(`${describeIssue(issue)}${more}`, issuePath(issue.path) || 'the top level');
  }
  return parsed.data;
}

/** Parses the text of an exported (or mirrored) personal-data file. Throws PersonalDataError. */
export function parsePersonalData(text: string): PersonalData {
  if (text.length > MAX_PERSONAL_CHARS) throw new PersonalDataError(`The file is too large (${Math.round(text.length / 1024 / 1024)} MB; at most ${MAX_PERSONAL_CHARS / 1024 / 1024} MB)`);
  if (text.trim() === '') throw new PersonalDataError('The file is empty');
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new PersonalDataError('The file is not valid JSON', jsonPosition(text, error));
  }
  return checkPersonalData(value);
}

/** The file text: pretty for the export a person may read, compact for the mirror. */
export function serializePersonalData(data: PersonalData, options: { pretty?: boolean } = {}): string {
  return options.pretty ? `${JSON.stringify(data, null, 2)}\n` : JSON.stringify(data);
}

/** True when there is nothing the user made: no stars, notes, prefs, watch list, or subscriptions beyond the built-in sample. */
export function isEffectivelyEmpty(data: PersonalData): boolean {
  return data.agenda.length === 0 && data.prefs.length === 0 && data.watchLater.length === 0 && data.subscriptions.every((s) => s.source === 'sample');
}

export interface MergeCounts {
  added: number;
  updated: number;
  unchanged: number;
}

export interface MergeReport {
  subscriptions: MergeCounts;
  agenda: MergeCounts;
  prefs: MergeCounts;
  watchLater: MergeCounts;
}

/** JSON with object keys sorted, so two records compare equal whatever order their fields were written in. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

type Policy<T> = (existing: T, incoming: T) => T;

function mergeList<T>(existing: readonly T[], incoming: readonly T[], key: (item: T) => string, pick: Policy<T>): { items: T[]; counts: MergeCounts } {
  const byKey = new Map(existing.map((item) => [key(item), item]));
  const counts: MergeCounts = { added: 0, updated: 0, unchanged: 0 };
  for (const item of incoming) {
    const k = key(item);
    const current = byKey.get(k);
    if (current === undefined) {
      byKey.set(k, item);
      counts.added += 1;
      continue;
    }
    const chosen = pick(current, item);
    if (chosen !== current && stableJson(chosen) !== stableJson(current)) {
      byKey.set(k, chosen);
      counts.updated += 1;
    } else counts.unchanged += 1;
  }
  return { items: [...byKey.values()], counts };
}

const sessionKey = (e: { conferenceId: string; sessionId: string }): string => `${e.conferenceId}\n${e.sessionId}`;
const newerAgenda: Policy<AgendaEntry> = (a, b) => (b.updatedAt > a.updatedAt ? b : a);
const watchTime = (w: WatchLater): number => Math.max(w.addedAt, w.watchedAt ?? 0);
const newerWatch: Policy<WatchLater> = (a, b) => (watchTime(b) > watchTime(a) ? b : a);
/** Preferences carry no time stamp: the file the user chose to import wins. */
const importedPrefs: Policy<ConferencePrefs> = (_a, b) => b;
/** A subscription already here keeps its sync state; only missing ones are added. */
const keepSubscription: Policy<PersonalSubscription> = (a) => a;

/**
 * Merges an imported file into what is stored: the union by key (session, conference,
 * subscription); for the same agenda entry the newer `updatedAt` wins. Nothing stored is
 * ever dropped by an import.
 */
export function mergePersonalData(existing: PersonalData, incoming: PersonalData, now: number): { data: PersonalData; report: MergeReport } {
  const subscriptions = mergeList(existing.subscriptions, incoming.subscriptions, (s) => s.id, keepSubscription);
  const agenda = mergeList(existing.agenda, incoming.agenda, sessionKey, newerAgenda);
  const prefs = mergeList(existing.prefs, incoming.prefs, (p) => p.conferenceId, importedPrefs);
  const watchLater = mergeList(existing.watchLater, incoming.watchLater, sessionKey, newerWatch);
  return {
    data: {
      format: PERSONAL_FORMAT,
      version: PERSONAL_FORMAT_VERSION,
      savedAt: now,
      subscriptions: subscriptions.items,
      agenda: agenda.items,
      prefs: prefs.items,
      watchLater: watchLater.items,
    },
    report: { subscriptions: subscriptions.counts, agenda: agenda.counts, prefs: prefs.counts, watchLater: watchLater.counts },
  };
}

/** "3 added, 1 updated" for one part of a merge report. */
export function describeCounts(counts: MergeCounts): string {
  const parts = [`${counts.added} added`, `${counts.updated} updated`, `${counts.unchanged} unchanged`];
  return parts.join(', ');
}
