import type { WarningLog } from '../errors';
import { resolveFeedHref } from '../feed/href';
import { makeLink } from '../feed/links';
import { LIMITS } from '../limits';
import type { Link } from '../model/schema';
import type { ImportContext } from './context';
import { arr, isObject, str } from './json';

/** What frab's `speakers.json` adds to a person its schedule names only. */
export interface PersonDetails {
  bio?: string | undefined;
  photoUrl?: string | undefined;
  links: Link[];
}

/**
 * frab publishes bios, photos and links of people in a separate `speakers.json`
 * (`{"schedule_speakers": {"speakers": [...]}}`); given as a companion document
 * (`lanyard-feed --with speakers.json`), it completes the people of the schedule XML or
 * JSON, matched by person id. Other companions are reported and ignored.
 */
export function frabSpeakerDetails(ctx: ImportContext, base: string | undefined): Map<string, PersonDetails> {
  const details = new Map<string, PersonDetails>();
  ctx.companions.forEach((doc, c) => {
    const list = isObject(doc) && isObject(doc.schedule_speakers) ? arr(doc.schedule_speakers.speakers) : undefined;
    if (!list) {
      ctx.warnings.add('companion-ignored', 'A companion document is not a frab speakers.json; it was ignored.', `companions[${c}]`);
      return;
    }
    list.slice(0, LIMITS.maxSpeakers).forEach((person: unknown, i) => {
      const id = isObject(person) ? str(person.id) : undefined;
      if (!isObject(person) || id === undefined) return;
      details.set(id, readPerson(person, base, ctx.warnings, `companions[${c}].schedule_speakers.speakers[${i}]`));
    });
  });
  return details;
}

function readPerson(person: Record<string, unknown>, base: string | undefined, warnings: WarningLog, where: string): PersonDetails {
  // frab's speaker page shows the abstract, then the description.
  const parts = [str(person.abstract), str(person.description)].map((t) => t?.trim()).filter((t): t is string => t !== undefined && t !== '');
  const links = arr(person.links).slice(0, 100).flatMap((l: unknown, k) => {
    const link = isObject(l) ? makeLink(resolveFeedHref(str(l.url), base), str(l.title), warnings, `${where}.links[${k}]`) : undefined;
    return link ? [link] : [];
  });
  return { bio: parts.length > 0 ? parts.join('\n\n') : undefined, photoUrl: resolveFeedHref(str(person.image), base), links };
}
