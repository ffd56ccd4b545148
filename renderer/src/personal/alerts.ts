import { withDerivedStreams } from '../../../core/live/stream-rules';
import { agendaChanges, changeSentence } from '../../../core/personal/changes';
import { startsIn, TICK_MS, type ReminderRecord } from '../../../core/personal/reminders';
import { serialTicks } from '../../../core/personal/ticks';
import { wallTimeOf } from '../../../core/time/zone';
import { heldSentence } from '../../../core/sync/guard';
import { claimNewHolds, type HeldNotice } from '../db/held';
import { readSchedule } from '../db/schedules';
import { addNotice, claimDueReminders, claimNewRevisions } from '../db/notices';
import type { LanyardDb, NoticeRecord, RevisionRecord } from '../db/schema';
import { clock, clockOn, dateIn, shortDate } from '../format';
import type { HostApi } from '../../../core/host/contract';
import type { NotificationRequest, NotifyOutcome } from '../notify';
import { noticeZoneLabel } from '../../../core/time/zone-label';
import { chosenZone, MY_ZONE, useUi } from '../store/ui';

/** The zone a notification's times are in (the time toggle's), and its name when the conference's and the viewer's clocks differ. */
function noticeZone(conferenceZone: string, instant: number): { zone: string; label: string | undefined } {
  return { zone: chosenZone(conferenceZone), label: noticeZoneLabel(useUi.getState().zoneMode, conferenceZone, MY_ZONE, instant) };
}

export type Show = (request: NotificationRequest) => Promise<NotifyOutcome>;


const ACTION_LABELS = { stream: 'Watch the stream', hallway: 'Join the hallway' } as const;

async function describeSession(db: LanyardDb, conferenceId: string, sessionId: string) {
  const [schedule, conference, subscription] = await Promise.all([readSchedule(db, conferenceId), db.conferences.get(conferenceId), db.subscriptions.get(conferenceId)]);
  const session = schedule?.sessions.find((s) => s.id === sessionId);
  if (!schedule || !session || !conference) return undefined;
  const inFeed = session.roomId ? schedule.rooms.find((r) => r.id === session.roomId) : undefined;
  // A room the feed gives no stream gets one by rule (FOSDEM, the organizer's pattern), as on Live now.
  const room = inFeed ? withDerivedStreams([inFeed], { conference: conference.conference, feedUrl: subscription?.url })[0] : undefined;
  const links = [...session.links, ...(room?.links ?? [])].filter((l) => (l.kind === 'stream' || l.kind === 'hallway') && l.url.startsWith('https://'));
  const actions: Array<{ label: string; url: string }> = [];
  for (const kind of ['stream', 'hallway'] as const) {
    const link = links.find((l) => l.kind === kind);
    if (link) actions.push({ label: ACTION_LABELS[kind], url: link.url });
  }
  const { zone, label } = noticeZone(conference.conference.timeZone, Date.parse(session.start));
  return { session, conference, room, actions, zone, zoneLabel: label };
}

async function show(db: LanyardDb, showFn: Show, kind: NoticeRecord['kind'], request: NotificationRequest, now: number): Promise<NotifyOutcome> {
  let outcome: NotifyOutcome;
  try {
    outcome = await showFn(request);
  } catch {
    outcome = 'failed';
  }
  const notice: NoticeRecord = { at: now, kind, title: request.title, body: request.body, outcome };
  if (request.sessionRef) notice.sessionRef = request.sessionRef;
  if (request.actions?.length) notice.actions = request.actions;
  await addNotice(db, notice);
  return outcome;
}

/** "Starts in 10 min: Kmods SIG Update" / "15:30–16:00 · Pagoda room · CentOS Connect 2023": what, when and where, as plain text. */
async function reminderNotification(db: LanyardDb, reminder: ReminderRecord, now: number): Promise<NotificationRequest | undefined> {
  const info = await describeSession(db, reminder.conferenceId, reminder.sessionId);
  if (!info) return undefined;
  const { session, conference, room, actions, zone, zoneLabel } = info;
  // "15:30–16:00 Brussels time": the toggle's zone, named when the viewer's clock reads differently.
  const when = `${clock(session.start, zone)}–${clock(session.end, zone)}${zoneLabel ? ` ${zoneLabel}` : ''}`;
  const where = [when, room?.name, conference.conference.title].filter(Boolean).join(' · ');
  const request: NotificationRequest = {
    tag: `reminder:${reminder.conferenceId}:${reminder.sessionId}:${reminder.fireAt}`,
    title: `Starts ${startsIn(Date.parse(session.start), now)}: ${session.title}`.slice(0, 300),
    body: where.slice(0, 2000),
    sessionRef: `${reminder.conferenceId}\n${reminder.sessionId}`,
  };
  if (actions.length) {
    request.actions = actions;
    // Browsers show no buttons on a page's notification: say the links are one click away.
    request.body = `${request.body}\n${actions.map((a) => a.label).join(' or ')}: open the session`.slice(0, 2000);
  }
  return request;
}

/** One summary for everything missed while the machine slept or Lanyard was closed. */
async function missedSummary(db: LanyardDb, missed: ReminderRecord[], slept: boolean, now: number): Promise<NotificationRequest | undefined> {
  const recent = missed.filter((r) => r.start > now - 12 * 3_600_000);
  if (recent.length === 0) return undefined;
  const lines: string[] = [];
  const labels = new Set<string>();
  for (const r of recent.slice(0, 4)) {
    const info = await describeSession(db, r.conferenceId, r.sessionId);
    if (info) lines.push(`${clock(info.session.start, info.zone)} ${info.session.title}${info.room ? ` (${info.room.name})` : ''}`);
    if (info?.zoneLabel) labels.add(info.zoneLabel);
  }
  if (recent.length > 4) lines.push(`and ${recent.length - 4} more`);
  if (labels.size) lines.push(`Times in ${[...labels].join(', ')}.`);
  const first = recent[0]!;
  return {
    tag: `missed:${now}`,
    title: `${recent.length} reminder${recent.length === 1 ? '' : 's'} missed while ${slept ? 'your computer was asleep' : 'Lanyard was closed'}`,
    body: lines.join('\n').slice(0, 2000),
    sessionRef: `${first.conferenceId}\n${first.sessionId}`,
  };
}

