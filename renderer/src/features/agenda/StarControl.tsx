import type { Star } from '../../../../core/personal/model';
import { db } from '../../db';
import { setStar } from '../../db/personal';
import { useApp } from '../../app/context';
import { useEffect, type MouseEvent } from 'react';
import { beginInteraction, endInteractionAfterPaint } from '../../perf';

const LEVELS: Array<[Star, string, string]> = [
  ['going', '★ Going', 'I am going'],
  ['maybe', '☆ Maybe', 'Maybe'],
];

/** Going / maybe / neither for one session: two toggle buttons; pressing the pressed one clears it. */
export function StarControl({ conferenceId, sessionId, title, star, compact = false }: { conferenceId: string; sessionId: string; title: string; star: Star | undefined; compact?: boolean }) {
  const { clock, kickAlerts, schedules } = useApp();
  // Timed from the click to the painted star (`lanyard:star` / `lanyard:unstar`, read by `npm run bench`).
  useEffect(() => endInteractionAfterPaint(`star:${conferenceId}:${sessionId}`), [conferenceId, sessionId, star]);
  const choose = (level: Star, event: MouseEvent): void => {
    beginInteraction(`star:${conferenceId}:${sessionId}`, star === level ? 'unstar' : 'star', event);
    void setStar(db, conferenceId, sessionId, star === level ? undefined : level, clock.now(), schedules.peek(conferenceId)).then(kickAlerts);
  };
  return (
    <div className={compact ? 'star-control is-compact' : 'star-control'} role="group" aria-label={`My agenda: ${title}`}>
      {LEVELS.map(([level, label, tip]) => (
        <button key={level} type="button" className={`star-button star-${level}`} aria-pressed={star === level} title={tip} onClick={(event) => choose(level, event)}>
          {label}
        </button>
      ))}
    </div>
  );
}
