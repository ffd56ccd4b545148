import { expect, it } from 'vitest';
import { importFeed, type FormatId } from '../../../core/formats/index';
import type { Feed, Session } from '../../../core/model/schema';
import { htmlToText } from '../../../core/text/html';
import { describeCorpus, readCorpus } from '../support/corpus';

/**
 * Every conference the corpus has in several formats, read from each: the Lanyard model
 * must be the same whatever format it came from. Sessions are paired by a key each format
 * can give (the frab guid, or the pretalx submission code); then instants, duration,
 * room, conference day, title, speakers (names, and bios where both formats carry them)
 * and links are compared field by field. Every disagreement is printed (format pair,
 * session, field, both values) and fails the test.
 *
 * Exceptions, each because a format cannot carry the field (never to hide a disagreement):
 * - iCalendar and xCal carry no speaker bios, and only one link: the session's own page
 *   (URL). For them, links are checked as "their one link is among the other's links".
 * - frab XML persons and pretalx widget speakers carry no bios either; schedule.json does
 *   (36C3 stages, DemoCon), and frab's speakers.json does for 33C3's XML and JSON alike.
 *   Bios are compared wherever two sources carry them: 33C3 XML ↔ JSON, both with
 *   speakers.json; 36C3 and DemoCon have no second source with bios.
 * - pretalx's widget v2 carries no links at all (no page URL, no resources in DemoCon).
 * - 33C3's XML and JSON give no event page (`<url>`, "url") at all, so the ICS's and
 *   xCal's page link is compared between those two only. The ICS writes it `http://`,
 *   the xCal `//host/…` (scheme-relative, read as https): the page is compared without
 *   its scheme there.
 * - the pretalx DemoCon JSON, XML and xCal leave out one talk scheduled outside the
 *   event's dates, which the widget and the ICS keep (corpus README); only that one
 *   talk may be missing, and only from those three formats.
 * - the files themselves differ in one place (listed in `sourceDiffers`, each checked by
 *   hand in the corpus): the 35C3 JSON gives event 9898 `"attachments": []` where the XML
 *   of the same snapshot lists its slides.
 * - 33C3's xCal and DemoCon's xCal give floating times and no zone at all: a subscriber
 *   picks the zone when subscribing, so they are read with the zone the other formats
 *   declare (Europe/Berlin), as the app asks the subscriber to.
 */

interface Source {
  file: string;
  timeZone?: string;
  /** Companion documents (frab's speakers.json), as lanyard-feed's `--with` gives them. */
  companions?: string[];
  /** The source carries speaker bios (schedule.json, or any frab format with its speakers.json). */
  bios?: boolean;
}

interface Conference {
  name: string;
  sources: Partial<Record<FormatId, Source>>;
  /** The key that pairs a session across formats. */
  key: (format: FormatId, session: Session, feed: Feed) => string | undefined;
  /** False when the XML and JSON give no event page, so only the calendar formats' page links can be compared. */
  hasPageLinks?: boolean;
  /** Where the corpus files themselves say different things: session key, field, why. */
  sourceDiffers?: Array<{ session: string; field: string; why: string }>;
  /** Keys allowed to be missing from a format, each with the reason. */
  mayLack?: Partial<Record<FormatId, { keys: string[]; why: string }>>;
}

/** The pretalx submission code, from the event page URL, the ICS/xCal UID or the widget's id. */
function pretalxCode(format: FormatId, session: Session): string | undefined {
  if (format === 'pretalx-widget') return session.sourceId;
  if (format === 'ical') return /^pretalx-[^-]+-([A-Z0-9]+)@/.exec(session.guid ?? '')?.[1];
  if (format === 'xcal') return /^([A-Z0-9]+)@/.exec(session.guid ?? '')?.[1];
  for (const link of session.links) {
    const code = /\/talk\/([A-Z0-9]+)\/?$/.exec(link.url)?.[1];
    if (code) return code;
  }
  return undefined;
}

/** frab's guid; its ICS writes it as the UID with `@frab.cccv.de`; its xCal only has the event id. */
function frabKey(xcalIds: () => Map<string, string>) {
  return (format: FormatId, session: Session): string | undefined => {
    if (format === 'ical') return session.guid?.replace(/@frab\.cccv\.de$/, '');
    if (format === 'xcal') return xcalIds().get(/^(\d+)@/.exec(session.guid ?? '')?.[1] ?? '');
    return session.guid;
  };
}

