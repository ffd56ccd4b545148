/** A session the user starred or put on "watch later", as the recordings watcher sees it. */
export interface WatchedSession {
  sessionId: string;
  title: string;
  hasRecording: boolean;
}

export interface RecordingClaims {
  /** Recordings that arrived after Lanyard had seen the session without one: say so, once. */
  notify: WatchedSession[];
  /** Recordings that were already there when Lanyard first looked (a starred past talk): listed, not announced. */
  silent: WatchedSession[];
  /** Sessions seen without a recording for the first time: remembered, so their recording's arrival is news. */
  seenWithout: WatchedSession[];
}

/**
 * Decides what the recordings watcher tells the user. "The recording of … is out" is news
 * only when Lanyard knew the session had none before: otherwise starring a talk of last
 * year's conference would announce a recording that has been out for months. `claimed` are
 * sessions already dealt with (announced or silently listed), `knownWithout` those seen
 * without a recording.
 */
export function planRecordingClaims(watched: readonly WatchedSession[], knownWithout: ReadonlySet<string>, claimed: ReadonlySet<string>): RecordingClaims {
  const out: RecordingClaims = { notify: [], silent: [], seenWithout: [] };
  for (const session of watched) {
    if (claimed.has(session.sessionId)) continue;
    if (session.hasRecording) (knownWithout.has(session.sessionId) ? out.notify : out.silent).push(session);
    else if (!knownWithout.has(session.sessionId)) out.seenWithout.push(session);
  }
  return out;
}
