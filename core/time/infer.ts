import type { WarningLog } from '../errors';
import { formatOffset } from './parse';
import { isValidTimeZone, offsetMinutes } from './zone';

/** Cities that are not the name of an IANA zone but host conferences. */
const CITY_ALIASES: Record<string, string> = {
  bruxelles: 'Europe/Brussels',
  brussel: 'Europe/Brussels',
  hamburg: 'Europe/Berlin',
  leipzig: 'Europe/Berlin',
  munich: 'Europe/Berlin',
  münchen: 'Europe/Berlin',
  cologne: 'Europe/Berlin',
  köln: 'Europe/Berlin',
  frankfurt: 'Europe/Berlin',
  karlsruhe: 'Europe/Berlin',
  mildenberg: 'Europe/Berlin',
  ziegeleipark: 'Europe/Berlin',
  graz: 'Europe/Vienna',
  linz: 'Europe/Vienna',
  geneva: 'Europe/Zurich',
  genève: 'Europe/Zurich',
  bern: 'Europe/Zurich',
  basel: 'Europe/Zurich',
  lyon: 'Europe/Paris',
  brno: 'Europe/Prague',
  edinburgh: 'Europe/London',
  cardiff: 'Europe/London',
  manchester: 'Europe/London',
  barcelona: 'Europe/Madrid',
  milan: 'Europe/Rome',
  milano: 'Europe/Rome',
  ghent: 'Europe/Brussels',
  gent: 'Europe/Brussels',
  antwerp: 'Europe/Brussels',
  utrecht: 'Europe/Amsterdam',
  pasadena: 'America/Los_Angeles',
  'san francisco': 'America/Los_Angeles',
  'san jose': 'America/Los_Angeles',
  seattle: 'America/Los_Angeles',
  portland: 'America/Los_Angeles',
  austin: 'America/Chicago',
  dallas: 'America/Chicago',
  houston: 'America/Chicago',
  boston: 'America/New_York',
  washington: 'America/New_York',
  philadelphia: 'America/New_York',
  pittsburgh: 'America/New_York',
  raleigh: 'America/New_York',
  atlanta: 'America/New_York',
  'salt lake city': 'America/Denver',
  ottawa: 'America/Toronto',
  bengaluru: 'Asia/Kolkata',
  bangalore: 'Asia/Kolkata',
  mumbai: 'Asia/Kolkata',
  'new delhi': 'Asia/Kolkata',
  beijing: 'Asia/Shanghai',
  osaka: 'Asia/Tokyo',
  canberra: 'Australia/Sydney',
};

let cityIndex: Map<string, string> | undefined;

function cities(): Map<string, string> {
  if (cityIndex) return cityIndex;
  cityIndex = new Map(Object.entries(CITY_ALIASES));
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  for (const zone of zones) {
    const city = zone.split('/').pop();
    if (city && zone.includes('/') && !zone.startsWith('Etc/')) {
      cityIndex.set(city.replace(/_/g, ' ').toLowerCase(), zone);
    }
  }
  return cityIndex;
}

/** The zone of a city named anywhere in `text` ("Brussels, Belgium", "ULB, Bruxelles"). */
function zoneForPlace(text: string): string | undefined {
  const words = text.toLowerCase().normalize('NFC');
  let best: { zone: string; length: number } | undefined;
  for (const [city, zone] of cities()) {
    if (city.length < 4) continue;
    const at = words.indexOf(city);
    if (at < 0) continue;
    const before = at === 0 ? ' ' : words[at - 1]!;
    const after = words[at + city.length] ?? ' ';
    if (/[\p{L}]/u.test(before) || /[\p{L}]/u.test(after)) continue;
    if (!best || city.length > best.length) best = { zone, length: city.length };
  }
  return best?.zone;
}

