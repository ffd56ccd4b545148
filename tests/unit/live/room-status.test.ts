import { describe, expect, it } from 'vitest';
import { describeRoomStatus, isRoomStatusTime, nextRoomStatusDelay, parseFosdemRoomStatus, roomFullAlert, type RoomStatus, type StarredTalk } from '../../../core/live/room-status';

const MIN = 60_000;

describe("FOSDEM's room-status document", () => {
  it('reads 0, 1 and 2 (as strings or numbers) and skips what is not of that shape', () => {
    const text = JSON.stringify([
      { roomname: 'Janson', state: '0' },
      { roomname: 'K.1.105 (La Fontaine)', state: '1' },
      { roomname: 'H.2215 (Ferrer)', state: 2 },
      { roomname: 'UB2.147', state: '7' },
      { roomname: '', state: '1' },
      { state: '1' },
      'Janson',
      null,
    ]);
    const result = parseFosdemRoomStatus(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect([...result.rooms]).toEqual([
      ['Janson', 'open'],
      ['K.1.105 (La Fontaine)', 'full'],
      ['H.2215 (Ferrer)', 'evacuate'],
    ]);
    expect(result.skipped).toBe(5);
  });

  it('refuses documents that are not a list, not JSON or too large', () => {
    expect(parseFosdemRoomStatus('{"roomname":"Janson"}')).toEqual({ ok: false, reason: 'the room status is not a list of rooms' });
    expect(parseFosdemRoomStatus('<html>down</html>')).toEqual({ ok: false, reason: 'the room status is not JSON' });
    expect(parseFosdemRoomStatus(`[${'0,'.repeat(300_000)}0]`).ok).toBe(false);
  });
});

describe('polling policy', () => {
  it('polls every 60 to 90 seconds while all is well', () => {
    expect(nextRoomStatusDelay(0, 0)).toBe(60_000);
    expect(nextRoomStatusDelay(0, 0.999)).toBeGreaterThan(89_000);
    expect(nextRoomStatusDelay(0, 0.999)).toBeLessThanOrEqual(90_000);
  });

  it('backs off from 30 seconds after failures, doubling, up to ten minutes', () => {
    expect(nextRoomStatusDelay(1, 0.5)).toBe(30_000);
    expect(nextRoomStatusDelay(2, 0.5)).toBe(60_000);
    expect(nextRoomStatusDelay(3, 0.5)).toBe(120_000);
    expect(nextRoomStatusDelay(30, 0.5)).toBe(10 * MIN);
    expect(nextRoomStatusDelay(1, 0)).toBe(24_000);
  });

  it('polls only while the conference is on (from an hour before its first session)', () => {
    const start = Date.UTC(2024, 1, 3, 8);
    const end = Date.UTC(2024, 1, 4, 18);
    expect(isRoomStatusTime(start - 61 * MIN, start, end)).toBe(false);
    expect(isRoomStatusTime(start - 59 * MIN, start, end)).toBe(true);
    expect(isRoomStatusTime(end, start, end)).toBe(true);
    expect(isRoomStatusTime(end + 1, start, end)).toBe(false);
  });
});

describe('what the user reads', () => {
  const now = Date.UTC(2024, 1, 3, 12);
  it('says the state and how fresh it is, and when it may be out of date (after six minutes)', () => {
    expect(describeRoomStatus({ state: 'full', at: now - 2 * MIN - 5_000, source: 'poll' }, now)).toBe('Full · 2 min ago');
    expect(describeRoomStatus({ state: 'open', at: now - 10_000, source: 'push' }, now)).toBe('Open · just now');
    expect(describeRoomStatus({ state: 'full', at: now - 6 * MIN, source: 'poll' }, now)).toBe('Full · 6 min ago');
    expect(describeRoomStatus({ state: 'filling', at: now - 7 * MIN, source: 'push' }, now)).toBe('Filling up · 7 min ago · may be out of date');
    expect(describeRoomStatus({ state: 'evacuate', at: now - 125 * MIN, source: 'poll' }, now)).toBe('Evacuate · 2 h ago · may be out of date');
  });
});

describe('"the room of your next starred talk is full"', () => {
  const now = Date.UTC(2024, 1, 3, 12);
  const talk = (sessionId: string, roomId: string, startsIn: number, cancelled = false): StarredTalk => ({ sessionId, title: sessionId, roomId, start: now + startsIn * MIN, cancelled });
  const full = (at = now - MIN): RoomStatus => ({ state: 'full', at, source: 'poll' });

  it('names the next starred talk when its room is full and it starts in ten minutes or more', () => {
    const alert = roomFullAlert({ now, starred: [talk('later', 'Janson', 90), talk('next', 'K.1.105', 25), talk('past', 'K.1.105', -10)], statuses: new Map([['K.1.105', full()]]) });
    expect(alert?.talk.sessionId).toBe('next');
  });

  it('stays quiet for a talk starting in under ten minutes, a room that is not full, stale news, or a room that is not the next talk’s', () => {
    expect(roomFullAlert({ now, starred: [talk('next', 'K.1.105', 9)], statuses: new Map([['K.1.105', full()]]) })).toBeUndefined();
    expect(roomFullAlert({ now, starred: [talk('next', 'K.1.105', 30)], statuses: new Map([['K.1.105', { state: 'filling', at: now, source: 'push' }]]) })).toBeUndefined();
    expect(roomFullAlert({ now, starred: [talk('next', 'K.1.105', 30)], statuses: new Map([['K.1.105', full(now - 7 * MIN)]]) })).toBeUndefined();
    expect(roomFullAlert({ now, starred: [talk('next', 'Janson', 20), talk('later', 'K.1.105', 60)], statuses: new Map([['K.1.105', full()]]) })).toBeUndefined();
  });

  it('skips cancelled talks when finding the next one, and counts closed and evacuate as keeping people out', () => {
    const alert = roomFullAlert({ now, starred: [talk('gone', 'Janson', 15, true), talk('next', 'Janson', 40)], statuses: new Map([['Janson', { state: 'closed', at: now, source: 'push' }]]) });
    expect(alert?.talk.sessionId).toBe('next');
  });
});
