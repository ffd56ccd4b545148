import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importFeed } from '../../../core/formats/index';
import type { SessionRecord } from '../../../renderer/src/db/schema';
import { filterSubject, otherDays, sessionsByDay } from '../../../renderer/src/features/rooms/facet-days';
import { applyFilters } from '../../../renderer/src/features/schedule/filtering';
import { NO_FILTERS } from '../../../renderer/src/store/ui';
import { corpusPath, describeCorpus } from '../support/corpus';
import { makeFeed } from '../support/feeds';

/** A two-day conference: Infra on Saturday and Sunday, Rust only on Sunday. */
const feed = makeFeed(
  [
    { id: 'a', title: 'Saturday infra', day: '2026-01-31', trackId: 'infra', roomId: 'Janson' },
    { id: 'b', title: 'Sunday rust 1', day: '2026-02-01', trackId: 'rust' },
    { id: 'c', title: 'Sunday infra', day: '2026-02-01', trackId: 'infra', roomId: 'Janson' },
    { id: 'd', title: 'Sunday rust 2', day: '2026-02-01', trackId: 'rust' },
  ],
  { tracks: [{ id: 'infra', name: 'Infra' }, { id: 'rust', name: 'Rust' }] },
);
const sessions: SessionRecord[] = feed.sessions.map((s) => ({ ...s, conferenceId: 'c' }));
const names = { track: (id: string) => feed.tracks.find((t) => t.id === id)?.name, room: (id: string) => feed.rooms.find((r) => r.id === id)?.name };

describe('a track or room across days', () => {
  it('groups sessions by day, days in order, sessions in the order given', () => {
    const days = sessionsByDay([...sessions].reverse());
    expect(days.map(([day, list]) => [day, list.map((s) => s.id)])).toEqual([
      ['2026-01-31', ['a']],
      ['2026-02-01', ['d', 'c', 'b']],
    ]);
    expect(sessionsByDay([])).toEqual([]);
  });

  it('says on which other days a filter that is empty today has sessions', () => {
    const rust = applyFilters(sessions, { ...NO_FILTERS, tracks: ['rust'] });
    expect(otherDays(rust, '2026-01-31')).toEqual([['2026-02-01', 2]]);
    expect(otherDays(rust, '2026-02-01')).toEqual([]);
    const janson = applyFilters(sessions, { ...NO_FILTERS, rooms: ['Janson'] });
    expect(otherDays(janson, undefined)).toEqual([['2026-01-31', 1], ['2026-02-01', 1]]);
  });

  it('names what the filters pick only when they pick one track or one room', () => {
    expect(filterSubject({ ...NO_FILTERS, tracks: ['rust'] }, names)).toBe('Rust');
    expect(filterSubject({ ...NO_FILTERS, rooms: ['Janson'] }, names)).toBe('Janson');
    expect(filterSubject({ ...NO_FILTERS, tracks: ['rust', 'infra'] }, names)).toBeUndefined();
    expect(filterSubject({ ...NO_FILTERS, tracks: ['rust'], rooms: ['Janson'] }, names)).toBeUndefined();
    expect(filterSubject({ ...NO_FILTERS, tracks: ['rust'], types: ['talk'] }, names)).toBeUndefined();
    expect(filterSubject(NO_FILTERS, names)).toBeUndefined();
  });
});

describeCorpus('tracks across days in FOSDEM 2020', () => {
  // Counted independently (Python over the XML): 71 tracks, 28 of them on Sunday only; Rust has 13 talks, all on Sunday.
  const read = (): SessionRecord[] => importFeed(readFileSync(corpusPath('fosdem/fosdem-2020.xml'))).feed.sessions.map((s) => ({ ...s, conferenceId: 'f' }));

  it('finds Rust on Sunday only, and 28 Sunday-only tracks', () => {
    const all = read();
    const tracks = new Set(all.map((s) => s.trackId).filter((t) => t !== undefined));
    const sundayOnly = [...tracks].filter((t) => {
      const days = sessionsByDay(all.filter((s) => s.trackId === t)).map(([d]) => d);
      return days.length === 1 && days[0] === '2020-02-02';
    });
    expect(sundayOnly).toHaveLength(28);
    const rust = all.filter((s) => s.trackId !== undefined && /^rust$/i.test(s.trackId));
    expect(sessionsByDay(rust).map(([d, l]) => [d, l.length])).toEqual([['2020-02-02', 13]]);
    expect(otherDays(rust, '2020-02-01')).toEqual([['2020-02-02', 13]]);
  });
});
