import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState, type ChangeEvent } from 'react';
import { describeCounts, PersonalDataError, type MergeReport } from '../../../../core/personal/io';
import type { IcsImport } from '../../../../core/personal/ical-import';
import { db } from '../../db';
import { personalCounts } from '../../db/personal-data';
import { AllowedSites } from './AllowedSites';
import { LiveCalendar } from './LiveCalendar';
import { SyncFolderSection } from './SyncFolderSection';
import { listConferences } from '../../db/queries';
import { host } from '../../host';
import { usePersonalNotices } from '../../personal/notice';
import { useApp } from '../../app/context';
import { resultOf } from '../../engine/jobs';
import { downloadText, exportPersonalFile, importPersonalFile } from '../../personal/transfer';
import { SectionBoundary } from '../../errors/SectionBoundary';

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const count = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;
const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

type Outcome<T> = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; value: T } | { kind: 'error'; message: string };

function BackupCopy() {
  const mirror = usePersonalNotices((s) => s.mirror);
  const problem = usePersonalNotices((s) => s.mirrorProblem);
  const [status, setStatus] = useState<{ path: string; writtenAt?: number; hasPrevious: boolean } | { error: string } | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void host()
      .mirrorStatus()
      .then((answer) => {
        if (live) setStatus(answer.ok ? answer.value : { error: answer.error.message });
      });
    return () => {
      live = false;
    };
  }, [mirror]);
  const writtenAt = mirror.writtenAt ?? (status && 'path' in status ? status.writtenAt : undefined);
  return (
    <section className="data-section" aria-labelledby="backup-heading">
      <h2 id="backup-heading">Backup copy</h2>
      <p>
        Lanyard keeps a copy of your stars, notes, reminder settings, watch list and subscriptions in a file on this computer, written a second after
        each change. If the app’s storage is ever cleared (a full disk, a reset profile), everything comes back from it.
      </p>
      {status && 'error' in status ? <p className="error">The backup copy is not available: {status.error}</p> : null}
      {status && 'path' in status ? (
        <dl className="data-facts">
          <dt>File</dt>
          <dd>
            <code data-testid="mirror-path">{status.path}</code>
          </dd>
          <dt>Last saved</dt>
          <dd data-testid="mirror-written">{writtenAt ? timeFormat.format(writtenAt) : 'not yet'}</dd>
          <dt>Previous copy</dt>
          <dd>{status.hasPrevious ? 'kept beside it (used if the file is ever damaged)' : 'none yet'}</dd>
        </dl>
      ) : null}
      {mirror.state === 'failed' || mirror.state === 'stopped' ? <p className="error">{mirror.message}</p> : null}
      {mirror.state === 'retrying' ? <p className="error">The last attempt to write it failed ({mirror.message}); Lanyard keeps trying.</p> : null}
      {problem ? <p className="error">{problem}</p> : null}
    </section>
  );
}

function Report({ report }: { report: MergeReport }) {
  const rows: Array<[string, keyof MergeReport]> = [
    ['Agenda entries (stars, notes, reminders)', 'agenda'],
    ['Conferences', 'subscriptions'],
    ['Reminder settings', 'prefs'],
    ['Watch later', 'watchLater'],
  ];
  return (
    <ul>
      {rows.map(([label, key]) => (
        <li key={key}>
          {label}: {describeCounts(report[key])}
        </li>
      ))}
    </ul>
  );
}

