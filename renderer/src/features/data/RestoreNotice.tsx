import { backupBannerText, backupProblemOf } from '../../../../core/personal/backup-words';
import { usePersonalNotices } from '../../personal/notice';
import { hrefFor } from '../../route';

/**
 * The shell's notices about the user's own data, on every page: the backup copy is not written
 * yet (and is being retried), nothing could be restored at start, a restore happened, or the
 * storage was cleared under the app.
 */
export function RestoreNotice() {
  const restored = usePersonalNotices((s) => s.restored);
  const lost = usePersonalNotices((s) => s.storageLost);
  const setRestored = usePersonalNotices((s) => s.setRestored);
  const mirror = usePersonalNotices((s) => s.mirror);
  const unrestorable = usePersonalNotices((s) => s.unrestorable);
  const setUnrestorable = usePersonalNotices((s) => s.setUnrestorable);
  return (
    <>
      {mirror.state === 'retrying' ? (
        <div className="notice notice-warning" role="status" data-testid="backup-banner">
          <p>
            {backupBannerText(backupProblemOf(mirror.code))} <a href={hrefFor({ page: 'data' })}>Details</a>
          </p>
        </div>
      ) : null}
      {unrestorable ? (
        <div className="notice notice-warning" role="alert" data-testid="unrestorable-notice">
          <p>{unrestorable}</p>
          <button type="button" className="button" onClick={() => setUnrestorable(undefined)}>
            Dismiss
          </button>
        </div>
      ) : null}
      {lost ? (
        <div className="notice notice-warning" role="alert">
          <p>The browser storage for Lanyard was cleared while it was open. Your agenda is safe in the backup copy: reload to restore it.</p>
          <button type="button" className="button" onClick={() => window.location.reload()}>
            Reload
          </button>
        </div>
      ) : null}
      {restored ? (
        <div className="notice" role="status" data-testid="restore-notice">
          <p>{restored}</p>
          <button type="button" className="button" onClick={() => setRestored(undefined)}>
            Dismiss
          </button>
        </div>
      ) : null}
    </>
  );
}
