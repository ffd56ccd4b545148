import { useLiveQuery } from 'dexie-react-hooks';
import type { SessionChange } from '../../../../core/feed/diff';
import { wallTimeOf } from '../../../../core/time/zone';
import { db } from '../../db';
import { listRevisions, markAllSeen } from '../../db/personal';
import type { ConferenceData } from '../../db/queries';
import type { RevisionRecord } from '../../db/schema';
import { clock, shortDate } from '../../format';
import { hrefFor } from '../../route';
import { useDisplayZone } from '../../store/ui';
import { fieldLine, TAG_LABELS } from './change-text';

const ORDER = ['cancelled', 'removed', 'moved-time', 'moved-room', 'retitled', 'speakers-changed', 'links-changed', 'reinstated', 'new', 'details-changed'];

function rank(change: SessionChange, agenda: ReadonlySet<string>): number {
  const inAgenda = agenda.has(change.sessionId) || (change.previousId !== undefined && agenda.has(change.previousId));
  const tag = Math.min(...change.tags.map((t) => ORDER.indexOf(t)));
  return (inAgenda ? 0 : 100) + tag;
}

function ChangeItem({ change, data, zone, agenda }: { change: SessionChange; data: ConferenceData; zone: string; agenda: ReadonlySet<string> }) {
  const exists = data.sessions.some((s) => s.id === change.sessionId);
  const inAgenda = agenda.has(change.sessionId) || (change.previousId !== undefined && agenda.has(change.previousId));
  const isUnseen = data.marks.has(change.sessionId);
  return (
    <li className={inAgenda ? 'change-item is-mine' : 'change-item'}>
      <div className="change-title-row">
        {exists ? <a className="session-title" href={hrefFor({ page: 'session', conferenceId: data.record.id, sessionId: change.sessionId })}>{change.title}</a> : <span className="session-title">{change.title}</span>}
        {change.tags.map((t) => <span key={t} className={`tag tag-change tag-${t}`}>{TAG_LABELS[t] ?? t}</span>)}
        {inAgenda ? <span className="tag tag-mine">In my agenda</span> : null}
        {isUnseen ? <span className="tag tag-unseen">Unseen</span> : null}
      </div>
      {change.changes.length > 0 ? (
        <ul className="field-list">
          {change.changes.filter((f) => f.field !== 'day').map((f) => {
            const line = fieldLine(f, zone);
            return (
              <li key={f.field}>
                <span className="field-label">{line.label}:</span> <del>{line.before}</del> → <ins>{line.after}</ins>
              </li>
            );
          })}
        </ul>
      ) : null}
    </li>
  );
}

/** One revision's changes, most important (and the user's own sessions) first; also shows a held-back revision under its own heading. */
export function Revision({ revision, data, zone, agenda, heading }: { revision: Pick<RevisionRecord, 'at' | 'revision' | 'counts' | 'changes'>; data: ConferenceData; zone: string; agenda: ReadonlySet<string>; heading?: string }) {
  const counts = Object.entries(revision.counts).filter(([, n]) => n > 0);
  const changes = [...revision.changes].sort((a, b) => rank(a, agenda) - rank(b, agenda) || a.title.localeCompare(b.title));
  const when = `${shortDate(wallTimeOf(revision.at, zone).date)} ${clock(revision.at, zone)}`;
  const title = heading ?? `Update of ${when}`;
  return (
    <section className="revision" aria-label={title}>
      <h2 className="revision-title">
        {title}
        {revision.revision ? <span className="muted"> · revision {revision.revision}</span> : null}
      </h2>
      <p className="muted revision-counts">{counts.map(([tag, n]) => `${n} ${(TAG_LABELS[tag] ?? tag).toLowerCase()}`).join(' · ')}</p>
      <ul className="change-list">
        {changes.slice(0, 300).map((c) => <ChangeItem key={`${c.sessionId}-${c.tags.join()}`} change={c} data={data} zone={zone} agenda={agenda} />)}
      </ul>
      {changes.length > 300 ? <p className="muted">and {changes.length - 300} more changes</p> : null}
    </section>
  );
}

/** Every update that changed this conference, newest first, field by field, in the zone the user chose. */
export function ChangesPage({ data }: { data: ConferenceData }) {
  const zone = useDisplayZone(data.record.conference.timeZone);
  const revisions = useLiveQuery(() => listRevisions(db, data.record.id), [data.record.id]);
  const agenda = new Set([...data.agenda.values()].flatMap((e) => [e.sessionId, e.identity.id]));
  if (revisions === undefined) return <p className="muted">Loading…</p>;
  return (
    <section className="changes-page" aria-label="Changes">
      <div className="changes-controls">
        <p className="muted">
          {revisions.length === 0 ? 'No changes since you subscribed.' : `${revisions.length} update${revisions.length === 1 ? '' : 's'} with changes · times in ${zone}`}
          {data.marks.size ? ` · ${data.marks.size} unseen` : ''}
        </p>
        {data.marks.size ? (
          <button type="button" className="button" onClick={() => void markAllSeen(db, data.record.id)}>
            Mark all as seen
          </button>
        ) : null}
      </div>
      {revisions.map((r) => <Revision key={r.id} revision={r} data={data} zone={zone} agenda={agenda} />)}
    </section>
  );
}
