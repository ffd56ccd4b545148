import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The XSS corpus and the feeds that carry it: every payload in every text field a feed can
 * carry, in every import format. Shared by the unit test (imported model is sanitised) and
 * the end-to-end test (nothing runs in the real app).
 */

const PAYLOAD_FILE = fileURLToPath(new URL('../../fixtures/xss/payloads.txt', import.meta.url));

/** The corpus with `{n}` still in place, in file order; payload number = index + 1. */
export function payloadTemplates(): string[] {
  return readFileSync(PAYLOAD_FILE, 'utf8').split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
}

/** Payload n, calling `__xssHit(n)` if it ever runs. */
export function payload(templates: readonly string[], n: number): string {
  return templates[n - 1]!.replaceAll('{n}', String(n));
}

/** Hostile values for URL fields; the link's title says which payload it belongs to. */
const URL_TEMPLATES = [
  'javascript:__xssHit({n})',
  'JavaScript:__xssHit({n})',
  ' javascript:__xssHit({n})',
  'java\tscript:__xssHit({n})',
  'javascript://example.org/%0A__xssHit({n})',
  'data:text/html,<script>__xssHit({n})</script>',
  'data:text/html;base64,PHNjcmlwdD5fX3hzc0hpdCgxKTwvc2NyaXB0Pg==#{n}',
  'vbscript:__xssHit({n})',
  'file:///etc/passwd#{n}',
  'https://example.org/"><script>__xssHit({n})</script>',
  'https://example.org/#"onmouseover="__xssHit({n})',
  '//evil.example/{n}',
  'not a url <img src=x onerror=__xssHit({n})>',
];

function hostileUrl(n: number): string {
  return URL_TEMPLATES[n % URL_TEMPLATES.length]!.replaceAll('{n}', String(n));
}

/** The text fields one session (with its speaker, room and track) carries: each gets the batch's payloads. */
interface Carrier {
  /** Distinct, searchable marker for this session, e.g. "Pxss12". */
  marker: string;
  /** The payloads' numbers. */
  ids: number[];
  /** The payloads joined, for rich-text fields. */
  html: string;
  /** The payloads joined on one line, for one-line fields. */
  line: string;
  url: string;
}

export type XssFormat = 'lanyard' | 'frab-xml' | 'frab-json' | 'pretalx-widget' | 'sessionize' | 'ical' | 'xcal';
export const XSS_FORMATS: readonly XssFormat[] = ['lanyard', 'frab-xml', 'frab-json', 'pretalx-widget', 'sessionize', 'ical', 'xcal'];

export interface XssFeed {
  format: XssFormat;
  fileName: string;
  text: string;
  carriers: Carrier[];
  /** Every payload number this feed carries. */
  ids: number[];
}

const DAY = '2030-05-02';

function carriers(templates: readonly string[], ids: readonly number[], perSession: number): Carrier[] {
  const out: Carrier[] = [];
  for (let i = 0; i < ids.length; i += perSession) {
    const batch = ids.slice(i, i + perSession);
    const marker = `Pxss${batch[0]}`;
    const texts = batch.map((n) => payload(templates, n));
    out.push({ marker, ids: batch, html: `${marker} ${texts.join('\n\n')}`, line: `${marker} ${texts.join(' ')}`, url: hostileUrl(batch[0]!) });
  }
  return out;
}

const time = (k: number, minutes: number): string => {
  const total = 9 * 60 + k * 5 + minutes;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
};

const xml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** RFC 5545 TEXT escaping, folded at 70 characters. */
function icsLine(name: string, value: string, isText = true): string {
  const escaped = isText ? value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n') : value.replace(/\r?\n/g, ' ');
  const line = `${name}:${escaped}`;
  const parts: string[] = [];
  for (let i = 0; i < line.length; i += 70) parts.push((i === 0 ? '' : ' ') + line.slice(i, i + 70));
  return parts.join('\r\n');
}

