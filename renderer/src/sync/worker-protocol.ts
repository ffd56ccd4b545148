import type { FeedWarning } from '../../../core/errors';
import type { FormatId } from '../../../core/formats/sniff';
import type { Conference } from '../../../core/model/schema';
import type { ApplyOptions, SyncOutcome, Validators } from './apply';
import type { Candidate } from './subscribe';

/** Where a previewed feed came from (everything of a Candidate but the parsed feed). */
export type CandidateBase = Omit<Candidate, 'result' | 'text'>;

/** What the subscribe preview shows: small, so it crosses from the worker cheaply. */
export interface FeedSummary {
  conference: Pick<Conference, 'id' | 'title' | 'start' | 'end' | 'timeZone'>;
  sessions: number;
  speakers: number;
  rooms: number;
  format: FormatId;
  formatLabel: string;
  warnings: FeedWarning[];
}

/** Messages to the sync worker. Parsed feeds stay in the worker: only summaries and outcomes come back. */
export type WorkerRequest =
  | { kind: 'apply'; id: number; subscriptionId: string; text: string; validators: Validators; now: number; options: ApplyOptions }
  | { kind: 'preview'; id: number; text: string; base: CandidateBase }
  | { kind: 'subscribe'; id: number; token: number; now: number };

export type WorkerReply =
  | { id: number; outcome: SyncOutcome }
  | { id: number; preview: FeedSummary; token: number }
  | { id: number; subscribed: string }
  /** A preview that could not be read, or a subscription that could not be stored: the reason in words. */
  | { id: number; error: string }
  /** The worker stopped or could not start before answering. */
  | { id: number; crashed: string };
