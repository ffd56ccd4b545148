import type { ChangeTag, FieldChange, SessionChange } from '../feed/diff';

/** Formats an ISO instant for the agenda: "Sat 10:00", in the zone the user chose. */
export type AgendaInstantFormat = (iso: string) => string;

/** Revisions to look back through for one session's changes (the store keeps 100 per conference). */
const MAX_STEPS = 100;

/**
 * The changes one session went through since the user last looked, found by walking the
 * revisions newest first (following the session's earlier ids) until every unseen tag is
 * explained. `revisions` are newest first, each with its changes; `unseen` are the mark's tags.
 */
export function changesSinceSeen(
  revisions: ReadonlyArray<{ changes: readonly SessionChange[] }>,
  sessionId: string,
  unseen: readonly ChangeTag[],
): SessionChange[] {
  const found: SessionChange[] = [];
  const missing = new Set(unseen);
  let id = sessionId;
  for (const revision of revisions.slice(0, MAX_STEPS)) {
    if (missing.size === 0) break;
    const change = revision.changes.find((c) => c.sessionId === id);
    if (!change) continue;
    found.push(change);
    for (const tag of change.tags) missing.delete(tag);
    if (change.previousId) id = change.previousId;
  }
  return found.reverse();
}

/**
 * Several revisions' changes to one session as one: each field from its first "before" to
 * its last "after" (a session moved and moved back has not moved), tags as they stand now.
 * `changes` are oldest first.
 */
export function netChange(changes: readonly SessionChange[]): SessionChange | undefined {
  const last = changes.at(-1);
  if (!last) return undefined;
  const fields = new Map<FieldChange['field'], FieldChange>();
  for (const change of changes) {
    for (const f of change.changes) {
      const earlier = fields.get(f.field);
      fields.set(f.field, { field: f.field, before: earlier ? earlier.before : f.before, after: f.after });
    }
  }
  const net = [...fields.values()].filter((f) => f.before !== f.after);
  const changed = new Set(net.map((f) => f.field));
  const tags = new Set<ChangeTag>(changes.flatMap((c) => c.tags));
  const cancelled = fields.get('cancelled');
  // Cancelled, then back on (or the other way round): only where it stands now counts.
  if (cancelled) {
    tags.delete('cancelled');
    tags.delete('reinstated');
    if (changed.has('cancelled')) tags.add(cancelled.after === 'true' ? 'cancelled' : 'reinstated');
  }
  if (!changed.has('start') && !changed.has('end') && !changed.has('day')) tags.delete('moved-time');
  if (!changed.has('room')) tags.delete('moved-room');
  if (!changed.has('title')) tags.delete('retitled');
  if (!changed.has('speakers')) tags.delete('speakers-changed');
  return { sessionId: last.sessionId, title: last.title, tags: [...tags], changes: net };
}

const field = (change: SessionChange, name: FieldChange['field']): FieldChange | undefined => change.changes.find((c) => c.field === name);

/**
 * What changed, in the agenda's short words: "moved from Sat 10:00 to Sat 14:00",
 * "room K.1.105 → H.2215", "cancelled", "title changed (was “…”)". Empty when nothing an
 * attendee plans by changed (an edited abstract).
 */
export function agendaChangePhrases(change: SessionChange, time: AgendaInstantFormat): string[] {
  const out: string[] = [];
  const tags = new Set(change.tags);
  if (tags.has('removed')) out.push('removed by the organizers');
  if (tags.has('new')) out.push('new');
  if (tags.has('cancelled')) out.push('cancelled');
  if (tags.has('reinstated')) out.push('back on the schedule');
  const start = field(change, 'start');
  const end = field(change, 'end');
  if (start) out.push(`moved from ${time(start.before)} to ${time(start.after)}`);
  else if (end) out.push(`now ends at ${time(end.after)} (was ${time(end.before)})`);
  const room = field(change, 'room');
  if (room) out.push(`room ${room.before || 'none'} → ${room.after || 'none'}`);
  const title = field(change, 'title');
  if (title) out.push(title.before ? `title changed (was “${title.before}”)` : 'title changed');
  const speakers = field(change, 'speakers');
  if (speakers) out.push(speakers.after ? `speakers now ${speakers.after}` : 'no speakers listed any more');
  if (tags.has('links-changed')) out.push('links changed');
  if (out.length === 0 && tags.has('details-changed')) out.push('details changed');
  return out;
}
