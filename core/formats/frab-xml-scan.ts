import type { WarningLog } from '../errors';
import { readBoundary, type Boundary } from '../time/days';
import type { OffsetSample } from '../time/infer';
import { parseClock, parseDateTime, parseLocalDate } from '../time/parse';
import { readFrabEvent, type FrabDay, type FrabEvent } from './frab-xml-event';
import { child, childText, type XmlElement } from './xml';

/** What `<conference>` says. */
export interface FrabConference {
  id: string | undefined;
  title: string | undefined;
  subtitle: string | undefined;
  venue: string | undefined;
  city: string | undefined;
  /** `<start>`/`<end>`: a date, or a date-time (the CCC hub writes them in UTC); read in the zone once it is known. */
  start: Boundary | undefined;
  end: Boundary | undefined;
  dayChangeMinutes: number | undefined;
  baseUrl: string | undefined;
  timeZoneName: string | undefined;
}

function readConference(conf: XmlElement | undefined, warnings: WarningLog): FrabConference {
  const text = (name: string): string | undefined => childText(conf, name);
  const where = conf ? `line ${conf.line} (conference)` : 'schedule';
  const date = (name: 'start' | 'end'): Boundary | undefined => {
    const raw = text(name);
    const parsed = readBoundary(raw);
    if (raw !== undefined && !parsed) {
      warnings.add('conference-date-unreadable', `The conference ${name} date "${raw.slice(0, 40)}" cannot be read; the days and sessions are used.`, where);
    }
    return parsed;
  };
  let dayChangeMinutes: number | undefined;
  const dayChange = text('day_change');
  if (dayChange !== undefined) {
    const clock = parseClock(dayChange);
    if (clock && clock.hours < 24) dayChangeMinutes = clock.hours * 60 + clock.minutes;
    else warnings.add('day-change-unreadable', `The day change "${dayChange.slice(0, 30)}" cannot be read; days change at midnight.`, where);
  }
  const baseUrl = text('base_url');
  return {
    id: text('acronym'),
    title: text('title'),
    subtitle: text('subtitle'),
    venue: text('venue'),
    city: text('city'),
    start: date('start'),
    end: date('end'),
    dayChangeMinutes,
    baseUrl: baseUrl && /^https?:\/\//i.test(baseUrl) ? baseUrl : undefined,
    timeZoneName: text('time_zone_name'),
  };
}

/** One event with the context it was found in. */
export interface Slot {
  ev: FrabEvent;
  day: FrabDay;
  /** `<room name=…>` of the enclosing room element, when there is one. */
  roomName: string | undefined;
  parsedDate: ReturnType<typeof parseDateTime>;
}

export interface Scan {
  slots: Slot[];
  /** Room names declared by `<room name=…>`, in order (some hold no event). */
  declaredRooms: string[];
  /** Offsets written on event `<date>`s (never the days' or conference's boundaries, which say nothing about the local zone). */
  samples: OffsetSample[];
  /** Every `<day>` in document order. */
  days: FrabDay[];
  /** Person ids the feed gives to more than one name. */
  unreliablePersonIds: Set<string>;
}

/**
 * Reads `<day>` → `<room>` → `<event>` (and FOSDEM 2007–2012's `<day>` → `<event>`), turning
 * every event into plain values and collecting what the time-zone decision and the people
 * need. It can run while the XML is being parsed (`onClose`), so that each event's elements
 * are dropped as soon as they are read instead of being kept for the whole import; or over
 * a finished tree (`finish` reads whatever events are still in it).
 */
export class FrabScanner {
  private readonly scan: Scan = { slots: [], declaredRooms: [], samples: [], days: [], unreliablePersonIds: new Set() };
  private readonly sampleKeys = new Set<string>();
  /** Person id → the name it was first seen with. */
  private readonly personNames = new Map<string, string>();
  private readonly days = new Map<XmlElement, FrabDay>();
  private conf: FrabConference | undefined;
  private streaming: boolean | undefined;
  private bare = 0;
  private firstBareLine = 0;

  /** `sourceUrl`: where the feed was fetched from, the base for relative links when `<base_url>` is missing. */
  constructor(
    private readonly warnings: WarningLog,
    private readonly sourceUrl?: string,
  ) {}

  conference(root: XmlElement): FrabConference {
    this.conf ??= readConference(child(root, 'conference'), this.warnings);
    return this.conf;
  }

