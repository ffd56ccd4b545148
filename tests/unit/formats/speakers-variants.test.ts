import { describe, expect, it } from 'vitest';
import { importFeed } from '../../../core/formats/index';
import { splitSummary } from '../../../core/formats/ical-summary';
import type { Feed } from '../../../core/model/schema';

const names = (feed: Feed, index = 0) => feed.sessions[index]!.speakerIds.map((id) => feed.speakers.find((s) => s.id === id)!.name);

const xml = (event: string) => `<?xml version="1.0" encoding="UTF-8"?>
<schedule><version>1</version><conference><acronym>agg</acronym><title>Aggregated</title><time_zone_name>Europe/Berlin</time_zone_name></conference>
<day index="1" date="2024-12-27"><room name="Stage"><event guid="e1" id="1"><date>2024-12-27T11:00:00+01:00</date><start>11:00</start><duration>00:30</duration><room>Stage</room><title>Talk</title>${event}</event></room></day></schedule>`;

describe('speakers in feed variants seen in the wild', () => {
  it('c3voc aggregated XML: <person> holds <public_name>, <code> and <biography> (pretalx sub-schedules merged)', () => {
    const { feed } = importFeed(xml(`<persons>
      <person><code>ABC123</code><public_name>Ada Lovelace</public_name><biography>Writes **notes** on engines.</biography></person>
      <person guid="c0ffee"><public_name>Grace Hopper</public_name></person>
    </persons>`));
    expect(names(feed)).toEqual(['Ada Lovelace', 'Grace Hopper']);
    const ada = feed.speakers.find((s) => s.name === 'Ada Lovelace')!;
    expect(ada.id).toBe('ABC123');
    expect(ada.bio).toContain('notes');
  });

  it('hand-written XML: <person> straight under <event>, several names in one element', () => {
    const { feed } = importFeed(xml('<person>Ann Example, Bob Beispiel &amp; Cy</person><person id="7">Dee</person>'));
    expect(names(feed)).toEqual(['Ann Example', 'Bob Beispiel', 'Cy', 'Dee']);
  });

  it('hand-written XML in German: "Anna und Bernd"', () => {
    const { feed } = importFeed(xml('<persons><person>Anna Muster und Bernd Beispiel</person></persons>'));
    expect(names(feed)).toEqual(['Anna Muster', 'Bernd Beispiel']);
  });

  it('a frab person with an id is one person, commas and all', () => {
    const { feed } = importFeed(xml('<persons><person id="3">Doe, Jane</person></persons>'));
    expect(names(feed)).toEqual(['Doe, Jane']);
  });

  it('old frab JSON: persons carry full_public_name only; hand-written JSON lists names', () => {
    const doc = (persons: unknown[]) => JSON.stringify({ schedule: { version: '1', conference: { acronym: 'old', title: 'Old', time_zone_name: 'Europe/Berlin', days: [
      { index: 1, date: '2013-12-27', rooms: { 'Saal 1': [{ id: 5, guid: 'g5', date: '2013-12-27T11:00:00+01:00', start: '11:00', duration: '00:30', room: 'Saal 1', title: 'T', persons }] } },
    ] } } });
    expect(names(importFeed(doc([{ id: 1, full_public_name: 'Frank Rieger' }, { id: 2, public_name: '', full_public_name: 'Constanze Kurz' }])).feed)).toEqual(['Frank Rieger', 'Constanze Kurz']);
    expect(names(importFeed(doc(['Ann', { name: 'Bob' }])).feed)).toEqual(['Ann', 'Bob']);
  });
});

describe('iCalendar "Title - Speaker" summaries', () => {
  it.each([
    ['Talk - Ann', 'Talk', ['Ann']],
    ['Talk - Ann, Bob', 'Talk', ['Ann', 'Bob']],
    ['Talk - Jane Doe (ACME - Research Lab)', 'Talk', ['Jane Doe (ACME - Research Lab)']],
    ['Talk - Jane Doe (ACME - Research, Inc.), Bob', 'Talk', ['Jane Doe (ACME - Research, Inc.)', 'Bob']],
    ['Rust - the good parts - Ann [Foo - Bar]', 'Rust - the good parts', ['Ann [Foo - Bar]']],
    ['Stream - ', 'Stream', []],
  ])('%s', (summary, title, speakers) => {
    expect(splitSummary(summary)).toEqual({ title, names: speakers });
  });

  it('a pretalx calendar keeps a speaker whose affiliation contains " - "', () => {
    const ics = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//pretalx//example.org//', 'BEGIN:VEVENT', 'UID:pretalx-c-ABC@example.org',
      'DTSTART:20240301T090000Z', 'DTEND:20240301T093000Z', 'SUMMARY:Talk - Jane Doe (ACME - Research)\\, Bob', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
    const { feed } = importFeed(ics);
    expect(feed.sessions[0]!.title).toBe('Talk');
    expect(names(feed)).toEqual(['Jane Doe (ACME - Research)', 'Bob']);
  });
});

describe('frab speakers.json as a companion', () => {
  const speakers = JSON.stringify({ schedule_speakers: { version: '1', speakers: [
    { id: 7, public_name: 'Ada', full_public_name: 'Ada L.', abstract: 'Counts engines.', description: 'Also **poems**.', image: '/system/people/avatars/7/large/ada.jpg?1', links: [{ url: 'www.ada.example', title: 'Home' }] },
    { id: 8, public_name: 'Bob', abstract: '', description: '', image: '/people/avatars/original/missing.png', links: [] },
  ] } });
  const xmlDoc = xml('<persons><person id="7">Ada</person><person id="8">Bob</person></persons>').replace('<title>Aggregated</title>', '<title>Aggregated</title><base_url>https://frab.example.org/</base_url>');

  it('completes the XML\'s people with bios, photos and links, matched by id', () => {
    const { feed, warnings } = importFeed(xmlDoc, { companions: [speakers] });
    const ada = feed.speakers.find((s) => s.name === 'Ada')!;
    expect(ada.bio).toBe('<p>Counts engines.</p><p>Also **poems**.</p>');
    expect(ada.photoUrl).toBe('https://frab.example.org/system/people/avatars/7/large/ada.jpg?1');
    expect(ada.links.map((l) => l.url)).toEqual(['https://www.ada.example/']);
    const bob = feed.speakers.find((s) => s.name === 'Bob')!;
    expect([bob.bio, bob.photoUrl]).toEqual([undefined, undefined]);
    expect(warnings.filter((w) => w.code === 'companion-ignored')).toEqual([]);
  });

  it('completes schedule.json people the same way, and reports a companion that is not one', () => {
    const json = JSON.stringify({ schedule: { version: '1', base_url: 'https://frab.example.org/', conference: { acronym: 'c', title: 'C', time_zone_name: 'Europe/Berlin', days: [
      { index: 1, date: '2024-12-27', rooms: { Stage: [{ id: 1, guid: 'e1', date: '2024-12-27T11:00:00+01:00', duration: '00:30', room: 'Stage', title: 'Talk', persons: [{ id: 7, public_name: 'Ada' }] }] } },
    ] } } });
    const { feed, warnings } = importFeed(json, { companions: [speakers, '{"something": "else"}'] });
    expect(feed.speakers[0]).toMatchObject({ name: 'Ada', bio: '<p>Counts engines.</p><p>Also **poems**.</p>', photoUrl: 'https://frab.example.org/system/people/avatars/7/large/ada.jpg?1' });
    expect(warnings.filter((w) => w.code === 'companion-ignored').map((w) => w.where)).toEqual(['companions[1]']);
  });
});