function ExportImport() {
  const { clock, storage } = useApp();
  const [exported, setExported] = useState<Outcome<string>>({ kind: 'idle' });
  const [imported, setImported] = useState<Outcome<{ name: string; report: MergeReport; needFile: string[] }>>({ kind: 'idle' });
  const exportData = async (): Promise<void> => {
    setExported({ kind: 'busy' });
    try {
      const file = await exportPersonalFile(db, clock.now());
      downloadText(file.fileName, file.text, 'application/json');
      setExported({ kind: 'done', value: `Saved ${file.fileName}.${file.skipped ? ` ${file.skipped} damaged entries could not be included.` : ''}` });
    } catch (error) {
      setExported({ kind: 'error', message: message(error) });
    }
  };
  const importData = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setImported({ kind: 'busy' });
    try {
      const { report, summary } = await importPersonalFile(db, await file.text(), clock.now());
      setImported({ kind: 'done', value: { name: file.name, report, needFile: summary.needFile.map((s) => s.fileName ?? s.id) } });
      storage.flush();
    } catch (error) {
      const text = error instanceof PersonalDataError ? error.message : `The file could not be imported: ${message(error)}`;
      setImported({ kind: 'error', message: `${file.name}: ${text}. Nothing was changed.` });
    } finally {
      input.value = '';
    }
  };
  return (
    <section className="data-section" aria-labelledby="transfer-heading">
      <h2 id="transfer-heading">Export and import</h2>
      <p>One JSON file with everything personal: for a backup of your own, or to move to another computer. Importing adds to what is here; for an entry in both, the newer one wins.</p>
      <div className="data-actions">
        <button type="button" className="button primary" onClick={() => void exportData()} disabled={exported.kind === 'busy'}>
          Export my data
        </button>
        <label className="button file-button">
          Import my data…
          <input type="file" accept=".json,application/json" aria-label="Import my data from a file" onChange={(e) => void importData(e)} />
        </label>
      </div>
      {exported.kind === 'done' ? <p role="status">{exported.value}</p> : null}
      {exported.kind === 'error' ? <p role="alert" className="error">{exported.message}</p> : null}
      {imported.kind === 'busy' ? <p role="status">Importing…</p> : null}
      {imported.kind === 'error' ? <p role="alert" className="error">{imported.message}</p> : null}
      {imported.kind === 'done' ? (
        <div role="status" data-testid="import-report">
          <p>Imported {imported.value.name}:</p>
          <Report report={imported.value.report} />
          {imported.value.needFile.length ? <p>Conferences added from a file need that file again (+ Add conference): {imported.value.needFile.join(', ')}.</p> : null}
        </div>
      ) : null}
    </section>
  );
}

const BY: Record<string, string> = { uid: 'same event', 'lanyard-id': 'Lanyard ids', 'guid-in-uid': 'feed id in the UID', 'title-and-time': 'title and time' };

