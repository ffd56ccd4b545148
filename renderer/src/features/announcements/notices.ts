import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { announcementKeys, claimNewAnnouncements } from '../../db/announcements';
import type { AnnouncementRecord, LanyardDb } from '../../db/schema';
import { notify } from '../../notify';

const SEVERITY_WORDS = { info: 'Announcement', warning: 'Important', urgent: 'Urgent' } as const;

/** What the notification for an announcement says; clicking it opens the session it names, or else its conference. */
export function announcementNotice(a: AnnouncementRecord, conferenceTitle: string): { tag: string; title: string; body: string; sessionRef: string } {
  const session = a.sessionIds[0];
  return {
    tag: `announcement:${a.conferenceId}:${a.id}`.slice(0, 700),
    title: `${SEVERITY_WORDS[a.severity]} · ${conferenceTitle}`.slice(0, 300),
    body: a.text.slice(0, 2000),
    sessionRef: `${a.conferenceId}\n${session ?? ''}`,
  };
}

/** Notifies each new announcement once, whenever a sync stores some (in any window). */
export function useAnnouncementNotices(db: LanyardDb): void {
  const keys = useLiveQuery(() => announcementKeys(db), [db]);
  const count = keys?.length;
  const signature = keys?.map(([c, id]) => `${c}\n${id}`).join('\u0000');
  useEffect(() => {
    if (count === undefined || count === 0) return;
    void (async () => {
      const fresh = await claimNewAnnouncements(db, Date.now());
      for (const a of fresh) await notify(announcementNotice(a, a.conferenceTitle));
    })();
  }, [db, count, signature]);
}
