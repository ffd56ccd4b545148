/** One session in the agenda, as the layout needs it. */
export interface AgendaSlot {
  sessionId: string;
  start: number;
  end: number;
  isGoing: boolean;
  /** Cancelled sessions stay listed but cannot clash with anything. */
  isCancelled: boolean;
}

export type AgendaRow<T extends AgendaSlot> =
  | { kind: 'session'; slot: T }
  | { kind: 'gap'; from: number; to: number; minutes: number }
  /** Sessions that overlap (directly or through a chain); `isClash` when two of them are "going". */
  | { kind: 'conflict'; slots: T[]; start: number; end: number; isClash: boolean };

/**
 * A day of the agenda in order: single sessions, free time between them, and groups of
 * overlapping sessions (a conflict), so the attendee sees at a glance where they must choose.
 */
export function layoutDay<T extends AgendaSlot>(slots: readonly T[]): Array<AgendaRow<T>> {
  const sorted = [...slots].sort((a, b) => a.start - b.start || a.end - b.end || a.sessionId.localeCompare(b.sessionId));
  const groups: Array<{ slots: T[]; start: number; end: number }> = [];
  for (const slot of sorted) {
    const last = groups.at(-1);
    const clashes = last !== undefined && !slot.isCancelled && slot.start < last.end && last.slots.some((s) => !s.isCancelled);
    if (clashes) {
      last.slots.push(slot);
      last.end = Math.max(last.end, slot.end);
    } else groups.push({ slots: [slot], start: slot.start, end: slot.isCancelled ? slot.start : slot.end });
  }
  const rows: Array<AgendaRow<T>> = [];
  let busyUntil: number | undefined;
  for (const group of groups) {
    if (busyUntil !== undefined && group.start > busyUntil) {
      rows.push({ kind: 'gap', from: busyUntil, to: group.start, minutes: Math.round((group.start - busyUntil) / 60_000) });
    }
    if (group.slots.length === 1) rows.push({ kind: 'session', slot: group.slots[0]! });
    else rows.push({ kind: 'conflict', slots: group.slots, start: group.start, end: group.end, isClash: group.slots.filter((s) => s.isGoing).length >= 2 });
    const realEnd = Math.max(...group.slots.map((s) => (s.isCancelled ? s.start : s.end)));
    busyUntil = busyUntil === undefined ? realEnd : Math.max(busyUntil, realEnd);
  }
  return rows;
}

/** Sessions running during a conflicted slot that are not in the agenda: the other ways to spend that time. */
export function alternativesFor<S extends { id: string; start: string; end: string; type?: string | undefined; cancelled: boolean }>(
  sessions: readonly S[],
  start: number,
  end: number,
  inAgenda: ReadonlySet<string>,
): S[] {
  return sessions
    .filter((s) => !inAgenda.has(s.id) && !s.cancelled && s.type !== 'break' && Date.parse(s.start) < end && Date.parse(s.end) > start)
    .sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id));
}

/** "Next for me": the going session running now, or else the next one to start. */
export function nextFor<T extends AgendaSlot>(slots: readonly T[], now: number): { slot: T; isNow: boolean } | undefined {
  const live = slots.filter((s) => s.isGoing && !s.isCancelled && s.end > now).sort((a, b) => a.start - b.start);
  const first = live[0];
  return first ? { slot: first, isNow: first.start <= now } : undefined;
}
