import { useEffect, useState, type MouseEvent } from 'react';
import type { Star } from '../../../../core/personal/model';
import { useApp } from '../../app/context';
import { db } from '../../db';
import { setStar } from '../../db/personal';
import { beginInteraction, endInteractionAfterPaint } from '../../perf';

const LEVELS: Array<[Star, string, string]> = [
  ['going', '★ Going', 'I am going'],
  ['maybe', '☆ Maybe', 'Maybe'],
];

/** The level being saved for one session, shown at once; an `undefined` level means "clearing". */
interface Saving {
  key: string;
  level: Star | undefined;
}

/**
 * Going / maybe / neither for one session: two toggle buttons; pressing the pressed one clears
 * it. The press shows in the next frame while the change is saved; when saving fails, the
 * button goes back and says why.
 */
export function StarControl({ conferenceId, sessionId, title, star, compact = false }: { conferenceId: string; sessionId: string; title: string; star: Star | undefined; compact?: boolean }) {
  const { clock, kickAlerts, schedules } = useApp();
  const [saving, setSaving] = useState<Saving | undefined>(undefined);
  const [error, setError] = useState<{ key: string; text: string } | undefined>(undefined);
  const key = `star:${conferenceId}:${sessionId}`;
  // The stored star caught up with the one being saved, or this control now shows another session: show the stored one.
  if (saving && (saving.key !== key || saving.level === star)) setSaving(undefined);
  const shown = saving?.key === key ? saving.level : star;
  // Timed from the click to the painted star (`lanyard:star` / `lanyard:unstar`, read by `npm run bench`).
  useEffect(() => endInteractionAfterPaint(key), [key, shown]);
  const choose = (level: Star, event: MouseEvent): void => {
    const next = shown === level ? undefined : level;
    beginInteraction(key, next === undefined ? 'unstar' : 'star', event);
    setSaving({ key, level: next });
    setError(undefined);
    setStar(db, conferenceId, sessionId, next, clock.now(), schedules.peek(conferenceId)).then(kickAlerts, (failure: unknown) => {
      setSaving((current) => (current?.key === key ? undefined : current));
      setError({ key, text: `Not saved: ${failure instanceof Error ? failure.message : String(failure)}` });
    });
  };
  return (
    <div className={compact ? 'star-control is-compact' : 'star-control'} role="group" aria-label={`My agenda: ${title}`}>
      {LEVELS.map(([level, label, tip]) => (
        <button key={level} type="button" className={`star-button star-${level}`} aria-pressed={shown === level} title={tip} onClick={(event) => choose(level, event)}>
          {label}
        </button>
      ))}
      {error?.key === key ? (
        <span role="alert" className="error">
          {' '}
          {error.text}
        </span>
      ) : null}
    </div>
  );
}
