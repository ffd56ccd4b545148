import 'fake-indexeddb/auto';
import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HostResult } from '../../../core/host/contract';
import { savePrefs, setStar, updateEntry } from '../../../renderer/src/db/personal';
import type { LanyardDb } from '../../../renderer/src/db/schema';
import { startCalendarPublisher, useCalendarPublishProblem, type CalendarPublisher } from '../../../renderer/src/personal/calendar-publisher';
import { liveAgendaText } from '../../../renderer/src/personal/live-agenda';
import { applyFeedText } from '../../../renderer/src/sync/apply';
import { readCandidate, subscribe } from '../../../renderer/src/sync/subscribe';
import { dropDb, openFreshDb, SAMPLE, sampleRevision } from '../support/sample-db';

const T0 = Date.parse('2023-02-01T07:00:00Z');
let db: LanyardDb;
let publisher: CalendarPublisher | undefined;

beforeEach(async () => {
  db = await openFreshDb('calendar-publisher');
});
afterEach(async () => {
  publisher?.stop();
  await dropDb(db);
});

interface Seen {
  uid: string;
  status: string;
  start: string;
  alarm?: string;
  sequence: number;
}

function events(ics: string): Map<string, Seen> {
  const out = new Map<string, Seen>();
  for (const e of new ICAL.Component(ICAL.parse(ics) as unknown[]).getAllSubcomponents('vevent')) {
    const trigger = e.getFirstSubcomponent('valarm')?.getFirstPropertyValue('trigger');
    out.set(String(e.getFirstPropertyValue('x-lanyard-session')), {
      uid: String(e.getFirstPropertyValue('uid')),
      status: String(e.getFirstPropertyValue('status')),
      start: String(e.getFirstPropertyValue('dtstart')),
      sequence: Number(e.getFirstPropertyValue('sequence')),
      ...(trigger ? { alarm: String(trigger) } : {}),
    });
  }
  return out;
}

/** A host that records what was published; `fail` makes the next answers errors. */
function recordingHost(): { published: string[]; fail: number; publishAgenda: (r: { ics: string }) => Promise<HostResult<null>> } {
  const host = {
    published: [] as string[],
    fail: 0,
    publishAgenda: (request: { ics: string }): Promise<HostResult<null>> => {
      if (host.fail > 0) {
        host.fail -= 1;
        return Promise.resolve({ ok: false, error: { message: 'The host is busy' } });
      }
      host.published.push(request.ics);
      return Promise.resolve({ ok: true, value: null });
    },
  };
  return host;
}

describe('the live calendar publisher', () => {
  it('publishes the starred sessions after each change: maybe tentative, reminders as alarms, moves, unstars and cancellations', async () => {
    const id = await subscribe(db, readCandidate(SAMPLE, { source: 'url', url: 'http://127.0.0.1:9/feed.json' }), T0);
    const host = recordingHost();
    publisher = startCalendarPublisher({ db, host, render: (now) => liveAgendaText(db, now), debounceMs: 0 });
    const last = (): Map<string, Seen> => events(host.published.at(-1) ?? '');

    await setStar(db, id, 'kmods', 'going', T0);
    await setStar(db, id, 'okd', 'maybe', T0);
    await updateEntry(db, id, 'kmods', { reminderMinutes: 25 }, T0);
    await expect.poll(() => [...last().keys()].sort()).toEqual(['kmods', 'okd']);
    await expect.poll(() => last().get('kmods')?.alarm).toBe('-PT25M');
    expect(last().get('kmods')?.status).toBe('CONFIRMED');
    expect(last().get('okd')).toMatchObject({ status: 'TENTATIVE' });
    expect(last().get('okd')?.alarm).toBeUndefined();

    // Reminders off for the conference: no alarms.
    await savePrefs(db, { conferenceId: id, remindersEnabled: false, reminderMinutes: 10 }, T0);
    await expect.poll(() => last().get('kmods')?.alarm).toBeUndefined();

    // The organizers move Kmods (a new revision), then cancel OKD.
    const moved = sampleRevision((feed) => {
      feed.revision = 'r2';
      const kmods = feed.sessions.find((s) => s.id === 'kmods')!;
      kmods.start = '2023-02-03T15:15:00Z';
      kmods.end = '2023-02-03T15:45:00Z';
    });
    expect((await applyFeedText(db, id, moved, {}, T0 + 60_000)).kind).toBe('updated');
    await expect.poll(() => last().get('kmods')?.start).toBe('2023-02-03T16:15:00');
    expect(last().get('kmods')?.sequence).toBe(1);
    const cancelled = sampleRevision((feed) => {
      feed.revision = 'r3';
      const kmods = feed.sessions.find((s) => s.id === 'kmods')!;
      kmods.start = '2023-02-03T15:15:00Z';
      kmods.end = '2023-02-03T15:45:00Z';
      feed.sessions.find((s) => s.id === 'okd')!.cancelled = true;
    });
    expect((await applyFeedText(db, id, cancelled, {}, T0 + 120_000)).kind).toBe('updated');
    await expect.poll(() => [...last().keys()]).toEqual(['kmods']);

    // Unstarring empties the calendar.
    await setStar(db, id, 'kmods', undefined, T0 + 180_000);
    await expect.poll(() => last().size).toBe(0);
  });

  it('retries a failed publish and does not publish the same text twice', async () => {
    const id = await subscribe(db, readCandidate(SAMPLE, { source: 'url', url: 'http://127.0.0.1:9/feed.json' }), T0);
    const host = recordingHost();
    host.fail = 1;
    const timers: Array<{ ms: number; run: () => void }> = [];
    publisher = startCalendarPublisher({
      db,
      host,
      render: (now) => liveAgendaText(db, now),
      debounceMs: 10,
      clock: { now: () => T0, setTimeout: (run, ms) => timers.push({ ms, run }), clearTimeout: () => undefined },
    });
    await setStar(db, id, 'kmods', 'going', T0);
    await publisher.flush();
    expect(host.published).toHaveLength(0);
    expect(publisher.problem()).toBe('Your calendar subscription could not be updated: The host is busy');
    expect(useCalendarPublishProblem.getState().problem).toBe(publisher.problem());
    expect(timers.at(-1)?.ms).toBe(2_000);
    timers.at(-1)?.run();
    await publisher.flush();
    expect(host.published).toHaveLength(1);
    expect(publisher.problem()).toBeUndefined();
    expect(useCalendarPublishProblem.getState().problem).toBeUndefined();
    await publisher.flush();
    expect(host.published).toHaveLength(1);
  });
});
