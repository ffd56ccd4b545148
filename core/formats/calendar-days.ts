import { conferenceDayOf, wallTimeOf } from '../time/zone';

const SLOT = 15;
const SLOTS = 1440 / SLOT;
/** The slot at 08:00: a quiet stretch that starts before it (or runs over midnight) is a night. */
const NIGHT_END = (8 * 60) / SLOT;

export interface Span {
  start: number;
  end: number;
}

/**
 * Minutes after local midnight at which a calendar's conference days change. Calendars
 * (iCalendar, xCal) have no days of their own, but a congress whose evening programme runs
 * to 03:00 still has its 00:30 talk on the evening's tab, as frab XML's `<day>` says. The
 * night is the longest stretch of the clock no session covers on any day that reaches
 * into the small hours; when it lies
 * after midnight (01:30–10:00), days change in its middle, on the hour; when midnight is
 * quiet, at midnight.
 */
export function inferDayChangeMinutes(spans: readonly Span[], zone: string): number {
  const busy = new Uint8Array(SLOTS);
  let counted = 0;
  for (const { start, end } of spans) {
    // All-day and multi-day entries say nothing about when the day's programme ends.
    if (!(end > start) || end - start >= 12 * 3_600_000) continue;
    const from = Math.floor(wallTimeOf(start, zone).minutes / SLOT);
    const slots = Math.ceil((end - start) / 60_000 / SLOT);
    for (let k = 0; k < slots; k += 1) busy[(from + k) % SLOTS] = 1;
    counted += 1;
    if (counted >= 20_000) break;
  }
  if (counted === 0) return 0;
  // The longest free run on the 24-hour circle that reaches into the small hours (00:00–08:00):
  // a long lunch or afternoon gap is not the night.
  let best = { from: 0, length: 0 };
  for (let from = 0; from < SLOTS; from += 1) {
    if (busy[from] || !busy[(from + SLOTS - 1) % SLOTS]) continue;
    let length = 0;
    while (length < SLOTS && !busy[(from + length) % SLOTS]) length += 1;
    const isNight = from < NIGHT_END || from + length > SLOTS;
    if (isNight && length > best.length) best = { from, length };
  }
  if (best.length === 0) return 0;
  const to = best.from + best.length;
  // Midnight is quiet (or the quiet stretch is the evening): days change at midnight.
  if (to > SLOTS || best.from === 0 || best.from * SLOT >= 12 * 60) return 0;
  const middle = Math.floor(((best.from + to) / 2) * SLOT);
  return Math.floor(middle / 60) * 60;
}

/**
 * The conference day of each span, days changing at `dayChangeMinutes`. A session before
 * the change whose previous evening has no programme (the first night of a conference)
 * keeps its own date: there is no evening for it to belong to.
 */
export function calendarDays(spans: readonly Span[], zone: string, dayChangeMinutes: number): string[] {
  const calendar = spans.map((s) => wallTimeOf(s.start, zone).date);
  if (dayChangeMinutes === 0) return calendar;
  const days = spans.map((s) => conferenceDayOf(s.start, zone, dayChangeMinutes));
  const evenings = new Set(days.filter((day, i) => day === calendar[i]));
  return days.map((day, i) => (evenings.has(day) ? day : calendar[i]!));
}
