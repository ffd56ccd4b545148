import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NotificationRequest } from '../../../core/host/contract';
import { identityOf } from '../../../core/personal/identity';
import { importFeed } from '../../../core/formats/index';
import { storeFeed } from '../../../renderer/src/db/feeds';
import { markSeen, savePrefs, setStar, updateEntry } from '../../../renderer/src/db/personal';
import { reattachToStored } from '../../../renderer/src/db/personal-restore';
import { getSession } from '../../../renderer/src/db/schedules';
import { LanyardDb } from '../../../renderer/src/db/schema';
import { alertTick } from '../../../renderer/src/personal/alerts';
import { MY_ZONE } from '../../../renderer/src/store/ui';
import { noticeZoneLabel } from '../../../core/time/zone-label';
import { applyFeedText } from '../../../renderer/src/sync/apply';
import { readCandidate, subscribe } from '../../../renderer/src/sync/subscribe';
import { describeCorpus, readCorpus } from '../support/corpus';
import { dropDb, openFreshDb, SAMPLE, sampleRevision as revision } from '../support/sample-db';

const MIN = 60_000;
/** Conference morning, 08:00 in Brussels. */
const T0 = Date.parse('2023-02-03T07:00:00Z');
/** Notifications name the zone of their times when the machine running the tests is not on Brussels time. */
const IN_BRUSSELS = noticeZoneLabel('conference', 'Europe/Brussels', MY_ZONE, T0) ? ' Brussels time' : '';
const TIMES_LINE = IN_BRUSSELS ? '\nTimes in Brussels time.' : '';
let db: LanyardDb;

beforeEach(async () => {
  db = await openFreshDb('agenda');
});
afterEach(() => dropDb(db));

async function subscribed(): Promise<string> {
  return subscribe(db, readCandidate(SAMPLE, { source: 'url', url: 'http://127.0.0.1:9/feed.json' }), T0);
}

function recorder(): { shown: NotificationRequest[]; show: (r: NotificationRequest) => Promise<'shown'> } {
  const shown: NotificationRequest[] = [];
  return { shown, show: (r) => Promise.resolve(shown.push(r)).then(() => 'shown' as const) };
}

