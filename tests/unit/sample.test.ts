import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importFeed } from '../../core/formats/index';
import type { Session } from '../../core/model/schema';
import { htmlToText } from '../../core/text/html';
import { wallTimeOf } from '../../core/time/zone';
import { expectValidFeed } from './support/corpus';

const ASSET = resolve(dirname(fileURLToPath(import.meta.url)), '../../assets/sample/centos-connect-2023.lanyard.json');
const text = readFileSync(ASSET, 'utf8');
const result = importFeed(text);
const { feed } = result;

/** The schedule table of connect.centos.org (2023), row by row; "End" (18:00) only ends the last slot. */
const TABLE: Array<[string, string]> = [
  ['08:30', 'Connect over coffee'],
  ['09:00', 'CentOS Stream: RHEL development in public'],
  ['09:25', 'AlmaLinux Build System and Project Updates'],
  ['09:50', 'One year on: Experiences using ebranch to bring over Fedora packages to EPEL'],
  ['10:15', 'Hyperscale SIG update'],
  ['10:40', 'MirrorManager and CentOS Stream 9'],
  ['11:00', 'Break'],
  ['11:15', 'Offered CentOS Infra services for SIGs'],
  ['12:00', 'Lunch (provided free)'],
  ['13:00', 'From code to cloud - the journey of Openstack package'],
  ['13:50', 'Introducing CentOS Stream CoreOS and OKD Streams'],
  ['14:15', 'Network management in Enterprise Linux: present and future'],
  ['14:40', 'Introduction to Rocky Linux and Peridot: Maintaining a downstream fork of Red Hat Enterprise Linux'],
  ['15:05', 'Running Cloud Native Applications on CentOS on a Cloud Native Processor'],
  ['15:30', 'Kmods SIG Update'],
  ['16:00', 'Break'],
  ['16:15', 'A year in review 2023 - CentOS Automotive SIG'],
  ['17:00', 'CentOS Board AMA'],
];
const PEOPLE = [
  'Fabian Arrotin', 'Adrian Reber', 'Michel Salim', 'Davide Cavalca', 'Christian Glombek', 'Alessandro Di Stefano', 'Adam Samalik',
  'Peter Georg', 'Fernando Fernandez Mancera', 'Neil Hanlon', 'Karolina Kula', 'Eric Curtin', 'Aaron Williams', 'Jack Aboutboul',
];

function local(instant: string): string {
  return wallTimeOf(Date.parse(instant), 'Europe/Brussels').time;
}

function byTitle(title: string): Session {
  const found = feed.sessions.find((s) => s.title === title);
  if (!found) throw new Error(`no session ${title}`);
  return found;
}

function speakerName(id: string): string | undefined {
  return feed.speakers.find((p) => p.id === id)?.name;
}

