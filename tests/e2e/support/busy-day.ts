import type { Session } from '../../../core/model/schema';
import { testConference } from './feed-host';
import { MIN } from './live-conference';

const HOUR = 60 * MIN;
const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Lengths of the talks in a room, in minutes, repeated through the day (10-minute lightning talks among them). */
const LENGTHS = [25, 10, 50, 10, 40, 20, 30];
const TRACKS = ['Kernel', 'Containers', 'Desktop', 'Security', 'Community'];

/** What a test needs to know of the busy day it published. */
export interface BusyDay {
  feed: string;
  zone: string;
  day: string;
  rooms: string[];
  tracks: string[];
  /** The all-day workshop (08:00–20:00), the first session of the day. */
  allDay: string;
  /** The talk in the first room that is on at `now` (or, between two talks, the next one). */
  onNow: string;
  /** Its session id. */
  onNowId: string;
  /** The first talk of the first room, 09:00 to 09:25 at the latest: over by `now`. */
  ended: string;
}

/**
 * TestCon today, in a fixed-offset zone where it is now about 13:00: `roomCount` rooms with
 * talks from 09:00 to 18:00 (10 to 50 minutes long, in five tracks), and an all-day workshop
 * from 08:00 to 20:00 that starts before everything else. Built at test time, so "now" is real.
 */
export function busyDay(now: number, roomCount = 14): BusyDay {
  let offset = 13 - new Date(now).getUTCHours();
  if (offset < -12) offset += 24;
  if (offset > 14) offset -= 24;
  const zone = offset === 0 ? 'UTC' : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  const midnight = Date.parse(`${day}T00:00:00Z`) - offset * HOUR;
  const rooms = Array.from({ length: roomCount }, (_, i) => (i === 0 ? 'Main hall' : `Room ${String.fromCharCode(65 + ((i - 1) % 26))}${i > 26 ? i : ''}`));
  let onNow = '';
  let onNowId = '';
  let ended = '';
  const feed = testConference((f) => {
    const base = f.sessions[0]!;
    const speakers = f.speakers.map((s) => s.id);
    f.conference = { ...f.conference, timeZone: zone, start: day, end: day, days: [day] };
    f.rooms = [{ id: 'workshop-hall', name: 'Workshop hall', links: [] }, ...rooms.map((name) => ({ id: name.toLowerCase().replace(/\s+/g, '-'), name, links: [] }))];
    f.tracks = TRACKS.map((name) => ({ id: name.toLowerCase(), name }));
    const talk = (id: string, title: string, start: number, minutes: number, roomId: string, k: number): Session => ({
      ...base,
      id,
      guid: undefined,
      sourceId: undefined,
      title,
      start: iso(start),
      end: iso(start + minutes * MIN),
      day,
      roomId,
      trackId: TRACKS[k % TRACKS.length]!.toLowerCase(),
      type: 'talk',
      speakerIds: [speakers[k % speakers.length]!],
      links: [],
      cancelled: false,
    });
    f.sessions = [{ ...talk('all-day', 'Hands-on packaging workshop (all day)', midnight + 8 * HOUR, 12 * 60, 'workshop-hall', 0), type: 'workshop' }];
    f.rooms.slice(1).forEach((room, r) => {
      let at = midnight + 9 * HOUR;
      for (let k = 0; at < midnight + 18 * HOUR; k += 1) {
        const minutes = LENGTHS[(k + r) % LENGTHS.length]!;
        const title = `${room.name}: ${minutes === 10 ? 'Lightning talk' : 'Talk'} ${k + 1} on ${TRACKS[(k + r) % TRACKS.length]}`;
        const session = talk(`${room.id}-${k}`, title, at, minutes, room.id, k + r);
        f.sessions.push(session);
        if (r === 0 && !onNow && now < at + minutes * MIN) {
          onNow = title;
          onNowId = session.id;
        }
        if (r === 0 && k === 0) ended = title;
        at += (minutes + 5) * MIN;
      }
    });
    f.sessions.sort((a, b) => a.start.localeCompare(b.start));
    f.announcements = [];
  });
  return { feed, zone, day, rooms, tracks: TRACKS, allDay: 'Hands-on packaging workshop (all day)', onNow, onNowId, ended };
}
