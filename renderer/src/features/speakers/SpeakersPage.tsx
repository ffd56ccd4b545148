import { useEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { ConferenceData } from '../../db/queries';
import type { SpeakerRecord } from '../../db/schema';
import { ExternalLink } from '../../links/ExternalLink';
import { linkText } from '../../links/label';
import { VirtualList, type JumpRequest } from '../../lists/VirtualList';
import { RichText } from '../../RichText';
import { hrefFor } from '../../route';
import { useDisplayZone } from '../../store/ui';
import { sessionsByDay } from '../rooms/facet-days';
import { SessionsByDay } from '../rooms/SessionsByDay';
import { speakerRows, type IndexRow } from './speaker-index';
import { SpeakerPhoto, usePhotos } from './SpeakerPhoto';

const COLUMN_PX = 256;

/** The width of an element, kept current as it changes. */
function useWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    const observer = new ResizeObserver(([entry]) => setWidth(entry?.contentRect.width ?? 0));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/** Everyone speaking at the conference: an A–Z index under letter headings, with a quick filter and a letter bar. */
export function SpeakersPage({ data }: { data: ConferenceData }) {
  const [filter, setFilter] = useState('');
  const [jump, setJump] = useState<(JumpRequest & { letter: string }) | undefined>(undefined);
  const box = useRef<HTMLDivElement>(null);
  const columns = Math.max(1, Math.floor(useWidth(box) / COLUMN_PX));
  const needle = filter.trim().toLowerCase();
  const speakers = useMemo(() => [...data.speakers.values()].filter((s) => !needle || s.name.toLowerCase().includes(needle)), [data.speakers, needle]);
  const { rows, letterRow } = useMemo(() => speakerRows(speakers, columns), [speakers, columns]);
  const urls = speakers.map((s) => s.photoUrl).filter((u): u is string => Boolean(u));
  const photos = usePhotos(urls);
  // Feeds without photos (FOSDEM's) get a plain A–Z index, not a wall of initials.
  const hasPhotos = urls.length > 0;
  // After a letter is chosen, its heading takes the focus (once scrolled into the page), so Tab goes on to its first name.
  useEffect(() => {
    if (!jump) return undefined;
    let frames = 0;
    let handle = 0;
    const focusHeading = (): void => {
      const heading = [...(box.current?.querySelectorAll<HTMLElement>('[data-letter]') ?? [])].find((h) => h.dataset.letter === jump.letter);
      if (heading) heading.focus({ preventScroll: true });
      else if ((frames += 1) < 30) handle = requestAnimationFrame(focusHeading);
    };
    handle = requestAnimationFrame(focusHeading);
    return () => cancelAnimationFrame(handle);
  }, [jump]);
  const render = (row: IndexRow<SpeakerRecord>): ReactNode =>
    row.kind === 'letter' ? (
      <div role="listitem">
        <h3 className="speaker-letter" data-letter={row.letter} tabIndex={-1}>{row.letter}</h3>
      </div>
    ) : (
      <div className="speaker-line" style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}>
        {row.speakers.map((s) => (
          <div key={s.id} role="listitem">
            <a href={hrefFor({ page: 'speaker', conferenceId: data.record.id, speakerId: s.id })}>
              {hasPhotos ? <SpeakerPhoto name={s.name} blob={s.photoUrl ? photos.get(s.photoUrl) : undefined} /> : null}
              <span>{s.name}</span>
            </a>
          </div>
        ))}
      </div>
    );
  return (
    <section aria-label="Speakers" className="speakers-page">
      <div className="speakers-tools">
        <input className="text-input" type="search" placeholder="Filter speakers" aria-label="Filter speakers" value={filter} onChange={(e) => setFilter(e.target.value)} />
        <p className="muted">{speakers.length} {speakers.length === 1 ? 'speaker' : 'speakers'}</p>
      </div>
      {letterRow.size > 1 ? (
        <nav aria-label="Jump to letter" className="letter-bar">
          {[...letterRow].map(([letter, index]) => (
            <button key={letter} type="button" className="letter-button" aria-label={`Speakers under ${letter}`} onClick={() => setJump({ index, letter, token: Date.now() })}>
              {letter}
            </button>
          ))}
        </nav>
      ) : null}
      <div ref={box} className={hasPhotos ? 'speaker-index with-photos' : 'speaker-index'}>
        {rows.length === 0 ? <p className="empty">No speaker matches.</p> : (
          <VirtualList
            items={rows}
            keyOf={(row) => (row.kind === 'letter' ? row.letter : `${row.letter}:${row.speakers[0]!.id}`)}
            render={render}
            estimateSize={(row) => (row.kind === 'letter' ? 44 : hasPhotos ? 40 : 28)}
            className="speaker-scroller"
            label="Speakers"
            testId="speaker-index"
            jump={jump}
          />
        )}
      </div>
    </section>
  );
}

export function SpeakerPage({ data, speakerId }: { data: ConferenceData; speakerId: string }) {
  const zone = useDisplayZone(data.record.conference.timeZone);
  const speaker = data.speakers.get(speakerId);
  const photos = usePhotos(speaker?.photoUrl ? [speaker.photoUrl] : []);
  if (!speaker) return <p role="alert">This speaker is not in the schedule.</p>;
  const sessions = data.sessions.filter((s) => s.speakerIds.includes(speakerId));
  return (
    <article className="speaker-page" aria-labelledby="speaker-name">
      <a href={hrefFor({ page: 'speakers', conferenceId: data.record.id })} className="back">← Speakers</a>
      <header className="speaker-header">
        <SpeakerPhoto name={speaker.name} blob={speaker.photoUrl ? photos.get(speaker.photoUrl) : undefined} size="large" label={`Photo of ${speaker.name}`} />
        <h2 id="speaker-name" className="page-title">{speaker.name}</h2>
      </header>
      <RichText html={speaker.bio} />
      {speaker.links.length > 0 ? (
        <ul className="link-list" aria-label="Links">
          {speaker.links.map((l) => (
            <li key={l.url}>
              <ExternalLink href={l.url} className="chip">
                {linkText(l)}
              </ExternalLink>
            </li>
          ))}
        </ul>
      ) : null}
      <h3>Sessions</h3>
      {/* Every day the speaker is on, each session with its star: a Sunday talk is never behind a Saturday tab. */}
      <SessionsByDay data={data} name={speaker.name} days={sessionsByDay(sessions)} zone={zone} show="room" />
    </article>
  );
}
