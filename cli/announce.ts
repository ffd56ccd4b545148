import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ANNOUNCEMENT_SEVERITIES, AnnouncementSchema, FeedSchema, type Announcement } from '../core/model/schema';

const MAX_TEXT = 2000;

export interface AnnounceOptions {
  text: string | undefined;
  severity: string | undefined;
  sessions: readonly string[];
  rooms: readonly string[];
  id: string | undefined;
  /** Injected for tests; the wall clock otherwise. */
  now?: number;
}

export interface AnnounceResult {
  announcement: Announcement;
  revisionBefore: string | undefined;
  revisionAfter: string;
}

/** `r1` → `r2`, `2024-03` → `2024-04`, `7` → `8`; a label with no trailing number gets `.1`. */
export function bumpRevision(revision: string | undefined): string {
  if (!revision) return '1';
  const match = /^(.*?)(\d+)$/.exec(revision);
  if (!match) return `${revision}.1`;
  const [, prefix = '', digits = '0'] = match;
  const next = String(BigInt(digits) + 1n);
  return `${prefix}${next.padStart(digits.length, '0')}`;
}

function instant(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function indentOf(text: string): string | number {
  const match = /^\{\r?\n([ \t]+)"/.exec(text);
  return match?.[1] ?? 0;
}

/**
 * Appends one announcement to a Lanyard feed file and bumps its revision, so every attendee's
 * app picks it up on its next poll. The file is validated before and after, and replaced
 * atomically (write beside it, then rename): a failure never leaves half a feed on the host.
 */
export async function announce(file: string, options: AnnounceOptions): Promise<AnnounceResult> {
  const text = options.text?.replace(/\s+/g, ' ').trim();
  if (!text) throw new Error('announce needs --text "…" (the announcement itself)');
  if (text.length > MAX_TEXT) throw new Error(`--text is ${text.length} characters; an announcement may have at most ${MAX_TEXT}`);
  const severity = options.severity ?? 'info';
  if (!(ANNOUNCEMENT_SEVERITIES as readonly string[]).includes(severity)) {
    throw new Error(`--severity ${severity} is not one of ${ANNOUNCEMENT_SEVERITIES.join(', ')}`);
  }
  const source = await readFile(file, 'utf8').catch((error: unknown) => {
    throw new Error(`${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error)}`);
  });
  let raw: unknown;
  try {
    raw = JSON.parse(source);
  } catch (error) {
    throw new Error(`${file}: not JSON (${error instanceof Error ? error.message : String(error)}); announce works on Lanyard feeds (convert one with lanyard-feed convert … --to lanyard)`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || (raw as Record<string, unknown>).lanyard !== 1) {
    throw new Error(`${file}: not a Lanyard feed ("lanyard": 1 is missing); convert it with lanyard-feed convert … --to lanyard`);
  }
  const parsed = FeedSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: not a valid Lanyard feed at ${issue?.path.join('.') || '(top)'}: ${issue?.message ?? 'rejected'}`);
  }
  const feed = parsed.data;
  const sessionIds = new Set(feed.sessions.map((s) => s.id));
  const roomIds = new Set(feed.rooms.map((r) => r.id));
  for (const id of options.sessions) if (!sessionIds.has(id)) throw new Error(`--session ${id}: no session with that id in ${file}`);
  for (const id of options.rooms) if (!roomIds.has(id)) throw new Error(`--room ${id}: no room with that id in ${file}`);
  const now = options.now ?? Date.now();
  const taken = new Set(feed.announcements.map((a) => a.id));
  let id = options.id;
  if (id !== undefined && taken.has(id)) throw new Error(`--id ${id}: ${file} already has an announcement with that id`);
  if (id === undefined) id = `a-${instant(now).replace(/[-:]/g, '').replace('T', '-').replace('Z', '')}-${randomBytes(3).toString('hex')}`;
  const candidate = AnnouncementSchema.safeParse({
    id,
    time: instant(now),
    severity,
    text,
    sessionIds: [...new Set(options.sessions)],
    roomIds: [...new Set(options.rooms)],
  });
  if (!candidate.success) {
    const issue = candidate.error.issues[0];
    throw new Error(`the announcement is not valid at ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'rejected'}`);
  }
  const announcement = candidate.data;
  const object = raw as Record<string, unknown>;
  const revisionBefore = feed.revision;
  const revisionAfter = bumpRevision(revisionBefore);
  const existing = Array.isArray(object.announcements) ? (object.announcements as unknown[]) : [];
  const next = { ...object, revision: revisionAfter, generatedAt: instant(now), announcements: [...existing, announcement] };
  const check = FeedSchema.safeParse(next);
  if (!check.success) {
    const issue = check.error.issues[0];
    throw new Error(`the announcement would make ${file} invalid at ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'rejected'}`);
  }
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, `${JSON.stringify(next, null, indentOf(source))}\n`, { flag: 'wx' });
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw new Error(`${file}: could not write the new revision (${error instanceof Error ? error.message : String(error)}); the feed is unchanged`);
  }
  return { announcement, revisionBefore, revisionAfter };
}