const feeds = new Map<string, Feed>();
function load(source: Source): Feed {
  const cacheKey = `${source.file}|${source.timeZone ?? ''}|${(source.companions ?? []).join(',')}`;
  let feed = feeds.get(cacheKey);
  if (!feed) {
    const companions = (source.companions ?? []).map((file) => readCorpus(file));
    feed = importFeed(readCorpus(source.file), { companions, ...(source.timeZone ? { timeZone: source.timeZone } : {}) }).feed;
    feeds.set(cacheKey, feed);
  }
  return feed;
}

/** Event id → guid, from the frab XML of the same snapshot (the xCal UID holds the id). */
function idsFrom(file: string): () => Map<string, string> {
  return () => new Map(load({ file }).sessions.flatMap((s) => (s.sourceId && s.guid ? [[s.sourceId, s.guid] as const] : [])));
}

const DEMOCON = 'pretalx/democon-export-2022/';
const CONFERENCES: Conference[] = [
  {
    name: '33C3',
    sources: {
      // frab publishes bios in speakers.json beside the schedule: with it, XML and JSON both carry them.
      'frab-xml': { file: 'ccc/33c3/schedule.xml', companions: ['ccc/33c3/speakers.json'], bios: true },
      'frab-json': { file: 'ccc/33c3/schedule.json', companions: ['ccc/33c3/speakers.json'], bios: true },
      ical: { file: 'ccc/33c3/schedule.ics' },
      xcal: { file: 'ccc/33c3/schedule.xcal', timeZone: 'Europe/Berlin' },
    },
    key: frabKey(idsFrom('ccc/33c3/schedule.xml')),
    hasPageLinks: false,
  },
  {
    name: '35C3',
    sources: { 'frab-xml': { file: 'ccc/35c3-schedule.xml' }, 'frab-json': { file: 'ccc/35c3-schedule.json' } },
    key: (_format, session) => session.guid,
    sourceDiffers: [
      { session: '020051ff-2594-46ce-b92a-0786743e4624', field: 'links', why: 'the JSON lists no attachment for event 9898; the XML lists its slides PDF' },
    ],
  },
  {
    name: '36C3 stages',
    sources: { 'frab-xml': { file: 'ccc/36c3/stages.schedule.xml' }, 'frab-json': { file: 'ccc/36c3/stages.schedule.json' } },
    key: (_format, session) => session.guid,
  },
  {
    name: 'rC3 2020',
    sources: { 'frab-xml': { file: 'ccc/rc3-2020-schedule.xml' }, 'frab-json': { file: 'ccc/rc3-2020-schedule.json' } },
    key: (_format, session) => session.guid,
  },
  {
    name: 'pretalx DemoCon',
    sources: {
      'frab-xml': { file: `${DEMOCON}schedule-export-schedule.xml` },
      'frab-json': { file: `${DEMOCON}schedule-export-schedule.json`, bios: true },
      ical: { file: `${DEMOCON}schedule-export-schedule.ics` },
      xcal: { file: `${DEMOCON}schedule-export-schedule.xcal`, timeZone: 'Europe/Berlin' },
      'pretalx-widget': { file: `${DEMOCON}schedule-widget-v2.json` },
    },
    key: pretalxCode,
    mayLack: {
      'frab-xml': { keys: ['HEMUKA'], why: 'pretalx leaves a talk outside the event dates out of its XML export' },
      'frab-json': { keys: ['HEMUKA'], why: 'pretalx leaves a talk outside the event dates out of its JSON export' },
      xcal: { keys: ['HEMUKA'], why: 'pretalx leaves a talk outside the event dates out of its xCal export' },
    },
  },
];

/** What each format can say about a session, as plain comparable values. */
interface View {
  start: string;
  end: string;
  minutes: number;
  day: string;
  room: string | undefined;
  title: string;
  speakers: string;
  bios: string;
  links: string[];
}

/** Formats whose only link is the session's own page (URL). */
const PAGE_LINK_ONLY = new Set<FormatId>(['ical', 'xcal']);
const NO_LINKS = new Set<FormatId>(['pretalx-widget']);

function viewOf(session: Session, feed: Feed): View {
  const people = session.speakerIds.map((id) => feed.speakers.find((s) => s.id === id)!);
  const names = people.map((p) => p.name).sort();
  const room = feed.rooms.find((r) => r.id === session.roomId)?.name;
  return {
    start: session.start,
    end: session.end,
    minutes: (Date.parse(session.end) - Date.parse(session.start)) / 60_000,
    day: session.day,
    room,
    title: session.title,
    speakers: names.join(' | '),
    bios: people
      .map((p) => `${p.name}: ${p.bio ? htmlToText(p.bio).replace(/\s+/g, ' ') : '(none)'}`)
      .sort()
      .join(' | '),
    links: session.links.map((l) => l.url).sort(),
  };
}

