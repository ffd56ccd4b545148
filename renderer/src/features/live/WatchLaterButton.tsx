import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db';
import { isWatchLater, setWatchLater } from '../../db/live';

/** "+ Watch later" for one recorded session, wherever it is shown. */
export function WatchLaterButton({ conferenceId, sessionId, title }: { conferenceId: string; sessionId: string; title: string }) {
  const isOn = useLiveQuery(() => isWatchLater(db, conferenceId, sessionId), [conferenceId, sessionId]) ?? false;
  return (
    <button type="button" className="button small" aria-pressed={isOn} aria-label={`Watch later: ${title}`} onClick={() => void setWatchLater(db, conferenceId, sessionId, !isOn, Date.now())}>
      {isOn ? '✓ Watch later' : '+ Watch later'}
    </button>
  );
}
