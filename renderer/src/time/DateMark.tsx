import { otherDate } from '../format';
import './date-mark.css';

/**
 * The date a time falls on in the zone shown, when that is not the conference day the view
 * is organised by (`Sat 4 Feb` under `01:00` for a Brussels 17:00 Friday talk seen from
 * Tokyo). Renders nothing when the dates agree.
 */
export function DateMark({ instant, zone, day }: { instant: string | number; zone: string; day: string }) {
  const date = otherDate(instant, zone, day);
  return date ? <span className="date-mark"> {date}</span> : null;
}
