import { describe, expect, it } from 'vitest';
import type { SessionChange } from '../../../core/feed/diff';
import { agendaChanges, changeSentence, describeChange } from '../../../core/personal/changes';

const hhmm = (iso: string, withDate: boolean): string => (withDate ? `${iso.slice(5, 10)} ${iso.slice(11, 16)}` : iso.slice(11, 16));

const moved: SessionChange = {
  sessionId: 'kmods',
  title: 'Kmods SIG Update',
  tags: ['moved-time', 'moved-room'],
  changes: [
    { field: 'start', before: '2023-02-03T15:30:00Z', after: '2023-02-03T16:15:00Z' },
    { field: 'end', before: '2023-02-03T16:00:00Z', after: '2023-02-03T16:45:00Z' },
    { field: 'room', before: 'Pagoda room', after: 'Lab' },
  ],
};

describe('describing changes for people', () => {
  it('names the session and what changed, in one sentence', () => {
    expect(changeSentence(moved, hhmm)).toBe('Kmods SIG Update moved from 15:30 to 16:15 and moved from Pagoda room to Lab');
    expect(changeSentence({ sessionId: 'x', title: 'Gone', tags: ['removed'], changes: [] }, hhmm)).toBe('Gone removed by the organizers');
  });

  it('adds the date when the session moved to another day', () => {
    const otherDay: SessionChange = {
      sessionId: 'a', title: 'A', tags: ['moved-time'],
      changes: [{ field: 'start', before: '2023-02-03T10:00:00Z', after: '2023-02-04T10:00:00Z' }, { field: 'day', before: '2023-02-03', after: '2023-02-04' }],
    };
    expect(describeChange(otherDay, hhmm)).toEqual(['moved from 02-03 10:00 to 02-04 10:00']);
  });

  it('covers cancellations, renames, speakers and an end-only change', () => {
    const change: SessionChange = {
      sessionId: 'a', title: 'New name', tags: ['cancelled', 'retitled', 'speakers-changed', 'moved-time'],
      changes: [
        { field: 'end', before: '2023-02-03T10:30:00Z', after: '2023-02-03T10:45:00Z' },
        { field: 'title', before: 'Old name', after: 'New name' },
        { field: 'speakers', before: 'Ann', after: 'Ann, Bob' },
        { field: 'cancelled', before: 'false', after: 'true' },
      ],
    };
    expect(describeChange(change, hhmm)).toEqual(['cancelled', 'now ends at 10:45 (was 10:30)', 'renamed from “Old name”', 'speakers now Ann, Bob']);
  });

  it('keeps only the changes that touch the agenda, by new or previous id, and ignores abstract edits', () => {
    const renumbered: SessionChange = { ...moved, sessionId: 'new-id', previousId: 'kmods' };
    const abstract: SessionChange = { sessionId: 'okd', title: 'OKD', tags: ['details-changed'], changes: [] };
    const elsewhere: SessionChange = { ...moved, sessionId: 'other' };
    expect(agendaChanges([renumbered, abstract, elsewhere], new Set(['kmods', 'okd'])).map((c) => c.sessionId)).toEqual(['new-id']);
  });
});
