import ICAL from 'ical.js';
import { FeedError, type WarningLog } from '../errors';
import { FeedBuilder } from '../feed/builder';
import { resolveFeedHref } from '../feed/href';
import { makeLink } from '../feed/links';
import { LIMITS } from '../limits';
import type { Feed } from '../model/schema';
import { resolveTimeZone, type OffsetSample } from '../time/infer';
import { formatInstant, isValidTimeZone, wallTimeToInstant } from '../time/zone';
import type { TextMarkup } from '../text/html';
import { calendarDays, inferDayChangeMinutes } from './calendar-days';
import type { ImportContext } from './context';
import { splitSummary } from './ical-summary';
import { generatorMarkup } from './markup';
import { RecurrenceBudget, withStepBudget } from './ical-recurrence';
import { messageOf, parseCalendarText, type LineIndex } from './ical-text';

type Component = ICAL.Component;
type Property = ICAL.Property;
type Time = ICAL.Time;
/** The IANA zone a TZID names, also when it carries a vendor prefix (`/mozilla.org/…/Europe/Berlin`). */
function ianaZone(tzid: string | undefined): string | undefined {
  const name = tzid?.trim().replace(/^"|"$/g, '');
  if (!name) return undefined;
  if (isValidTimeZone(name)) return name;
  const parts = name.split('/');
  for (let k = Math.min(3, parts.length - 1); k >= 2; k -= 1) {
    const candidate = parts.slice(-k).join('/');
    if (isValidTimeZone(candidate)) return candidate;
  }
  return undefined;
}

function textOf(comp: Component, name: string): string | undefined {
  const prop = comp.getFirstProperty(name);
  const value = prop?.getFirstValue();
  if (!prop || value === null || value === undefined) return undefined;
  let text = typeof value === 'string' ? value : value.toString();
  // ical.js leaves values of unknown type (X-WR-CALNAME, …) escaped; they are TEXT in practice.
  if (prop.type === 'unknown') text = text.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
  return text.trim() || undefined;
}

const firstOf = (calendars: Component[], name: string): string | undefined =>
  calendars.map((c) => textOf(c, name)).find((v) => v !== undefined);

type TimeRef = { kind: 'utc' | 'ical' | 'date' } | { kind: 'iana'; zone: string } | { kind: 'floating'; tzid?: string };

function refOf(prop: Property, time: Time): TimeRef {
  if (time.isDate) return { kind: 'date' };
  if (time.zone?.tzid === 'UTC') return { kind: 'utc' };
  const tzid = prop.getFirstParameter('tzid') as string | undefined;
  if (!tzid) return { kind: 'floating' };
  const zone = ianaZone(tzid);
  if (zone) return { kind: 'iana', zone };
  if (time.zone && time.zone !== ICAL.Timezone.localTimezone) return { kind: 'ical' };
  return { kind: 'floating', tzid };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Turns ical.js times into instants: IANA zones from the runtime's data, floating times in the conference zone. */
class Clock {
  floating = 0;
  readonly unknownZones = new Set<string>();
  constructor(readonly zone: string) {}

  at(time: Time, ref: TimeRef): number {
    const date = `${pad(time.year, 4)}-${pad(time.month)}-${pad(time.day)}`;
    const clock = time.isDate ? '00:00:00' : `${pad(time.hour)}:${pad(time.minute)}:${pad(time.second)}`;
    let ms: number;
    if (ref.kind === 'utc') ms = Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second);
    else if (ref.kind === 'iana') ms = wallTimeToInstant(date, clock, ref.zone);
    else if (ref.kind === 'ical') ms = time.toUnixTime() * 1000;
    else {
      if (ref.kind === 'floating' && ref.tzid) this.unknownZones.add(ref.tzid);
      ms = wallTimeToInstant(date, clock, this.zone);
    }
    if (!Number.isFinite(ms) || time.year < 1900 || time.year > 2200) throw new Error(`the time ${date} ${clock} is not usable`);
    return ms;
  }

  span(event: ICAL.Event): { start: number; end: number } {
    const startProp = event.component.getFirstProperty('dtstart');
    if (!startProp) throw new Error('it has no DTSTART');
    const startTime = event.startDate;
    const ref = refOf(startProp, startTime);
    if (ref.kind === 'floating' && !ref.tzid) this.floating += 1;
    const start = this.at(startTime, ref);
    const endProp = event.component.getFirstProperty('dtend');
    if (endProp) return { start, end: this.at(event.endDate, refOf(endProp, event.endDate)) };
    if (event.component.hasProperty('duration')) return { start, end: start + event.duration.toSeconds() * 1000 };
    return { start, end: startTime.isDate ? start + 86_400_000 : start };
  }
}

