import { useState } from 'react';
import type { ConferenceData } from '../../db/queries';
import { dateAndClock } from '../../format';
import { ExternalLink } from '../../links/ExternalLink';
import { linkText } from '../../links/label';
import { RichText } from '../../RichText';
import { hrefFor } from '../../route';
import { useDisplayZone } from '../../store/ui';
import { SpeakerPhoto, usePhotos } from './SpeakerPhoto';

/** Everyone speaking at the conference, A–Z, with a quick filter. */
export function SpeakersPage({ data }: { data: ConferenceData }) {
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const speakers = [...data.speakers.values()]
    .filter((s) => !needle || s.name.toLowerCase().includes(needle))
    .sort((a, b) => a.name.localeCompare(b.name));
  const urls = speakers.map((s) => s.photoUrl).filter((u): u is string => Boolean(u));
  const photos = usePhotos(urls);
  // Feeds without photos (FOSDEM's) get a plain A–Z index, not a wall of initials.
  const hasPhotos = urls.length > 0;
  return (
    <section aria-label="Speakers">
      <input className="text-input" type="search" placeholder="Filter speakers" aria-label="Filter speakers" value={filter} onChange={(e) => setFilter(e.target.value)} />
      <p className="muted">{speakers.length} speakers</p>
      <ul className={hasPhotos ? 'speaker-index with-photos' : 'speaker-index'}>
        {speakers.map((s) => (
          <li key={s.id}>
            <a href={hrefFor({ page: 'speaker', conferenceId: data.record.id, speakerId: s.id })}>
              {hasPhotos ? <SpeakerPhoto name={s.name} blob={s.photoUrl ? photos.get(s.photoUrl) : undefined} /> : null}
              <span>{s.name}</span>
            </a>
          </li>
        ))}
      </ul>
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
      <ul className="plain-list">
        {sessions.map((s) => (
          <li key={s.id}>
            <span className="muted">{dateAndClock(s.start, zone)}</span>{' '}
            <a href={hrefFor({ page: 'session', conferenceId: data.record.id, sessionId: s.id })}>{s.title}</a>
          </li>
        ))}
      </ul>
    </article>
  );
}
