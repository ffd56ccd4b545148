import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { agendaToICal, sessionUid } from '../../../core/export/agenda-ical';
import { splitCalendar } from '../../../core/export/ical-split';
import { makeFeed } from '../support/feeds';
import { partOf } from '../support/agenda-ical';

describe('splitting the agenda into one CalDAV object per event', () => {
  it('gives each event its own calendar with only the time zones it names', () => {
    const brussels = makeFeed([{ id: 'a', title: 'In Brussels' }]);
    const nyc = makeFeed([{ id: 'n', title: 'In New York', start: '2024-03-10T14:00:00Z', end: '2024-03-10T15:00:00Z', day: '2024-03-10' }], {
      conference: { id: 'nyc', title: 'NYC', timeZone: 'America/New_York', start: '2024-03-10', end: '2024-03-10', days: ['2024-03-10'], links: [] },
    });
    const ics = agendaToICal([partOf(brussels, { reminders: new Map([['a', 15]]) }), partOf(nyc)], { now: 0, live: true });
    const objects = splitCalendar(ics);
    expect(objects.map((o) => o.uid)).toEqual([sessionUid(brussels.conference, brussels.sessions[0]!), sessionUid(nyc.conference, nyc.sessions[0]!)]);
    const first = new ICAL.Component(ICAL.parse(objects[0]!.ics) as unknown[]);
    expect(first.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'))).toEqual(['Europe/Brussels']);
    expect(first.getAllSubcomponents('vevent')).toHaveLength(1);
    expect(first.getFirstSubcomponent('vevent')?.getFirstSubcomponent('valarm')?.getFirstPropertyValue('action')).toBe('DISPLAY');
    expect(first.getFirstPropertyValue('version')).toBe('2.0');
    expect(objects[1]!.ics).toContain('TZID:America/New_York');
    expect(objects[1]!.ics).not.toContain('Europe/Brussels');
  });

  it('refuses what it cannot split, saying what is wrong', () => {
    const event = (uid: string): string => `BEGIN:VEVENT\r\nUID:${uid}\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;TZID=Mars/Olympus:20260101T100000\r\nEND:VEVENT\r\n`;
    const calendar = (body: string): string => `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n${body}END:VCALENDAR\r\n`;
    expect(() => splitCalendar(calendar(event('a')))).toThrow('Event a names time zone Mars/Olympus, which the agenda calendar does not define');
    const plain = (uid: string): string => `BEGIN:VEVENT\r\nUID:${uid}\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260101T100000Z\r\nEND:VEVENT\r\n`;
    expect(() => splitCalendar(calendar(plain('a') + plain('a')))).toThrow('The agenda calendar has two events with UID a');
    expect(() => splitCalendar('BEGIN:VEVENT\r\nUID:x\r\nEND:VEVENT\r\n')).toThrow('The agenda calendar is not a VCALENDAR');
    expect(splitCalendar(calendar(''))).toEqual([]);
  });
});
