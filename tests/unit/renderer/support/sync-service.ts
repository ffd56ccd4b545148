import type { HostApi } from '../../../../core/host/contract';
import { createManualClock, type Clock } from '../../../../renderer/src/app/clock';
import type { LanyardDb } from '../../../../renderer/src/db/schema';
import { createInProcessEngine } from '../../../../renderer/src/engine/in-process';
import { createSyncService, type SyncService } from '../../../../renderer/src/sync/manager';

const unavailable = (): never => {
  throw new Error('not part of this test host');
};

/** The sync service as the kernel builds it, over the in-process engine, a test host and a clock (by default standing at the time of the call). */
export function testSync(db: LanyardDb, host: Partial<HostApi>, clock: Clock = createManualClock(Date.now())): SyncService {
  const full = new Proxy(host, { get: (target, key: string) => (target as Record<string, unknown>)[key] ?? unavailable }) as HostApi;
  return createSyncService({ db, host: full, engine: createInProcessEngine(db), clock });
}
