import { useCallback, useRef, useState, type DragEvent, type FormEvent } from 'react';
import { useApp } from '../../app/context';
import { dateRange } from '../../format';
import { host } from '../../host';
import { navigate } from '../../route';
import { previewFeed, type CandidateBase, type FeedSummary, type Preview } from '../../sync/preview';
import { checkLiveChannel } from '../../../../core/live/channel';
import { parseSubscriptionLink } from '../../../../core/live/subscription-link';
import type { LiveChannel } from '../../../../core/model/schema';

type State = { kind: 'idle' } | { kind: 'loading'; what: string } | { kind: 'preview'; preview: Preview } | { kind: 'storing'; preview: Preview } | { kind: 'error'; message: string };

const ZONE_WARNINGS = new Set(['time-zone-missing', 'time-zone-inferred', 'time-zone-contradiction']);
const MAX_FILE = 32 * 1024 * 1024;

/**
 * Add a conference by URL, file or link; shows what the feed is before anything is stored.
 * After subscribing it opens the schedule, unless `afterSubscribe` says otherwise (a shared
 * picks link stays on its page).
 */
export function SubscribePage({ initialUrl, initialLive, afterSubscribe }: { initialUrl: string | undefined; initialLive?: LiveChannel | undefined; afterSubscribe?: (conferenceId: string) => void }) {
  // A subscription link pasted into the form carries its own live channel.
  const [pastedLive, setPastedLive] = useState<LiveChannel | undefined>(undefined);
  const offeredLive = pastedLive ?? initialLive;
  // A live channel from the subscription link: used when it is usable, else the reason is shown and the feed is still offered.
  const liveCheck = offeredLive ? checkLiveChannel(offeredLive) : undefined;
  const live = liveCheck?.ok ? liveCheck.channel : undefined;
  const liveKey = live ? `${live.mqtt}\n${live.topic}` : '';
  const { engine, clock, photos } = useApp();
  const [url, setUrl] = useState(initialUrl ?? '');
  const [timeZone, setTimeZone] = useState('');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [dragging, setDragging] = useState(false);

  // The last feed read, so that choosing another zone reads it again at once (no second download).
  const lastRead = useRef<{ text: string; base: CandidateBase; label: string } | undefined>(undefined);

  const fromText = useCallback(async (text: string, base: CandidateBase, label: string): Promise<void> => {
    lastRead.current = { text, base, label };
    setState({ kind: 'loading', what: label });
    const read = await previewFeed(engine, text, base);
    setState(read.ok ? { kind: 'preview', preview: read.preview } : { kind: 'error', message: `${label}: ${read.message}` });
  }, [engine]);

  // `pasted`: the checked live channel of a link pasted just now (state has not caught up yet).
  const previewUrl = useCallback(async (target: string, zone: string, pasted?: LiveChannel) => {
    setState({ kind: 'loading', what: target });
    const answer = await host().fetchFeed({ url: target });
    if (!answer.ok) return setState({ kind: 'error', message: `${target}: ${answer.error.message}` });
    if (answer.value.kind !== 'fetched') return setState({ kind: 'error', message: 'The server answered 304 Not Modified to a first request' });
    const { text, etag, lastModified } = answer.value;
    const [mqtt, topic] = liveKey ? liveKey.split('\n') : [];
    const channel = pasted ?? (mqtt && topic ? { mqtt, topic } : undefined);
    await fromText(text, { source: 'url', url: target, etag, lastModified, timeZone: zone || undefined, ...(channel ? { live: channel } : {}) }, target);
  }, [fromText, liveKey]);

  const previewFile = async (file: File, zone: string): Promise<void> => {
    if (file.size > MAX_FILE) return setState({ kind: 'error', message: `${file.name} is larger than 32 MB` });
    setState({ kind: 'loading', what: file.name });
    // file.text() would always read UTF-8; the feed may be UTF-16 or declare ISO-8859-1.
    const decoded = await engine.run('decode', { bytes: new Uint8Array(await file.arrayBuffer()) });
    if (!decoded.ok) return setState({ kind: 'error', message: `${file.name}: ${decoded.message}` });
    await fromText(decoded.value, { source: 'file', fileName: file.name, timeZone: zone || undefined }, file.name);
  };

  // A subscribe link (lanyard://subscribe, #/subscribe?url=) only fills the form in, in the same
  // render: nothing is fetched from its address until the person has seen it and pressed Preview.
  const [linked, setLinked] = useState(initialUrl);
  if (linked !== initialUrl) {
    setLinked(initialUrl);
    if (initialUrl) {
      setUrl(initialUrl);
      setState({ kind: 'idle' });
    }
  }

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const link = parseSubscriptionLink(url);
    if (link) {
      // A whole subscription link was pasted: subscribe to the feed it names, with its live channel.
      // Preview was pressed, so the feed is read now (a link opened from outside only fills the form in).
      setUrl(link.url);
      setPastedLive(link.live);
      const checked = link.live ? checkLiveChannel(link.live) : undefined;
      void previewUrl(link.url, timeZone, checked?.ok ? checked.channel : undefined);
      return;
    }
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
    if (afterSubscribe) afterSubscribe(stored.id);
    else navigate({ page: 'schedule', conferenceId: stored.id });
  };
  const openNative = async (): Promise<void> => {
    const answer = await host().openFeedFile();
    if (answer.ok && answer.value) await fromText(answer.value.text, { source: 'file', fileName: answer.value.name, timeZone: timeZone || undefined }, answer.value.name);
  };

  const chooseZone = (zone: string): void => {
    setTimeZone(zone);
    const last = lastRead.current;
    if (last && state.kind !== 'loading' && state.kind !== 'storing') void fromText(last.text, { ...last.base, timeZone: zone || undefined }, last.label);
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
        <label htmlFor="feed-zone">Conference time zone</label>
        <select id="feed-zone" className="text-input" value={timeZone} aria-describedby="feed-zone-hint" onChange={(e) => chooseZone(e.target.value)}>
          <option value="">As the feed says (or inferred from it)</option>
          {zones.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
        <p id="feed-zone-hint" className="muted">
          A zone chosen here is used instead of the feed&apos;s. You can also change it later from the conference&apos;s page.
        </p>
      </form>
      {initialUrl && state.kind === 'idle' ? (
        <p className="muted" data-testid="subscribe-link-note">
          A link filled in this address. Check it, then press Preview: nothing is fetched before you do.
        </p>
      ) : null}
      {state.kind === 'loading' ? <p role="status">Reading {state.what}…</p> : null}
      {state.kind === 'error' ? (
        <p role="alert" className="error">
          {state.message}
        </p>
      ) : null}
      {state.kind === 'preview' || state.kind === 'storing' ? (
        <PreviewBox summary={state.preview.summary} storing={state.kind === 'storing'} onConfirm={() => void confirm(state.preview)} />
      ) : null}
      {live ? (
        <p className="muted" data-testid="subscribe-live">
          Live updates from {live.mqtt} (topic {live.topic}): changes, announcements and room status arrive in seconds.
        </p>
      ) : null}
      {liveCheck && !liveCheck.ok ? (
        <p role="alert" className="error">
          The link’s live channel is not used: {liveCheck.reason}. The schedule is still checked every few minutes.
        </p>
      ) : null}
    </section>
  );
}

function PreviewBox({ summary, storing, onConfirm }: { summary: FeedSummary; storing: boolean; onConfirm: () => void }) {
  const { conference, warnings, formatLabel } = summary;
  const zoneNote = warnings.some((w) => ZONE_WARNINGS.has(w.code));
  const isChosen = warnings.some((w) => w.code === 'time-zone-from-subscriber');
  return (
    <div className="preview" role="region" aria-label="Feed preview">
      <h2>{conference.title}</h2>
      <dl className="facts">
        <dt>Dates</dt>
        <dd>{dateRange(conference.start, conference.end)}</dd>
        <dt>Time zone</dt>
        <dd>
          {conference.timeZone}
          {isChosen ? ' (as you chose)' : zoneNote ? ' (inferred; choose the right one above if it is wrong)' : ''}
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
