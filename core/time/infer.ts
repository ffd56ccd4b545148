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

/** Zones tried, in order, when only UTC offsets are known. */
const COMMON_ZONES = [
  'Europe/Berlin', 'Europe/Brussels', 'Europe/London', 'Europe/Lisbon', 'Europe/Helsinki', 'Europe/Moscow',
  'America/New_York', 'America/Chicago', 'America/Denver', 'America/Phoenix', 'America/Los_Angeles',
  'America/Sao_Paulo', 'America/Mexico_City', 'Asia/Kolkata', 'Asia/Singapore', 'Asia/Tokyo', 'Asia/Dubai',
  'Asia/Jakarta', 'Asia/Shanghai', 'Australia/Sydney', 'Australia/Perth', 'Pacific/Auckland', 'Africa/Johannesburg',
  'Africa/Lagos', 'Africa/Nairobi', 'UTC',
];

export interface OffsetSample {
  epochMs: number;
  offsetMinutes: number;
}

function matchesOffsets(zone: string, samples: readonly OffsetSample[]): boolean {
  return samples.every((s) => offsetMinutes(zone, s.epochMs) === s.offsetMinutes);
}

export interface ZoneEvidence {
  /** The zone the feed names, if any. */
  declared?: string | undefined;
  /** The subscriber's choice, used when the feed has no usable zone. */
  fallback?: string | undefined;
  /** Free text that may name a city: `<city>`, venue, location, title. */
  places?: ReadonlyArray<string | undefined>;
  /** Per-event offsets the feed gives, with the instants they apply to. */
  samples?: readonly OffsetSample[];
}

/**
 * Picks the conference's IANA zone from what the feed says, reporting every inference or
 * contradiction as a warning. Never throws: the worst case is UTC, with a warning.
 */
export function resolveTimeZone(evidence: ZoneEvidence, warnings: WarningLog): string {
  const samples = evidence.samples ?? [];
  const declared = evidence.declared?.trim();
  if (declared) {
    if (!isValidTimeZone(declared)) {
      warnings.add('time-zone-unknown', `The feed names the time zone "${declared}", which is not a known IANA zone; inferring one instead.`);
    } else if (matchesOffsets(declared, samples)) {
      return declared;
    } else {
      const seen = [...new Set(samples.map((s) => formatOffset(s.offsetMinutes)))].join(', ');
      warnings.add(
        'time-zone-contradiction',
        `The feed declares the time zone ${declared}, but its times carry the offset(s) ${seen}; times follow the offsets.`,
      );
    }
  }
  if (evidence.fallback && isValidTimeZone(evidence.fallback) && matchesOffsets(evidence.fallback, samples)) {
    warnings.add('time-zone-from-subscriber', `The feed gives no usable time zone; using ${evidence.fallback} as chosen by the subscriber.`);
    return evidence.fallback;
  }
  for (const place of evidence.places ?? []) {
    if (!place) continue;
    const zone = zoneForPlace(place);
    if (zone && matchesOffsets(zone, samples)) {
      warnings.add('time-zone-inferred', `The feed gives no time zone; inferred ${zone} from "${place.slice(0, 80)}".`);
      return zone;
    }
  }
  if (samples.length > 0) {
    const zone = COMMON_ZONES.find((z) => matchesOffsets(z, samples));
    const seen = [...new Set(samples.map((s) => formatOffset(s.offsetMinutes)))].join(', ');
    if (zone) {
      warnings.add('time-zone-inferred', `The feed gives no time zone; inferred ${zone} from its UTC offsets (${seen}).`);
      return zone;
    }
    const first = samples[0]!.offsetMinutes;
    if (first % 60 === 0 && Math.abs(first) <= 14 * 60) {
      const hours = -first / 60;
      const fixed = hours === 0 ? 'UTC' : `Etc/GMT${hours > 0 ? '+' : ''}${hours}`;
      warnings.add('time-zone-inferred', `The feed gives no time zone; using the fixed offset ${formatOffset(first)} (${fixed}).`);
      return fixed;
    }
  }
  warnings.add('time-zone-missing', 'The feed gives no time zone and none could be inferred; times are read as UTC. Choose the zone when subscribing.');
  return 'UTC';
}
