import { z } from 'zod';

/** c3voc's streams JSON (`https://streaming.media.ccc.de/streams/v2.json`): every conference it streams now. */
export const C3VOC_STREAMS_URL = 'https://streaming.media.ccc.de/streams/v2.json';
export const MAX_C3VOC_BYTES = 4 * 1024 * 1024;

const str = (max: number) => z.string().max(max);
const C3vocUrlSchema = z.object({ display: str(200).optional(), tech: str(200).optional(), url: str(2048) }).strip();
const C3vocStreamSchema = z
  .object({
    slug: str(200),
    display: str(500).optional(),
    type: str(50).optional(),
    isTranslated: z.boolean().optional(),
    urls: z.record(z.string().max(50), C3vocUrlSchema).optional(),
  })
  .strip();
const C3vocRoomSchema = z
  .object({
    slug: str(200),
    schedulename: str(500).nullish(),
    display: str(500).optional(),
    link: str(2048).optional(),
    streams: z.array(C3vocStreamSchema).max(100).default([]),
  })
  .strip();
const C3vocConferenceSchema = z
  .object({
    conference: str(500).optional(),
    slug: str(200),
    groups: z.array(z.object({ group: str(500).optional(), rooms: z.array(C3vocRoomSchema).max(500).default([]) }).strip()).max(100).default([]),
  })
  .strip();
const C3vocDocumentSchema = z.array(z.unknown()).max(200);

function httpsUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' && !url.username && !url.password ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The rooms c3voc streams for the conference `slug`: room name (its schedule name, else its
 * display name, lowercased) → the room's page on the streaming site (a player that picks the
 * format itself), or the room's first https stream when no page is given. Conferences that
 * do not match or do not fit the documented shape are skipped one by one; a document that is
 * not a list is refused.
 */
export function parseC3vocStreams(text: string, slug: string): { ok: true; rooms: Map<string, string> } | { ok: false; reason: string } {
  if (text.length > MAX_C3VOC_BYTES) return { ok: false, reason: 'the streams list is larger than 4 MB' };
  let doc: unknown;
  try {
    doc = JSON.parse(text) as unknown;
  } catch {
    return { ok: false, reason: 'the streams list is not JSON' };
  }
  const list = C3vocDocumentSchema.safeParse(doc);
  if (!list.success) return { ok: false, reason: 'the streams list is not a list of conferences' };
  const rooms = new Map<string, string>();
  for (const entry of list.data) {
    const conference = C3vocConferenceSchema.safeParse(entry);
    if (!conference.success || conference.data.slug.toLowerCase() !== slug.toLowerCase()) continue;
    for (const group of conference.data.groups) {
      for (const room of group.rooms) {
        const firstStream = room.streams.flatMap((s) => Object.values(s.urls ?? {}).map((u) => httpsUrl(u.url))).find(Boolean);
        const url = httpsUrl(room.link) ?? firstStream;
        if (!url) continue;
        for (const name of [room.schedulename, room.display]) {
          if (name && !rooms.has(name.trim().toLowerCase())) rooms.set(name.trim().toLowerCase(), url);
        }
      }
    }
  }
  return { ok: true, rooms };
}
