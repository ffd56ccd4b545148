/** Why the backup copy could not be written, as far as the app can tell. */
export type BackupProblem = 'disk-full' | 'not-allowed' | 'unreachable' | 'other';

const DISK_FULL = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);
const NOT_ALLOWED = new Set(['EACCES', 'EPERM', 'EROFS']);

/** Sorts a host error code (`ENOSPC`, `EACCES`, `UNREACHABLE`…) into what a person needs to know. */
export function backupProblemOf(code: string | undefined): BackupProblem {
  if (code === undefined) return 'other';
  if (DISK_FULL.has(code)) return 'disk-full';
  if (NOT_ALLOWED.has(code)) return 'not-allowed';
  if (code === 'UNREACHABLE') return 'unreachable';
  return 'other';
}

const REASONS: Record<BackupProblem, string> = {
  'disk-full': 'the disk is full',
  'not-allowed': 'Lanyard is not allowed to write to its data folder',
  unreachable: 'Lanyard’s background service is not answering',
  other: 'the backup file could not be written',
};

/**
 * The sentence the app shell shows while the user's stars and notes are not in the backup
 * file: plain words instead of `ENOSPC: …`, and the promise that the app keeps trying.
 */
export function backupBannerText(problem: BackupProblem): string {
  return `Your stars and notes are not backed up yet: ${REASONS[problem]}. Lanyard keeps trying.`;
}
