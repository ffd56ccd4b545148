import type { Feed } from '../../../core/model/schema';
import { testConference } from './feed-host';

export const MIN = 60_000;

/**
 * A conference happening now: times are generated at test time, in a fixed-offset zone where
 * it is mid-morning, so every session falls on one conference day and reminders are real.
 */
export function liveConference(now: number) {
  const utcHour = new Date(now).getUTCHours();
  let offset = 10 - utcHour;
  if (offset < -12) offset += 24;
  const zone = offset === 0 ? 'UTC' : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
  const base = Math.ceil(now / (5 * MIN)) * 5 * MIN + 30 * MIN;
  const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');
  const day = (ms: number): string => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
  const clock = (ms: number): string => new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);
  const soon = Math.ceil(now / MIN) * MIN + 7 * MIN;
  const build = (change: (feed: Feed, at: (id: string, start: number, minutes: number, room?: string) => void) => void) =>
    testConference((feed) => {
      const origin = Date.parse('2023-02-03T08:00:00Z');
      feed.conference.timeZone = zone;
      feed.rooms.push({ id: 'lab', name: 'Lab room', links: [{ url: 'https://stream.example.org/lab', kind: 'stream' }] }, { id: 'hall', name: 'Great hall', links: [] });
      for (const s of feed.sessions) {
        s.start = iso(base + Date.parse(s.start) - origin);
        s.end = iso(base + Date.parse(s.end) - origin);
      }
      const at = (id: string, start: number, minutes: number, room?: string): void => {
        const s = feed.sessions.find((x) => x.id === id)!;
        s.start = iso(start);
        s.end = iso(start + minutes * MIN);
        if (room) s.roomId = room;
      };
      // AlmaLinux runs against "RHEL development in public" in another room; "Offered CentOS Infra" too.
      at('alma', base, 25, 'lab');
      at('infra', base, 45, 'hall');
      at('hyperscale', soon, 20, 'lab');
      change(feed, at);
      for (const s of feed.sessions) s.day = day(Date.parse(s.start));
      const days = [...new Set(feed.sessions.map((s) => s.day))].sort();
      feed.conference.start = days[0]!;
      feed.conference.end = days.at(-1)!;
      feed.conference.days = days;
    });
  const kmodsStart = base + Date.parse('2023-02-03T14:30:00Z') - Date.parse('2023-02-03T08:00:00Z');
  return { zone, base, soon, clock, kmodsStart, build };
}