/** Tells the user, once per revision, how a sync changed sessions in their agenda, and where their reminders moved. */
async function changesNotification(db: LanyardDb, revision: RevisionRecord): Promise<NotificationRequest | undefined> {
  const [conference, entries] = await Promise.all([
    db.conferences.get(revision.conferenceId),
    db.agenda.where('conferenceId').equals(revision.conferenceId).toArray(),
  ]);
  if (!conference || entries.length === 0) return undefined;
  const ids = new Set(entries.flatMap((e) => [e.sessionId, e.identity.id]));
  const touched = agendaChanges(revision.changes, ids);
  if (touched.length === 0) return undefined;
  const { zone, label: zoneLabel } = noticeZone(conference.conference.timeZone, revision.at);
  const time = (iso: string, withDate: boolean): string => {
    const t = clock(iso, zone);
    return withDate ? `${shortDate(wallTimeOf(Date.parse(iso), zone).date)} ${t}` : t;
  };
  const lines: string[] = [];
  for (const change of touched.slice(0, 5)) {
    let line = changeSentence(change, time);
    const reminder = await db.reminders.get([revision.conferenceId, change.sessionId]);
    if (reminder?.previousFireAt !== undefined && reminder.state === 'planned' && reminder.plannedAt === revision.at) line += `; reminder now at ${clockOn(reminder.fireAt, zone, dateIn(reminder.start, zone))}`;
    lines.push(line);
  }
  if (touched.length > 5) lines.push(`and ${touched.length - 5} more changes in your agenda`);
  if (zoneLabel) lines.push(`Times in ${zoneLabel}.`);
  const target = touched.find((c) => !c.tags.includes('removed')) ?? touched[0]!;
  return {
    tag: `changes:${revision.conferenceId}:${revision.id ?? revision.at}`,
    title: `${touched.length === 1 ? 'A session' : `${touched.length} sessions`} in your agenda changed · ${conference.conference.title}`.slice(0, 300),
    body: lines.join('\n').slice(0, 2000),
    sessionRef: `${revision.conferenceId}\n${target.sessionId}`,
  };
}

/** Tells the user, once per held revision, that a new schedule was held back and what they can do. */
async function heldNotification(db: LanyardDb, hold: HeldNotice): Promise<NotificationRequest | undefined> {
  const conference = await db.conferences.get(hold.conferenceId);
  if (!conference) return undefined;
  const title = conference.conference.title;
  return {
    tag: `held:${hold.conferenceId}:${hold.hash.slice(0, 16)}`,
    title: `New schedule held back · ${title}`.slice(0, 300),
    body: `${heldSentence(hold.before, hold.after)} Open ${title} in Lanyard to review it, apply it anyway or keep the current copy.`.slice(0, 2000),
    // Opens the conference, whose header offers the review.
    sessionRef: `${hold.conferenceId}\n`,
  };
}

/**
 * One pass: claim and show due reminders, summarise missed ones, and announce agenda
 * changes from recent syncs and revisions held back. Safe to run from several windows at once.
 */
export async function alertTick(db: LanyardDb, now: number, lastTick: number | undefined, showFn: Show): Promise<void> {
  const decision = await claimDueReminders(db, now, lastTick);
  for (const reminder of decision.fire) {
    const request = await reminderNotification(db, reminder, now);
    if (request) await show(db, showFn, 'reminder', request, now);
  }
  const summary = decision.missed.length ? await missedSummary(db, decision.missed, decision.slept, now) : undefined;
  if (summary) await show(db, showFn, 'missed', summary, now);
  for (const revision of await claimNewRevisions(db, now, now - 86_400_000)) {
    const request = await changesNotification(db, revision);
    if (request) await show(db, showFn, 'changes', request, now);
  }
  for (const hold of await claimNewHolds(db, now, now - 86_400_000)) {
    const request = await heldNotification(db, hold);
    if (request) await show(db, showFn, 'held', request, now);
  }
}

/**
 * Runs the alert tick every 15 s, at once on start, when the window becomes visible, comes
 * back online or regains focus. A tick after a long gap (sleep, a clock jump) is how a wake
 * is noticed; nothing relies on a long timer surviving sleep. `kick` runs a tick now (after
 * a star, a setting or a sync changed what is due).
 */
export function startAlerts(db: LanyardDb, showFn: Show, host: Pick<HostApi, 'onResume'>, nowFn: () => number): { stop: () => void; kick: () => void } {
  const tick = serialTicks(
    (now, lastAwake) => alertTick(db, now, lastAwake, showFn).catch((error: unknown) => console.error('Lanyard: reminder tick failed', error)),
    nowFn,
  );
  const timer = window.setInterval(tick, TICK_MS);
  const onVisible = (): void => {
    if (document.visibilityState === 'visible') tick();
  };
  window.addEventListener('online', tick);
  window.addEventListener('focus', tick);
  document.addEventListener('visibilitychange', onVisible);
  const stopResume = host.onResume(tick);
  tick();
  return {
    kick: tick,
    stop: () => {
      stopResume();
      window.clearInterval(timer);
      window.removeEventListener('online', tick);
      window.removeEventListener('focus', tick);
      document.removeEventListener('visibilitychange', onVisible);
    },
  };
}
