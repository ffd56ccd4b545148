import { describe, expect, it } from 'vitest';
import { importFeed } from '../../../core/formats/index';
import { derivedRoomStream, expandStreamPattern, fosdemRoomSlug, isCccFamily, isFosdem, streamPatternProblem, withDerivedStreams } from '../../../core/live/stream-rules';
import { describeCorpus, readCorpus } from '../support/corpus';

const fosdem = { id: 'fosdem-2024', title: 'FOSDEM 2024', url: undefined, streams: undefined };
const room = (name: string, links: Array<{ url: string; kind: 'stream' | 'hallway' }> = []) => ({ id: name, name, links });

describe('FOSDEM room names as live.fosdem.org names them', () => {
  it.each([
    ['K.1.105 (La Fontaine)', 'k1105'],
    ['UB2.252A (Lameere)', 'ub2252a'],
    ['H.2215 (Ferrer)', 'h2215'],
    ['UA2.118 (Henriot)', 'ua2118'],
    ['Janson', 'janson'],
    ['AW1.120', 'aw1120'],
    ['UD2.218A', 'ud2218a'],
    ['  K.4.401 ', 'k4401'],
    ['Décroly', 'decroly'],
    ['(Only a nickname)', 'onlyanickname'],
  ])('%s → %s', (name, slug) => {
    expect(fosdemRoomSlug(name)).toBe(slug);
  });
});

describe('which rule applies', () => {
  it('recognises FOSDEM by its feed host, its site or its title', () => {
    expect(isFosdem({ title: 'Some conf', url: undefined }, 'https://fosdem.org/2026/schedule/xml')).toBe(true);
    expect(isFosdem({ title: 'Some conf', url: 'https://archive.fosdem.org/2020/' }, undefined)).toBe(true);
    expect(isFosdem({ title: 'FOSDEM 2020', url: undefined }, undefined)).toBe(true);
    expect(isFosdem({ title: 'Not FOSDEMish', url: 'https://notfosdem.org/' }, 'https://evil-fosdem.org.example/x')).toBe(false);
  });

  it('recognises CCC conferences by host or acronym', () => {
    expect(isCccFamily({ id: '38c3', url: undefined }, undefined)).toBe(true);
    expect(isCccFamily({ id: 'conf', url: undefined }, 'https://fahrplan.events.ccc.de/congress/2023/fahrplan/schedule.json')).toBe(true);
    expect(isCccFamily({ id: 'camp2023', url: undefined }, undefined)).toBe(true);
    expect(isCccFamily({ id: 'fosdem-2024', url: 'https://fosdem.org' }, 'https://fosdem.org/x')).toBe(false);
    expect(isCccFamily({ id: 'conf', url: 'https://notccc.de.example.org' }, undefined)).toBe(false);
  });

  it('expands an organizer pattern only to https addresses', () => {
    expect(expandStreamPattern('https://live.example.org/watch/{room}', 'K.1.105 (La Fontaine)')).toBe('https://live.example.org/watch/k1105');
    expect(expandStreamPattern('https://live.example.org/r?name={roomName}', 'Room A&B')).toBe('https://live.example.org/r?name=Room%20A%26B');
    expect(expandStreamPattern('http://live.example.org/{room}', 'A')).toBeUndefined();
    expect(expandStreamPattern('javascript:alert({room})', 'A')).toBeUndefined();
    expect(streamPatternProblem('https://live.example.org/all')).toMatch(/neither \{room\}/);
    expect(streamPatternProblem('ftp://x/{room}')).toMatch(/https/);
  });

  it('prefers the organizer pattern, then c3voc, then the FOSDEM rule', () => {
    const c3voc = new Map([['saal 1', 'https://streaming.media.ccc.de/38c3/saal1']]);
    expect(derivedRoomStream({ name: 'Janson' }, { conference: fosdem, feedUrl: undefined })?.url).toBe('https://live.fosdem.org/watch/janson');
    expect(derivedRoomStream({ name: 'Janson' }, { conference: { ...fosdem, streams: { pattern: 'https://tv.example.org/{room}' } }, feedUrl: undefined })?.url).toBe('https://tv.example.org/janson');
    expect(derivedRoomStream({ name: 'Saal 1' }, { conference: { id: '38c3', title: '38C3', url: undefined, streams: undefined }, feedUrl: undefined, c3voc })?.url).toBe('https://streaming.media.ccc.de/38c3/saal1');
    expect(derivedRoomStream({ name: 'Saal 2' }, { conference: { id: '38c3', title: '38C3', url: undefined, streams: undefined }, feedUrl: undefined, c3voc })).toBeUndefined();
  });

  it('never replaces a stream the feed gives, and adds one where it gives none', () => {
    const rooms = [room('Janson', [{ url: 'https://video.example.org/janson', kind: 'stream' }]), room('H.1308 (Rolin)', [{ url: 'https://chat.fosdem.org/#/room/x', kind: 'hallway' }])];
    const out = withDerivedStreams(rooms, { conference: fosdem, feedUrl: undefined });
    expect(out[0]).toBe(rooms[0]);
    expect(out[1]!.links.map((l) => l.url)).toEqual(['https://live.fosdem.org/watch/h1308', 'https://chat.fosdem.org/#/room/x']);
    expect(rooms[1]!.links).toHaveLength(1);
  });
});

describeCorpus('FOSDEM rooms in the corpus', () => {
  it('every room of FOSDEM 2024 gets a live.fosdem.org stream, each a distinct address', () => {
    const { feed } = importFeed(readCorpus('fosdem/fosdem-2024.xml'));
    expect(feed.rooms.length).toBeGreaterThan(30);
    const out = withDerivedStreams(feed.rooms, { conference: feed.conference, feedUrl: 'https://fosdem.org/2024/schedule/xml' });
    const urls = out.map((r) => r.links.find((l) => l.kind === 'stream')?.url);
    expect(urls.every((u) => u?.startsWith('https://live.fosdem.org/watch/'))).toBe(true);
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls).toContain('https://live.fosdem.org/watch/k1105');
    expect(urls).toContain('https://live.fosdem.org/watch/ub2252a');
  });
});