function lanyard(cs: Carrier[], id: string): string {
  const head = cs[0]!;
  return JSON.stringify({
    lanyard: 1,
    revision: 'r1',
    conference: {
      id,
      title: `XSS ${id} ${head.line}`.slice(0, 1000),
      subtitle: head.line.slice(0, 1000),
      description: head.html,
      url: head.url,
      timeZone: 'Europe/Brussels',
      start: DAY,
      end: DAY,
      days: [DAY],
      venue: { name: head.line.slice(0, 500), city: head.line.slice(0, 200), url: head.url },
      links: [{ url: head.url, title: head.line.slice(0, 500), kind: 'stream' }, { url: 'https://example.org/live', title: head.line.slice(0, 500), kind: 'hallway' }],
      codeOfConduct: { url: head.url, text: head.line, contacts: [{ name: head.line.slice(0, 500), email: head.line.slice(0, 500), url: head.url }] },
    },
    rooms: cs.map((c, k) => ({ id: `r${k}`, name: c.line.slice(0, 500), description: c.html.slice(0, 10_000), links: [{ url: c.url, title: c.line.slice(0, 500), kind: 'stream' }, { url: 'https://example.org/room', title: c.line.slice(0, 500), kind: 'stream' }] })),
    tracks: cs.map((c, k) => ({ id: `t${k}`, name: c.line.slice(0, 500), color: c.line.slice(0, 50) })),
    speakers: cs.map((c, k) => ({ id: `p${k}`, name: c.line.slice(0, 500), bio: c.html, photoUrl: c.url, links: [{ url: c.url, title: c.line.slice(0, 500), kind: 'other' }, { url: 'https://example.org/me', title: c.line.slice(0, 500), kind: 'other' }] })),
    sessions: cs.map((c, k) => ({
      id: `s${k}`,
      title: c.line.slice(0, 1000),
      subtitle: c.line.slice(0, 1000),
      abstract: c.html,
      description: c.html,
      start: `${DAY}T${time(k, 0)}:00Z`,
      end: `${DAY}T${time(k, 4)}:00Z`,
      day: DAY,
      roomId: `r${k}`,
      trackId: `t${k}`,
      type: c.line.slice(0, 200),
      language: c.line.slice(0, 50),
      speakerIds: [`p${k}`],
      links: [{ url: c.url, title: c.line.slice(0, 500), kind: 'slides' }, { url: `https://example.org/s${k}`, title: c.line.slice(0, 500), kind: 'recording' }],
    })),
    announcements: cs.map((c, k) => ({ id: `a${k}`, time: `${DAY}T08:00:00Z`, severity: 'urgent', text: c.line.slice(0, 2000), sessionIds: [`s${k}`] })),
  });
}