/** The conference zone: X-WR-TIMEZONE, else the IANA zone most DTSTARTs use, else a VTIMEZONE's, else inferred. */
function conferenceZone(calendars: Component[], events: Component[], ctx: ImportContext): string {
  const uses = new Map<string, number>();
  const samples: OffsetSample[] = [];
  for (const event of events) {
    const prop = event.getFirstProperty('dtstart');
    const tzid = prop?.getFirstParameter('tzid');
    if (!prop || !tzid) continue;
    const zone = ianaZone(tzid);
    if (zone) uses.set(zone, (uses.get(zone) ?? 0) + 1);
    else if (samples.length < 100) {
      try {
        const time = prop.getFirstValue();
        if (time instanceof ICAL.Time && refOf(prop, time).kind === 'ical') {
          samples.push({ epochMs: time.toUnixTime() * 1000, offsetMinutes: time.utcOffset() / 60 });
        }
      } catch {
        // the event itself reports the problem
      }
    }
  }
  const byUse = [...uses].sort((a, b) => b[1] - a[1])[0]?.[0];
  const defined = calendars
    .flatMap((c) => c.getAllSubcomponents('vtimezone'))
    .map((v) => ianaZone(textOf(v, 'tzid')) ?? ianaZone(textOf(v, 'x-lic-location')))
    .find((z) => z !== undefined);
  const named = firstOf(calendars, 'x-wr-timezone');
  const places = [firstOf(calendars, 'x-wr-calname'), firstOf(calendars, 'name'), firstOf(calendars, 'x-wr-caldesc')];
  places.push(...new Set(events.slice(0, 200).map((e) => textOf(e, 'location'))));
  const declared = ianaZone(named) ?? byUse ?? defined ?? named;
  return resolveTimeZone({ declared, fallback: ctx.timeZone, places, samples }, ctx.warnings);
}

/** Registers the calendars' VTIMEZONEs with ical.js; returns the ids to unregister afterwards. */
function registerZones(calendars: Component[], warnings: WarningLog): string[] {
  const added: string[] = [];
  for (const calendar of calendars) {
    for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) {
      const tzid = textOf(vtimezone, 'tzid');
      if (!tzid) {
        warnings.add('time-zone-definition-unreadable', 'A VTIMEZONE without a TZID was ignored.');
        calendar.removeSubcomponent(vtimezone);
      } else if (!ICAL.TimezoneService.has(tzid)) {
        ICAL.TimezoneService.register(new ICAL.Timezone({ component: vtimezone, tzid }), tzid);
        added.push(tzid);
      }
    }
  }
  return added;
}

/** frab and pretalx write `SUMMARY:Title - Speaker A, Speaker B`. */
const SPEAKER_SUFFIX = /^(.*)\s-(?:\s(.*?))?\s*$/s;

function appendsSpeakers(calendar: Component, events: Component[]): boolean {
  const producer = `${textOf(calendar, 'prodid') ?? ''} ${events[0] ? textOf(events[0], 'uid') ?? '' : ''}`;
  return /pretalx|frab/i.test(producer) && events.length > 0 && events.every((e) => SPEAKER_SUFFIX.test(textOf(e, 'summary') ?? ''));
}

interface Occurrence {
  comp: Component;
  start: number;
  end: number;
  /** The occurrence's original start, for its id; undefined when the event does not repeat. */
  recurrence?: number;
}

/**
 * Every occurrence of an event, bounded twice: at most LIMITS.maxRecurrences occurrences,
 * and at most the budget's steps (candidate dates tried), so a rule that matches no date,
 * or almost none, ends with a warning naming the event instead of running forever.
 */
