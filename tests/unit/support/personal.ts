import { emptyPersonalData, type AgendaEntry, type PersonalData, type PersonalSubscription, type WatchLater } from '../../../core/personal/model';

/** An agenda entry for tests: starred "going" unless told otherwise. */
export function agendaEntry(conferenceId: string, sessionId: string, extra: Partial<AgendaEntry> = {}): AgendaEntry {
  return {
    conferenceId,
    sessionId,
    identity: { id: sessionId, title: `Talk ${sessionId}`, speakers: ['Ada'], day: '2023-02-03', start: '2023-02-03T09:00:00Z' },
    star: 'going',
    updatedAt: 1_000,
    ...extra,
  };
}

export function watchEntry(conferenceId: string, sessionId: string, extra: Partial<WatchLater> = {}): WatchLater {
  return { conferenceId, sessionId, identity: { id: sessionId, title: `Talk ${sessionId}`, speakers: [], day: '2023-02-03', start: '2023-02-03T09:00:00Z' }, addedAt: 500, ...extra };
}

export function urlSubscription(id: string, url = `https://example.org/${id}/schedule.xml`): PersonalSubscription {
  return { id, source: 'url', url, addedAt: 100, archived: 0 };
}

export function personalData(parts: Partial<Omit<PersonalData, 'format' | 'version'>> = {}): PersonalData {
  return { ...emptyPersonalData(parts.savedAt ?? 2_000), ...parts };
}