function frabXml(cs: Carrier[], id: string): string {
  const head = cs[0]!;
  const rooms = cs.map((c, k) => `<room name="${xml(c.line)}"><event guid="00000000-0000-4000-8000-${String(k).padStart(12, '0')}" id="${k + 1}">
<date>${DAY}T${time(k, 0)}:00+02:00</date><start>${time(k, 0)}</start><duration>00:04</duration><room>${xml(c.line)}</room>
<slug>${xml(c.line)}</slug><url>${xml(c.url)}</url><title>${xml(c.line)}</title><subtitle>${xml(c.line)}</subtitle><track>${xml(c.line)}</track>
<type>${xml(c.line)}</type><language>${xml(c.line)}</language><abstract>${xml(c.html)}</abstract><description>${xml(c.html)}</description>
<persons><person id="${k + 1}">${xml(c.line)}</person></persons>
<links><link href="${xml(c.url)}">${xml(c.line)}</link><link href="https://example.org/s${k}">${xml(c.line)}</link></links>
</event></room>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<schedule><version>r1</version><conference><acronym>${id}</acronym><title>XSS ${id} ${xml(head.line)}</title><subtitle>${xml(head.line)}</subtitle>
<venue>${xml(head.line)}</venue><city>${xml(head.line)}</city><start>${DAY}</start><end>${DAY}</end><days>1</days><timeslot_duration>00:05</timeslot_duration>
<time_zone_name>Europe/Berlin</time_zone_name><base_url>https://example.org/</base_url></conference>
<day index="1" date="${DAY}" start="${DAY}T08:00:00+02:00" end="${DAY}T23:00:00+02:00">
${rooms}
</day></schedule>
`;
}

function frabJson(cs: Carrier[], id: string): string {
  const head = cs[0]!;
  const event = (c: Carrier, k: number) => ({
    guid: `00000000-0000-4000-9000-${String(k).padStart(12, '0')}`,
    id: k + 1,
    date: `${DAY}T${time(k, 0)}:00+02:00`,
    start: time(k, 0),
    duration: '00:04',
    room: c.line,
    slug: c.line,
    url: c.url,
    title: c.line,
    subtitle: c.line,
    track: c.line,
    type: c.line,
    language: c.line,
    abstract: c.html,
    description: c.html,
    persons: [{ id: k + 1, public_name: c.line, biography: c.html, avatar: c.url, url: c.url, links: [{ url: c.url, title: c.line }] }],
    links: [{ url: c.url, title: c.line }, { url: `https://example.org/s${k}`, title: c.line }],
    attachments: [{ url: c.url, title: c.line }],
    feedback_url: c.url,
  });
  return JSON.stringify({
    $schema: 'https://c3voc.de/schedule/schema.json',
    generator: {},
    schedule: {
      version: 'r1',
      base_url: 'https://example.org/',
      conference: {
        acronym: id,
        title: `XSS ${id} ${head.line}`,
        start: `${DAY}T08:00:00+02:00`,
        end: `${DAY}T23:00:00+02:00`,
        daysCount: 1,
        timeslot_duration: '00:05',
        time_zone_name: 'Europe/Berlin',
        url: head.url,
        rooms: cs.map((c, k) => ({ name: c.line, guid: `00000000-0000-4000-a000-${String(k).padStart(12, '0')}`, description: c.html, stream: c.url, url: c.url, links: [{ url: c.url, title: c.line }] })),
        tracks: cs.map((c) => ({ name: c.line, slug: c.line, color: c.line })),
        days: [{ index: 0, date: DAY, day_start: `${DAY}T08:00:00+02:00`, day_end: `${DAY}T23:00:00+02:00`, rooms: Object.fromEntries(cs.map((c, k) => [c.line, [event(c, k)]])) }],
      },
    },
  });
}

function pretalxWidget(cs: Carrier[], id: string): string {
  const head = cs[0]!;
  return JSON.stringify({
    version: 'r1',
    event_name: `XSS ${id} ${head.line}`,
    event_slug: id,
    event_start: DAY,
    event_end: DAY,
    timezone: 'Europe/Berlin',
    url: head.url,
    content_locales: ['en'],
    rooms: cs.map((c, k) => ({ id: k + 1, name: { en: c.line }, description: { en: c.html } })),
    tracks: cs.map((c, k) => ({ id: k + 1, name: { en: c.line }, color: c.line })),
    speakers: cs.map((c, k) => ({ code: `SPK${k}`, name: c.line, biography: c.html, avatar: c.url })),
    talks: cs.map((c, k) => ({
      code: `TLK${k}`,
      id: k + 1,
      title: c.line,
      abstract: c.html,
      description: c.html,
      speakers: [`SPK${k}`],
      track: k + 1,
      room: k + 1,
      start: `${DAY}T${time(k, 0)}:00+02:00`,
      end: `${DAY}T${time(k, 4)}:00+02:00`,
      duration: 4,
      session_type: { en: c.line },
      content_locale: c.line,
      stream_url: c.url,
      resources: [{ resource: c.url, description: c.line }, { resource: `https://example.org/s${k}`, description: c.line }],
    })),
  });
}

function sessionize(cs: Carrier[]): string {
  return JSON.stringify({
    sessions: cs.map((c, k) => ({
      id: String(900000 + k),
      title: c.line,
      description: c.html,
      startsAt: `${DAY}T${time(k, 0)}:00`,
      endsAt: `${DAY}T${time(k, 4)}:00`,
      isServiceSession: false,
      isPlenumSession: false,
      speakers: [`00000000-0000-4000-b000-${String(k).padStart(12, '0')}`],
      categoryItems: [7000 + k],
      questionAnswers: [{ questionId: 1, answerValue: c.url }],
      roomId: 6000 + k,
      liveUrl: c.url,
      recordingUrl: c.url,
      status: 'Accepted',
    })),
    speakers: cs.map((c, k) => ({
      id: `00000000-0000-4000-b000-${String(k).padStart(12, '0')}`,
      firstName: c.line,
      lastName: c.line,
      fullName: c.line,
      bio: c.html,
      tagLine: c.line,
      profilePicture: c.url,
      sessions: [900000 + k],
      links: [{ title: c.line, url: c.url, linkType: 'Blog' }, { title: c.line, url: 'https://example.org/me', linkType: 'Other' }],
      questionAnswers: [],
      categoryItems: [],
    })),
    questions: [{ id: 1, question: 'Slides', questionType: 'Web_Url', sort: 1 }],
    categories: [{ id: 700, title: 'Track', items: cs.map((c, k) => ({ id: 7000 + k, name: c.line, sort: k })), sort: 0, type: 'session' }],
    rooms: cs.map((c, k) => ({ id: 6000 + k, name: c.line, sort: k })),
  });
}

function ical(cs: Carrier[], id: string): string {
  const head = cs[0]!;
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Lanyard tests//XSS//EN', icsLine('X-WR-CALNAME', `XSS ${id} ${head.line}`), icsLine('X-WR-CALDESC', head.html), 'X-WR-TIMEZONE:Europe/Berlin', icsLine('URL', head.url, false)];
  cs.forEach((c, k) => {
    lines.push('BEGIN:VEVENT', `UID:xss-${k}@example.org`, `DTSTAMP:20300101T000000Z`, `DTSTART;TZID=Europe/Berlin:${DAY.replace(/-/g, '')}T${time(k, 0).replace(':', '')}00`, `DTEND;TZID=Europe/Berlin:${DAY.replace(/-/g, '')}T${time(k, 4).replace(':', '')}00`,
      icsLine('SUMMARY', c.line), icsLine('DESCRIPTION', c.html), icsLine('LOCATION', c.line), icsLine('CATEGORIES', c.line), icsLine('X-PENTABARF-SUBTITLE', c.line), icsLine('URL', c.url, false),
      icsLine(`ATTENDEE;ROLE=REQ-PARTICIPANT;CN="${c.line.replace(/"/g, "'").replace(/[\r\n]/g, ' ')}"`, 'mailto:speaker@example.org', false), 'END:VEVENT');
  });
  lines.push('END:VCALENDAR', '');
  return lines.join('\r\n');
}

function xcal(cs: Carrier[], id: string): string {
  const head = cs[0]!;
  const dt = (k: number, m: number) => `${DAY}T${time(k, m)}:00`;
  const events = cs.map((c, k) => `<vevent><properties>
<uid><text>xss-${k}@example.org</text></uid>
<dtstart><parameters><tzid><text>Europe/Berlin</text></tzid></parameters><date-time>${dt(k, 0)}</date-time></dtstart>
<dtend><parameters><tzid><text>Europe/Berlin</text></tzid></parameters><date-time>${dt(k, 4)}</date-time></dtend>
<summary><text>${xml(c.line)}</text></summary><description><text>${xml(c.html)}</text></description>
<location><text>${xml(c.line)}</text></location><categories><text>${xml(c.line)}</text></categories>
<url><uri>${xml(c.url)}</uri></url>
<attendee><parameters><cn><text>${xml(c.line)}</text></cn></parameters><cal-address>mailto:speaker@example.org</cal-address></attendee>
</properties></vevent>`).join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<icalendar xmlns="urn:ietf:params:xml:ns:icalendar-2.0"><vcalendar><properties>
<prodid><text>-//Lanyard tests//XSS//EN</text></prodid><version><text>2.0</text></version>
<x-wr-calname><unknown>XSS ${id} ${xml(head.line)}</unknown></x-wr-calname><x-wr-caldesc><unknown>${xml(head.html)}</unknown></x-wr-caldesc>
<x-wr-timezone><unknown>Europe/Berlin</unknown></x-wr-timezone>
</properties><components>
${events}
</components></vcalendar></icalendar>
`;
}

const EXTENSIONS: Record<XssFormat, string> = { lanyard: 'json', 'frab-xml': 'xml', 'frab-json': 'json', 'pretalx-widget': 'json', sessionize: 'json', ical: 'ics', xcal: 'xcal' };

/**
 * One feed per format carrying the payloads `ids` (all of them by default), `perSession`
 * payloads to a session: each goes into every text field of that session, its speaker,
 * room, track and links, and (for the first batch) the conference's own fields.
 */
export function xssFeeds(options: { ids?: number[]; perSession?: number; formats?: readonly XssFormat[] } = {}): XssFeed[] {
  const templates = payloadTemplates();
  const ids = options.ids ?? templates.map((_, i) => i + 1);
  const cs = carriers(templates, ids, options.perSession ?? 1);
  return (options.formats ?? XSS_FORMATS).map((format) => {
    const id = `xss-${format}`;
    const text = format === 'lanyard' ? lanyard(cs, id) : format === 'frab-xml' ? frabXml(cs, id) : format === 'frab-json' ? frabJson(cs, id) : format === 'pretalx-widget' ? pretalxWidget(cs, id) : format === 'sessionize' ? sessionize(cs) : format === 'ical' ? ical(cs, id) : xcal(cs, id);
    return { format, fileName: `${id}.${EXTENSIONS[format]}`, text, carriers: cs, ids };
  });
}
