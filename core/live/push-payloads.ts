import { z } from 'zod';
import { ANNOUNCEMENT_SEVERITIES, InstantSchema, type Announcement } from '../model/schema';
import { cleanText } from '../text/html';
import type { RoomState } from './room-status';

/** No live-channel message is read past this size: announcements are short, room states tiny. */
export const MAX_PUSH_PAYLOAD_BYTES = 16 * 1024;

/** `<base>/announcements`: the stable contract organizers publish (README, "For organizers: live updates"). */
export const PushAnnouncementSchema = z
  .object({
    id: z.string().min(1).max(200),
    text: z.string().min(1).max(2000),
    severity: z.enum(ANNOUNCEMENT_SEVERITIES).default('info'),
    sessions: z.array(z.string().max(300)).max(500).default([]),
    rooms: z.array(z.string().max(200)).max(200).default([]),
    time: InstantSchema.optional(),
  })
  .strip();

/** `<base>/rooms/<room name>`: retained, one of four states. */
export const PushRoomSchema = z.object({ state: z.enum(['open', 'filling', 'full', 'closed']) }).strip();

export type PushResult<T> = { ok: true; value: T } | { ok: false; reason: string };

function readJson(payload: Uint8Array | string): PushResult<unknown> {
  const bytes = typeof payload === 'string' ? new TextEncoder().encode(payload) : payload;
  if (bytes.byteLength > MAX_PUSH_PAYLOAD_BYTES) return { ok: false, reason: `the message is larger than ${MAX_PUSH_PAYLOAD_BYTES / 1024} KB` };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, reason: 'the message is not UTF-8 text' };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, reason: 'the message is not JSON' };
  }
}

function issueText(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'message'}: ${issue.message}` : 'rejected';
}

/**
 * An announcement pushed on the live channel, checked and turned into the model's
 * announcement. Its text is plain (control characters and markup-looking input are kept as
 * text by the views, which never render it as HTML); `time` is when it was published, or else
 * when it arrived.
 */
export function parsePushAnnouncement(payload: Uint8Array | string, receivedAt: number): PushResult<Announcement> {
  const json = readJson(payload);
  if (!json.ok) return json;
  const parsed = PushAnnouncementSchema.safeParse(json.value);
  if (!parsed.success) return { ok: false, reason: issueText(parsed.error) };
  const { id, severity, sessions, rooms, time } = parsed.data;
  const text = cleanText(parsed.data.text);
  if (!text) return { ok: false, reason: 'text: empty' };
  // A publish time in the future (a wrong clock) is taken as the arrival time.
  const at = time && Date.parse(time) <= receivedAt ? time : new Date(receivedAt).toISOString();
  return { ok: true, value: { id, time: at, severity, text, sessionIds: sessions, roomIds: rooms } };
}

/** A retained room state pushed on `<base>/rooms/<room name>`. */
export function parsePushRoom(payload: Uint8Array | string): PushResult<RoomState> {
  const json = readJson(payload);
  if (!json.ok) return json;
  const parsed = PushRoomSchema.safeParse(json.value);
  return parsed.success ? { ok: true, value: parsed.data.state } : { ok: false, reason: issueText(parsed.error) };
}
