import { describe, expect, it } from 'vitest';
import { cancelledPrefix } from '../../../core/feed/cancelled';
import { importFeed } from '../../../core/formats/index';

describe('a "cancelled" mark in a title', () => {
  it.each([
    ['CANCELLED Old talk', 'Old talk'],
    ['CANCELED: Old talk', 'Old talk'],
    ['[CANCELLED] Old talk', 'Old talk'],
    ['[Cancelled] - Old talk', 'Old talk'],
    ['Cancelled: Old talk', 'Old talk'],
    ['(abgesagt) Alter Vortrag', 'Alter Vortrag'],
    ['ABGESAGT - Alter Vortrag', 'Alter Vortrag'],
    ['Entfällt: Alter Vortrag', 'Alter Vortrag'],
    ['ANNULÉ : Vieille conférence', 'Vieille conférence'],
    ['CANCELLED', 'CANCELLED'],
  ])('%s is cancelled, titled %s', (raw, title) => {
    expect(cancelledPrefix(raw)).toEqual({ title, isCancelled: true });
  });

  it.each(['Cancelled flights and what they teach', 'CANCELLEDX', 'Why talks get cancelled', 'Abgesagte Konzerte'])('%s is a title, not a mark', (raw) => {
    expect(cancelledPrefix(raw)).toEqual({ title: raw, isCancelled: false });
  });
});

describe('marks a session cancelled in every format, and drops the mark from its title', () => {
  const xml = `<schedule><conference><title>T</title><time_zone_name>Europe/Berlin</time_zone_name></conference><day date="2024-03-01">
<room name="A"><event id="1" guid="g"><date>2024-03-01T10:00:00+01:00</date><start>10:00</start><duration>00:30</duration><room>A</room><title>[Cancelled] Talk</title></event></room></day></schedule>`;
  const json = JSON.stringify({ schedule: { conference: { title: 'T', time_zone_name: 'Europe/Berlin', days: [{ date: '2024-03-01', rooms: { A: [{ id: 1, guid: 'g', date: '2024-03-01T10:00:00+01:00', duration: '00:30', title: 'CANCELLED: Talk' }] } }] } } });
  const ics = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:x', 'BEGIN:VEVENT', 'UID:g', 'DTSTART:20240301T090000Z', 'DTEND:20240301T093000Z', 'SUMMARY:ABGESAGT - Talk', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
  const widget = JSON.stringify({ timezone: 'Europe/Berlin', rooms: [{ id: 1, name: 'A' }], speakers: [], talks: [{ code: 'ABC', title: '(cancelled) Talk', start: '2024-03-01T10:00:00+01:00', end: '2024-03-01T10:30:00+01:00', room: 1, speakers: [] }] });
  it.each([['frab XML', xml], ['frab JSON', json], ['iCalendar', ics], ['pretalx widget', widget]])('%s', (_name, text) => {
    const session = importFeed(text).feed.sessions[0]!;
    expect(session).toMatchObject({ title: 'Talk', cancelled: true });
  });
});