describe('built-in sample: CentOS Connect 2023', () => {
  it('imports as a Lanyard feed with no warning at all', () => {
    expect(result.format).toBe('lanyard');
    expect(result.warnings).toEqual([]);
    expectValidFeed(feed);
  });

  it('is already clean: importing changes nothing but the $schema pointer', () => {
    const { $schema, ...raw } = JSON.parse(text) as Record<string, unknown>;
    expect($schema).toBe('../../schema/lanyard-feed.v1.schema.json');
    expect(feed).toEqual(raw);
  });

  it('describes the conference, its day and its zone', () => {
    expect(feed.revision).toBe('2023-02-03');
    expect(feed.conference).toMatchObject({
      id: 'centos-connect-2023',
      timeZone: 'Europe/Brussels',
      start: '2023-02-03',
      end: '2023-02-03',
      days: ['2023-02-03'],
      url: 'https://connect.centos.org/',
    });
    expect(feed.conference.description).toContain('CentOS Connect is a free mini-conference focusing on CentOS Stream');
    // The one room's hallway is the conference's virtual hallway track on Google Meet, whose link only registered online attendees get: said as such.
    expect(feed.rooms).toEqual([
      {
        id: 'pagoda-room',
        name: 'Pagoda room',
        description: 'Eighth floor, DoubleTree Brussels City Center',
        links: [{ url: 'https://connect.centos.org/', title: 'Google Meet, link for registered online attendees', kind: 'hallway' }],
      },
    ]);
  });

  it('has every row of the schedule table, in order, each ending when the next begins', () => {
    expect(feed.sessions.map((s) => [local(s.start), s.title])).toEqual(TABLE);
    feed.sessions.forEach((s, i) => {
      const next = feed.sessions[i + 1];
      expect(s.end).toBe(next ? next.start : '2023-02-03T17:00:00Z');
      expect(s).toMatchObject({ day: '2023-02-03', roomId: 'pagoda-room', cancelled: false });
    });
    expect(new Set(feed.sessions.map((s) => s.id)).size).toBe(TABLE.length);
    expect(feed.sessions[0]!.start).toBe('2023-02-03T07:30:00Z');
    expect(byTitle('Kmods SIG Update')).toMatchObject({ start: '2023-02-03T14:30:00Z', end: '2023-02-03T15:00:00Z', speakerIds: ['petergeorg'] });
    expect(byTitle('CentOS Board AMA')).toMatchObject({ start: '2023-02-03T16:00:00Z', end: '2023-02-03T17:00:00Z' });
  });

  it('marks coffee, breaks and lunch as breaks and gives every talk its full abstract', () => {
    const breaks = feed.sessions.filter((s) => s.type === 'break');
    expect(breaks.map((s) => s.title)).toEqual(['Connect over coffee', 'Break', 'Lunch (provided free)', 'Break']);
    expect(breaks.every((s) => s.speakerIds.length === 0 && s.abstract === undefined)).toBe(true);
    const talks = feed.sessions.filter((s) => s.type === 'talk');
    // 18 rows: 4 breaks, the Board AMA and 13 talks.
    expect(talks).toHaveLength(13);
    for (const talk of talks) {
      expect(htmlToText(talk.abstract ?? '').length, talk.title).toBeGreaterThan(80);
      expect(talk.speakerIds.length, talk.title).toBeGreaterThan(0);
    }
    const arm = byTitle('Running Cloud Native Applications on CentOS on a Cloud Native Processor');
    expect(arm.subtitle).toBe('Setting up and running a Mastodon Server on Arm servers in the cloud');
    expect(arm.abstract!.match(/<p>/g)).toHaveLength(5);
    expect(arm.abstract).toContain('more efficient (i.e. greener) than other processors out there.</p>');
    expect(byTitle('MirrorManager and CentOS Stream 9').abstract!.match(/<p>/g)).toHaveLength(3);
    expect(byTitle('Introducing CentOS Stream CoreOS and OKD Streams').speakerIds.map(speakerName)).toEqual([
      'Christian Glombek',
      'Alessandro Di Stefano',
    ]);
  });

  it('credits the CentOS Board AMA to the Board', () => {
    const ama = byTitle('CentOS Board AMA');
    expect(ama.type).toBe('panel');
    expect(ama.speakerIds.map(speakerName)).toEqual(['CentOS Board']);
  });

  it('has every speaker with bio, photo and social links as the page gives them', () => {
    expect(feed.speakers.map((p) => p.name)).toEqual([...PEOPLE, 'CentOS Board']);
    const withoutBio = feed.speakers.filter((p) => !p.bio).map((p) => p.name);
    expect(withoutBio).toEqual(['Jack Aboutboul', 'CentOS Board']);
    const withoutPhoto = feed.speakers.filter((p) => !p.photoUrl).map((p) => p.id);
    expect(withoutPhoto).toEqual(['dcavalca', 'petergeorg', 'awilliams', 'centos-board']);
    for (const p of feed.speakers) {
      if (p.photoUrl) expect(p.photoUrl).toBe(`https://connect.centos.org/${p.id}.jpg`);
      expect(p.links.every((l) => l.kind === 'other' && /^https:\/\//.test(l.url))).toBe(true);
    }
    const fernando = feed.speakers.find((p) => p.id === 'ffmancera')!;
    expect(fernando.bio!.match(/<p>/g)).toHaveLength(2);
    expect(fernando.links.map((l) => l.title)).toEqual(['Twitter', 'Mastodon']);
    expect(feed.speakers.find((p) => p.id === 'ecurtin')!.links).toHaveLength(3);
    const speaking = new Set(feed.sessions.flatMap((s) => s.speakerIds));
    expect(feed.speakers.every((p) => speaking.has(p.id))).toBe(true);
  });

  it('gives the venue, participation links by kind and the code of conduct contacts', () => {
    expect(feed.conference.venue).toEqual({
      name: 'DoubleTree Brussels City Center',
      room: 'Pagoda room, eighth floor',
      address: 'Rue Gineste 3, 1210 Bruxelles',
      city: 'Brussels',
      country: 'Belgium',
      url: 'https://www.hilton.com/en/hotels/brudtdi-doubletree-brussels-city/',
    });
    const links = feed.conference.links;
    expect(links.filter((l) => l.kind === 'stream').map((l) => l.title)).toEqual(['Live stream on YouTube']);
    expect(links.filter((l) => l.kind === 'registration').map((l) => l.url)).toEqual([
      'https://ti.to/centos/connect-at-fosdem-2023/with/connect-in-person',
      'https://ti.to/centos/connect-at-fosdem-2023/with/connect-online',
    ]);
    expect(links.filter((l) => l.kind === 'other').map((l) => l.url)).toEqual(['https://fosdem.org/2023/schedule/track/distributions/']);
    expect(feed.conference.codeOfConduct).toMatchObject({
      url: 'https://www.centos.org/code-of-conduct/',
      contacts: [
        { name: 'Shaun McCance', role: 'Community Architect', email: 'shaunm@redhat.com' },
        { name: 'Amy Marrich', role: 'Board President', email: 'amy@redhat.com' },
      ],
    });
  });
});