describe('favourites across schedule updates', () => {
  it('follows renumbered sessions, keeps a removed one as a tombstone, and moves the reminder of a moved one', async () => {
    const id = await subscribed();
    await setStar(db, id, 'kmods', 'going', T0);
    await setStar(db, id, 'okd', 'maybe', T0);
    await setStar(db, id, 'rocky', 'going', T0);
    await updateEntry(db, id, 'arm', { note: 'Ask about Ampere boards' }, T0);
    await updateEntry(db, id, 'rocky', { reminderMinutes: 30 }, T0);
    expect(await db.reminders.get([id, 'kmods'])).toMatchObject({ fireAt: Date.parse('2023-02-03T14:20:00Z'), state: 'planned' });
    expect(await db.reminders.get([id, 'rocky'])).toMatchObject({ fireAt: Date.parse('2023-02-03T13:10:00Z') });
    expect(await db.reminders.count()).toBe(2);

    // The organizers renumber every session, move Kmods by 45 minutes and drop Rocky.
    const next = revision((feed) => {
      feed.revision = 'r2';
      feed.sessions = feed.sessions.filter((s) => s.id !== 'rocky');
      for (const s of feed.sessions) s.id = `2023-${s.id}`;
      const kmods = feed.sessions.find((s) => s.title === 'Kmods SIG Update')!;
      kmods.start = '2023-02-03T15:15:00Z';
      kmods.end = '2023-02-03T15:45:00Z';
    });
    expect((await applyFeedText(db, id, next, {}, T0 + MIN)).kind).toBe('updated');

    const agenda = await db.agenda.where('conferenceId').equals(id).toArray();
    expect(agenda.map((e) => [e.sessionId, e.star, e.note, e.removedAt]).sort()).toEqual([
      ['2023-arm', undefined, 'Ask about Ampere boards', undefined],
      ['2023-kmods', 'going', undefined, undefined],
      ['2023-okd', 'maybe', undefined, undefined],
      ['removed:rocky', 'going', undefined, T0 + MIN],
    ]);
    // Every entry points at a stored session, or says the organizers removed it.
    for (const entry of agenda) {
      const session = await getSession(db, id, entry.sessionId);
      expect(session !== undefined || entry.removedAt !== undefined).toBe(true);
    }
    expect(agenda.find((e) => e.sessionId === '2023-kmods')?.identity).toMatchObject({ id: '2023-kmods', start: '2023-02-03T15:15:00Z' });
    expect(await db.reminders.get([id, '2023-kmods'])).toMatchObject({ fireAt: Date.parse('2023-02-03T15:05:00Z'), previousFireAt: Date.parse('2023-02-03T14:20:00Z'), state: 'planned' });
    expect(await db.reminders.get([id, 'rocky'])).toBeUndefined();
    expect(await db.reminders.count()).toBe(1);
    // The moved session carries an unseen mark until its page is opened.
    expect((await db.changeMarks.get([id, '2023-kmods']))?.tags).toContain('moved-time');
    await markSeen(db, id, '2023-kmods');
    expect(await db.changeMarks.get([id, '2023-kmods'])).toBeUndefined();

    // Rocky comes back in the next revision: the tombstone finds it again by its remembered identity.
    const back = revision((feed) => {
      feed.revision = 'r3';
      for (const s of feed.sessions) s.id = `2023-${s.id}`;
    });
    expect((await applyFeedText(db, id, back, {}, T0 + 2 * MIN)).kind).toBe('updated');
    const rocky = await db.agenda.get([id, '2023-rocky']);
    expect(rocky).toMatchObject({ star: 'going', reminderMinutes: 30 });
    expect(rocky?.removedAt).toBeUndefined();
    expect(await db.agenda.get([id, 'removed:rocky'])).toBeUndefined();
  });

  it('re-attaches restored entries that name an older revision\'s ids, by their remembered identity', async () => {
    const id = await subscribed();
    const kmods = (await getSession(db, id, 'kmods'))!;
    // As written by an export of an earlier revision where Kmods had the id "k-17".
    const identity = { ...identityOf(kmods, () => 'Peter Georg'), id: 'k-17' };
    await db.agenda.bulkPut([
      { conferenceId: id, sessionId: 'k-17', identity, star: 'going', note: 'restored', updatedAt: T0 },
      { conferenceId: id, sessionId: 'gone', identity: { id: 'gone', title: 'A talk that was dropped', speakers: [], day: '2023-02-03', start: '2023-02-03T09:00:00Z' }, star: 'maybe', updatedAt: T0 },
    ]);
    expect(await reattachToStored(db, id, T0 + 1)).toEqual({ reattached: 1, removed: 1 });
    expect(await db.agenda.get([id, 'kmods'])).toMatchObject({ star: 'going', note: 'restored' });
    expect(await db.agenda.get([id, 'removed:gone'])).toMatchObject({ star: 'maybe', removedAt: T0 + 1 });
    expect(await db.reminders.get([id, 'kmods'])).toMatchObject({ state: 'planned' });
  });

  it('rolls the agenda back with the rest when the write fails', async () => {
    const id = await subscribed();
    await setStar(db, id, 'kmods', 'going', T0);
    const failHook = (): void => {
      throw new Error('quota exceeded');
    };
    db.changeMarks.hook('creating', failHook);
    const outcome = await applyFeedText(db, id, revision((feed) => { for (const s of feed.sessions) s.id = `x-${s.id}`; feed.sessions[0]!.title = 'Renamed'; }), {}, T0 + 1);
    db.changeMarks.hook('creating').unsubscribe(failHook);
    expect(outcome).toMatchObject({ kind: 'failed', stage: 'store' });
    expect(await db.agenda.get([id, 'kmods'])).toMatchObject({ star: 'going' });
    expect(await getSession(db, id, 'kmods')).toBeDefined();
  });
});

