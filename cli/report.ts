import type { FeedWarning } from '../core/errors';
import type { ChangeTag, FeedDiff } from '../core/feed/diff';
import { LINK_KINDS, type Feed, type LinkKind } from '../core/model/schema';
import { wallTimeOf } from '../core/time/zone';

function linkCounts(feed: Feed): Record<LinkKind, number> {
  const counts = Object.fromEntries(LINK_KINDS.map((k) => [k, 0])) as Record<LinkKind, number>;
  const all = [...feed.conference.links, ...feed.rooms.flatMap((r) => r.links), ...feed.sessions.flatMap((s) => s.links), ...feed.speakers.flatMap((s) => s.links)];
  for (const link of all) counts[link.kind] += 1;
  return counts;
}

export function counts(feed: Feed): { sessions: number; speakers: number; rooms: number; tracks: number; days: number; links: Record<LinkKind, number> } {
  return {
    sessions: feed.sessions.length,
    speakers: feed.speakers.length,
    rooms: feed.rooms.length,
    tracks: feed.tracks.length,
    days: feed.conference.days.length,
    links: linkCounts(feed),
  };
}

export function warningLines(warnings: readonly FeedWarning[]): string[] {
  return warnings.map((w) => `  - [${w.code}] ${w.message}${w.where ? ` (at ${w.where})` : ''}`);
}

const TAG_WORDS: Record<ChangeTag, string> = {
  new: 'new',
  removed: 'removed by the organizers',
  cancelled: 'cancelled',
  reinstated: 'no longer cancelled',
  'moved-time': 'moved in time',
  'moved-room': 'moved room',
  retitled: 'retitled',
  'speakers-changed': 'speakers changed',
  'links-changed': 'links changed',
  'details-changed': 'details changed',
};

/** Human-readable lines for a revision diff, with times in the conference's zone. */
export function diffLines(diff: FeedDiff, zone: string): string[] {
  const local = (instant: string): string => {
    const wall = wallTimeOf(Date.parse(instant), zone);
    return `${wall.date} ${wall.time}`;
  };
  const lines: string[] = [];
  for (const change of diff.changes) {
    const mark = change.tags.includes('new') ? '+' : change.tags.includes('removed') ? '-' : '~';
    lines.push(`${mark} ${change.title} [${change.sessionId}]: ${change.tags.map((t) => TAG_WORDS[t]).join(', ')}`);
    for (const field of change.changes) {
      if (field.field === 'abstract' || field.field === 'description') {
        lines.push(`    ${field.field} changed`);
      } else if (field.field === 'start' || field.field === 'end') {
        lines.push(`    ${field.field}: ${local(field.before)} → ${local(field.after)} (${zone})`);
      } else {
        lines.push(`    ${field.field}: ${field.before || '(none)'} → ${field.after || '(none)'}`);
      }
    }
  }
  const summary = Object.entries(diff.counts).filter(([, n]) => n > 0).map(([tag, n]) => `${n} ${TAG_WORDS[tag as ChangeTag]}`);
  lines.push(diff.isEmpty ? 'No changes.' : `Summary: ${summary.join(', ')}`);
  return lines;
}