/** Zones tried first, in order, when only UTC offsets are known (then every zone the runtime knows). */
const COMMON_ZONES = [
  'Europe/Berlin', 'Europe/Brussels', 'Europe/London', 'Europe/Lisbon', 'Europe/Helsinki', 'Europe/Moscow',
  'America/New_York', 'America/Chicago', 'America/Denver', 'America/Phoenix', 'America/Los_Angeles',
  'America/Sao_Paulo', 'America/Mexico_City', 'Asia/Kolkata', 'Asia/Singapore', 'Asia/Tokyo', 'Asia/Dubai',
  'Asia/Jakarta', 'Asia/Shanghai', 'Australia/Sydney', 'Australia/Adelaide', 'Australia/Perth', 'Pacific/Auckland',
  'Africa/Johannesburg', 'Africa/Lagos', 'Africa/Nairobi',
];

/** At most this many samples are weighed (evenly spread over the feed): enough to see a zone, bounded for huge feeds. */
const MAX_SAMPLES = 400;

export interface OffsetSample {
  epochMs: number;
  offsetMinutes: number;
}

export interface ZoneEvidence {
  /** The zone the feed names, if any. */
  declared?: string | undefined;
  /** The subscriber's choice (subscribe form, or "Change time zone" later): it overrides everything the feed says. */
  fallback?: string | undefined;
  /** Free text that may name a city: `<city>`, venue, location, title. */
  places?: ReadonlyArray<string | undefined>;
  /**
   * The offsets the feed writes on its SESSION times, with the instants they apply to. Never
   * pass conference or day boundaries: feeds write those in UTC even when sessions are local.
   */
  samples?: readonly OffsetSample[];
}

/** The samples that say something about the local zone: UTC-written times (`Z`, `+00:00`) say nothing. */
function localSamples(samples: readonly OffsetSample[]): OffsetSample[] {
  const local = samples.filter((s) => s.offsetMinutes !== 0);
  if (local.length <= MAX_SAMPLES) return local;
  const step = local.length / MAX_SAMPLES;
  return Array.from({ length: MAX_SAMPLES }, (_, i) => local[Math.floor(i * step)]!);
}

function agreeing(zone: string, samples: readonly OffsetSample[]): number {
  let n = 0;
  for (const s of samples) if (offsetMinutes(zone, s.epochMs) === s.offsetMinutes) n += 1;
  return n;
}

/** A zone fits the times when at least half of them carry its offset at their instant; the rest are sessions held elsewhere. */
function fits(zone: string, samples: readonly OffsetSample[]): boolean {
  return agreeing(zone, samples) * 2 >= samples.length;
}

/** The offsets that are not `zone`'s at their instants, most common first (`-05:00`). */
function strayOffsets(zone: string, samples: readonly OffsetSample[]): { count: number; offsets: string } {
  const stray = samples.filter((s) => offsetMinutes(zone, s.epochMs) !== s.offsetMinutes);
  return { count: stray.length, offsets: byFrequency(stray).map(formatOffset).join(', ') };
}

