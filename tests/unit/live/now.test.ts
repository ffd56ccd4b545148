import { describe, expect, it } from 'vitest';
import { sessionLinks } from '../../../core/live/links';
import { liveNow, sessionKey, type LiveConference } from '../../../core/live/now';
import { recordedSessions } from '../../../core/live/recordings';
import type { Link, Session } from '../../../core/model/schema';

const T0 = Date.parse('2026-02-01T10:00:00Z');
const at = (minutes: number): string => new Date(T0 + minutes * 60_000).toISOString().replace('.000Z', 'Z');

function session(id: string, startMin: number, endMin: number, extra: Partial<Session> = {}): Session {
  return {
    id, title: `Talk ${id}`, start: at(startMin), end: at(endMin), day: '2026-02-01', roomId: 'k1',
    speakerIds: [], links: [], recordingOptOut: false, cancelled: false, ...extra,
  };
}

const roomStream: Link = { url: 'https://live.fosdem.org/watch/k1', kind: 'stream' };
const roomChat: Link = { url: 'https://chat.fosdem.org/#/room/#k1:fosdem.org', kind: 'hallway' };
const confStream: Link = { url: 'https://www.youtube.com/live/conf', kind: 'stream' };
const confChat: Link = { url: 'https://meet.jit.si/conf', kind: 'hallway' };
const confRegister: Link = { url: 'https://ti.to/conf', kind: 'registration' };

function conf(sessions: Session[], id = 'fosdem', roomLinks: Link[] = [roomStream, roomChat]): LiveConference {
  return {
    id,
    conference: { title: id.toUpperCase(), timeZone: 'Europe/Brussels', links: [confStream, confChat, confRegister] },
    rooms: [{ id: 'k1', name: 'K.1.105', links: roomLinks }, { id: 'bare', name: 'H.2213', links: [] }],
    sessions,
  };
}

describe('sessionLinks (session ← room ← conference)', () => {
  it('puts the session’s own links first, then its room’s, then the conference’s stream and hallway', () => {
    const own: Link = { url: 'https://meet.google.com/own', kind: 'hallway' };
    const slides: Link = { url: 'https://example.org/s.pdf', kind: 'slides' };
    const links = sessionLinks({ links: [own, slides] }, { links: [roomStream, roomChat] }, { links: [confStream, confChat, confRegister] });
    expect(links.map((l) => [l.url, l.from])).toEqual([
      [own.url, 'session'], [slides.url, 'session'], [roomStream.url, 'room'], [roomChat.url, 'room'], [confStream.url, 'conference'], [confChat.url, 'conference'],
    ]);
  });

  it('never inherits recordings, slides or registration, and keeps one copy of a repeated URL', () => {
    const rec: Link = { url: 'https://video.fosdem.org/x.webm', kind: 'recording' };
    const links = sessionLinks({ links: [roomStream] }, { links: [roomStream, rec] }, { links: [confRegister] });
    expect(links).toEqual([{ ...roomStream, from: 'session' }]);
  });
});