function occurrences(event: ICAL.Event, clock: Clock, warnings: WarningLog, where: string, budget: RecurrenceBudget): Occurrence[] {
  const base = clock.span(event);
  if (!event.isRecurring()) return [{ comp: event.component, ...base }];
  const ref = refOf(event.component.getFirstProperty('dtstart')!, event.startDate);
  const title = (): string => (textOf(event.component, 'summary') ?? textOf(event.component, 'uid') ?? 'An event').slice(0, 80);
  const out: Occurrence[] = [];
  const result = withStepBudget(budget.allowance(), () => {
    const iterator = event.iterator();
    for (let next = iterator.next(); next; next = iterator.next()) {
      if (out.length >= LIMITS.maxRecurrences) {
        warnings.add('recurrence-capped', `"${title()}" repeats more than ${LIMITS.maxRecurrences} times; only the first ${LIMITS.maxRecurrences} were kept.`, where);
        break;
      }
      const recurrence = clock.at(next, ref);
      const details = event.getOccurrenceDetails(next);
      const item = details.item;
      if (item && item !== event) {
        const own = clock.span(item);
        const moved = item.recurrenceId.compare(next) === 0 ? own.start : clock.at(details.startDate, ref);
        out.push({ comp: item.component, start: moved, end: moved + own.end - own.start, recurrence });
      } else {
        out.push({ comp: event.component, start: recurrence, end: recurrence + base.end - base.start, recurrence });
      }
    }
  });
  budget.spend(result.used);
  if ('exceeded' in result) {
    const kept = out.length > 0 ? `the ${out.length} date(s) found until then were kept` : 'only its start date was kept';
    const why =
      result.exceeded.steps > 0
        ? `Lanyard stopped looking after ${result.exceeded.steps} tries`
        : `the calendar's other repeat rules had used up the ${budget.perFeed} tries Lanyard allows per calendar`;
    warnings.add('recurrence-budget', `"${title()}" has a repeat rule that matches few or no dates: ${why}, and ${kept}.`, where);
    if (out.length === 0) out.push({ comp: event.component, ...base });
  }
  return out;
}

interface ReadEvent {
  occurrence: Occurrence;
  split: boolean;
  where: string;
  /** pretalx's calendars carry its Markdown abstracts; others plain text (TEXT, RFC 5545). */
  markup: TextMarkup;
}

function addSession(builder: FeedBuilder, { occurrence: o, split: splitSpeakers, where, markup }: ReadEvent, base: string | undefined, day: string): void {
  const c = o.comp;
  const names: string[] = [];
  for (const attendee of c.getAllProperties('attendee')) {
    if (String(attendee.getFirstParameter('role') ?? '').toUpperCase() === 'NON-PARTICIPANT') continue;
    const value = String(attendee.getFirstValue() ?? '').trim();
    const name = (attendee.getFirstParameter('cn') as string | undefined) ?? (/^[a-z][a-z0-9+.-]*:/i.test(value) ? undefined : value);
    if (name) names.push(name);
  }
  let title = textOf(c, 'x-pentabarf-title');
  if (title === undefined) {
    title = textOf(c, 'summary');
    const split = splitSpeakers && title ? splitSummary(title) : undefined;
    if (split) {
      title = split.title;
      names.push(...split.names);
    }
  }
  const uid = textOf(c, 'uid');
  const url = resolveFeedHref(textOf(c, 'url'), base);
  const categories = c.getAllProperties('categories').flatMap((p) => p.getValues().map(String));
  builder.session({
    guid: uid && o.recurrence !== undefined ? `${uid}@${formatInstant(o.recurrence)}` : uid,
    sourceId: uid,
    slug: textOf(c, 'x-pentabarf-event-slug'),
    title,
    subtitle: textOf(c, 'x-pentabarf-subtitle'),
    abstract: textOf(c, 'description'),
    markup,
    start: o.start,
    end: o.end,
    day,
    room: textOf(c, 'location'),
    track: categories.map((s) => s.trim()).find((s) => s.length > 0),
    type: textOf(c, 'category'),
    language: textOf(c, 'x-pentabarf-language-code'),
    speakerIds: names.flatMap((name) => builder.speaker({ name, where }) ?? []),
    links: [makeLink(url, undefined, builder.warnings, where)],
    cancelled: textOf(c, 'status')?.toUpperCase() === 'CANCELLED',
    where,
  });
}

