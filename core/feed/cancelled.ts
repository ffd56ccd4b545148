/**
 * Organizers of every format mark a cancelled talk in its title rather than in a status
 * field: `CANCELLED Old talk`, `[Cancelled] …`, `Cancelled: …`, `(abgesagt) …`,
 * `ABGESAGT: …`. A word in capitals, any case inside brackets, or any case before a colon
 * counts; "Cancelled flights and what they teach" (a real title) does not.
 */
const WORD = String.raw`cancell?ed|abgesagt|entf(?:ä|ae)llt|annul(?:é|e)e?|cancelad[oa]|annullat[oa]|geannuleerd|odwołane`;
const CAPITALS = new RegExp(String.raw`^\s*(?:${WORD.toUpperCase()})(?=[\s\-–—:!.]|$)[\s\-–—:!.]*`, 'u');
const BRACKETED = new RegExp(String.raw`^\s*[[(【]\s*(?:${WORD})\s*!?\s*[\])】][\s\-–—:]*`, 'iu');
const COLON = new RegExp(String.raw`^\s*(?:${WORD})\s*[:!]+\s*`, 'iu');

/** The title without a "cancelled" prefix, and whether it had one. */
export function cancelledPrefix(title: string): { title: string; isCancelled: boolean } {
  for (const re of [BRACKETED, COLON, CAPITALS]) {
    const m = re.exec(title);
    if (m) {
      const rest = title.slice(m[0].length).trim();
      // A title that is nothing but the mark keeps it: it is all the feed says.
      return { title: rest.length > 0 ? rest : title.trim(), isCancelled: true };
    }
  }
  return { title, isCancelled: false };
}
