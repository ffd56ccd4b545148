import { describe, expect, it } from 'vitest';
import { alternativesFor, layoutDay, nextFor, type AgendaSlot } from '../../../core/personal/agenda-day';

const T = (hhmm: string): number => Date.parse(`2023-02-03T${hhmm}:00Z`);
const slot = (id: string, from: string, to: string, extra: Partial<AgendaSlot> = {}): AgendaSlot => ({ sessionId: id, start: T(from), end: T(to), isGoing: true, isCancelled: false, ...extra });

describe('agenda day layout', () => {
  it('orders sessions and shows the free time between them', () => {
    const rows = layoutDay([slot('b', '11:00', '11:30'), slot('a', '09:00', '10:00')]);
    expect(rows.map((r) => r.kind)).toEqual(['session', 'gap', 'session']);
    expect(rows[1]).toMatchObject({ kind: 'gap', minutes: 60, from: T('10:00'), to: T('11:00') });
    expect(rows[0]).toMatchObject({ slot: { sessionId: 'a' } });
  });

  it('groups overlapping sessions into one conflict, chained overlaps included', () => {
    const rows = layoutDay([slot('a', '09:00', '10:00'), slot('b', '09:30', '10:30'), slot('c', '10:15', '11:00'), slot('d', '11:00', '11:30')]);
    expect(rows.map((r) => r.kind)).toEqual(['conflict', 'session']);
    const conflict = rows[0]!;
    if (conflict.kind !== 'conflict') throw new Error('expected a conflict');
    expect(conflict.slots.map((s) => s.sessionId)).toEqual(['a', 'b', 'c']);
    expect([conflict.start, conflict.end]).toEqual([T('09:00'), T('11:00')]);
    expect(conflict.isClash).toBe(true);
  });

  it('does not call back-to-back sessions a conflict, and a going + maybe overlap is not a clash', () => {
    expect(layoutDay([slot('a', '09:00', '10:00'), slot('b', '10:00', '11:00')]).map((r) => r.kind)).toEqual(['session', 'session']);
    const [row] = layoutDay([slot('a', '09:00', '10:00'), slot('b', '09:30', '10:00', { isGoing: false })]);
    expect(row).toMatchObject({ kind: 'conflict', isClash: false });
  });

  it('lets a cancelled session clash with nothing', () => {
    const rows = layoutDay([slot('a', '09:00', '10:00'), slot('x', '09:15', '09:45', { isCancelled: true }), slot('b', '10:30', '11:00')]);
    expect(rows.map((r) => r.kind)).toEqual(['session', 'session', 'gap', 'session']);
    expect(rows[2]).toMatchObject({ minutes: 30 });
  });

  it('offers as alternatives the other sessions running during a conflicted slot', () => {
    const sessions = [
      { id: 'a', start: '2023-02-03T09:00:00Z', end: '2023-02-03T10:00:00Z', cancelled: false },
      { id: 'alt', start: '2023-02-03T09:30:00Z', end: '2023-02-03T10:30:00Z', cancelled: false },
      { id: 'after', start: '2023-02-03T10:30:00Z', end: '2023-02-03T11:00:00Z', cancelled: false },
      { id: 'gone', start: '2023-02-03T09:30:00Z', end: '2023-02-03T10:00:00Z', cancelled: true },
      { id: 'coffee', start: '2023-02-03T09:30:00Z', end: '2023-02-03T10:00:00Z', cancelled: false, type: 'break' },
    ];
    expect(alternativesFor(sessions, T('09:00'), T('10:30'), new Set(['a'])).map((s) => s.id)).toEqual(['alt']);
  });

  it('finds what is next for me: the going session on now, else the next', () => {
    const slots = [slot('a', '09:00', '10:00'), slot('m', '10:00', '10:30', { isGoing: false }), slot('b', '11:00', '12:00')];
    expect(nextFor(slots, T('09:30'))).toMatchObject({ slot: { sessionId: 'a' }, isNow: true });
    expect(nextFor(slots, T('10:00'))).toMatchObject({ slot: { sessionId: 'b' }, isNow: false });
    expect(nextFor(slots, T('12:00'))).toBeUndefined();
  });
});