interface Disagreement {
  pair: string;
  session: string;
  field: string;
  a: unknown;
  b: unknown;
}

function compare(conf: Conference): Disagreement[] {
  const out: Disagreement[] = [];
  const formats = Object.keys(conf.sources) as FormatId[];
  const views = new Map<FormatId, Map<string, View>>();
  for (const format of formats) {
    const feed = load(conf.sources[format]!);
    const byKey = new Map<string, View>();
    for (const session of feed.sessions) {
      const key = conf.key(format, session, feed);
      if (key === undefined) {
        out.push({ pair: format, session: session.id, field: 'key', a: 'no key', b: session.title });
        continue;
      }
      if (byKey.has(key)) out.push({ pair: format, session: key, field: 'key', a: 'used twice', b: session.title });
      byKey.set(key, viewOf(session, feed));
    }
    views.set(format, byKey);
  }
  for (let i = 0; i < formats.length; i += 1) {
    for (let j = i + 1; j < formats.length; j += 1) {
      const [fa, fb] = [formats[i]!, formats[j]!];
      const pair = `${fa} ↔ ${fb}`;
      const [za, zb] = [load(conf.sources[fa]!).conference.timeZone, load(conf.sources[fb]!).conference.timeZone];
      if (za !== zb) out.push({ pair, session: '(conference)', field: 'time zone', a: za, b: zb });
      const [va, vb] = [views.get(fa)!, views.get(fb)!];
      for (const key of new Set([...va.keys(), ...vb.keys()])) {
        const a = va.get(key);
        const b = vb.get(key);
        if (!a || !b) {
          const lacking = a ? fb : fa;
          if (!conf.mayLack?.[lacking]?.keys.includes(key)) {
            out.push({ pair, session: key, field: 'present', a: a ? 'yes' : 'missing', b: b ? 'yes' : 'missing' });
          }
          continue;
        }
        for (const field of ['start', 'end', 'minutes', 'day', 'room', 'title', 'speakers'] as const) {
          if (a[field] !== b[field]) out.push({ pair, session: key, field, a: a[field], b: b[field] });
        }
        if (conf.sources[fa]!.bios && conf.sources[fb]!.bios && a.bios !== b.bios) {
          out.push({ pair, session: key, field: 'bios', a: a.bios, b: b.bios });
        }
        if (NO_LINKS.has(fa) || NO_LINKS.has(fb)) continue;
        if (PAGE_LINK_ONLY.has(fa) && PAGE_LINK_ONLY.has(fb)) {
          const page = (links: string[]) => links.map((url) => url.replace(/^https?:/, '')).join(' ');
          if (page(a.links) !== page(b.links)) out.push({ pair, session: key, field: 'page link', a: a.links, b: b.links });
        } else if (PAGE_LINK_ONLY.has(fa) || PAGE_LINK_ONLY.has(fb)) {
          if (conf.hasPageLinks === false) continue;
          const [few, many] = PAGE_LINK_ONLY.has(fa) ? [a.links, b.links] : [b.links, a.links];
          if (few.some((url) => !many.includes(url))) out.push({ pair, session: key, field: 'page link', a: a.links, b: b.links });
        } else if (a.links.join(' ') !== b.links.join(' ')) {
          out.push({ pair, session: key, field: 'links', a: a.links, b: b.links });
        }
      }
    }
  }
  return out.filter((d) => !conf.sourceDiffers?.some((known) => known.session === d.session && known.field === d.field));
}

describeCorpus('the same conference in every format it is published in', () => {
  for (const conf of CONFERENCES) {
    it(`${conf.name}: ${Object.keys(conf.sources).join(', ')} agree on every session`, () => {
      const found = compare(conf);
      if (found.length > 0) {
        const lines = found.slice(0, 60).map((d) => `  ${d.pair}  ${d.session}  ${d.field}: ${JSON.stringify(d.a)} ≠ ${JSON.stringify(d.b)}`);
        console.log(`${conf.name}: ${found.length} disagreement(s)\n${lines.join('\n')}${found.length > 60 ? '\n  …' : ''}`);
      }
      expect(found).toEqual([]);
    });
  }
});
