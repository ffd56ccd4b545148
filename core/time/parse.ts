const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const OFFSET_DATE_TIME_RE =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** `2020-02-01` → itself, or undefined when it is not a real calendar date. */
export function parseLocalDate(value: string): string | undefined {
  const m = DATE_RE.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d] = m as unknown as [string, string, string, string];
  const t = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (t.getUTCMonth() !== Number(mo) - 1 || t.getUTCDate() !== Number(d)) return undefined;
  return `${y}-${mo}-${d}`;
}

/** `9:30`, `09:30`, `09:30:00` → `09:30[:ss]` normalised, or undefined. Hours may exceed 23 (`25:10` = 01:10 next day). */
export function parseClock(value: string): { hours: number; minutes: number; seconds: number } | undefined {
  const m = TIME_RE.exec(value.trim());
  if (!m) return undefined;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  const seconds = m[3] === undefined ? 0 : Number(m[3]);
  if (minutes > 59 || seconds > 59 || hours > 47) return undefined;
  return { hours, minutes, seconds };
}

/**
 * A frab duration (`00:30`, `01:00:00`, `1:15`, `2:00:00:00` days-first) or ISO 8601
 * duration (`PT1H30M`) in minutes, or undefined.
 */
export function parseDurationMinutes(value: string): number | undefined {
  const v = value.trim();
  const iso = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(v);
  if (iso && v !== 'P' && v !== 'PT') {
    return Number(iso[1] ?? 0) * 1440 + Number(iso[2] ?? 0) * 60 + Number(iso[3] ?? 0) + Math.round(Number(iso[4] ?? 0) / 60);
  }
  const parts = v.split(':');
  if (parts.length < 2 || parts.length > 4 || parts.some((p) => !/^\d{1,4}$/.test(p))) return undefined;
  const n = parts.map(Number);
  if (n.length === 4) return n[0]! * 1440 + n[1]! * 60 + n[2]! + Math.round(n[3]! / 60);
  if (n.length === 3) return n[0]! * 60 + n[1]! + Math.round(n[2]! / 60);
  return n[0]! * 60 + n[1]!;
}

/**
 * A date-time with or without an offset. `offsetMinutes` is undefined when the text has
 * none (floating local time), in which case `wall` holds the local date and time.
 */
export function parseDateTime(
  value: string,
): { epochMs: number | undefined; offsetMinutes: number | undefined; wall: { date: string; time: string } } | undefined {
  const m = OFFSET_DATE_TIME_RE.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, off] = m;
  const date = parseLocalDate(`${y}-${mo}-${d}`);
  if (!date || Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59) return undefined;
  const wall = { date, time: `${h}:${mi}:${s ?? '00'}` };
  if (off === undefined) return { epochMs: undefined, offsetMinutes: undefined, wall };
  let offsetMinutes = 0;
  if (off !== 'Z') {
    const sign = off.startsWith('-') ? -1 : 1;
    const digits = off.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2, 4));
    if (oh > 18 || om > 59) return undefined;
    offsetMinutes = sign * (oh * 60 + om);
  }
  const epochMs = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0)) - offsetMinutes * 60_000;
  return { epochMs, offsetMinutes, wall };
}

/** `+01:00` for 60. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  return `${sign}${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}`;
}
