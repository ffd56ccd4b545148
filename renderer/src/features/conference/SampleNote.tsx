import './sample.css';
import { hrefFor } from '../../route';

/** The built-in sample says what it is, with the way to a conference of one's own, instead of passing for a past conference. */
export function SampleNote() {
  return (
    <span className="sample-note" data-testid="sample-note">
      {' '}· <span className="tag tag-sample" title="Built into Lanyard, so you can try it with no network">Sample conference</span>{' '}
      <a href={hrefFor({ page: 'subscribe' })}>Add your conference</a>
    </span>
  );
}
