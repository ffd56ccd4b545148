import type { TextMarkup } from '../text/html';

/**
 * Which text fields are Markdown. pretalx and the CCC hub store abstracts, descriptions and
 * bios as Markdown and export them as such in every format (XML, schedule.json, widget,
 * ICS); frab and FOSDEM's Pentabarf export HTML (or plain text). An aggregated schedule
 * (c3voc merges frab and pretalx sub-schedules) mixes both, so the decision is made per
 * session when the whole file does not name its generator.
 */

/** `<generator name="pretalx">`, `"generator": { "name": "hub" }`, an ICS PRODID. */
export function generatorMarkup(name: string | undefined): TextMarkup | undefined {
  return name !== undefined && /\b(?:pretalx|hub)\b/i.test(name) ? 'markdown' : undefined;
}

/** A pretalx talk page (`…/talk/ABC123/`): the session came from pretalx. */
const PRETALX_TALK = /\/talk\/[A-Z0-9]{5,}\/?(?:[?#]|$)/;

/** Markdown when the file's generator is a Markdown one, or the session's page or people show it came from pretalx. */
export function sessionMarkup(fileMarkup: TextMarkup | undefined, pageUrl: string | undefined, hasPretalxCodes: boolean): TextMarkup {
  if (fileMarkup) return fileMarkup;
  return hasPretalxCodes || (pageUrl !== undefined && PRETALX_TALK.test(pageUrl)) ? 'markdown' : 'html';
}
