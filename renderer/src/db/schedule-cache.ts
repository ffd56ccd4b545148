import { scheduleModel, type ScheduleModel } from './schedule-model';
import { readSchedule } from './schedules';
import type { LanyardDb } from './schema';

/** How many conferences' schedules stay in memory (the one on screen, and a few the user went back and forth between). */
const KEEP = 4;

/** The schedule read model the app kernel keeps: each stored revision is read from IndexedDB once. */
export interface ScheduleCache {
  /** The model of this stored revision when it is in memory; without `storedAt`, the newest one held. */
  peek: (conferenceId: string, storedAt?: number) => ScheduleModel | undefined;
  /** The model of this stored revision, read from storage only when it is not in memory. */
  load: (conferenceId: string, storedAt: number) => Promise<ScheduleModel | undefined>;
  /** Called when a model is added (for React's useSyncExternalStore). */
  subscribe: (listener: () => void) => () => void;
}

/** Builds the read model's cache over one database connection. */
export function createScheduleCache(db: LanyardDb, keep = KEEP): ScheduleCache {
  /** By conference, most recently used last. */
  const models = new Map<string, ScheduleModel>();
  const loading = new Map<string, Promise<ScheduleModel | undefined>>();
  const listeners = new Set<() => void>();
  const peek = (conferenceId: string, storedAt?: number): ScheduleModel | undefined => {
    const model = models.get(conferenceId);
    return model && (storedAt === undefined || model.storedAt === storedAt) ? model : undefined;
  };
  return {
    peek,
    load: (conferenceId, storedAt) => {
      const held = peek(conferenceId, storedAt);
      if (held) return Promise.resolve(held);
      const key = `${conferenceId}\n${storedAt}`;
      const running = loading.get(key);
      if (running) return running;
      // The revision and its schedule are read together, so the model is labelled with the revision it holds.
      const promise = db
        .transaction('r', [db.conferences, db.schedules], () => Promise.all([db.conferences.get(conferenceId), readSchedule(db, conferenceId)]))
        .then(([record, schedule]) => {
          if (!record || !schedule) return undefined;
          const model = scheduleModel(conferenceId, record.storedAt, schedule);
          // A newer revision may have been loaded meanwhile: keep the newest.
          const current = models.get(conferenceId);
          if (!current || current.storedAt <= model.storedAt) {
            models.delete(conferenceId);
            models.set(conferenceId, model);
            for (const old of models.keys()) if (models.size > keep) models.delete(old);
            for (const listener of [...listeners]) listener();
          }
          return model;
        })
        .finally(() => loading.delete(key));
      loading.set(key, promise);
      return promise;
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
