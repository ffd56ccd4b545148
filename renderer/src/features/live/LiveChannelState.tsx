import { useLive } from '../../store/live';

const WORDS = {
  connecting: 'Live updates: connecting…',
  connected: 'Live updates: connected',
  reconnecting: 'Live updates: not connected, trying again; the schedule is still checked every few minutes',
  refused: 'Live updates: refused by the server; the schedule is still checked every few minutes',
} as const;

/** The conference's live channel, as the header shows it: connected, or why not (polling goes on). */
export function LiveChannelState({ conferenceId }: { conferenceId: string }) {
  const channel = useLive((s) => s.channels[conferenceId]);
  if (!channel) return null;
  const host = (() => {
    try {
      return new URL(channel.broker).host;
    } catch {
      return channel.broker;
    }
  })();
  return (
    <p className={`live-channel-state live-channel-${channel.state}`} data-testid="live-channel" title={`${channel.broker} · ${channel.topic}`}>
      {WORDS[channel.state]}
      {channel.state === 'connected' ? <span className="muted"> ({host})</span> : null}
      {channel.state !== 'connected' && channel.detail ? <span className="muted"> ({channel.detail.slice(0, 200)})</span> : null}
    </p>
  );
}
