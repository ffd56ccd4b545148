import { useLiveQuery } from 'dexie-react-hooks';
import { memo, useState } from 'react';
import { describeFreshness } from '../../../../core/sync/freshness';
import { db } from '../../db';
import { getHeld } from '../../db/held';
import type { ConferenceData } from '../../db/queries';
import { clock, dateRange } from '../../format';
import { AnnouncementsPanel } from '../announcements/AnnouncementsPanel';
import { ConferenceActions } from './ConferenceActions';
import { SampleNote } from './SampleNote';
import { ExternalLink } from '../../links/ExternalLink';
import { linkText } from '../../links/label';
import { hrefFor, type Route } from '../../route';
import { useDisplayZone } from '../../store/ui';
import { HeldRevision } from './HeldRevision';
import { LeftOutNotice } from './LeftOutNotice';
import { LiveChannelState } from '../live/LiveChannelState';
import { useApp, useAppState, useNow } from '../../app/context';
import { MINUTE_MS } from '../../app/clock';

const TABS = [
  ['schedule', 'Schedule'],
  ['speakers', 'Speakers'],
  ['rooms', 'Rooms'],
  ['tracks', 'Tracks'],
  ['agenda', 'My agenda'],
  ['changes', 'Changes'],
] as const;

/** The tab a page belongs to: a room's page is under Rooms, a track's under Tracks, a speaker's under Speakers. */
function sectionOf(page: Route['page']): Route['page'] {
  if (page === 'room') return 'rooms';
  if (page === 'track') return 'tracks';
  if (page === 'speaker') return 'speakers';
  return page;
}

function ConferenceHeaderView({ data, current }: { data: ConferenceData; current: Route['page'] }) {
  const { conference } = data.record;
  const sub = data.subscription;
  const online = useAppState((s) => s.online);
  const zone = useDisplayZone(conference.timeZone);
  const now = useNow(MINUTE_MS);
  const { sync } = useApp();
  const [busy, setBusy] = useState(false);
  const held = useLiveQuery(() => getHeld(db, data.record.id), [data.record.id]);
  const isHeld = held !== undefined && held.dismissedAt === undefined;
  const freshness = sub
    ? sub.source === 'url'
      ? describeFreshness({
          now,
          online,
          lastSuccessAt: sub.lastSuccessAt,
          lastError: sub.lastError ? { at: sub.lastError.at, message: sub.lastError.message } : undefined,
          clock: (ms) => clock(ms, zone),
          held: isHeld ? { before: held.before, after: held.after } : undefined,
        })
      : sub.source === 'sample'
        ? 'built-in sample'
        : `from the file ${sub.fileName ?? ''}`
    : '';
  const refresh = (): void => {
    if (!sub) return;
    setBusy(true);
    void sync.syncNow(sub).finally(() => setBusy(false));
  };
  const venue = conference.venue;
  return (
    <header className="conference-header">
      <div className="conference-title-row">
        <h1>{conference.title}</h1>
        {sub?.source === 'url' ? (
          <button type="button" className="button" onClick={refresh} disabled={busy} aria-label="Refresh now">
            {busy ? 'Refreshing…' : '↻ Refresh now'}
          </button>
        ) : null}
        <ConferenceActions data={data} subscription={sub} />
      </div>
      <p className="conference-meta">
        <span>{dateRange(conference.start, conference.end)}</span>
        {venue?.name ? <span> · {[venue.name, venue.city].filter(Boolean).join(', ')}</span> : null}
        {sub?.source === 'sample' && sub.archived !== 1 ? <SampleNote /> : null}
      </p>
      <p className={sub?.lastError ? 'freshness has-error' : isHeld ? 'freshness is-held' : 'freshness'} role="status" aria-live="polite" data-testid="freshness">
        {freshness}
      </p>
      <LiveChannelState conferenceId={data.record.id} />
      {held ? <HeldRevision held={held} data={data} zone={zone} /> : null}
      <LeftOutNotice warnings={data.record.warnings} />
      <AnnouncementsPanel data={data} />
      {conference.links.length > 0 ? (
        <nav aria-label="Take part" className="participation">
          {conference.links.map((link) => (
            <ExternalLink key={link.url} href={link.url} className={`chip chip-${link.kind}`} title={online ? undefined : 'Needs a connection'}>
              {link.kind === 'hallway' && !/hallway/i.test(linkText(link)) ? `Hallway: ${linkText(link)}` : linkText(link)}
            </ExternalLink>
          ))}
        </nav>
      ) : null}
      <nav className="tabs" aria-label="Conference sections">
        {TABS.map(([page, label]) => (
          <a key={page} href={hrefFor({ page, conferenceId: data.record.id })} aria-current={sectionOf(current) === page ? 'page' : undefined}>
            {label}
            {page === 'changes' && data.marks.size > 0 ? <span className="tab-count" aria-label={`${data.marks.size} unseen`}> {data.marks.size}</span> : null}
          </a>
        ))}
      </nav>
    </header>
  );
}

/** Re-rendered only when its own props change (not on every route change, such as a day tab). */
export const ConferenceHeader = memo(ConferenceHeaderView);