/** Distinct offsets, the most common first (ties: the one seen first). */
function byFrequency(samples: readonly OffsetSample[]): number[] {
  const counts = new Map<number, number>();
  for (const s of samples) counts.set(s.offsetMinutes, (counts.get(s.offsetMinutes) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([offset]) => offset);
}

/** The zone that fits the most samples: common zones first, then every zone the runtime knows. */
function bestZoneFor(samples: readonly OffsetSample[]): string | undefined {
  const perfect = COMMON_ZONES.find((z) => agreeing(z, samples) === samples.length);
  if (perfect) return perfect;
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  // Only zones with the most common offset at one sample carrying it are weighed: one look rules
  // out most of the ~400 zones (a feed whose majority zone lacks its most common offset is not one seen).
  const common = byFrequency(samples)[0];
  const probe = samples.find((s) => s.offsetMinutes === common);
  let best: { zone: string; score: number } | undefined;
  for (const zone of [...COMMON_ZONES, ...all.filter((z) => z.includes('/') && !z.startsWith('Etc/'))]) {
    if (probe && offsetMinutes(zone, probe.epochMs) !== probe.offsetMinutes && samples.length > 1) continue;
    const score = agreeing(zone, samples);
    if (score === samples.length) return zone;
    if (!best || score > best.score) best = { zone, score };
  }
  return best && best.score * 2 >= samples.length ? best.zone : undefined;
}

/**
 * Picks the conference's IANA zone, reporting every inference or contradiction as a warning.
 * The rule, in order:
 * 1. the subscriber's choice, when they made one, overrides everything the feed says;
 * 2. a declared IANA zone stands whenever the session times agree with it at their instants
 *    (at least half of those that carry a local offset; the others are sessions held elsewhere);
 * 3. otherwise a city named by the feed, when its zone fits the session times;
 * 4. otherwise the zone that fits the session offsets (common zones first);
 * 5. last, the fixed offset most session times carry; UTC when there is nothing to go by.
 * Times written in UTC (`Z`, `+00:00`) say nothing about the local zone and are not weighed.
 * Never throws.
 */
export function resolveTimeZone(evidence: ZoneEvidence, warnings: WarningLog): string {
  const samples = localSamples(evidence.samples ?? []);
  const declared = evidence.declared?.trim();
  const chosen = evidence.fallback?.trim();
  if (chosen && isValidTimeZone(chosen)) {
    if (chosen === declared) return chosen;
    const instead = declared && declared !== chosen ? ` instead of the ${declared} the feed declares` : '';
    warnings.add('time-zone-from-subscriber', `Using the time zone ${chosen}, as chosen by the subscriber${instead}.`);
    return chosen;
  }
  if (chosen) warnings.add('time-zone-unknown', `The chosen time zone "${chosen.slice(0, 60)}" is not a known IANA zone; it was not used.`);
  let lead = 'The feed gives no time zone';
  if (declared) {
    if (!isValidTimeZone(declared)) {
      warnings.add('time-zone-unknown', `The feed names the time zone "${declared.slice(0, 60)}", which is not a known IANA zone; inferring one instead.`);
      lead = 'The feed names no usable time zone';
    } else if (fits(declared, samples)) {
      const stray = strayOffsets(declared, samples);
      if (stray.count > 0) {
        warnings.add(
          'time-zone-stray-offset',
          `${stray.count} session time(s) carry the offset ${stray.offsets}, which is not ${declared}'s at that moment (a session held elsewhere?); they keep their own times and the conference stays in ${declared}.`,
        );
      }
      return declared;
    } else {
      const seen = byFrequency(samples).map(formatOffset).join(', ');
      warnings.add(
        'time-zone-contradiction',
        `The feed declares the time zone ${declared}, but most of its session times carry the offset(s) ${seen}; the zone is taken from the times instead.`,
      );
      lead = `The declared zone ${declared} does not fit the session times`;
    }
  }
  for (const place of evidence.places ?? []) {
    if (!place) continue;
    const zone = zoneForPlace(place);
    if (zone && fits(zone, samples)) {
      warnings.add('time-zone-inferred', `${lead}; inferred ${zone} from "${place.slice(0, 80)}".`);
      return zone;
    }
  }
  if (samples.length > 0) {
    const seen = byFrequency(samples).map(formatOffset).join(', ');
    const zone = bestZoneFor(samples);
    if (zone) {
      warnings.add('time-zone-inferred', `${lead}; inferred ${zone} from the UTC offsets of its session times (${seen}).`);
      return zone;
    }
    const common = byFrequency(samples)[0]!;
    if (common % 60 === 0 && Math.abs(common) <= 14 * 60) {
      const hours = -common / 60;
      const fixed = `Etc/GMT${hours > 0 ? '+' : ''}${hours}`;
      warnings.add('time-zone-inferred', `${lead}; using the fixed offset most session times carry, ${formatOffset(common)} (${fixed}).`);
      return fixed;
    }
  }
  const utcOnly = (evidence.samples?.length ?? 0) > 0;
  warnings.add(
    'time-zone-missing',
    utcOnly
      ? `${lead}, and its times are written in UTC, which says nothing about the local zone; times are shown in UTC. Choose the conference's time zone.`
      : `${lead} and none could be inferred; times are read as UTC. Choose the conference's time zone.`,
  );
  return 'UTC';
}
