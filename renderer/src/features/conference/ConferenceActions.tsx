import { useEffect, useRef, useState } from 'react';
import { db } from '../../db';
import { personalDataOf, setArchived } from '../../db/conference-admin';
import type { ConferenceData } from '../../db/queries';
import type { SubscriptionRecord } from '../../db/schema';
import { useApp } from '../../app/context';
import { navigate } from '../../route';
import { ConferenceSettings } from './ConferenceSettings';

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** Archive (or bring back) and remove, for the conference header. */
export function ConferenceActions({ data, subscription }: { data: ConferenceData; subscription: SubscriptionRecord | undefined }) {
  const { clock, storage } = useApp();
  const [confirming, setConfirming] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const id = data.record.id;
  const title = data.record.conference.title;
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (confirming !== undefined && !element.open) {
      element.showModal();
      cancel.current?.focus();
    } else if (confirming === undefined && element.open) element.close();
  }, [confirming]);
  if (!subscription) return null;
  const archived = subscription.archived === 1;
  const toggleArchive = (): void => {
    setArchived(db, id, !archived, clock.now()).catch((e: unknown) => setError(`Could not change the archive: ${e instanceof Error ? e.message : String(e)}`));
  };
  const askRemove = async (): Promise<void> => {
    const own = await personalDataOf(db, id);
    const mine = [
      ...(own.starred ? [plural(own.starred, 'starred session')] : []),
      ...(own.notes ? [plural(own.notes, 'note')] : []),
      ...(own.watchLater ? [plural(own.watchLater, 'recording') + ' to watch'] : []),
    ];
    setConfirming(
      `Its schedule${mine.length ? ` and your ${mine.join(', ')}` : ''} will be deleted from this computer.` +
        (subscription.source === 'url' ? ' You can subscribe to it again later from its feed.' : ''),
    );
  };
  const remove = (): void => {
    storage.removeConference(id).then(
      () => {
        setConfirming(undefined);
        navigate({ page: 'home' });
      },
      (e: unknown) => {
        setConfirming(undefined);
        setError(`Could not remove ${title}: ${e instanceof Error ? e.message : String(e)}`);
      },
    );
  };
  return (
    <div className="conference-actions">
      {archived ? (
        <span className="archived-note" title="Not checked for new revisions unless you press Refresh now">
          In the archive
        </span>
      ) : null}
      <ConferenceSettings subscription={subscription} title={title} timeZone={data.record.conference.timeZone} />
      {/* The sample is not a past conference of the user's: nothing to file away (Remove… still deletes it). */}
      {subscription.source === 'sample' && !archived ? null : (
        <button type="button" className="button" onClick={toggleArchive}>
          {archived ? 'Move back from the archive' : 'Move to the archive'}
        </button>
      )}
      <button type="button" className="button" onClick={() => void askRemove()}>
        Remove…
      </button>
      {error ? <p role="alert">{error}</p> : null}
      <dialog ref={dialog} className="link-dialog" aria-labelledby="remove-title" aria-describedby="remove-body" onClose={() => setConfirming(undefined)}>
        <h2 id="remove-title">Remove <bdi>{title}</bdi>?</h2>
        <p id="remove-body">{confirming}</p>
        <div className="link-dialog-buttons">
          <button ref={cancel} type="button" className="button" onClick={() => setConfirming(undefined)}>
            Cancel
          </button>
          <button type="button" className="button danger" onClick={remove}>
            Remove
          </button>
        </div>
      </dialog>
    </div>
  );
}
