import type { Link } from '../../../core/model/schema';

/**
 * Why a link is rightly of kind `other`: it is none of stream, hallway, recording, slides,
 * feedback or registration, and this says what it is instead. The corpus test requires one
 * for every `other` link of every real feed, so a new kind of participation link cannot hide
 * there unnoticed.
 */
export const OTHER_REASONS = {
  'schedule-page': "the session's own page on the organizer's schedule site",
  attachment: 'a document attached to the session that is not slides (paper, notes, archive, image)',
  email: 'an e-mail address',
  'source-code': 'a source-code repository or project on a code host',
  social: 'a social-media profile or post',
  article: 'an article, paper, wiki page or shared document',
  'project-page': "a project's or organization's home page",
  placeholder: 'a placeholder address from a demo export (localhost, example.org)',
  reference: 'a titled reference the speaker or organizer listed (project, documentation, tool)',
} as const;
export type OtherReason = keyof typeof OTHER_REASONS;

const SCHEDULE_PAGE = /\/(talks?|events?|schedule|fahrplan|sessions?|abstracts?|speakers?|user)\//i;
const ATTACHMENT = /\/(attachments?|event_attachments|media\/[^/]+\/submissions)\//i;
const CODE = /(^|\.)(github\.com|gitlab\.com|codeberg\.org|sr\.ht|bitbucket\.org|sourceforge\.net|git\.[a-z0-9.-]+|gitlab\.[a-z0-9.-]+|gitea\.[a-z0-9.-]+|pagure\.io|launchpad\.net|crates\.io|npmjs\.com|pypi\.org|hackage\.haskell\.org)$/i;
const SOCIAL = /(^|\.)(twitter\.com|x\.com|linkedin\.com|facebook\.com|instagram\.com|mastodon\.[a-z.]+|fosstodon\.org|chaos\.social|bsky\.app|t\.me|reddit\.com)$/i;
const ARTICLE = /(^|\.)(wikipedia\.org|wikimedia\.org|mediawiki\.org|medium\.com|arxiv\.org|docs\.google\.com|papers\.ssrn\.com|wordpress\.com|blogspot\.com|lwn\.net|dl\.acm\.org|ieeexplore\.ieee\.org|doi\.org)$/i;
const PLACEHOLDER = /^(localhost|127\.0\.0\.1|(.+\.)?example\.(org|com|net))$/i;

/**
 * The reason an `other` link is other, or undefined when nothing explains it (a gap in the
 * classifier). `isSoleSessionLink`: the link is a session's only one and has no title, as an
 * iCalendar event's `URL` is (by RFC 5545, the event's own page).
 */
export function whyOther(link: Pick<Link, 'url' | 'title'>, context: { isSoleSessionLink?: boolean } = {}): OtherReason | undefined {
  let url: URL;
  try {
    url = new URL(link.url);
  } catch {
    return undefined;
  }
  if (url.protocol === 'mailto:') return 'email';
  const host = url.hostname.toLowerCase();
  if (PLACEHOLDER.test(host)) return 'placeholder';
  if (link.title === 'Event page' || SCHEDULE_PAGE.test(url.pathname)) return 'schedule-page';
  if (context.isSoleSessionLink && !link.title) return 'schedule-page';
  if (ATTACHMENT.test(url.pathname)) return 'attachment';
  if (CODE.test(host)) return 'source-code';
  if (SOCIAL.test(host)) return 'social';
  if (ARTICLE.test(host) || /\/(blog|news|wiki|docs?|papers?|articles?)(\/|$)/i.test(url.pathname) || /\.(txt|md|html?|pdf)$/i.test(url.pathname)) return 'article';
  if (url.pathname === '/' || url.pathname === '') return 'project-page';
  if (link.title && link.title.trim() !== '') return 'reference';
  return undefined;
}
