import { describeRoomStatus, findRoomStatus, isStale, type RoomStatus } from '../../../../core/live/room-status';
import { useNow } from '../../app/context';
import { useLive } from '../../store/live';
import './room-status.css';

function Fresh({ status }: { status: RoomStatus }) {
  const now = useNow();
  const text = describeRoomStatus(status, now);
  const stale = isStale(status, now);
  return (
    <span className={`room-status room-status-${status.state}${stale ? ' is-stale' : ''}`} data-testid="room-status" title={status.source === 'push' ? 'Pushed by the organizers' : 'From the room-status list'}>
      {text}
    </span>
  );
}

/** A room's status with its age ("Full · 2 min ago"), or nothing when none is known. */
export function RoomStatusBadge({ conferenceId, room }: { conferenceId: string; room: { id: string; name?: string | undefined } | undefined }) {
  const statuses = useLive((s) => s.rooms[conferenceId]);
  if (!room || !statuses) return null;
  const status = findRoomStatus(new Map(Object.entries(statuses)), room);
  return status ? <Fresh status={status} /> : null;
}
