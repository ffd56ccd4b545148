import { useCallback, useEffect, useState, type DragEvent, type FormEvent } from 'react';
import { useApp } from '../../app/context';
import { dateRange } from '../../format';
import { host } from '../../host';
import { navigate } from '../../route';
import { previewFeed, type CandidateBase, type FeedSummary, type Preview } from '../../sync/preview';

type State = { kind: 'idle' } | { kind: 'loading'; what: string } | { kind: 'preview'; preview: Preview } | { kind: 'storing'; preview: Preview } | { kind: 'error'; message: string };

const ZONE_WARNINGS = new Set(['time-zone-missing', 'time-zone-inferred', 'time-zone-contradiction']);
const MAX_FILE = 32 * 1024 * 1024;

/** Add a conference by URL, file or link; shows what the feed is before anything is stored. */
export function SubscribePage({ initialUrl }: { initialUrl: string | undefined }) {
  const { engine, clock, photos } = useApp();
  const [url, setUrl] = useState(initialUrl ?? '');
  const [timeZone, setTimeZone] = useState('');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [dragging, setDragging] = useState(false);

  const fromText = useCallback(async (text: string, base: CandidateBase, label: string): Promise<void> => {
    setState({ kind: 'loading', what: label });
    const read = await previewFeed(engine, text, base);
    setState(read.ok ? { kind: 'preview', preview: read.preview } : { kind: 'error', message: `${label}: ${read.message}` });
  }, [engine]);

  const previewUrl = useCallback(async (target: string, zone: string) => {
    setState({ kind: 'loading', what: target });
    const answer = await host().fetchFeed({ url: target });
    if (!answer.ok) return setState({ kind: 'error', message: `${target}: ${answer.error.message}` });
    if (answer.value.kind !== 'fetched') return setState({ kind: 'error', message: 'The server answered 304 Not Modified to a first request' });
    const { text, etag, lastModified } = answer.value;
    await fromText(text, { source: 'url', url: target, etag, lastModified, timeZone: zone || undefined }, target);
  }, [fromText]);

  const previewFile = async (file: File, zone: string): Promise<void> => {
    if (file.size > MAX_FILE) return setState({ kind: 'error', message: `${file.name} is larger than 32 MB` });
    setState({ kind: 'loading', what: file.name });
    await fromText(await file.text(), { source: 'file', fileName: file.name, timeZone: zone || undefined }, file.name);
  };

  // A new subscribe link fills the field in the same render, and its preview starts.
  const [linked, setLinked] = useState(initialUrl);
  if (linked !== initialUrl) {
    setLinked(initialUrl);
    if (initialUrl) setUrl(initialUrl);
  }
  useEffect(() => {
    // Fetching the previewed feed is the external system this effect syncs with; it says "Reading…" first.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- see above
    if (initialUrl) void previewUrl(initialUrl, '');
  }, [initialUrl, previewUrl]);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (url.trim()) void previewUrl(url.trim(), timeZone);
  };
  const drop = (event: DragEvent): void => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void previewFile(file, timeZone);
  };
  const confirm = async (preview: Preview): Promise<void> => {
    setState({ kind: 'storing', preview });
    const stored = await preview.subscribe(clock.now());
    if (!stored.ok) {
      // One transaction: nothing of the conference was stored.
      setState({ kind: 'error', message: `${preview.summary.conference.title} could not be stored: ${stored.message}. Nothing was saved; free some space and try again.` });
      return;
    }
    void photos.cache(stored.id);
    navigate({ page: 'schedule', conferenceId: stored.id });
  };
  const openNative = async (): Promise<void> => {
    const answer = await host().openFeedFile();
    if (answer.ok && answer.value) await fromText(answer.value.text, { source: 'file', fileName: answer.value.name, timeZone: timeZone || undefined }, answer.value.name);
  };

  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return (
    <section
      className={dragging ? 'subscribe-page is-dragging' : 'subscribe-page'}
      aria-labelledby="subscribe-title"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={drop}
    >
      <h1 id="subscribe-title">Add a conference</h1>
      <form onSubmit={submit} className="subscribe-form">
        <label htmlFor="feed-url">Schedule feed URL</label>
        <div className="input-row">
          <input id="feed-url" className="text-input" type="url" required placeholder="https://fosdem.org/2026/schedule/xml" value={url} onChange={(e) => setUrl(e.target.value)} />
          <button type="submit" className="button primary">
            Preview
          </button>
        </div>
        <p className="muted">
          Pentabarf/frab XML, schedule.json, pretalx, Sessionize, iCalendar/xCal or a Lanyard feed. Or drop a file anywhere here, or{' '}
          <label className="file-label">
            choose a file
            <input
              type="file"
              accept=".xml,.json,.ics,.xcal,.ical"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void previewFile(file, timeZone);
              }}
            />
          </label>
          {window.lanyard ? (
            <>
              {' '}
              (
              <button type="button" className="link-button" onClick={() => void openNative()}>
                open dialog
              </button>
              )
            </>
          ) : null}
          .
        </p>
        <label htmlFor="feed-zone">Time zone, for feeds that give none</label>
        <select id="feed-zone" className="text-input" value={timeZone} onChange={(e) => setTimeZone(e.target.value)}>
          <option value="">Infer from the feed</option>
          {zones.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
      </form>
      {state.kind === 'loading' ? <p role="status">Reading {state.what}…</p> : null}
      {state.kind === 'error' ? (
        <p role="alert" className="error">
          {state.message}
        </p>
      ) : null}
      {state.kind === 'preview' || state.kind === 'storing' ? (
        <PreviewBox summary={state.preview.summary} storing={state.kind === 'storing'} onConfirm={() => void confirm(state.preview)} />
      ) : null}
    </section>
  );
}

function PreviewBox({ summary, storing, onConfirm }: { summary: FeedSummary; storing: boolean; onConfirm: () => void }) {
  const { conference, warnings, formatLabel } = summary;
  const zoneNote = warnings.some((w) => ZONE_WARNINGS.has(w.code));
  return (
    <div className="preview" role="region" aria-label="Feed preview">
      <h2>{conference.title}</h2>
      <dl className="facts">
        <dt>Dates</dt>
        <dd>{dateRange(conference.start, conference.end)}</dd>
        <dt>Time zone</dt>
        <dd>
          {conference.timeZone}
          {zoneNote ? ' (inferred; choose one above and preview again if it is wrong)' : ''}
        </dd>
        <dt>Sessions</dt>
        <dd>{summary.sessions}</dd>
        <dt>Speakers</dt>
        <dd>{summary.speakers}</dd>
        <dt>Rooms</dt>
        <dd>{summary.rooms}</dd>
        <dt>Format</dt>
        <dd>{formatLabel}</dd>
      </dl>
      {warnings.length > 0 ? (
        <details className="warnings">
          <summary>
            {warnings.length} warning{warnings.length === 1 ? '' : 's'}
          </summary>
          <ul>
            {warnings.map((w, i) => (
              <li key={i}>
                {w.message}
                {w.where ? ` (at ${w.where})` : ''}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <button type="button" className="button primary" onClick={onConfirm} disabled={storing}>
        {storing ? 'Subscribing…' : 'Subscribe'}
      </button>
    </div>
  );
}
