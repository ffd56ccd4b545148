import type { WarningLog } from '../errors';
import { RoomStatusSourceSchema, type Conference } from '../model/schema';
import { checkLiveChannel } from './channel';
import { isFosdem, streamPatternProblem } from './stream-rules';

/** FOSDEM's room-status list (what FOSDEM Companion polls). */
const FOSDEM_ROOM_STATUS_URL = 'https://api.fosdem.org/roomstatus/v1/listrooms';

/** Where a conference's room status is read: the address its feed declares, else FOSDEM's for FOSDEM. */
export function roomStatusUrlOf(conference: Pick<Conference, 'title' | 'url' | 'roomStatus'>, feedUrl: string | undefined): string | undefined {
  if (conference.roomStatus) return conference.roomStatus.url;
  return isFosdem(conference, feedUrl) ? FOSDEM_ROOM_STATUS_URL : undefined;
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** Why a room-status address cannot be polled, or undefined: https, or plain http to this machine (like feeds). */
function roomStatusUrlProblem(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return 'it is not a complete address';
  }
  if (url.username || url.password) return 'it carries a user name or password';
  if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.test(url.hostname))) return undefined;
  return url.protocol === 'http:' ? 'plain http is only allowed for this machine' : `${url.protocol} cannot be fetched`;
}

const ROOM_STATUS_FORMATS: ReadonlySet<unknown> = new Set(RoomStatusSourceSchema.shape.format.unwrap().options);

/**
 * A room-status document in a format Lanyard cannot read is no room status at all: dropping
 * only its `format` would let the default read it as FOSDEM's. Runs on the raw document,
 * before the model's boundary; returns the document without it (a copy), with a warning.
 */
export function withoutUnknownRoomStatus(doc: unknown, warnings: WarningLog): unknown {
  if (typeof doc !== 'object' || doc === null || !('conference' in doc)) return doc;
  const conference: unknown = doc.conference;
  if (typeof conference !== 'object' || conference === null || !('roomStatus' in conference)) return doc;
  const source: unknown = conference.roomStatus;
  const format = typeof source === 'object' && source !== null && 'format' in source ? source.format : undefined;
  if (format === undefined || ROOM_STATUS_FORMATS.has(format)) return doc;
  warnings.add('invalid-field', `The room status is not used: its format ${JSON.stringify(format).slice(0, 40)} is not one Lanyard reads (fosdem).`, 'conference.roomStatus.format');
  const { roomStatus: _dropped, ...rest } = conference as Record<string, unknown>;
  return { ...doc, conference: rest };
}

/**
 * Checks what a Lanyard feed declares for live use (stream pattern, room-status address, live
 * channel). Each unusable declaration is dropped with a warning saying what and where; the
 * rest of the feed is read as usual. Mutates `conference`.
 */
export function checkLiveDeclarations(conference: Conference, warnings: WarningLog): void {
  const pattern = conference.streams?.pattern;
  if (conference.streams && pattern !== undefined) {
    const problem = streamPatternProblem(pattern);
    if (problem) {
      warnings.add('invalid-field', `The stream pattern is not used: ${problem}.`, 'conference.streams.pattern');
      delete conference.streams.pattern;
    }
  }
  if (conference.roomStatus) {
    const problem = roomStatusUrlProblem(conference.roomStatus.url);
    if (problem) {
      warnings.add('invalid-field', `The room-status address is not used: ${problem}.`, 'conference.roomStatus.url');
      delete conference.roomStatus;
    } else conference.roomStatus.url = new URL(conference.roomStatus.url.trim()).href;
  }
  if (conference.live) {
    const checked = checkLiveChannel(conference.live);
    if (!checked.ok) {
      warnings.add('invalid-field', `The live channel is not used: ${checked.reason}.`, 'conference.live');
      delete conference.live;
    } else conference.live = checked.channel;
  }
}
