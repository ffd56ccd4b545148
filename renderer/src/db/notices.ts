import { decideDue, type DueDecision } from '../../../core/personal/reminders';
import type { LanyardDb, NoticeRecord, RevisionRecord } from './schema';

/**
 * Takes the reminders that are due now and marks them fired or missed in one read-write
 * transaction, before anything is shown: IndexedDB runs such transactions one after another,
 * so a second window (or a restart) finds them already claimed and never shows them twice.
 */
export function claimDueReminders(db: LanyardDb, now: number, lastTick: number | undefined): Promise<DueDecision> {
  return db.transaction('rw', db.reminders, async () => {
    const due = await db.reminders.where('fireAt').belowOrEqual(now).filter((r) => r.state === 'planned').toArray();
    const decision = decideDue(due, now, lastTick);
    await db.reminders.bulkPut([
      ...decision.fire.map((r) => ({ ...r, state: 'fired' as const, claimedAt: now })),
      ...decision.missed.map((r) => ({ ...r, state: 'missed' as const, claimedAt: now })),
    ]);
    return decision;
  });
}

/** Claims the recent revisions nobody has told the user about yet (each is claimed by exactly one window). */
export function claimNewRevisions(db: LanyardDb, now: number, since: number): Promise<RevisionRecord[]> {
  return db.transaction('rw', db.revisions, async () => {
    const fresh = await db.revisions.filter((r) => r.at >= since && r.notifiedAt === undefined).toArray();
    await db.revisions.bulkPut(fresh.map((r) => ({ ...r, notifiedAt: now })));
    return fresh;
  });
}

const KEEP_NOTICES = 200;

export async function addNotice(db: LanyardDb, notice: NoticeRecord): Promise<void> {
  await db.transaction('rw', db.notices, async () => {
    await db.notices.add(notice);
    const count = await db.notices.count();
    if (count > KEEP_NOTICES) await db.notices.orderBy('at').limit(count - KEEP_NOTICES).delete();
  });
}

/** The most recent notifications, newest first. */
export function recentNotices(db: LanyardDb, limit = 20): Promise<NoticeRecord[]> {
  return db.notices.orderBy('at').reverse().limit(limit).toArray();
}

/** Kinds that must never be silent: when the system does not show them, Lanyard shows them itself. */
const IN_APP_KINDS: ReadonlySet<NoticeRecord['kind']> = new Set(['reminder', 'missed']);
/** An unseen in-app reminder older than this is only kept in the Notifications list. */
const IN_APP_KEEP_MS = 12 * 3_600_000;

/**
 * Reminders the system did not show (not allowed, unsupported, refused by the desktop) and
 * the user has not seen yet, oldest first: they stay on screen inside Lanyard until seen.
 */
export async function unseenInAppNotices(db: LanyardDb, now: number): Promise<NoticeRecord[]> {
  const recent = await db.notices.where('at').above(now - IN_APP_KEEP_MS).toArray();
  return recent.filter((n) => IN_APP_KINDS.has(n.kind) && n.outcome !== 'shown' && n.seenInAppAt === undefined).sort((a, b) => a.at - b.at);
}

/** The user dismissed (or opened) an in-app reminder: it leaves the screen in every window. */
export async function markNoticeSeen(db: LanyardDb, id: number, now: number): Promise<void> {
  await db.notices.update(id, { seenInAppAt: now });
}

/** The last reminder the system was asked to show, and what it did with it: the Reminders box says why reminders stay in the app. */
export async function lastReminderOutcome(db: LanyardDb): Promise<NoticeRecord['outcome'] | undefined> {
  const last = await db.notices.orderBy('at').reverse().filter((n) => n.kind === 'reminder' || n.kind === 'missed').first();
  return last?.outcome;
}
