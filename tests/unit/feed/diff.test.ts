import { describe, expect, it } from 'vitest';
import { diffFeeds } from '../../../core/feed/diff';
import { matchSessions } from '../../../core/feed/identity';
import { makeFeed } from '../support/feeds';

describe('diffFeeds', () => {
  const before = makeFeed([
    { id: 'kmods', title: 'Kmods SIG Update' },
    { id: 'auto', title: 'A year in review', start: '2023-02-03T15:15:00Z', end: '2023-02-03T16:00:00Z', speakerIds: ['p2'] },
    { id: 'gone', title: 'Talk that disappears', start: '2023-02-03T09:00:00Z', end: '2023-02-03T09:30:00Z' },
  ]);

  it('reports nothing for identical revisions', () => {
    const result = diffFeeds(before, before);
    expect(result.isEmpty).toBe(true);
    expect(result.changes).toEqual([]);
  });

  it('names each kind of change per session and per field', () => {
    const after = makeFeed([
      { id: 'kmods', title: 'Kmods SIG Update', start: '2023-02-03T15:15:00Z', end: '2023-02-03T15:45:00Z', roomId: 'Janson' },
      { id: 'auto', title: 'A year in review 2023', start: '2023-02-03T15:15:00Z', end: '2023-02-03T16:00:00Z', speakerIds: ['p1', 'p2'], cancelled: true,
        links: [{ url: 'https://example.org/slides.pdf', kind: 'slides' }] },
      { id: 'fresh', title: 'Brand new lightning talk' },
    ]);
    const result = diffFeeds(before, after);
    const byId = new Map(result.changes.map((c) => [c.sessionId, c]));
    expect(byId.get('kmods')?.tags.sort()).toEqual(['moved-room', 'moved-time']);
    expect(byId.get('kmods')?.changes).toContainEqual({ field: 'start', before: '2023-02-03T14:30:00Z', after: '2023-02-03T15:15:00Z' });
    expect(byId.get('kmods')?.changes).toContainEqual({ field: 'room', before: 'Pagoda', after: 'Janson' });
    expect(byId.get('auto')?.tags.sort()).toEqual(['cancelled', 'links-changed', 'retitled', 'speakers-changed']);
    expect(byId.get('auto')?.changes).toContainEqual({ field: 'speakers', before: 'Eric Curtin', after: 'Eric Curtin, Peter Georg' });
    expect(byId.get('fresh')?.tags).toEqual(['new']);
    expect(byId.get('gone')?.tags).toEqual(['removed']);
    expect(result.counts['moved-time']).toBe(1);
    expect(result.counts.new).toBe(1);
    expect(result.counts.removed).toBe(1);
  });

  it('treats a renumbered session as the same session (identity by title + speakers + day)', () => {
    const after = makeFeed([
      { id: '9001', title: 'Kmods  SIG update!' },
      { id: 'auto', title: 'A year in review', start: '2023-02-03T15:15:00Z', end: '2023-02-03T16:00:00Z', speakerIds: ['p2'] },
      { id: 'gone', title: 'Talk that disappears', start: '2023-02-03T09:00:00Z', end: '2023-02-03T09:30:00Z' },
    ]);
    const result = diffFeeds(before, after);
    expect(result.changes).toHaveLength(1);
    expect(result.changes[0]).toMatchObject({ sessionId: '9001', previousId: 'kmods', tags: ['retitled'] });
  });
});

describe('matchSessions', () => {
  it('prefers guid, then source id, and never guesses between two candidates', () => {
    const before = makeFeed([
      { id: 'a', guid: 'g-1', sourceId: '1', title: 'Workshop' },
      { id: 'b', sourceId: '2', title: 'Workshop' },
      { id: 'c', title: 'Workshop' },
    ]);
    const after = makeFeed([
      { id: 'x', guid: 'g-1', sourceId: '99', title: 'Renamed workshop' },
      { id: 'y', sourceId: '2', title: 'Other title' },
      { id: 'z', title: 'Workshop' },
      { id: 'w', title: 'Workshop' },
    ]);
    const matches = matchSessions(before, after);
    expect(matches.get('x')?.id).toBe('a');
    expect(matches.get('y')?.id).toBe('b');
    // 'c' is the only unmatched old "Workshop" but two new ones share the key: no guess.
    expect(matches.has('z')).toBe(false);
    expect(matches.has('w')).toBe(false);
  });
});
