import { addNotice } from '../db/notices';
import type { LanyardDb, NoticeRecord } from '../db/schema';
import type { NotificationRequest, NotifyOutcome } from '../notify';

export type Notify = (request: NotificationRequest) => Promise<NotifyOutcome>;

/** Shows a live notification and keeps it in the in-app list (also when the system did not show it). */
export async function tell(db: LanyardDb, notify: Notify, kind: NoticeRecord['kind'], request: NotificationRequest, now: number): Promise<NotifyOutcome> {
  let outcome: NotifyOutcome;
  try {
    outcome = await notify(request);
  } catch {
    outcome = 'failed';
  }
  await addNotice(db, { at: now, kind, title: request.title, body: request.body, ...(request.sessionRef ? { sessionRef: request.sessionRef } : {}), ...(request.actions?.length ? { actions: request.actions } : {}), outcome });
  return outcome;
}
