import { usePersonalNotices } from '../../personal/notice';

/** The banner after a restore from the backup copy, and the warning when storage was cleared under the app. */
export function RestoreNotice() {
  const restored = usePersonalNotices((s) => s.restored);
  const lost = usePersonalNotices((s) => s.storageLost);
  const setRestored = usePersonalNotices((s) => s.setRestored);
  return (
    <>
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
