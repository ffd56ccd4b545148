import { describe, expect, it } from 'vitest';
import { mediaCccEventUrl, nextRecordingCheck, parseMediaCccEvent } from '../../../core/live/media-ccc';
import { planRecordingClaims } from '../../../core/live/recording-arrivals';

const GUID = '7f3c2a9e-1b44-4c61-9a3d-5e2f0c8b1d11';
// An answer in the documented shape of GET /public/events/<guid> (voctoweb's event + recordings).
const released = {
  guid: GUID,
  title: 'Hacking the schedule',
  slug: '38c3-1234-hacking-the-schedule',
  frontend_link: 'https://media.ccc.de/v/38c3-1234-hacking-the-schedule',
  conference_url: 'https://api.media.ccc.de/public/conferences/38c3',
  recordings: [
    { mime_type: 'application/x-subrip', language: 'eng', recording_url: 'https://cdn.media.ccc.de/x.srt', high_quality: false, state: 'new' },
    { mime_type: 'video/mp4', language: 'eng', recording_url: 'https://cdn.media.ccc.de/x-hd.mp4', high_quality: true, width: 1920, height: 1080, state: 'new' },
  ],
};

describe('media.ccc.de event answers', () => {
  it('asks for the event by guid under the (injectable) API base', () => {
    expect(mediaCccEventUrl(GUID)).toBe(`https://api.media.ccc.de/public/events/${GUID}`);
    expect(mediaCccEventUrl('a/b', 'http://127.0.0.1:9000/')).toBe('http://127.0.0.1:9000/public/events/a%2Fb');
  });

  it('offers the talk’s page once a video recording is published', () => {
    expect(parseMediaCccEvent(JSON.stringify(released), GUID.toUpperCase())).toEqual({ ok: true, links: [{ url: 'https://media.ccc.de/v/38c3-1234-hacking-the-schedule', title: 'media.ccc.de', kind: 'recording' }] });
    const noPage = { ...released, frontend_link: null };
    expect(parseMediaCccEvent(JSON.stringify(noPage), GUID)).toEqual({ ok: true, links: [{ url: 'https://cdn.media.ccc.de/x-hd.mp4', title: 'Recording (media.ccc.de)', kind: 'recording' }] });
  });

  it('gives no link while only subtitles or nothing are published', () => {
    expect(parseMediaCccEvent(JSON.stringify({ ...released, recordings: [released.recordings[0]] }), GUID)).toEqual({ ok: true, links: [] });
    expect(parseMediaCccEvent(JSON.stringify({ ...released, recordings: [] }), GUID)).toEqual({ ok: true, links: [] });
  });

  it('refuses another talk’s answer, non-JSON and a page that is not https', () => {
    expect(parseMediaCccEvent(JSON.stringify({ ...released, guid: 'other' }), GUID)).toEqual({ ok: false, reason: 'the answer is about another talk (other)' });
    expect(parseMediaCccEvent('<html>', GUID)).toEqual({ ok: false, reason: 'the answer is not JSON' });
    const insecure = { ...released, frontend_link: 'javascript:alert(1)', recordings: [{ mime_type: 'video/webm', recording_url: 'http://cdn.example/x.webm' }] };
    expect(parseMediaCccEvent(JSON.stringify(insecure), GUID)).toEqual({ ok: true, links: [] });
  });
});

describe('when to ask media.ccc.de', () => {
  const HOUR = 3_600_000;
  const end = Date.UTC(2024, 11, 28, 12);
  it('first an hour after the talk, then every three hours, then twice a day, and not after two weeks', () => {
    expect(nextRecordingCheck({ end, now: end, failures: 0, random: 0.5 })).toBe(end + HOUR);
    expect(nextRecordingCheck({ end, now: end + 5 * HOUR, lastCheckAt: end + 2 * HOUR, failures: 0, random: 0.5 })).toBe(end + 5 * HOUR);
    expect(nextRecordingCheck({ end, now: end + 72 * HOUR, lastCheckAt: end + 70 * HOUR, failures: 0, random: 0.5 })).toBe(end + 82 * HOUR);
    expect(nextRecordingCheck({ end, now: end + 15 * 24 * HOUR, lastCheckAt: end, failures: 0, random: 0.5 })).toBeUndefined();
  });
  it('waits longer after failures', () => {
    expect(nextRecordingCheck({ end, now: end + 3 * HOUR, lastCheckAt: end + 2 * HOUR, failures: 6, random: 0.5 })).toBe(end + 2 * HOUR + 24 * HOUR);
  });
});

describe('which arriving recordings are news', () => {
  it('announces a recording only for a session seen without one, and each session once', () => {
    const watched = [
      { sessionId: 'new', title: 'New', hasRecording: true },
      { sessionId: 'old', title: 'Old', hasRecording: true },
      { sessionId: 'waiting', title: 'Waiting', hasRecording: false },
      { sessionId: 'done', title: 'Done', hasRecording: true },
      { sessionId: 'still', title: 'Still', hasRecording: false },
    ];
    const plan = planRecordingClaims(watched, new Set(['new', 'still', 'done']), new Set(['done']));
    expect(plan.notify.map((s) => s.sessionId)).toEqual(['new']);
    expect(plan.silent.map((s) => s.sessionId)).toEqual(['old']);
    expect(plan.seenWithout.map((s) => s.sessionId)).toEqual(['waiting']);
  });
});