  /**
   * For `parseXml`'s `onClose`: reads a finished `<event>` and lets the parser drop it.
   * Streaming starts only when `<conference>` came first (its base URL and day change are
   * needed to read events); otherwise the events stay in the tree for `finish`.
   */
  readonly onClose = (element: XmlElement, ancestors: readonly XmlElement[]): boolean => {
    if (element.name !== 'event' || this.streaming === false) return false;
    const [, root, dayEl, roomEl] = ancestors;
    if (!root || root.name !== 'schedule' || dayEl?.name !== 'day' || ancestors.length > 4 || (roomEl && roomEl.name !== 'room')) return false;
    if (this.streaming === undefined) this.streaming = child(root, 'conference') !== undefined;
    if (!this.streaming) return false;
    this.event(root, element, dayEl, roomEl);
    return true;
  };

  /** Reads the events still in the tree and everything days and rooms declare. */
  finish(root: XmlElement): Scan {
    for (const dayEl of root.children) {
      if (dayEl.name !== 'day') continue;
      this.day(root, dayEl);
      for (const c of dayEl.children) {
        if (c.name === 'room') {
          const roomName = c.attrs.name?.trim() || undefined;
          if (roomName) this.scan.declaredRooms.push(roomName);
          for (const e of c.children) if (e.name === 'event') this.event(root, e, dayEl, c);
        } else if (c.name === 'event') {
          this.event(root, c, dayEl, undefined);
        }
      }
    }
    if (this.bare > 0) {
      this.warnings.add(
        'event-outside-room',
        `${this.bare} event(s) sit directly under <day> with no <room> element (older Pentabarf exports); each event's own <room> is used.`,
        `line ${this.firstBareLine}`,
      );
    }
    return this.scan;
  }

  private addSample(parsed: ReturnType<typeof parseDateTime>): void {
    if (parsed?.epochMs === undefined || parsed.offsetMinutes === undefined) return;
    const key = `${parsed.epochMs}|${parsed.offsetMinutes}`;
    if (this.sampleKeys.has(key)) return;
    this.sampleKeys.add(key);
    this.scan.samples.push({ epochMs: parsed.epochMs, offsetMinutes: parsed.offsetMinutes });
  }

  private day(root: XmlElement, dayEl: XmlElement): FrabDay {
    const known = this.days.get(dayEl);
    if (known) return known;
    const conf = this.conference(root);
    const rawDate = dayEl.attrs.date?.trim();
    const date = rawDate ? parseLocalDate(rawDate) : undefined;
    if (!date) {
      this.warnings.add('day-date-unreadable', `A <day> has the date "${(rawDate ?? '').slice(0, 30)}", which cannot be read; its events need their own <date>.`, `line ${dayEl.line}`);
    }
    // A day's start and end are boundaries, often written in UTC: kept to be read in the zone, never taken as evidence of it.
    const day: FrabDay = {
      date,
      dayChangeMinutes: conf.dayChangeMinutes,
      start: dayEl.attrs.start === undefined ? undefined : parseDateTime(dayEl.attrs.start),
      end: dayEl.attrs.end === undefined ? undefined : parseDateTime(dayEl.attrs.end),
      starts: new Map(),
    };
    this.days.set(dayEl, day);
    this.scan.days.push(day);
    return day;
  }

  private event(root: XmlElement, element: XmlElement, dayEl: XmlElement, roomEl: XmlElement | undefined): void {
    const day = this.day(root, dayEl);
    if (!roomEl && this.bare++ === 0) this.firstBareLine = element.line;
    const ev = readFrabEvent(element, this.conference(root).baseUrl ?? this.sourceUrl, this.warnings);
    const parsedDate = ev.date === undefined ? undefined : parseDateTime(ev.date);
    this.addSample(parsedDate);
    this.scan.slots.push({ ev, day, roomName: roomEl?.attrs.name?.trim() || undefined, parsedDate });
    for (const p of ev.people) this.person(p.id, p.name, ev.where);
  }

  private person(id: string | undefined, rawName: string, where: string): void {
    if (!id || id === '0') return;
    const known = this.personNames.get(id);
    if (known === undefined) {
      this.personNames.set(id, rawName);
      return;
    }
    if (known === rawName || this.scan.unreliablePersonIds.has(id)) return;
    const first = known.replace(/\s+/g, ' ').trim();
    const name = rawName.replace(/\s+/g, ' ').trim();
    if (name && first.toLowerCase() !== name.toLowerCase()) {
      this.scan.unreliablePersonIds.add(id);
      this.warnings.add(
        'person-id-conflict',
        `The person id ${id} is given to different people ("${first.slice(0, 60)}", "${name.slice(0, 60)}"); people with it are told apart by name.`,
        where,
      );
    }
  }
}
