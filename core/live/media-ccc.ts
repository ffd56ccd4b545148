import { z } from 'zod';
import type { Link } from '../model/schema';

/** media.ccc.de's public API; tests point it at a server on 127.0.0.1. */
export const MEDIA_CCC_API = 'https://api.media.ccc.de';
export const MAX_MEDIA_CCC_BYTES = 2 * 1024 * 1024;

/** `GET <api>/public/events/<guid>`: one talk by its schedule guid. */
export function mediaCccEventUrl(guid: string, base = MEDIA_CCC_API): string {
  return `${base.replace(/\/+$/, '')}/public/events/${encodeURIComponent(guid)}`;
}

const RecordingSchema = z
  .object({
    mime_type: z.string().max(100),
    recording_url: z.string().max(2048).optional(),
    language: z.string().max(50).nullish(),
    high_quality: z.boolean().nullish(),
    state: z.string().max(50).nullish(),
  })
  .strip();
const EventSchema = z
  .object({
    guid: z.string().max(300),
    title: z.string().max(1000).optional(),
    frontend_link: z.string().max(2048).nullish(),
    recordings: z.array(z.unknown()).max(500).default([]),
  })
  .strip();

function httpsUrl(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' && !url.username && !url.password ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether media.ccc.de has published a talk, from its event answer: the recording links to
 * offer (the talk's page on media.ccc.de, which plays every format; else the first https
 * video file). An event without a video recording yet gives no links. The guid must be the
 * one asked for, so a wrong answer never attaches another talk's video.
 */
export function parseMediaCccEvent(text: string, guid: string): { ok: true; links: Link[] } | { ok: false; reason: string } {
  if (text.length > MAX_MEDIA_CCC_BYTES) return { ok: false, reason: 'the answer is larger than 2 MB' };
  let doc: unknown;
  try {
    doc = JSON.parse(text) as unknown;
  } catch {
    return { ok: false, reason: 'the answer is not JSON' };
  }
  const parsed = EventSchema.safeParse(doc);
  if (!parsed.success) return { ok: false, reason: `the answer is not an event (${parsed.error.issues[0]?.path.join('.') ?? ''})` };
  if (parsed.data.guid.toLowerCase() !== guid.toLowerCase()) return { ok: false, reason: `the answer is about another talk (${parsed.data.guid.slice(0, 80)})` };
  const videos = parsed.data.recordings.flatMap((r) => {
    const rec = RecordingSchema.safeParse(r);
    return rec.success && rec.data.mime_type.startsWith('video/') ? [rec.data] : [];
  });
  if (videos.length === 0) return { ok: true, links: [] };
  const page = httpsUrl(parsed.data.frontend_link);
  if (page) return { ok: true, links: [{ url: page, title: 'media.ccc.de', kind: 'recording' }] };
  const file = videos.map((v) => httpsUrl(v.recording_url)).find(Boolean);
  return { ok: true, links: file ? [{ url: file, title: 'Recording (media.ccc.de)', kind: 'recording' }] : [] };
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * When to ask media.ccc.de about an ended talk next: an hour after it ends, then every
 * three hours for the first two days (CCC releases most talks within hours), then twice a
 * day until two weeks after; failures wait longer. Undefined when it is no longer worth asking.
 */
export function nextRecordingCheck(input: { end: number; now: number; lastCheckAt?: number | undefined; failures: number; random: number }): number | undefined {
  const { end, now } = input;
  if (now > end + 14 * DAY) return undefined;
  const first = end + HOUR;
  if (input.lastCheckAt === undefined) return Math.max(first, now);
  const pace = now < end + 2 * DAY ? 3 * HOUR : 12 * HOUR;
  const backoff = input.failures > 0 ? Math.min(DAY, HOUR * 2 ** Math.min(input.failures - 1, 5)) : 0;
  return input.lastCheckAt + Math.max(pace, backoff) * (0.9 + 0.2 * input.random);
}