describeCorpus('every favourite survives FOSDEM 2024 pre-conference → final export', () => {
  it('keeps all of them: 55 re-attached to the new ids, the rest kept as removed', async () => {
    const pre = importFeed(readCorpus('fosdem/fosdem-2024.xml'));
    const post = importFeed(readCorpus('fosdem/variants/fosdem-2024-postconf-subset-reformatted.xml'));
    const sub = { id: 'fosdem', source: 'url' as const, url: 'https://fosdem.org/2024/schedule/xml', addedAt: T0, archived: 0 as const, failures: 0 };
    await storeFeed(db, { subscription: sub, feed: pre.feed, format: pre.format, warnings: [], diff: undefined, now: T0 });
    const names = new Map(pre.feed.speakers.map((s) => [s.id, s.name]));
    await db.agenda.bulkPut(pre.feed.sessions.map((s, i) => ({
      conferenceId: 'fosdem', sessionId: s.id, identity: identityOf(s, (id) => names.get(id)), star: i % 2 ? 'maybe' as const : 'going' as const, updatedAt: T0,
    })));
    const count = pre.feed.sessions.length;
    await storeFeed(db, { subscription: sub, feed: post.feed, format: post.format, warnings: [], diff: undefined, now: T0 + 1, previous: { feed: pre.feed, storedAt: T0 } });
    const agenda = await db.agenda.where('conferenceId').equals('fosdem').toArray();
    expect(agenda).toHaveLength(count);
    const live = agenda.filter((e) => e.removedAt === undefined);
    expect(live).toHaveLength(55);
    for (const entry of live) expect(await getSession(db, 'fosdem', entry.sessionId)).toBeDefined();
    expect(agenda.filter((e) => e.removedAt !== undefined).every((e) => e.sessionId.startsWith('removed:'))).toBe(true);
  });
});

