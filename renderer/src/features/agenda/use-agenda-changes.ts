import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { agendaChangePhrases, changesSinceSeen, netChange, type AgendaInstantFormat } from '../../../../core/personal/change-summary';
import { db } from '../../db';
import { listRevisions } from '../../db/personal';
import type { ConferenceData } from '../../db/queries';
import { clock, dateIn, shortDate } from '../../format';

/** "Sat 14:00": the weekday and time in the zone shown, so a move to another day reads as one. */
function weekdayClock(zone: string): AgendaInstantFormat {
  return (iso) => {
    const ms = Date.parse(iso);
    if (Number.isNaN(ms)) return iso;
    return `${shortDate(dateIn(ms, zone)).split(' ')[0] ?? ''} ${clock(ms, zone)}`.trim();
  };
}

/**
 * What changed, since the user last looked, for each session of the agenda that carries a
 * *Changed* mark: "moved from Sat 10:00 to Sat 14:00", "room K.1.105 → H.2215". The revisions
 * are read only while some agenda session is marked.
 */
export function useAgendaChanges(data: ConferenceData, zone: string): ReadonlyMap<string, string[]> {
  const id = data.record.id;
  const marked = [...data.marks.values()].filter((m) => data.agenda.has(m.sessionId));
  const key = marked.map((m) => `${m.sessionId}@${m.revisionId}`).join('|');
  const revisions = useLiveQuery(() => (key ? listRevisions(db, id) : []), [id, key]);
  return useMemo(() => {
    const out = new Map<string, string[]>();
    if (!revisions?.length) return out;
    const time = weekdayClock(zone);
    for (const mark of data.marks.values()) {
      if (!data.agenda.has(mark.sessionId)) continue;
      const newest = revisions.findIndex((r) => r.id === mark.revisionId);
      const net = netChange(changesSinceSeen(newest < 0 ? revisions : revisions.slice(newest), mark.sessionId, mark.tags));
      const phrases = net ? agendaChangePhrases(net, time) : [];
      if (phrases.length) out.set(mark.sessionId, phrases);
    }
    return out;
  }, [revisions, data.marks, data.agenda, zone]);
}
