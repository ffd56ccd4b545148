import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ScheduleModel } from '../db/schedule-model';
import { useApp } from './context';

/**
 * A conference's schedule read model for the stored revision `storedAt`: from memory, or read
 * once. While a new revision is being read, the previous one stays on screen.
 */
export function useScheduleModel(conferenceId: string, storedAt: number | undefined): ScheduleModel | undefined {
  const { schedules } = useApp();
  const exact = useSyncExternalStore(schedules.subscribe, () => (storedAt === undefined ? undefined : schedules.peek(conferenceId, storedAt)));
  const newest = useSyncExternalStore(schedules.subscribe, () => schedules.peek(conferenceId));
  useEffect(() => {
    if (storedAt !== undefined && !exact) void schedules.load(conferenceId, storedAt);
  }, [schedules, conferenceId, storedAt, exact]);
  return exact ?? newest;
}

/**
 * The read models of several conferences' stored revisions (`[id, storedAt]`), by id. They
 * are read once per revision; a change of anything else (a star) reads nothing.
 */
export function useScheduleModels(refs: ReadonlyArray<readonly [string, number]>): ReadonlyMap<string, ScheduleModel> {
  const { schedules } = useApp();
  const key = refs.map(([id, storedAt]) => `${id}@${storedAt}`).join('\n');
  const [held, setHeld] = useState<{ key: string; models: ReadonlyMap<string, ScheduleModel> }>({ key: '', models: new Map() });
  useEffect(() => {
    let isCurrent = true;
    const wanted = key ? key.split('\n').map((ref) => ref.split('@') as [string, string]) : [];
    void Promise.all(wanted.map(([id, storedAt]) => schedules.load(id, Number(storedAt)))).then((models) => {
      if (isCurrent) setHeld({ key, models: new Map(models.filter((m) => m !== undefined).map((m) => [m.conferenceId, m])) });
    });
    return () => {
      isCurrent = false;
    };
  }, [schedules, key]);
  return held.models;
}
