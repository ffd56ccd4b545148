import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { CaldavStatus, CalendarStatus } from '../../../../core/host/calendar-contract';
import type { HostResult } from '../../../../core/host/contract';
import { host } from '../../host';
import { useCalendarPublishProblem } from '../../personal/calendar-publisher';

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const REFRESH_MS = 5_000;

function useCalendarStatus(): { status: CalendarStatus | undefined; error: string | undefined; apply: (answer: HostResult<CalendarStatus>) => void } {
  const [status, setStatus] = useState<CalendarStatus | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const apply = useCallback((answer: HostResult<CalendarStatus>) => {
    if (answer.ok) {
      setStatus(answer.value);
      setError(undefined);
    } else setError(answer.error.message);
  }, []);
  useEffect(() => {
    let live = true;
    const load = (): void => {
      void host()
        .calendarStatus()
        .then((answer) => {
          if (live) apply(answer);
        });
    };
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [apply]);
  return { status, error, apply };
}

function Subscription({ status, onReset }: { status: CalendarStatus['subscription']; onReset: () => Promise<void> }) {
  const [copied, setCopied] = useState<string | undefined>(undefined);
  const [isConfirming, setConfirming] = useState(false);
  const copy = async (text: string): Promise<void> => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('Copied.');
    } catch {
      setCopied('Could not copy: select the address and copy it yourself.');
    }
  };
  return (
    <>
      <p>
        Add this address to your calendar app as a subscription (Thunderbird: <em>New Calendar › On the Network</em>; Evolution: <em>New › Calendar › On the web</em>;
        GNOME Calendar: <em>Calendars › Add Calendar › From the web</em>). It shows your starred sessions and follows every change while Lanyard runs. Only this computer
        can reach it, and only with the secret part of the address.
      </p>
      {status.notice ? <p className="error">{status.notice}</p> : null}
      <div className="data-actions">
        <label>
          Calendar address{' '}
          <input type="text" readOnly value={status.webcalUrl} size={60} aria-label="Calendar subscription address" data-testid="webcal-url" onFocus={(e) => e.currentTarget.select()} />
        </label>
        <button type="button" className="button primary" onClick={() => void copy(status.webcalUrl)}>
          Copy
        </button>
        <button type="button" className="button" onClick={() => void copy(status.url)}>
          Copy as http://
        </button>
        {isConfirming ? (
          <span role="group" aria-label="Confirm resetting the link">
            <span>Calendar apps using the old address stop getting updates. </span>
            <button
              type="button"
              className="button danger"
              onClick={() => {
                setConfirming(false);
                void onReset().then(() => setCopied('A new address was made; the old one no longer works.'));
              }}
            >
              Make a new address
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </span>
        ) : (
          <button type="button" className="button" onClick={() => setConfirming(true)}>
            Reset link…
          </button>
        )}
      </div>
      {copied ? <p role="status">{copied}</p> : null}
      <p className="muted" data-testid="webcal-facts">
        {status.events === undefined ? 'Not published yet.' : `${status.events} event${status.events === 1 ? '' : 's'}`}
        {status.publishedAt ? `, updated ${timeFormat.format(status.publishedAt)}` : ''}
      </p>
    </>
  );
}

function describeCaldav(status: CaldavStatus): string {
  const where = status.calendarUrl ? ` in “Lanyard agenda” (${status.calendarUrl})` : '';
  if (status.state === 'syncing') return `Updating${where}…`;
  if (status.state === 'ok') return `In step: ${status.events ?? 0} event${status.events === 1 ? '' : 's'}${where}${status.lastSyncAt ? `, last updated ${timeFormat.format(status.lastSyncAt)}` : ''}.`;
  return '';
}

function Caldav({ status, apply }: { status: CaldavStatus; apply: (answer: HostResult<CalendarStatus>) => void }) {
  const [busy, setBusy] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const run = async (label: string, call: () => Promise<HostResult<CalendarStatus>>): Promise<void> => {
    setBusy(label);
    setProblem(undefined);
    const answer = await call();
    setBusy(undefined);
    if (answer.ok) apply(answer);
    else setProblem(answer.error.message);
  };
  const connect = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const field = (name: string): string => {
      const value = form.get(name);
      return typeof value === 'string' ? value : '';
    };
    void run('Connecting…', () => host().connectCaldav({ serverUrl: field('serverUrl'), username: field('username'), password: field('password') }));
  };
  if (status.state === 'off') {
    return (
      <form className="caldav-form" onSubmit={connect} aria-label="Connect a CalDAV calendar">
        <p>
          Keep a calendar on your own CalDAV server (Nextcloud, Radicale, Fastmail, mailbox.org, iCloud with an app password, …) in step with your agenda, so your phone
          sees it too. Lanyard creates a calendar named “Lanyard agenda” there (or uses it again) and changes nothing else.
        </p>
        <label>
          CalDAV address <input name="serverUrl" type="url" required placeholder="https://cloud.example.org/remote.php/dav" size={50} />
        </label>
        <label>
          User name <input name="username" type="text" required autoComplete="username" />
        </label>
        <label>
          Password <input name="password" type="password" required autoComplete="current-password" />
        </label>
        <button type="submit" className="button primary" disabled={busy !== undefined}>
          Connect
        </button>
        {busy ? <p role="status">{busy}</p> : null}
        {problem ? (
          <p role="alert" className="error">
            {problem}
          </p>
        ) : null}
      </form>
    );
  }
  const storage = status.passwordStorage === 'keyring' ? 'the system keyring' : 'a file in Lanyard’s data folder that only you can read (caldav.json)';
  return (
    <div data-testid="caldav-status">
      <p>
        {status.username} at {status.serverUrl}. Your password is kept in {storage}.
      </p>
      {status.state === 'error' ? (
        <p role="alert" className="error">
          {status.message}
          {status.nextRetryAt ? ` Lanyard tries again at ${timeFormat.format(status.nextRetryAt)}.` : ''}
        </p>
      ) : (
        <p role="status">{describeCaldav(status)}</p>
      )}
      <div className="data-actions">
        <button type="button" className="button" disabled={busy !== undefined} onClick={() => void run('Updating…', () => host().syncCaldavNow())}>
          Update now
        </button>
        <button type="button" className="button" disabled={busy !== undefined} onClick={() => void run('Disconnecting…', () => host().disconnectCaldav())}>
          Disconnect
        </button>
      </div>
      <p className="muted">Disconnecting forgets the server and password here; the “Lanyard agenda” calendar stays on the server until you delete it there.</p>
      {busy ? <p role="status">{busy}</p> : null}
      {problem ? (
        <p role="alert" className="error">
          {problem}
        </p>
      ) : null}
    </div>
  );
}

/** *Your data › Live calendar*: the webcal subscription address (copy, reset) and CalDAV. */
export function LiveCalendar() {
  const { status, error, apply } = useCalendarStatus();
  const publishProblem = useCalendarPublishProblem((s) => s.problem);
  return (
    <section className="data-section" aria-labelledby="live-calendar-heading">
      <h2 id="live-calendar-heading">Live calendar</h2>
      {error ? <p className="error">The live calendar is not available: {error}</p> : null}
      {publishProblem ? (
        <p role="alert" className="error">
          {publishProblem}
        </p>
      ) : null}
      {status ? (
        <>
          <h3>Calendar subscription</h3>
          <Subscription status={status.subscription} onReset={() => host().resetCalendarLink().then(apply)} />
          <h3>CalDAV</h3>
          <Caldav status={status.caldav} apply={apply} />
        </>
      ) : null}
    </section>
  );
}
