import type { FieldChange } from '../../../../core/feed/diff';
import type { InstantFormat } from '../../../../core/personal/changes';
import { wallTimeOf } from '../../../../core/time/zone';
import { clock, shortDate } from '../../format';

/** Times in changes, in the zone the user chose: "16:15", or "Sat 4 Feb 16:15" when the day changed too. */
function instantFormat(zone: string): InstantFormat {
  return (iso, withDate) => {
    const ms = Date.parse(iso);
    if (Number.isNaN(ms)) return iso;
    return withDate ? `${shortDate(wallTimeOf(ms, zone).date)} ${clock(ms, zone)}` : clock(ms, zone);
  };
}

const FIELD_LABELS: Record<FieldChange['field'], string> = {
  start: 'Start', end: 'End', day: 'Day', room: 'Room', title: 'Title', subtitle: 'Subtitle', speakers: 'Speakers', links: 'Links',
  track: 'Track', type: 'Type', abstract: 'Abstract', description: 'Description', cancelled: 'Cancelled', language: 'Language',
};

/** One field's before → after, as plain text in the user's zone. Long texts are summarised. */
export function fieldLine(change: FieldChange, zone: string): { label: string; before: string; after: string } {
  const label = FIELD_LABELS[change.field];
  if (change.field === 'start' || change.field === 'end') {
    const fmt = instantFormat(zone);
    const sameDay = wallTimeOf(Date.parse(change.before), zone).date === wallTimeOf(Date.parse(change.after), zone).date;
    return { label, before: fmt(change.before, !sameDay), after: fmt(change.after, !sameDay) };
  }
  if (change.field === 'day') return { label, before: change.before ? shortDate(change.before) : '—', after: change.after ? shortDate(change.after) : '—' };
  if (change.field === 'abstract' || change.field === 'description') return { label, before: cut(change.before), after: cut(change.after) };
  if (change.field === 'cancelled') return { label: 'Status', before: change.before === 'true' ? 'cancelled' : 'scheduled', after: change.after === 'true' ? 'cancelled' : 'scheduled' };
  return { label, before: change.before || '—', after: change.after || '—' };
}

function cut(text: string): string {
  if (!text) return '—';
  return text.length > 140 ? `${text.slice(0, 140)}…` : text;
}

export const TAG_LABELS: Record<string, string> = {
  new: 'New', removed: 'Removed', cancelled: 'Cancelled', reinstated: 'Back on', 'moved-time': 'Moved in time', 'moved-room': 'Moved room',
  retitled: 'Retitled', 'speakers-changed': 'Speakers changed', 'links-changed': 'Links changed', 'details-changed': 'Details changed',
};
