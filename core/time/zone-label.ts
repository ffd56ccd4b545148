import { offsetMinutes } from './zone';

/** "Brussels time" from "Europe/Brussels"; "UTC+2" from "Etc/GMT-2" (whose sign is the other way round); "UTC" as it is. */
export function zoneName(zone: string): string {
  const etc = /^Etc\/GMT([+-])(\d{1,2})$/.exec(zone);
  if (etc) return `UTC${etc[1] === '-' ? '+' : '−'}${etc[2]}`;
  if (zone === 'UTC' || zone.startsWith('Etc/')) return zone;
  const city = zone.split('/').at(-1)?.replace(/_/g, ' ');
  return city ? `${city} time` : zone;
}

/**
 * Which clock a notification's times are in, said only when it matters: the times follow the
 * *Conference time* / *My time* toggle, and when the conference's clock and the viewer's read
 * differently at `instant`, the text names the one used ("Brussels time", "your time").
 * Undefined when both clocks agree, so a local attendee sees no label.
 */
export function noticeZoneLabel(mode: 'conference' | 'mine', conferenceZone: string, myZone: string, instant: number): string | undefined {
  if (offsetMinutes(conferenceZone, instant) === offsetMinutes(myZone, instant)) return undefined;
  return mode === 'mine' ? 'your time' : zoneName(conferenceZone);
}
