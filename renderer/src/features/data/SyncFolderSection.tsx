import { useEffect, useState, type FormEvent } from 'react';
import { useApp } from '../../app/context';
import { useSyncFolderStatus } from '../../sync-folder/status';

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** *Your data › Sync with other computers*: the folder, this computer's name, the computers seen, problems in plain words. */
export function SyncFolderSection() {
  const { syncFolder } = useApp();
  const status = useSyncFolderStatus((s) => s.status);
  const [path, setPath] = useState('');
  const [name, setName] = useState(status.deviceName ?? '');
  const [error, setError] = useState<string | undefined>(undefined);
  const [isBusy, setBusy] = useState(false);
  useEffect(() => {
    void syncFolder.syncNow();
  }, [syncFolder]);
  // The name field follows this computer's name when it changes (set here or by another window).
  const [shownName, setShownName] = useState(status.deviceName);
  if (shownName !== status.deviceName) {
    setShownName(status.deviceName);
    setName(status.deviceName ?? '');
  }

  const run = async (job: () => Promise<string | undefined>): Promise<void> => {
    setBusy(true);
    setError(await job());
    setBusy(false);
  };
  const choose = (event: FormEvent): void => {
    event.preventDefault();
    void run(() => syncFolder.choose(status.canChoose && !path.trim() ? undefined : path));
  };
  const rename = (event: FormEvent): void => {
    event.preventDefault();
    void run(async () => {
      await syncFolder.rename(name);
      return undefined;
    });
  };

  return (
    <section className="data-section" aria-labelledby="sync-folder-heading">
      <h2 id="sync-folder-heading">Sync with other computers</h2>
      <p>
        Choose a folder you already keep in step between your computers (Syncthing, Nextcloud, Dropbox, a network share). Each computer writes its
        own file there and reads the others’: stars, notes, reminder settings, watch later and your conferences follow you. No account, no server of
        ours.
      </p>
      {status.folder ? (
        <>
          <dl className="data-facts">
            <dt>Folder</dt>
            <dd>
              <code data-testid="sync-folder-path">{status.folder}</code>
            </dd>
            <dt>Last sync</dt>
            <dd data-testid="sync-folder-last">{status.lastSyncAt ? timeFormat.format(status.lastSyncAt) : 'not yet'}</dd>
          </dl>
          <h3>Computers seen</h3>
          <ul aria-label="Computers seen" data-testid="sync-devices">
            {status.devices.map((d) => (
              <li key={d.id}>
                <strong>{d.name}</strong>
                {d.isThis ? ' (this computer)' : ''}: {d.lastSeen ? `last seen ${timeFormat.format(d.lastSeen)}` : 'nothing yet'}
                {d.conflictCopies ? `, ${d.conflictCopies} conflicted ${d.conflictCopies === 1 ? 'copy' : 'copies'} read too` : ''}
              </li>
            ))}
          </ul>
          <form onSubmit={rename} className="inline-form">
            <label>
              Name of this computer{' '}
              <input value={name} onChange={(e) => setName(e.target.value)} placeholder={status.hostName} maxLength={100} />
            </label>{' '}
            <button type="submit" disabled={isBusy}>
              Rename
            </button>
          </form>
          {status.notCreated.length ? (
            <p>Conferences your other computers added from a file are not here; add the file on this computer too: {status.notCreated.join(', ')}.</p>
          ) : null}
          <p>
            <button type="button" onClick={() => void run(syncFolder.stop)} disabled={isBusy}>
              Stop syncing
            </button>{' '}
            <span className="muted">(this computer’s file stays in the folder; nothing is deleted)</span>
          </p>
        </>
      ) : (
        <form onSubmit={choose}>
          {status.canChoose ? (
            <p>
              <button type="submit" disabled={isBusy}>
                Choose a folder…
              </button>
            </p>
          ) : (
            <p>
              <label>
                Folder path{' '}
                <input value={path} onChange={(e) => setPath(e.target.value)} placeholder="/home/you/Sync" size={40} />
              </label>{' '}
              <button type="submit" disabled={isBusy || !path.trim()}>
                Sync with this folder
              </button>
            </p>
          )}
        </form>
      )}
      {status.problems.map((problem) => (
        <p key={problem} className="error" role="alert">
          {problem}
        </p>
      ))}
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
