import fc from 'fast-check';
import { FeedSchema, MAX_SPAN_DAYS, isDayOfStart, type Feed, type Session } from '../../../core/model/schema';
import { addDays, conferenceDayOf, dateRange, formatInstant } from '../../../core/time/zone';

/**
 * Whole conferences that pass the model's schema but are hostile in content: extreme dates
 * (1970 and 2200) and zones (UTC−12 to UTC+14, quarter-hour offsets), empty-looking and huge
 * strings, right-to-left overrides, unbroken long words, duplicate ids, unknown references,
 * sessions lasting up to the cap, empty day lists, thousands of rooms. For the renderer fuzz
 * (tests/e2e/render-fuzz.spec.ts); the schema check below keeps the generator honest.
 */
const DAY_MS = 86_400_000;
const ZONES = ['Pacific/Kiritimati', 'Etc/GMT+12', 'Pacific/Chatham', 'Asia/Kathmandu', 'America/St_Johns', 'Australia/Lord_Howe', 'Antarctica/Troll', 'UTC', 'Europe/Brussels'];
// Two days into 1970 and ten days before the end of 2200, so that no zone or day shift leaves the allowed years.
const FIRST_DAY = Date.UTC(1970, 0, 3);
const LAST_DAY = Date.UTC(2200, 11, 20);
const LAST_INSTANT = Date.UTC(2200, 11, 31, 12);

/** Text that is valid for the schema (non-empty where needed) and hostile to a layout. */
const hostileText = (max: number): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(' ', '\u200B', '\u0301', '<script>alert(1)</script>', '&amp;&lt;', '🎉'.repeat(40), '\u202Eesrever\u202C', '\u2067مرحبا\u2069 world', 'שלום עולם', '\n\n\t'),
    fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' }),
    fc.integer({ min: 1, max: max }).map((n) => 'W'.repeat(n)),
    fc.constant('x'.repeat(max)),
  ).map((s) => s.slice(0, max));

const ids = (pool: readonly string[]): fc.Arbitrary<string> => fc.oneof(fc.constantFrom(...pool), fc.string({ minLength: 1, maxLength: 12 }));

interface Shape {
  zone: string;
  base: number;
  sessions: Array<{ id: string; title: string; offsetMinutes: number; minutes: number; dayShift: number; roomId: string; speakerIds: string[]; abstract: string; cancelled: boolean }>;
  rooms: number;
  roomName: string;
  speakers: Array<{ id: string; name: string; bio: string }>;
  tracks: Array<{ id: string; name: string; color: string }>;
  title: string;
  emptyDays: boolean;
  announcements: Array<{ id: string; text: string }>;
}

const shape: fc.Arbitrary<Shape> = fc.record({
  zone: fc.constantFrom(...ZONES),
  base: fc.oneof(fc.constantFrom(FIRST_DAY, LAST_DAY, Date.UTC(2038, 0, 19), Date.UTC(2000, 1, 29)), fc.integer({ min: FIRST_DAY, max: LAST_DAY })).map((ms) => ms - (ms % DAY_MS)),
  sessions: fc.array(
    fc.record({
      id: ids(['dup', '1', 'a b', '%2F..%2F', 'session', 'lone \uD800 surrogate']),
      title: hostileText(1_000),
      offsetMinutes: fc.integer({ min: 0, max: 3 * 24 * 60 }),
      minutes: fc.oneof(fc.constantFrom(0, 1, 24 * 60, MAX_SPAN_DAYS * 24 * 60), fc.integer({ min: 0, max: 600 })),
      dayShift: fc.constantFrom(0, 0, 0, -1, 1),
      roomId: ids(['r0', 'r1', 'nowhere']),
      speakerIds: fc.array(ids(['p0', 'p1', 'ghost']), { maxLength: 4 }),
      abstract: hostileText(10_000),
      cancelled: fc.boolean(),
    }),
    { maxLength: 40, size: 'large' },
  ),
  rooms: fc.oneof(fc.constantFrom(0, 1, 2_000), fc.integer({ min: 0, max: 12 })),
  roomName: hostileText(500),
  speakers: fc.array(fc.record({ id: ids(['p0', 'p1', 'p0']), name: hostileText(500), bio: hostileText(10_000) }), { maxLength: 6 }),
  tracks: fc.array(fc.record({ id: ids(['t0', 't0']), name: hostileText(500), color: fc.constantFrom('#f00', 'red;background:url(x)', '#12345678', '') }), { maxLength: 3 }),
  title: hostileText(1_000),
  emptyDays: fc.boolean(),
  announcements: fc.array(fc.record({ id: ids(['n0', 'n0']), text: hostileText(2_000) }), { maxLength: 3 }),
});

function build(s: Shape, id: string): Feed {
  const sessions: Session[] = s.sessions.map((x) => {
    const start = s.base + x.offsetMinutes * 60_000;
    const end = Math.max(start, Math.min(start + x.minutes * 60_000, LAST_INSTANT));
    const own = conferenceDayOf(start, s.zone);
    const shifted = addDays(own, x.dayShift);
    const day = isDayOfStart(shifted, formatInstant(start)) ? shifted : own;
    return {
      id: x.id, title: x.title, start: formatInstant(start), end: formatInstant(end), day, roomId: x.roomId, speakerIds: x.speakerIds,
      abstract: x.abstract, links: [{ url: 'https://example.org/stream', kind: 'stream' }], recordingOptOut: false, cancelled: x.cancelled,
    };
  });
  const days = sessions.map((x) => x.day).sort();
  const first = days[0] ?? formatInstant(s.base).slice(0, 10);
  const last = days[days.length - 1] ?? first;
  const feed: Feed = {
    lanyard: 1,
    revision: 'fuzz',
    conference: { id, title: s.title, timeZone: s.zone, start: first, end: last, days: s.emptyDays ? [] : dateRange(first, last), links: [] },
    rooms: Array.from({ length: s.rooms }, (_, i) => ({ id: `r${i % 997}`, name: i === 0 ? s.roomName : `${s.roomName.slice(0, 40)} ${i}`, links: [] })),
    tracks: s.tracks.map((t) => (t.color ? t : { id: t.id, name: t.name })),
    speakers: s.speakers.map((p) => ({ ...p, links: [] })),
    sessions,
    announcements: s.announcements.map((a, i) => ({ ...a, time: formatInstant(s.base + i * 60_000), severity: 'urgent', sessionIds: [], roomIds: [] })),
  };
  const checked = FeedSchema.safeParse(feed);
  if (!checked.success) throw new Error(`The generator made a conference the schema refuses: ${JSON.stringify(checked.error.issues[0])}`);
  return checked.data;
}

/** The extremes every run has, whatever the seed draws: the first conferences are pinned to them. */
const PINNED: ReadonlyArray<Partial<Shape>> = [
  { zone: 'Pacific/Kiritimati', base: LAST_DAY, rooms: 2_000 },
  { zone: 'Etc/GMT+12', base: FIRST_DAY, emptyDays: true },
  { zone: 'Pacific/Chatham', base: Date.UTC(2000, 1, 29) },
];

/** `count` hostile conferences, the same ones for the same seed; ids are `fuzz-0`, `fuzz-1`, … */
export function hostileConferences(count: number, seed: number): Feed[] {
  return fc.sample(shape, { numRuns: count, seed }).map((s, i) => build({ ...s, ...PINNED[i] }, `fuzz-${i}`));
}