describe('liveNow', () => {
  it('lists what is on and what starts within 15 minutes, with inherited buttons', () => {
    const sessions = [
      session('past', -60, -5),
      session('on', -10, 20),
      session('soon', 10, 40, { roomId: 'bare' }),
      session('edge', 15, 45),
      session('later', 16, 50),
      session('ending', -30, 0),
    ];
    const items = liveNow({ now: T0, conferences: [conf(sessions)] });
    expect(items.map((i) => [i.session.id, i.state, i.startsInMinutes])).toEqual([['on', 'live', 0], ['soon', 'soon', 10], ['edge', 'soon', 15]]);
    expect(items[0]!.stream?.url).toBe(roomStream.url);
    expect(items[0]!.hallway?.url).toBe(roomChat.url);
    // A room without links falls back to the conference's.
    expect(items[1]!.stream).toMatchObject({ url: confStream.url, from: 'conference' });
    expect(items[1]!.hallway).toMatchObject({ url: confChat.url, from: 'conference' });
    expect(items[0]!.roomName).toBe('K.1.105');
  });

  it('moves with the injected clock', () => {
    const sessions = [session('a', 0, 30), session('b', 30, 60)];
    expect(liveNow({ now: T0 - 20 * 60_000, conferences: [conf(sessions)] }).map((i) => i.session.id)).toEqual([]);
    expect(liveNow({ now: T0 - 60_000, conferences: [conf(sessions)] }).map((i) => [i.session.id, i.state])).toEqual([['a', 'soon']]);
    expect(liveNow({ now: T0 + 20 * 60_000, conferences: [conf(sessions)] }).map((i) => [i.session.id, i.state])).toEqual([['a', 'live'], ['b', 'soon']]);
    expect(liveNow({ now: T0 + 30 * 60_000, conferences: [conf(sessions)] }).map((i) => [i.session.id, i.state])).toEqual([['b', 'live']]);
  });

  it('puts the agenda first (going, then maybe), across conferences', () => {
    const a = conf([session('x', -5, 25), session('y', 5, 35)], 'alpha');
    const b = conf([session('z', -5, 25), session('w', -5, 25)], 'beta');
    const agenda = new Map([[sessionKey('beta', 'w'), 'maybe' as const], [sessionKey('alpha', 'y'), 'going' as const]]);
    const items = liveNow({ now: T0, conferences: [a, b], agenda });
    expect(items.map((i) => `${i.conferenceId}/${i.session.id}`)).toEqual(['alpha/y', 'beta/w', 'alpha/x', 'beta/z']);
    expect(items[0]!.star).toBe('going');
  });

  it('leaves out cancelled sessions and breaks', () => {
    const items = liveNow({ now: T0, conferences: [conf([session('c', -5, 25, { cancelled: true }), session('lunch', -5, 25, { type: 'break' })])] });
    expect(items).toEqual([]);
  });
});

describe('recordedSessions', () => {
  const rec = (n: string): Link => ({ url: `https://video.fosdem.org/${n}.webm`, kind: 'recording' });
  it('lists ended sessions whose feed carries a recording, agenda first, then the most recent', () => {
    const sessions = [
      session('old', -120, -90, { links: [rec('old')] }),
      session('recent', -60, -30, { links: [rec('recent'), { url: 'https://example.org/s.pdf', kind: 'slides' }] }),
      session('starred', -200, -170, { links: [rec('starred')] }),
      session('running', -10, 20, { links: [rec('running')] }),
      session('none', -60, -30),
    ];
    const items = recordedSessions({
      now: T0,
      conferences: [conf(sessions)],
      agenda: new Map([[sessionKey('fosdem', 'starred'), 'going' as const]]),
      watchLater: new Set([sessionKey('fosdem', 'old')]),
    });
    expect(items.map((i) => i.session.id)).toEqual(['starred', 'recent', 'old']);
    expect(items[1]!.recordings.map((l) => l.kind)).toEqual(['recording']);
    expect(items.map((i) => i.isWatchLater)).toEqual([false, false, true]);
  });

  it('never offers a room stream as a session’s recording', () => {
    expect(recordedSessions({ now: T0, conferences: [conf([session('a', -60, -30)])] })).toEqual([]);
  });
});

describe('liveNotificationActions', () => {
  it('offers stream then hallway, the most specific of each, at most two', async () => {
    const { liveNotificationActions } = await import('../../../core/live/links');
    const links = sessionLinks({ links: [] }, { links: [roomChat] }, { links: [confStream, confChat] });
    expect(liveNotificationActions(links)).toEqual([{ label: 'Watch stream', url: confStream.url }, { label: 'Join hallway', url: roomChat.url }]);
    expect(liveNotificationActions([])).toEqual([]);
  });
});
