import './sample.css';
import { hrefFor } from '../../route';

/** The built-in sample says what it is, with the way to a conference of one's own, instead of passing for a past conference. */
export function SampleNote() {
  return (
    <p className="sample-note" data-testid="sample-note">
      <span className="tag tag-sample">Sample conference</span> This is CentOS Connect 2023, built into Lanyard so you can try it with no network.{' '}
      <a className="button primary" href={hrefFor({ page: 'subscribe' })}>
        Add your conference
      </a>
    </p>
  );
}
