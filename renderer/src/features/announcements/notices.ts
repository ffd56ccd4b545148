import { liveQuery } from 'dexie';
import { announcementKeys, claimNewAnnouncements } from '../../db/announcements';
import type { AnnouncementRecord, LanyardDb } from '../../db/schema';
import type { Show } from '../../personal/alerts';

const SEVERITY_WORDS = { info: 'Announcement', warning: 'Important', urgent: 'Urgent' } as const;

/** What the notification for an announcement says; clicking it opens the session it names, or else its conference. */
function announcementNotice(a: AnnouncementRecord, conferenceTitle: string): { tag: string; title: string; body: string; sessionRef: string } {
  const session = a.sessionIds[0];
  return {
    tag: `announcement:${a.conferenceId}:${a.id}`.slice(0, 700),
    title: `${SEVERITY_WORDS[a.severity]} · ${conferenceTitle}`.slice(0, 300),
    body: a.text.slice(0, 2000),
    sessionRef: `${a.conferenceId}\n${session ?? ''}`,
  };
}

/** Notifies each new announcement once, whenever a sync stores some (in any window). Returns the stop function. */
export function startAnnouncementNotices(db: LanyardDb, notify: Show, now: () => number): () => void {
  let last: string | undefined;
  let claiming = Promise.resolve();
  const subscription = liveQuery(() => announcementKeys(db)).subscribe({
    next: (keys) => {
      const signature = keys.map(([c, id]) => `${c}\n${id}`).join('\u0000');
      if (keys.length === 0 || signature === last) return;
      last = signature;
      claiming = claiming.then(async () => {
        const fresh = await claimNewAnnouncements(db, now());
        for (const a of fresh) await notify(announcementNotice(a, a.conferenceTitle));
      }).catch((error: unknown) => console.error('Lanyard: announcement notices failed', error));
    },
    error: (error: unknown) => console.error('Lanyard: announcement notices stopped', error),
  });
  return () => subscription.unsubscribe();
}
