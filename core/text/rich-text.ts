import { sanitizeRichText, type TextMarkup } from './html';
import { markdownToHtml } from './markdown';

/**
 * A feed's abstract, description or bio as safe HTML, read as the feed writes it: Markdown
 * (pretalx, the CCC hub) converted first, HTML or plain text as they are (see sanitizeRichText).
 */
export function sanitizeFeedText(raw: string | undefined | null, markup: TextMarkup = 'html'): string | undefined {
  return sanitizeRichText(raw, markup === 'markdown' ? markdownToHtml : undefined);
}
