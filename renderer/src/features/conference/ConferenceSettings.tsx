import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useApp } from '../../app/context';
import type { SubscriptionRecord } from '../../db/schema';

type Status = { kind: 'idle' } | { kind: 'saving' } | { kind: 'done'; message: string } | { kind: 'error'; message: string };

/**
 * "Name and time zone…" in the conference header: rename the conference, or set the zone it is
 * read in (which re-reads floating local times). Both stay set through later revisions.
 */
export function ConferenceSettings({ subscription, title, timeZone }: { subscription: SubscriptionRecord; title: string; timeZone: string }) {
  const { sync } = useApp();
  const [isOpen, setOpen] = useState(false);
  const [name, setName] = useState(title);
  const [zone, setZone] = useState(subscription.timeZone ?? '');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const dialog = useRef<HTMLDialogElement>(null);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (isOpen && !element.open) {
      element.showModal();
      first.current?.focus();
    } else if (!isOpen && element.open) element.close();
  }, [isOpen]);
  const open = (): void => {
    setName(subscription.title ?? title);
    setZone(subscription.timeZone ?? '');
    setStatus({ kind: 'idle' });
    setOpen(true);
  };
  const save = (event: FormEvent): void => {
    event.preventDefault();
    setStatus({ kind: 'saving' });
    // An unchanged name is no rename (the feed's title keeps following the feed); an empty one goes back to the feed's.
    const trimmed = name.trim();
    const renamed = trimmed === '' ? undefined : trimmed === title ? subscription.title : trimmed;
    sync.changeSettings(subscription.id, { title: renamed, timeZone: zone || undefined }).then(
      (outcome) => {
        if (outcome.kind === 'failed') setStatus({ kind: 'error', message: outcome.message });
        else if (outcome.kind === 'pending') setStatus({ kind: 'done', message: outcome.message });
        else setOpen(false);
      },
      (e: unknown) => setStatus({ kind: 'error', message: `Could not save: ${e instanceof Error ? e.message : String(e)}` }),
    );
  };
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return (
    <>
      <button type="button" className="button" onClick={open}>
        Name and time zone…
      </button>
      <dialog ref={dialog} className="link-dialog" aria-labelledby="settings-title" onClose={() => setOpen(false)}>
        <h2 id="settings-title">Name and time zone</h2>
        <form onSubmit={save} className="subscribe-form">
          <label htmlFor="conference-name">Conference name</label>
          <input ref={first} id="conference-name" className="text-input" maxLength={300} placeholder="As the feed names it" value={name} onChange={(e) => setName(e.target.value)} />
          <label htmlFor="conference-zone">Time zone</label>
          <select id="conference-zone" className="text-input" value={zone} aria-describedby="conference-zone-hint" onChange={(e) => setZone(e.target.value)}>
            <option value="">{subscription.timeZone ? 'As the feed says' : `As the feed says (${timeZone})`}</option>
            {zones.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
          <p id="conference-zone-hint" className="muted">
            Times the feed gives without an offset are read again in this zone. Your stars, notes and reminders stay with their sessions, and both settings are kept when the organizers publish a new revision.
          </p>
          {status.kind === 'done' ? <p role="status">{status.message}</p> : null}
          {status.kind === 'error' ? <p role="alert">{status.message}</p> : null}
          <div className="link-dialog-buttons">
            <button type="button" className="button" onClick={() => setOpen(false)}>
              {status.kind === 'done' ? 'Close' : 'Cancel'}
            </button>
            <button type="submit" className="button primary" disabled={status.kind === 'saving'}>
              {status.kind === 'saving' ? 'Saving…' : 'Save'}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
