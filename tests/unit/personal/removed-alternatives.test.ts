import { describe, expect, it } from 'vitest';
import type { Session } from '../../../core/model/schema';
import type { SessionIdentity } from '../../../core/personal/model';
import { removedAlternatives } from '../../../core/personal/removed-alternatives';

const session = (id: string, day: string, from: string, to: string, extra: Partial<Session> = {}): Session => ({
  id, title: id, start: `${day}T${from}:00Z`, end: `${day}T${to}:00Z`, day, speakerIds: [], links: [], recordingOptOut: false, cancelled: false, ...extra,
});
const tracks = new Map([['rust', 'Rust'], ['go', 'Go']]);
const trackName = (id: string): string | undefined => tracks.get(id);
const removed: SessionIdentity = { id: 'gone', title: 'Async Rust', speakers: ['Ana'], day: '2026-02-01', start: '2026-02-01T10:00:00Z', end: '2026-02-01T10:30:00Z', track: 'Rust' };

describe('alternatives to a removed session', () => {
  const sessions = [
    session('sat-rust', '2026-01-31', '10:00', '10:30', { trackId: 'rust' }),
    session('sun-rust-later', '2026-02-01', '15:00', '15:30', { trackId: 'rust' }),
    session('sun-go-same-time', '2026-02-01', '10:15', '10:45', { trackId: 'go' }),
    session('sun-rust-same-time', '2026-02-01', '09:30', '10:05', { trackId: 'rust' }),
    session('sun-ends-at-start', '2026-02-01', '09:30', '10:00'),
    session('sun-cancelled', '2026-02-01', '10:00', '10:30', { cancelled: true }),
    session('sun-break', '2026-02-01', '10:00', '10:30', { type: 'break' }),
  ];

  it('lists what runs at the same time, then the rest of its track, its own day first', () => {
    const found = removedAlternatives(removed, sessions, trackName);
    expect(found.sameTime.map((s) => s.id)).toEqual(['sun-rust-same-time', 'sun-go-same-time']);
    expect(found.sameTrack.map((s) => s.id)).toEqual(['sun-rust-later', 'sat-rust']);
  });

  it('takes a removed session of unknown end as half an hour, and one of unknown track has no track list', () => {
    const { end: _end, track: _track, ...old } = removed;
    const found = removedAlternatives({ ...old, start: '2026-02-01T10:20:00Z' }, sessions, trackName);
    expect(found.sameTime.map((s) => s.id)).toEqual(['sun-go-same-time']);
    expect(found.sameTrack).toEqual([]);
    expect(removedAlternatives(removed, sessions, trackName, 1).sameTrack.map((s) => s.id)).toEqual(['sun-rust-later']);
  });
});
