import { describe, expect, it } from 'vitest';
import type { SessionChange } from '../../../core/feed/diff';
import { agendaChangePhrases, changesSinceSeen, netChange } from '../../../core/personal/change-summary';

/** "Sat 10:00" from an ISO instant in UTC: enough for the phrases' shape. */
const time = (iso: string): string => {
  const d = new Date(iso);
  return `${['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()]} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
};

const moved: SessionChange = {
  sessionId: 's1',
  title: 'Rust in the kernel',
  tags: ['moved-time', 'moved-room'],
  changes: [
    { field: 'start', before: '2026-01-31T10:00:00Z', after: '2026-01-31T14:00:00Z' },
    { field: 'end', before: '2026-01-31T10:30:00Z', after: '2026-01-31T14:30:00Z' },
    { field: 'room', before: 'K.1.105', after: 'H.2215' },
  ],
};

describe('what changed, in the agenda', () => {
  it('says where a session moved in time and room, and that it was cancelled or retitled', () => {
    expect(agendaChangePhrases(moved, time)).toEqual(['moved from Sat 10:00 to Sat 14:00', 'room K.1.105 → H.2215']);
    expect(agendaChangePhrases({ sessionId: 's', title: 'T', tags: ['cancelled'], changes: [{ field: 'cancelled', before: 'false', after: 'true' }] }, time)).toEqual(['cancelled']);
    expect(agendaChangePhrases({ sessionId: 's', title: 'New', tags: ['retitled'], changes: [{ field: 'title', before: 'Old', after: 'New' }] }, time)).toEqual(['title changed (was “Old”)']);
    expect(agendaChangePhrases({ sessionId: 's', title: 'T', tags: ['moved-time'], changes: [{ field: 'start', before: '2026-01-31T16:00:00Z', after: '2026-02-01T09:00:00Z' }, { field: 'day', before: '2026-01-31', after: '2026-02-01' }] }, time)).toEqual(['moved from Sat 16:00 to Sun 09:00']);
    // An edited abstract is not what an attendee plans by, but it is not hidden either.
    expect(agendaChangePhrases({ sessionId: 's', title: 'T', tags: ['details-changed'], changes: [{ field: 'abstract', before: 'a', after: 'b' }] }, time)).toEqual(['details changed']);
  });

  it('finds the changes since the user last looked, following a renumbered session to its earlier ids', () => {
    const revisions = [
      { changes: [{ sessionId: 'new-1', previousId: 'old-1', title: 'Rust in the kernel', tags: ['moved-room'], changes: [{ field: 'room', before: 'H.2215', after: 'UA2.114' }] }] },
      { changes: [{ sessionId: 'other', title: 'Other', tags: ['cancelled'], changes: [] }] },
      { changes: [{ ...moved, sessionId: 'old-1' }] },
      { changes: [{ sessionId: 'old-1', title: 'Rust in the kernel', tags: ['retitled'], changes: [{ field: 'title', before: 'Rust', after: 'Rust in the kernel' }] }] },
    ] satisfies Array<{ changes: SessionChange[] }>;
    const found = changesSinceSeen(revisions, 'new-1', ['moved-room', 'moved-time']);
    // Oldest first, and it stops once every unseen tag is explained (the retitle was seen before).
    expect(found.map((c) => c.tags)).toEqual([['moved-time', 'moved-room'], ['moved-room']]);
    const net = netChange(found)!;
    expect(agendaChangePhrases(net, time)).toEqual(['moved from Sat 10:00 to Sat 14:00', 'room K.1.105 → UA2.114']);
    expect(net.sessionId).toBe('new-1');
  });

  it('a session moved and moved back, or cancelled and back on, has not changed', () => {
    const back: SessionChange = { sessionId: 's1', title: 'Rust in the kernel', tags: ['moved-time', 'moved-room'], changes: moved.changes.map((c) => ({ field: c.field, before: c.after, after: c.before })) };
    expect(agendaChangePhrases(netChange([moved, back])!, time)).toEqual([]);
    const off: SessionChange = { sessionId: 's', title: 'T', tags: ['cancelled'], changes: [{ field: 'cancelled', before: 'false', after: 'true' }] };
    const on: SessionChange = { sessionId: 's', title: 'T', tags: ['reinstated'], changes: [{ field: 'cancelled', before: 'true', after: 'false' }] };
    expect(agendaChangePhrases(netChange([off, on])!, time)).toEqual([]);
    expect(agendaChangePhrases(netChange([on, off])!, time)).toEqual([]);
    expect(agendaChangePhrases(netChange([off])!, time)).toEqual(['cancelled']);
    expect(netChange([])).toBeUndefined();
  });
});
