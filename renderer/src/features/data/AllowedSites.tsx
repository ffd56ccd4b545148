import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db';
import { forgetHost, listTrustedHosts } from '../../db/links';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** The sites whose links open without asking, each with a way to be asked again. */
export function AllowedSites() {
  const hosts = useLiveQuery(() => listTrustedHosts(db), []);
  return (
    <section className="data-section" aria-labelledby="sites-heading">
      <h2 id="sites-heading">Sites you allowed</h2>
      <p className="muted">
        Links to these sites open without asking, because you allowed each once. Forget one and Lanyard asks again next time. Well-known video and
        streaming services are always allowed.
      </p>
      {hosts && hosts.length > 0 ? (
        <ul className="plain-list" aria-label="Allowed sites">
          {hosts.map((h) => (
            <li key={h.host} aria-label={h.host}>
              <code>{h.host}</code> <span className="muted">since {dateFormat.format(h.addedAt)}</span>{' '}
              <button type="button" className="button small" onClick={() => void forgetHost(db, h.host)}>
                Forget
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p>None yet.</p>
      )}
    </section>
  );
}
