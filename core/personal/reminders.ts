import { DEFAULT_REMINDER_MINUTES, type AgendaEntry, type ConferencePrefs } from './model';

/** A reminder that should exist: fire `minutes` before the session's start. */
export interface PlannedReminder {
  conferenceId: string;
  sessionId: string;
  /** Absolute fire time, epoch ms. */
  fireAt: number;
  /** The session's start when planned, epoch ms. */
  start: number;
  minutes: number;
}

type ReminderState = 'planned' | 'fired' | 'missed';

/** A stored reminder. `claimedAt` is when one window claimed it (fired or missed); it then never fires again. */
export interface ReminderRecord extends PlannedReminder {
  state: ReminderState;
  plannedAt: number;
  claimedAt?: number;
  /** The fire time before the last re-plan (a session moved, or the minutes changed). */
  previousFireAt?: number;
}

export interface SessionTimes {
  start: string;
  cancelled: boolean;
}

export function effectivePrefs(conferenceId: string, prefs: ConferencePrefs | undefined): ConferencePrefs {
  return prefs ?? { conferenceId, remindersEnabled: true, reminderMinutes: DEFAULT_REMINDER_MINUTES };
}

/** Minutes before the start for this entry, or undefined when it gets no reminder. */
export function reminderMinutesFor(entry: AgendaEntry, prefs: ConferencePrefs): number | undefined {
  if (!prefs.remindersEnabled || entry.star !== 'going' || entry.removedAt !== undefined) return undefined;
  if (entry.reminderMinutes === null) return undefined;
  return entry.reminderMinutes ?? prefs.reminderMinutes;
}

/** The reminders one conference's agenda calls for: one per "going" session, none when reminders are off. */
export function planReminders(
  conferenceId: string,
  entries: readonly AgendaEntry[],
  sessions: ReadonlyMap<string, SessionTimes>,
  prefs: ConferencePrefs | undefined,
): PlannedReminder[] {
  const settings = effectivePrefs(conferenceId, prefs);
  const out: PlannedReminder[] = [];
  for (const entry of entries) {
    const minutes = reminderMinutesFor(entry, settings);
    const session = sessions.get(entry.sessionId);
    if (minutes === undefined || !session || session.cancelled) continue;
    const start = Date.parse(session.start);
    out.push({ conferenceId, sessionId: entry.sessionId, start, minutes, fireAt: start - minutes * 60_000 });
  }
  return out;
}

const key = (r: { conferenceId: string; sessionId: string }): string => `${r.conferenceId}\n${r.sessionId}`;

/**
 * Turns what should exist into writes against what is stored. A reminder whose session and
 * minutes did not change keeps its state (a fired one never fires again); a changed one is
 * planned afresh at its new time; one for a session that already started is not created; one
 * whose time already passed but whose session has not started fires at once.
 */
export function reconcileReminders(
  stored: readonly ReminderRecord[],
  desired: readonly PlannedReminder[],
  now: number,
): { put: ReminderRecord[]; remove: Array<[string, string]> } {
  const existing = new Map(stored.map((r) => [key(r), r]));
  const wanted = new Set<string>();
  const put: ReminderRecord[] = [];
  for (const d of desired) {
    const k = key(d);
    wanted.add(k);
    const old = existing.get(k);
    if (old && old.start === d.start && old.minutes === d.minutes) continue;
    // Already shown (or reported missed), and the new time is past too: showing it again would be a duplicate.
    if (old && old.state !== 'planned' && d.fireAt <= now) continue;
    if (d.start <= now) {
      if (old) wanted.delete(k);
      continue;
    }
    const record: ReminderRecord = { ...d, fireAt: Math.max(d.fireAt, now), state: 'planned', plannedAt: now };
    if (old) record.previousFireAt = old.fireAt;
    put.push(record);
  }
  const remove = stored.filter((r) => !wanted.has(key(r))).map((r): [string, string] => [r.conferenceId, r.sessionId]);
  return { put, remove };
}

export const TICK_MS = 15_000;
/** A reminder later than this (the app was closed, the tab throttled) is reported as missed, not fired. */
export const LATE_LIMIT_MS = 5 * 60_000;
/** A gap between ticks this long means the machine slept (background tabs tick at least once a minute). */
export const SLEEP_GAP_MS = 150_000;

export interface DueDecision {
  fire: ReminderRecord[];
  missed: ReminderRecord[];
  /** The machine was asleep (or the app frozen) since the last tick. */
  slept: boolean;
}

/**
 * Which planned reminders to show now and which were missed. While awake a due reminder
 * fires (up to a few minutes late, never after its session started). After a sleep, a
 * reminder whose time passed while asleep is not shown late as if on time: it is reported
 * as missed, in one summary.
 */
export function decideDue(records: readonly ReminderRecord[], now: number, lastTick: number | undefined): DueDecision {
  const slept = lastTick !== undefined && now - lastTick > SLEEP_GAP_MS;
  const lateLimit = slept ? 2 * TICK_MS : LATE_LIMIT_MS;
  const fire: ReminderRecord[] = [];
  const missed: ReminderRecord[] = [];
  for (const r of records) {
    if (r.state !== 'planned' || r.fireAt > now) continue;
    if (now - r.fireAt <= lateLimit && now < r.start + 60_000) fire.push(r);
    else missed.push(r);
  }
  const byTime = (a: ReminderRecord, b: ReminderRecord): number => a.fireAt - b.fireAt;
  return { fire: fire.sort(byTime), missed: missed.sort(byTime), slept };
}

/**
 * "in 10 min", "now", "2 min ago": how the start relates to now, for a notification. A time
 * ahead counts started minutes, as a countdown does: a 10-minute reminder shown at 9 min 44 s
 * (ticks are every 15 s, a hidden window's once a minute) says "in 10 min", never "in 9 min".
 * A time past counts whole minutes gone.
 */
export function startsIn(start: number, now: number): string {
  const ms = start - now;
  if (ms > 0) {
    const minutes = Math.ceil(ms / 60_000);
    return minutes >= 90 ? `in ${Math.floor(minutes / 60)} h ${minutes % 60} min` : `in ${minutes} min`;
  }
  const ago = Math.floor(-ms / 60_000);
  return ago === 0 ? 'now' : `${ago} min ago`;
}
