import type { ChangeTag, FieldChange, SessionChange } from '../feed/diff';

/** Formats an ISO instant for people (the caller picks conference time or the user's own). */
export type InstantFormat = (iso: string, withDate: boolean) => string;

const field = (change: SessionChange, name: FieldChange['field']): FieldChange | undefined => change.changes.find((c) => c.field === name);

/** Tags that matter to someone who starred the session (abstract edits do not). */
const AGENDA_TAGS: readonly ChangeTag[] = ['removed', 'cancelled', 'reinstated', 'moved-time', 'moved-room', 'retitled', 'speakers-changed', 'links-changed'];

/**
 * What happened to one session, in short phrases: "moved from 15:30 to 16:15", "moved from
 * Pagoda room to Lab", "cancelled". Used by notifications and the Changes view.
 */
export function describeChange(change: SessionChange, time: InstantFormat): string[] {
  const out: string[] = [];
  const tags = new Set(change.tags);
  if (tags.has('removed')) out.push('removed by the organizers');
  if (tags.has('new')) out.push('new');
  if (tags.has('cancelled')) out.push('cancelled');
  if (tags.has('reinstated')) out.push('back on the schedule');
  const start = field(change, 'start');
  const end = field(change, 'end');
  const newDay = field(change, 'day') !== undefined;
  if (start) out.push(`moved from ${time(start.before, newDay)} to ${time(start.after, newDay)}`);
  else if (end) out.push(`now ends at ${time(end.after, false)} (was ${time(end.before, false)})`);
  const room = field(change, 'room');
  if (room) out.push(room.before ? `moved from ${room.before} to ${room.after || 'no room'}` : `now in ${room.after}`);
  const title = field(change, 'title');
  if (title) out.push(`renamed from “${title.before}”`);
  const speakers = field(change, 'speakers');
  if (speakers) out.push(speakers.after ? `speakers now ${speakers.after}` : 'no speakers listed any more');
  if (tags.has('links-changed')) out.push('links changed');
  if (out.length === 0 && tags.has('details-changed')) out.push('details changed');
  return out;
}

/** One sentence per session: "Kmods SIG Update moved from 15:30 to 16:15". */
export function changeSentence(change: SessionChange, time: InstantFormat): string {
  const phrases = describeChange(change, time);
  if (phrases.length === 0) return change.title;
  const last = phrases.pop()!;
  return `${change.title} ${phrases.length ? `${phrases.join(', ')} and ${last}` : last}`;
}

/** The changes of one revision that touch sessions in the agenda (by id in the new revision, or the old one). */
export function agendaChanges(changes: readonly SessionChange[], agendaIds: ReadonlySet<string>): SessionChange[] {
  return changes.filter(
    (c) => (agendaIds.has(c.sessionId) || (c.previousId !== undefined && agendaIds.has(c.previousId))) && c.tags.some((t) => AGENDA_TAGS.includes(t)),
  );
}
