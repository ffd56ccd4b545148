// The engine's side: the only renderer module that imports the parsers. It runs in the sync
// worker (engine/worker.ts) and, in unit tests, in the test's own process (engine/in-process.ts).
import { decodeFeedBytes } from '../../../core/formats/decode';
import type { LanyardDb } from '../db/schema';
import { exportAgendaCalendar, exportSessionCalendar, importAgendaCalendar } from '../personal/ical-transfer';
import { liveAgendaText } from '../personal/live-agenda';
import { applyFeedText } from '../sync/apply';
import { describeReadError, subscribeCandidate, summarize } from '../sync/candidate';
import { changeConferenceSettings, resettleConference } from '../sync/conference-settings';
import { addSample } from '../sync/sample';
import { readCandidate, type Candidate } from '../sync/subscribe';
import type { EngineJobs, JobKind } from './jobs';

/** Previewed feeds waiting for Subscribe, newest last; only a few are kept. */
const KEEP_PREVIEWS = 3;

/** One handler per job kind: the engine's whole behaviour, whichever variant runs it. */
export type JobHandlers = { [K in JobKind]: (args: EngineJobs[K]['args']) => Promise<EngineJobs[K]['result']> };

/** The handlers of every engine job, over one database connection. */
export function createJobHandlers(db: LanyardDb): JobHandlers {
  const previews = new Map<string, Candidate>();
  return {
    apply: ({ subscriptionId, text, validators, now, options }) => applyFeedText(db, subscriptionId, text, validators, now, options),
    decode: ({ bytes }) => Promise.resolve(decodeFeedBytes(bytes)),
    preview: ({ key, text, base }) => {
      try {
        const candidate = readCandidate(text, base);
        previews.delete(key);
        previews.set(key, candidate);
        for (const old of previews.keys()) if (previews.size > KEEP_PREVIEWS) previews.delete(old);
        return Promise.resolve({ ok: true, summary: summarize(candidate.result) });
      } catch (error) {
        return Promise.resolve({ ok: false, message: describeReadError(error) });
      }
    },
    subscribe: async ({ key, now }) => {
      const candidate = previews.get(key);
      if (!candidate) return { ok: false, message: 'the preview is gone; read the feed again' };
      const stored = await subscribeCandidate(db, candidate, now);
      if (stored.ok) previews.delete(key);
      return stored;
    },
    settings: ({ id, settings, now, text }) => changeConferenceSettings(db, id, settings, now, text === undefined ? undefined : () => Promise.resolve(text)),
    resettle: ({ id, now }) => resettleConference(db, id, now),
    sample: async ({ now }) => {
      await addSample(db, now);
      return null;
    },
    agendaIcs: ({ text, now }) => importAgendaCalendar(db, text, now),
    agendaIcsExport: ({ now, conferenceId }) => exportAgendaCalendar(db, now, conferenceId),
    agendaLive: ({ now }) => liveAgendaText(db, now),
    sessionIcsExport: ({ now, conferenceId, sessionId }) => exportSessionCalendar(db, conferenceId, sessionId, now),
  };
}
