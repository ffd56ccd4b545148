import type { Feed } from '../../../../core/model/schema';
import { longDate } from '../../format';

export function ConferenceHeader({ feed }: { feed: Feed }) {
  const { conference } = feed;
  const venue = conference.venue;
  const dates = conference.start === conference.end ? longDate(conference.start) : `${longDate(conference.start)} – ${longDate(conference.end)}`;
  return (
    <header className="conference-header">
      <h1>{conference.title}</h1>
      <p className="conference-meta">
        <span>{dates}</span>
        {venue?.name ? <span> · {[venue.name, venue.room].filter(Boolean).join(', ')}</span> : null}
        <span> · times in {conference.timeZone}</span>
      </p>
      {conference.links.length > 0 ? (
        <nav aria-label="Take part" className="participation">
          {conference.links.map((link) => (
            <a key={link.url} href={link.url} target="_blank" rel="noopener noreferrer" className={`chip chip-${link.kind}`}>
              {link.title ?? link.url}
            </a>
          ))}
        </nav>
      ) : null}
    </header>
  );
}
