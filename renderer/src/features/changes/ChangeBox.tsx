import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { db } from '../../db';
import { getRevision, markSeen } from '../../db/personal';
import type { ChangeMarkRecord } from '../../db/schema';
import { wallTimeOf } from '../../../../core/time/zone';
import { clock, shortDate } from '../../format';
import { fieldLine, TAG_LABELS } from './change-text';

/**
 * On a session page: what the organizers changed since the user last looked. Opening the
 * page counts as seeing it (the mark in lists goes), but the box stays until the user leaves.
 */
export function ChangeBox({ conferenceId, sessionId, mark, zone }: { conferenceId: string; sessionId: string; mark: ChangeMarkRecord | undefined; zone: string }) {
  const [shown] = useState(mark);
  const revision = useLiveQuery(() => (shown ? getRevision(db, shown.revisionId) : undefined), [shown?.revisionId]);
  useEffect(() => {
    if (mark) void markSeen(db, conferenceId, sessionId);
  }, [mark, conferenceId, sessionId]);
  if (!shown) return null;
  const change = revision?.changes.find((c) => c.sessionId === sessionId);
  return (
    <section className="change-box" aria-label="What changed">
      <h3>{shown.tags.every((t) => t === 'new') ? 'Added' : 'Changed'} in the update of {shortDate(wallTimeOf(shown.at, zone).date)} {clock(shown.at, zone)}</h3>
      <p className="change-tags">{shown.tags.map((t) => <span key={t} className={`tag tag-change tag-${t}`}>{TAG_LABELS[t] ?? t}</span>)}</p>
      {change && change.changes.length > 0 ? (
        <table className="field-changes">
          <tbody>
            {change.changes.map((f) => {
              const line = fieldLine(f, zone);
              return (
                <tr key={f.field}>
                  <th scope="row">{line.label}</th>
                  <td><del>{line.before}</del></td>
                  <td aria-hidden="true">→</td>
                  <td><ins>{line.after}</ins></td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