function buildFeed(calendars: Component[], ctx: ImportContext, lines: LineIndex): Feed {
  const w = ctx.warnings;
  const entries = calendars.flatMap((calendar) => calendar.getAllSubcomponents('vevent').map((comp) => ({ calendar, comp })));
  const exceptions = new Map<string, Component[]>();
  const masters = entries.filter(({ comp }) => {
    if (!comp.hasProperty('recurrence-id')) return true;
    const uid = textOf(comp, 'uid') ?? '';
    if (!exceptions.has(uid)) exceptions.set(uid, []);
    exceptions.get(uid)!.push(comp);
    return false;
  });
  const masterUids = new Set(masters.map(({ comp }) => textOf(comp, 'uid') ?? ''));
  for (const entry of entries) {
    if (entry.comp.hasProperty('recurrence-id') && !masterUids.has(textOf(entry.comp, 'uid') ?? '')) masters.push(entry);
  }
  const clock = new Clock(conferenceZone(calendars, entries.map((e) => e.comp), ctx));
  const builder = new FeedBuilder(clock.zone, w);
  const split = new Map(calendars.map((c) => [c, appendsSpeakers(c, c.getAllSubcomponents('vevent'))]));
  const budget = new RecurrenceBudget();
  let unreadable = 0;
  // Read first, added after: the conference days depend on when the whole programme runs.
  const read: ReadEvent[] = [];
  const markups = new Map(calendars.map((c) => [c, generatorMarkup(textOf(c, 'prodid')) ?? 'html'] as const));
  for (const { calendar, comp } of masters) {
    const line = lines.get(comp.jCal);
    const where = line === undefined ? 'vevent' : `line ${line}`;
    try {
      const event = new ICAL.Event(comp, { strictExceptions: true, exceptions: [] });
      const changed = event.isRecurrenceException() ? [] : exceptions.get(textOf(comp, 'uid') ?? '') ?? [];
      if (changed.length > 0 && !event.isRecurring()) {
        w.add('recurrence-exception-ignored', `${changed.length} changed occurrence(s) of an event that does not repeat were left out.`, where);
      } else {
        for (const exception of changed) {
          try {
            event.relateException(exception);
          } catch (error) {
            w.add('recurrence-exception-unreadable', `A changed occurrence could not be read and was left out: ${messageOf(error)}`, where);
          }
        }
      }
      for (const occurrence of occurrences(event, clock, w, where, budget)) read.push({ occurrence, split: split.get(calendar) ?? false, where, markup: markups.get(calendar) ?? 'html' });
    } catch (error) {
      if (error instanceof FeedError) throw error;
      unreadable += 1;
      const name = textOf(comp, 'summary') ?? textOf(comp, 'uid');
      w.add('session-unreadable', `The event${name ? ` "${name.slice(0, 80)}"` : ''} could not be read and was left out: ${messageOf(error)}`, where);
    }
  }
  const spans = read.map((r) => r.occurrence);
  const days = calendarDays(spans, clock.zone, inferDayChangeMinutes(spans, clock.zone));
  read.forEach((r, i) => addSession(builder, r, ctx.sourceUrl, days[i]!));
  if (masters.length > 0 && unreadable === masters.length) {
    throw new FeedError('no-sessions-readable', `None of the ${masters.length} events in the calendar could be read`);
  }
  for (const tzid of clock.unknownZones) {
    w.add('time-zone-unknown-tzid', `Times with TZID "${tzid.slice(0, 80)}" name a zone that is neither defined in the calendar nor known; they were read in ${clock.zone}.`);
  }
  if (clock.floating > 0) {
    w.add('floating-time', `${clock.floating} event(s) give times without a time zone; they were read in the conference zone ${clock.zone}.`);
  }
  return builder.build({
    title: firstOf(calendars, 'x-wr-calname') ?? firstOf(calendars, 'name'),
    description: firstOf(calendars, 'x-wr-caldesc') ?? firstOf(calendars, 'description'),
    url: firstOf(calendars, 'url'),
  });
}

/**
 * The shared half of the iCalendar and xCal importers: ical.js components → feed.
 * VTIMEZONEs are registered with ical.js for the duration of the import only.
 */
export function importCalendarComponents(calendars: Component[], ctx: ImportContext, lines: LineIndex): Feed {
  const registered = registerZones(calendars, ctx.warnings);
  try {
    return buildFeed(calendars, ctx, lines);
  } finally {
    for (const tzid of registered) ICAL.TimezoneService.remove(tzid);
  }
}

/** Reads an iCalendar (RFC 5545) feed, including several concatenated VCALENDARs. */
export function importICal(text: string, ctx: ImportContext): Feed {
  const lines: LineIndex = new WeakMap();
  const calendars = parseCalendarText(text, ctx.warnings, lines).map((jcal) => new ICAL.Component(jcal));
  return importCalendarComponents(calendars, ctx, lines);
}
