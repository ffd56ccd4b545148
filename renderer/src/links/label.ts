import type { Link, LinkKind } from '../../../core/model/schema';

export const LINK_KIND_LABELS: Record<LinkKind, string> = {
  stream: 'Live stream', hallway: 'Hallway / chat', recording: 'Recording', video: 'Related video', slides: 'Slides', feedback: 'Feedback', registration: 'Registration', other: 'Link',
};

/** A link's words: its title, else its host (or the address of a mailto link). */
export function linkText(link: Pick<Link, 'url' | 'title'>): string {
  if (link.title) return link.title;
  try {
    const url = new URL(link.url);
    return url.protocol === 'mailto:' ? url.pathname : url.host;
  } catch {
    return link.url.slice(0, 80);
  }
}
