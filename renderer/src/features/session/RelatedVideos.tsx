import type { SourcedLink } from '../../../../core/live/links';
import { ExternalLink } from '../../links/ExternalLink';
import { linkText } from '../../links/label';

/**
 * Videos a session refers to that are not its recording (a talk the speaker answers, a demo
 * elsewhere): listed apart from the session's links, so nobody takes them for the recording,
 * and never on the Recordings page.
 */
export function RelatedVideos({ links, online }: { links: readonly SourcedLink[]; online: boolean }) {
  const videos = links.filter((l) => l.kind === 'video');
  if (videos.length === 0) return null;
  return (
    <section className="related-videos" aria-labelledby="related-videos-title">
      <h3 id="related-videos-title">Related videos</h3>
      <p className="muted">Linked by the session, not its recording.</p>
      <ul className="link-list">
        {videos.map((l) => (
          <li key={l.url}>
            <ExternalLink href={l.url} className="chip chip-video">{linkText(l)}</ExternalLink>
            {!online ? <span className="needs-connection"> needs a connection</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