function Calendar() {
  const { clock, engine } = useApp();
  const conferences = useLiveQuery(() => listConferences(db), []) ?? [];
  const [which, setWhich] = useState('');
  const [exported, setExported] = useState<Outcome<string>>({ kind: 'idle' });
  const [imported, setImported] = useState<Outcome<IcsImport & { starred: number; already: number; name: string }>>({ kind: 'idle' });
  const exportIcs = async (): Promise<void> => {
    try {
      const file = resultOf(await engine.run('agendaIcsExport', { now: clock.now(), conferenceId: which || undefined }));
      if (!file) {
        setExported({ kind: 'error', message: 'Nothing is starred yet: star sessions to put them in your calendar.' });
        return;
      }
      downloadText(file.fileName, file.text, 'text/calendar');
      setExported({ kind: 'done', value: `Saved ${file.fileName} with ${file.sessions} session${file.sessions === 1 ? '' : 's'}.` });
    } catch (error) {
      setExported({ kind: 'error', message: message(error) });
    }
  };
  const importIcs = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setImported({ kind: 'busy' });
    try {
      const result = resultOf(await engine.run('agendaIcs', { text: await file.text(), now: clock.now() }));
      setImported({ kind: 'done', value: { ...result, name: file.name } });
    } catch (error) {
      setImported({ kind: 'error', message: `${file.name}: ${message(error)}. Nothing was changed.` });
    } finally {
      input.value = '';
    }
  };
  return (
    <section className="data-section" aria-labelledby="calendar-heading">
      <h2 id="calendar-heading">Calendar</h2>
      <p>Your starred sessions as an iCalendar (.ics) file for any calendar app, in each conference’s time zone. Exporting again updates the same events.</p>
      <div className="data-actions">
        <label>
          Conference{' '}
          <select value={which} onChange={(e) => setWhich(e.currentTarget.value)}>
            <option value="">All conferences</option>
            {conferences.map((c) => (
              <option key={c.subscription.id} value={c.subscription.id}>
                {typeof c.conference?.conference.title === 'string' ? c.conference.conference.title : c.subscription.id}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button primary" onClick={() => void exportIcs()}>
          Export agenda as .ics
        </button>
        <label className="button file-button">
          Import agenda from .ics…
          <input type="file" accept=".ics,text/calendar" aria-label="Import agenda from an .ics file" onChange={(e) => void importIcs(e)} />
        </label>
      </div>
      {exported.kind === 'done' ? <p role="status">{exported.value}</p> : null}
      {exported.kind === 'error' ? <p role="alert" className="error">{exported.message}</p> : null}
      {imported.kind === 'busy' ? <p role="status">Reading the calendar…</p> : null}
      {imported.kind === 'error' ? <p role="alert" className="error">{imported.message}</p> : null}
      {imported.kind === 'done' ? (
        <div role="status" data-testid="ics-report">
          <p>
            {imported.value.name}: {imported.value.events} events, {imported.value.matches.length} matched to sessions ({imported.value.starred} newly starred,{' '}
            {imported.value.already} already in your agenda), {imported.value.unmatched.length} not matched.
          </p>
          {imported.value.matches.length ? (
            <details>
              <summary>Matched</summary>
              <ul>
                {imported.value.matches.map((m) => (
                  <li key={`${m.conferenceId}\n${m.sessionId}`}>
                    {m.title} <span className="muted">(by {BY[m.by]})</span>
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          {imported.value.unmatched.length ? (
            <>
              <p>Not matched:</p>
              <ul>
                {imported.value.unmatched.map((u, n) => (
                  <li key={n}>
                    {u.title}: {u.reason}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function ClearData({ entries }: { entries: number }) {
  const { storage } = useApp();
  const [isConfirming, setConfirming] = useState(false);
  const [outcome, setOutcome] = useState<Outcome<number>>({ kind: 'idle' });
  const clear = async (): Promise<void> => {
    setConfirming(false);
    setOutcome({ kind: 'busy' });
    try {
      setOutcome({ kind: 'done', value: await storage.clearPersonalData() });
    } catch (error) {
      setOutcome({ kind: 'error', message: `Deleted here, but the backup copy could not be updated: ${message(error)}` });
    }
  };
  return (
    <section className="data-section" aria-labelledby="clear-heading">
      <h2 id="clear-heading">Start over</h2>
      <p>Deletes your stars, notes, reminder settings and watch list here and in the backup copy. Your conferences stay. Export your data first to keep a copy.</p>
      {isConfirming ? (
        <div className="data-actions" role="group" aria-label="Confirm deleting">
          <span>Delete {entries} entries for good?</span>
          <button type="button" className="button danger" onClick={() => void clear()}>
            Yes, delete them
          </button>
          <button type="button" className="button" onClick={() => setConfirming(false)}>
            Keep them
          </button>
        </div>
      ) : (
        <button type="button" className="button" onClick={() => setConfirming(true)} disabled={entries === 0}>
          Delete my stars, notes and settings…
        </button>
      )}
      {outcome.kind === 'done' ? <p role="status">Deleted {outcome.value} entries; the backup copy is updated.</p> : null}
      {outcome.kind === 'error' ? <p role="alert" className="error">{outcome.message}</p> : null}
    </section>
  );
}

/** "Your data": the backup copy, export and import, and the agenda as a calendar. */
export function DataPage() {
  const counts = useLiveQuery(() => personalCounts(db), []);
  return (
    <div className="data-page">
      <h1>Your data</h1>
      {counts ? (
        <p data-testid="data-counts">
          {count(counts.starred, 'starred session')}, {count(counts.notes, 'note')}, {counts.watch} to watch later, {count(counts.conferences, 'conference')}.
        </p>
      ) : null}
      {/* Each part on its own: whatever is stored, the backup and the export stay reachable. */}
      <SectionBoundary what="the backup copy">
        <BackupCopy />
      </SectionBoundary>
      <SectionBoundary what="sync with other computers">
        <SyncFolderSection />
      </SectionBoundary>
      <SectionBoundary what="export and import">
        <ExportImport />
      </SectionBoundary>
      <SectionBoundary what="the calendar export">
        <Calendar />
      </SectionBoundary>
      <SectionBoundary what="the live calendar">
        <LiveCalendar />
      </SectionBoundary>
      <SectionBoundary what="the allowed sites">
        <AllowedSites />
      </SectionBoundary>
      {counts ? <ClearData entries={counts.entries} /> : null}
    </div>
  );
}