describe('reminders and change notifications (injected clock)', () => {
  it('shows each reminder once, even with two windows ticking, in plain what/when/where text', async () => {
    const id = await subscribed();
    await setStar(db, id, 'kmods', 'going', T0);
    const other = new LanyardDb(db.name);
    await other.open();
    const a = recorder();
    const b = recorder();
    const fire = Date.parse('2023-02-03T14:20:00Z');
    let lastA: number | undefined;
    let lastB: number | undefined;
    for (let t = fire - 2 * MIN; t <= fire + 3 * MIN; t += 15_000) {
      await Promise.all([alertTick(db, t, lastA, a.show), alertTick(other, t + 5, lastB, b.show)]);
      lastA = t;
      lastB = t + 5;
    }
    other.close();
    const all = [...a.shown, ...b.shown];
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ title: 'Starts in 10 min: Kmods SIG Update', body: `15:30–16:00${IN_BRUSSELS} · Pagoda room · CentOS Connect at FOSDEM\nJoin the hallway: open the session`,
      // The Pagoda room's hallway: the Google Meet whose link registered online attendees get.
      actions: [{ label: 'Join the hallway', url: 'https://connect.centos.org/' }], sessionRef: `${id}\nkmods` });
    expect(await db.notices.count()).toBe(1);
  });

  it('after a sleep, shows one summary of the missed reminders instead of late ones', async () => {
    const id = await subscribed();
    await setStar(db, id, 'okd', 'going', T0);
    await setStar(db, id, 'network', 'going', T0);
    await setStar(db, id, 'kmods', 'going', T0);
    const r = recorder();
    await alertTick(db, Date.parse('2023-02-03T12:00:00Z'), undefined, r.show);
    expect(r.shown).toHaveLength(0);
    // Asleep from 12:00 to 13:30 UTC: OKD (12:50) and Network (13:15) were due meanwhile.
    await alertTick(db, Date.parse('2023-02-03T13:30:00Z'), Date.parse('2023-02-03T12:00:00Z'), r.show);
    expect(r.shown).toHaveLength(1);
    expect(r.shown[0]!.title).toBe('2 reminders missed while your computer was asleep');
    expect(r.shown[0]!.body).toBe(`13:50 Introducing CentOS Stream CoreOS and OKD Streams (Pagoda room)\n14:15 Network management in Enterprise Linux: present and future (Pagoda room)${TIMES_LINE}`);
    // Awake again: Kmods fires on time, and nothing missed is shown twice.
    let last = Date.parse('2023-02-03T13:30:00Z');
    for (let t = last + 15_000; t <= Date.parse('2023-02-03T14:25:00Z'); t += 15_000) {
      await alertTick(db, t, last, r.show);
      last = t;
    }
    expect(r.shown.map((s) => s.title)).toEqual(['2 reminders missed while your computer was asleep', 'Starts in 10 min: Kmods SIG Update']);
  });

  it('announces a change to a starred session once, naming it and the moved reminder', async () => {
    const id = await subscribed();
    await setStar(db, id, 'kmods', 'going', T0);
    await setStar(db, id, 'alma', 'maybe', T0);
    const moved = revision((feed) => {
      feed.revision = 'r2';
      const kmods = feed.sessions.find((s) => s.id === 'kmods')!;
      kmods.start = '2023-02-03T15:15:00Z';
      kmods.end = '2023-02-03T15:45:00Z';
      feed.sessions.find((s) => s.id === 'hyperscale')!.title = 'Hyperscale SIG: the year in review';
    });
    await applyFeedText(db, id, moved, {}, T0 + MIN);
    const a = recorder();
    const b = recorder();
    await alertTick(db, T0 + 2 * MIN, undefined, a.show);
    await alertTick(db, T0 + 2 * MIN + 1, T0 + 2 * MIN, b.show);
    expect(b.shown).toHaveLength(0);
    expect(a.shown).toHaveLength(1);
    expect(a.shown[0]).toMatchObject({
      title: 'A session in your agenda changed · CentOS Connect at FOSDEM',
      body: `Kmods SIG Update moved from 15:30 to 16:15; reminder now at 16:05${TIMES_LINE}`,
      sessionRef: `${id}\nkmods`,
    });
    expect((await db.notices.toArray()).map((x) => x.kind)).toEqual(['changes']);
  });

  it('gives the reminder its date when it falls on another day than its session', async () => {
    const id = await subscribed();
    await setStar(db, id, 'kmods', 'going', T0);
    // Moved to five past midnight (Brussels): the 10-minute reminder is the evening before.
    const late = revision((feed) => {
      feed.revision = 'r2';
      const kmods = feed.sessions.find((s) => s.id === 'kmods')!;
      kmods.start = '2023-02-03T23:05:00Z';
      kmods.end = '2023-02-03T23:35:00Z';
    });
    await applyFeedText(db, id, late, {}, T0 + MIN);
    const a = recorder();
    await alertTick(db, T0 + 2 * MIN, undefined, a.show);
    expect(a.shown[0]!.body).toMatch(/; reminder now at Fri 3 Feb 23:55(\nTimes in Brussels time\.)?$/);
  });

  it('plans nothing when reminders are off for the conference, and plans again when turned on', async () => {
    const id = await subscribed();
    await setStar(db, id, 'kmods', 'going', T0);
    await savePrefs(db, { conferenceId: id, remindersEnabled: false, reminderMinutes: 10 }, T0);
    expect(await db.reminders.count()).toBe(0);
    await savePrefs(db, { conferenceId: id, remindersEnabled: true, reminderMinutes: 15 }, T0);
    expect((await db.reminders.get([id, 'kmods']))?.fireAt).toBe(Date.parse('2023-02-03T14:15:00Z'));
  });
});
