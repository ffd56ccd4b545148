import { useEffect, useMemo, useState } from 'react';
import { picksAppLink, picksWebLink, PicksLinkError, type Picks } from '../../../../core/personal/picks-link';
import type { ConferenceData } from '../../db/queries';

/**
 * The link to share, and which kind: in the desktop app a `lanyard://` link (opens in a
 * friend's Lanyard), in web mode this page's own address with `#/picks?…`.
 */
function linksFor(picks: Picks): { primary: string; app: string } {
  const app = picksAppLink(picks);
  const isWeb = window.location.protocol === 'http:' || window.location.protocol === 'https:';
  return { primary: isWeb ? picksWebLink(window.location.origin, picks) : app, app };
}

/** A QR code of `text` as an SVG blob URL: allowed by the app's CSP (`img-src 'self' blob:`), unlike a data: URL. */
function useQrCode(text: string | undefined): string | undefined {
  const [url, setUrl] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (!text) return undefined;
    let objectUrl: string | undefined;
    let live = true;
    // The QR encoder is loaded when a code is first drawn: it stays out of the start-up bundle.
    import('qrcode').then(({ toString: qrSvg }) => qrSvg(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })).then(
      (svg) => {
        if (!live) return;
        objectUrl = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
        setUrl(objectUrl);
      },
      () => setUrl(undefined),
    );
    return () => {
      live = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
      setUrl(undefined);
    };
  }, [text]);
  return url;
}

/** *Share my picks* on a conference's agenda: a link and QR code with the starred sessions; nothing goes through a server. */
export function SharePicks({ data }: { data: ConferenceData }) {
  const [isOpen, setOpen] = useState(false);
  const [copied, setCopied] = useState<string | undefined>(undefined);
  const ids = useMemo(() => [...data.agenda.values()].filter((e) => e.star && e.removedAt === undefined).map((e) => e.sessionId), [data.agenda]);
  const feedUrl = data.subscription?.source === 'url' ? data.subscription.url : undefined;
  const made = useMemo((): { links: { primary: string; app: string } } | { error: string } | undefined => {
    if (!isOpen) return undefined;
    try {
      return { links: linksFor({ conferenceId: data.record.id, sessionIds: ids, ...(feedUrl ? { feedUrl } : {}) }) };
    } catch (error) {
      return { error: error instanceof PicksLinkError ? error.message : String(error) };
    }
  }, [isOpen, data.record.id, ids, feedUrl]);
  const qr = useQrCode(made && 'links' in made ? made.links.primary : undefined);
  if (ids.length === 0) return null;
  const copy = async (text: string): Promise<void> => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('Link copied.');
    } catch {
      setCopied('Could not copy: select the link and copy it yourself.');
    }
  };
  return (
    <section className="share-picks" aria-label="Share my picks">
      {isOpen ? (
        <>
          <h2>Share my picks</h2>
          {made && 'error' in made ? (
            <p role="alert" className="error">
              {made.error}
            </p>
          ) : null}
          {made && 'links' in made ? (
            <>
              <p>
                Send this link to a friend, or let them scan the code: their Lanyard shows your {ids.length} session{ids.length === 1 ? '' : 's'} and offers to add them as
                maybe. The link itself carries the list; nothing is uploaded anywhere.
              </p>
              <div className="data-actions">
                <input type="text" readOnly value={made.links.primary} size={60} aria-label="Link to my picks" onFocus={(e) => e.currentTarget.select()} />
                <button type="button" className="button primary" onClick={() => void copy(made.links.primary)}>
                  Copy link
                </button>
                {made.links.primary !== made.links.app ? (
                  <button type="button" className="button" onClick={() => void copy(made.links.app)}>
                    Copy desktop-app link
                  </button>
                ) : null}
              </div>
              {copied ? <p role="status">{copied}</p> : null}
              {qr ? <img className="share-qr" src={qr} alt="QR code of the link to my picks" width={220} height={220} /> : null}
            </>
          ) : null}
          <button type="button" className="button" onClick={() => setOpen(false)}>
            Close
          </button>
        </>
      ) : (
        <button type="button" className="button" onClick={() => setOpen(true)}>
          Share my picks…
        </button>
      )}
    </section>
  );
}
