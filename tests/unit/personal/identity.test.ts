import { describe, expect, it } from 'vitest';
import { closestCandidates, identityOf, locateInRevision, oldToNewIds } from '../../../core/personal/identity';
import { makeFeed } from '../support/feeds';

const names = (id: string): string | undefined => ({ p1: 'Peter Georg', p2: 'Eric Curtin' })[id];

describe('finding an agenda entry\'s session in a new revision', () => {
  it('prefers the guid over everything else', () => {
    const before = makeFeed([{ id: 'a', guid: 'G1', title: 'Kmods SIG Update' }]);
    const after = makeFeed([
      { id: 'a', title: 'Something else entirely' },
      { id: 'z', guid: 'G1', title: 'Kmods SIG: an update', start: '2023-02-03T16:00:00Z', end: '2023-02-03T16:30:00Z' },
    ]);
    const entry = { sessionId: 'a', identity: identityOf(before.sessions[0]!, names) };
    expect(locateInRevision([entry], after, undefined, undefined).get('a')?.id).toBe('z');
    expect(locateInRevision([entry], after, new Set(['a']), oldToNewIds(before, after)).get('a')?.id).toBe('z');
  });

  it('finds a session that is both in the agenda and on the watch list (one identity, not two namesakes)', () => {
    const before = makeFeed([{ id: 'a', guid: 'G1', title: 'Kmods SIG Update' }]);
    const after = makeFeed([{ id: 'a', guid: 'G1', title: 'Kmods SIG Update' }]);
    const identity = identityOf(before.sessions[0]!, names);
    const found = locateInRevision([{ sessionId: 'a', identity }, { sessionId: 'a', identity }], after, undefined, undefined);
    expect(found.get('a')?.id).toBe('a');
  });

  it('pairs by title + speakers + day when every id changed, and never guesses between two namesakes', () => {
    const before = makeFeed([{ id: '101', title: 'Kmods SIG Update' }, { id: '102', title: 'Lightning talk', speakerIds: ['p2'], start: '2023-02-03T10:05:00Z', end: '2023-02-03T10:15:00Z' }]);
    const after = makeFeed([
      { id: '901', title: 'Kmods SIG update!', start: '2023-02-03T15:15:00Z', end: '2023-02-03T15:45:00Z' },
      { id: '902', title: 'Lightning talk', speakerIds: ['p1'], start: '2023-02-03T10:00:00Z', end: '2023-02-03T10:10:00Z' },
      { id: '903', title: 'Lightning talk', speakerIds: ['p1'], start: '2023-02-03T10:10:00Z', end: '2023-02-03T10:20:00Z' },
    ]);
    const entries = before.sessions.map((s) => ({ sessionId: s.id, identity: identityOf(s, names) }));
    const found = locateInRevision(entries, after, undefined, undefined);
    expect(found.get('101')?.id).toBe('901');
    expect(found.get('102')).toBeUndefined();
    // The namesakes (neither in the same slot) are offered instead, nearest in time first.
    const candidates = closestCandidates(entries[1]!.identity, after.sessions, names);
    expect(candidates.map((c) => c.session.id)).toEqual(['902', '903']);
  });

  it('ranks a retitled session with the same speaker above an unrelated one, and skips breaks', () => {
    const gone = identityOf(makeFeed([{ id: 'x', title: 'Running cloud native apps on Arm' }]).sessions[0]!, names);
    const after = makeFeed([
      { id: 'coffee', title: 'Coffee break on Arm', type: 'break' },
      { id: 'other', title: 'Apps for everyone', speakerIds: ['p2'] },
      { id: 'renamed', title: 'Cloud native applications on Arm servers', speakerIds: ['p1'] },
    ]);
    expect(closestCandidates(gone, after.sessions, names).map((c) => c.session.id)).toEqual(['renamed', 'other']);
  });
});
