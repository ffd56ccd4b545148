import type { Conference, Link, Room, StreamRule } from '../model/schema';

/**
 * A room name as FOSDEM's live site names it: `https://live.fosdem.org/watch/<slug>`. FOSDEM
 * drops the room's nickname in brackets and keeps only the letters and digits of the code,
 * lowercased: "K.1.105 (La Fontaine)" → "k1105", "UB2.252A (Lameere)" → "ub2252a",
 * "Janson" → "janson". Accents are folded first ("Décroly" → "decroly").
 */
export function fosdemRoomSlug(name: string): string {
  const withoutNickname = name.replace(/\([^)]*\)/g, ' ');
  const base = withoutNickname.trim() === '' ? name : withoutNickname;
  return base
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

function hostOf(raw: string | undefined): string {
  if (!raw) return '';
  try {
    return new URL(raw).hostname.toLowerCase();
  } catch {
    return '';
  }
}

const isUnder = (host: string, domain: string): boolean => host === domain || host.endsWith(`.${domain}`);

/** FOSDEM: its feed comes from fosdem.org, its site is fosdem.org, or it calls itself FOSDEM. */
export function isFosdem(conference: Pick<Conference, 'title' | 'url'>, feedUrl: string | undefined): boolean {
  return isUnder(hostOf(feedUrl), 'fosdem.org') || isUnder(hostOf(conference.url), 'fosdem.org') || /^fosdem\b/i.test(conference.title.trim());
}

const CCC_HOSTS = ['ccc.de', 'c3voc.de', 'cccv.de', 'c3lingo.org', 'events.ccc.de'];
const CCC_ACRONYM = /^(\d{2}c3|rc3|camp\d{4}|eh\d{2,4}|gpn\d{1,3}|ds\d{2,4}|jev\d{2,4}|mrmcd\d{2,4}|fiffkon\d{0,4})\b/i;

/** A conference the c3voc streams (CCC congresses, camps, Easterhegg, GPN, …): by where its feed and site live, or its acronym. */
export function isCccFamily(conference: Pick<Conference, 'id' | 'url'>, feedUrl: string | undefined): boolean {
  const hosts = [hostOf(feedUrl), hostOf(conference.url)];
  return hosts.some((h) => h !== '' && CCC_HOSTS.some((d) => isUnder(h, d))) || CCC_ACRONYM.test(conference.id);
}

/** The slug under which c3voc lists a conference: the one the organizer declared, else its id (frab's acronym, e.g. "38c3"). */
export function c3vocSlug(conference: Pick<Conference, 'id' | 'streams'>): string {
  return (conference.streams?.c3voc ?? conference.id).toLowerCase();
}

/** Expands an organizer's pattern for one room; undefined unless the result is an https URL. */
export function expandStreamPattern(pattern: string, roomName: string): string | undefined {
  if (!pattern.includes('{room}') && !pattern.includes('{roomName}')) return undefined;
  const filled = pattern.replaceAll('{room}', fosdemRoomSlug(roomName)).replaceAll('{roomName}', encodeURIComponent(roomName));
  try {
    const url = new URL(filled);
    return url.protocol === 'https:' && !url.username && !url.password ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Why an organizer's stream pattern cannot be used, or undefined. */
export function streamPatternProblem(pattern: string): string | undefined {
  if (!pattern.includes('{room}') && !pattern.includes('{roomName}')) return 'the pattern names neither {room} nor {roomName}';
  return expandStreamPattern(pattern, 'Room 1') ? undefined : 'the pattern does not make an https:// address';
}

export interface StreamRuleInput {
  conference: Pick<Conference, 'id' | 'title' | 'url' | 'streams'>;
  feedUrl: string | undefined;
  /** Room name (lowercased) → its page on c3voc's streaming site, when c3voc's streams JSON was read. */
  c3voc?: ReadonlyMap<string, string> | undefined;
}

/**
 * The stream a room gets when its feed names none, by the first rule that applies: the
 * organizer's pattern, then c3voc's streams JSON (CCC conferences), then FOSDEM's
 * live.fosdem.org/watch/<room>. Undefined when no rule applies.
 */
export function derivedRoomStream(room: Pick<Room, 'name'>, input: StreamRuleInput): Link | undefined {
  const rule: StreamRule | undefined = input.conference.streams;
  if (rule?.pattern) {
    const url = expandStreamPattern(rule.pattern, room.name);
    if (url) return { url, kind: 'stream' };
  }
  const c3voc = input.c3voc?.get(room.name.trim().toLowerCase());
  if (c3voc) return { url: c3voc, kind: 'stream' };
  if (isFosdem(input.conference, input.feedUrl)) {
    const slug = fosdemRoomSlug(room.name);
    if (slug) return { url: `https://live.fosdem.org/watch/${slug}`, kind: 'stream' };
  }
  return undefined;
}

/**
 * Rooms with a derived stream added to those whose feed gives none. A room that already
 * has a stream keeps it alone: the feed always wins over a rule.
 */
export function withDerivedStreams<R extends Pick<Room, 'name' | 'links'>>(rooms: readonly R[], input: StreamRuleInput): R[] {
  return rooms.map((room) => {
    if (room.links.some((l) => l.kind === 'stream')) return room;
    const stream = derivedRoomStream(room, input);
    return stream ? { ...room, links: [stream, ...room.links] } : room;
  });
}
