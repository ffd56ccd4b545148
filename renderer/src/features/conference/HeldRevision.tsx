import { useRef, useState } from 'react';
import { heldSentence } from '../../../../core/sync/guard';
import { wallTimeOf } from '../../../../core/time/zone';
import { db } from '../../db';
import { dismissHeld, offerHeldAgain } from '../../db/held';
import type { ConferenceData } from '../../db/queries';
import type { HeldRevisionRecord } from '../../db/schema';
import { clock, shortDate } from '../../format';
import { useApp } from '../../app/context';
import { Revision } from '../changes/ChangesPage';
import { LeftOutNotice } from './LeftOutNotice';
import './held.css';

function when(ms: number, zone: string): string {
  return `${shortDate(wallTimeOf(ms, zone).date)} ${clock(ms, zone)}`;
}

/**
 * A revision the shrink guard held back, in the conference header: why, and what the user
 * can do about it — review what it would change, apply it anyway (the organizers may really
 * have cut the program), or keep the current copy (that revision is then not offered again).
 */
export function HeldRevision({ held, data, zone }: { held: HeldRevisionRecord; data: ConferenceData; zone: string }) {
  const { clock, sync } = useApp();
  const [isReviewing, setReviewing] = useState(false);
  const [busy, setBusy] = useState<'apply' | 'keep' | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  // After "Keep the current copy" the box goes: keyboard focus moves to its undo instead of being lost.
  const focusUndo = useRef(false);
  const id = data.record.id;
  const agendaIds = new Set([...data.agenda.values()].flatMap((e) => [e.sessionId, e.identity.id]));
  const mineRemoved = held.changes.filter((c) => c.tags.includes('removed') && agendaIds.has(c.sessionId)).length;

  if (held.dismissedAt !== undefined) {
    return (
      <p className="held-dismissed muted" data-testid="held-dismissed">
        You kept this copy instead of the revision of {when(held.arrivedAt, zone)} with {held.after} session{held.after === 1 ? '' : 's'}.{' '}
        <button
          type="button"
          className="link-button"
          ref={(button) => {
            if (button && focusUndo.current) button.focus();
            focusUndo.current = false;
          }}
          onClick={() => void offerHeldAgain(db, id, held.hash)}
        >
          Offer it again
        </button>
      </p>
    );
  }

  const apply = (): void => {
    setBusy('apply');
    setError(undefined);
    void sync.applyHeldNow(id, held.hash)
      .then((outcome) => {
        if (outcome.kind === 'failed') setError(outcome.message);
      })
      .finally(() => setBusy(undefined));
  };
  const keep = (): void => {
    setBusy('keep');
    setError(undefined);
    focusUndo.current = true;
    void dismissHeld(db, id, held.hash, clock.now())
      .then((done) => {
        if (!done) setError('That revision is no longer the one held back.');
      })
      .finally(() => setBusy(undefined));
  };

  return (
    <section className="held-revision" aria-labelledby="held-revision-title">
      <h2 id="held-revision-title" className="held-title">New revision held back</h2>
      <p className="held-reason">
        {heldSentence(held.before, held.after)} It arrived {when(held.arrivedAt, zone)}
        {held.revision && held.revision !== data.record.revision ? ` (revision ${held.revision})` : ''}
        {when(held.lastSeenAt, zone) !== when(held.arrivedAt, zone) ? ` and the server still had it at ${when(held.lastSeenAt, zone)}` : ''}. Such a drop is usually a
        broken export; if the organizers really cut the program, apply it.
      </p>
      <LeftOutNotice warnings={held.leftOut ?? []} />
      {mineRemoved > 0 ? (
        <p className="held-mine">
          {mineRemoved} session{mineRemoved === 1 ? '' : 's'} in your agenda would be removed (they would stay in your agenda, marked removed).
        </p>
      ) : null}
      <div className="held-actions">
        <button type="button" className="button" aria-expanded={isReviewing} aria-controls="held-review" onClick={() => setReviewing(!isReviewing)}>
          {isReviewing ? 'Hide changes' : 'Review changes'}
        </button>
        <button type="button" className="button" onClick={apply} disabled={busy !== undefined}>
          {busy === 'apply' ? 'Applying…' : 'Apply anyway'}
        </button>
        <button type="button" className="button" onClick={keep} disabled={busy !== undefined}>
          Keep the current copy
        </button>
      </div>
      {error ? <p className="held-error" role="alert">{error}</p> : null}
      {isReviewing ? (
        <div id="held-review" className="held-review">
          <Revision revision={{ ...held, at: held.arrivedAt }} data={data} zone={zone} agenda={agendaIds} heading="What the held revision would change" />
        </div>
      ) : null}
    </section>
  );
}
