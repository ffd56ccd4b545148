import { isObject } from './json';

/** The feed formats Lanyard reads. */
export const FORMATS = {
  'frab-xml': 'Pentabarf/frab schedule XML',
  'frab-json': 'frab/c3voc schedule.json',
  'pretalx-widget': 'pretalx schedule widget JSON (v2)',
  sessionize: 'Sessionize API v2',
  ical: 'iCalendar',
  xcal: 'xCal (iCalendar in XML)',
  lanyard: 'Lanyard feed',
} as const;
export type FormatId = keyof typeof FORMATS;

export type TextKind = 'xml' | 'json' | 'ical' | 'html' | 'unknown';

/** What kind of text this is, from its first characters (never from a file name). */
export function sniffText(text: string): TextKind {
  const head = text.slice(0, 512).replace(/^\uFEFF/, '').trimStart();
  if (/^BEGIN:VCALENDAR/i.test(head)) return 'ical';
  if (/^(<!--[^]*?-->\s*)*<(!doctype html|html[\s>])/i.test(head)) return 'html';
  if (head.startsWith('<')) return 'xml';
  if (head.startsWith('{') || head.startsWith('[')) return 'json';
  return 'unknown';
}

function firstItem(doc: unknown[]): Record<string, unknown> | undefined {
  const item = doc.find((x) => isObject(x));
  return item;
}

/** Which JSON format a parsed document is, or undefined. */
export function sniffJson(doc: unknown): FormatId | undefined {
  if (isObject(doc)) {
    if ('lanyard' in doc) return 'lanyard';
    if (isObject(doc.schedule) && ('conference' in doc.schedule || 'version' in doc.schedule)) return 'frab-json';
    if (Array.isArray(doc.talks)) return 'pretalx-widget';
    if (Array.isArray(doc.sessions) && Array.isArray(doc.speakers)) return 'sessionize';
    return undefined;
  }
  if (Array.isArray(doc)) {
    const item = firstItem(doc);
    if (item && Array.isArray(item.rooms) && ('date' in item || 'timeSlots' in item)) return 'sessionize';
    if (item && Array.isArray(item.sessions) && 'groupId' in item) return 'sessionize';
  }
  return undefined;
}

/** A sentence saying what a document that is not a schedule seems to be. */
export function describeUnknownJson(doc: unknown): string {
  if (isObject(doc) && isObject(doc.conference_events)) {
    return 'This is a frab events.json; subscribe to the conference\'s schedule.json or schedule.xml instead';
  }
  if (isObject(doc) && isObject(doc.schedule_speakers)) {
    return 'This is a frab speakers.json, which has no sessions; subscribe to schedule.json or schedule.xml';
  }
  if (Array.isArray(doc) && firstItem(doc) && 'fullName' in firstItem(doc)!) {
    return 'This is a Sessionize speakers list, which has no sessions; use the "All" or "GridSmart" view';
  }
  return 'This JSON is not a schedule format Lanyard knows (frab/c3voc schedule.json, pretalx widget, Sessionize, Lanyard)';
}
