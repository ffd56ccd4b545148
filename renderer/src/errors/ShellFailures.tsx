import { hrefFor } from '../route';
import { CopyReport } from './CopyReport';
import type { Failure } from './ErrorBoundary';
import { describeFailure } from './failure-report';
import './errors.css';

/** The top bar when it failed: the app's name and the ways to search and to Your data, plain. */
export function TopBarFailure({ failure }: { failure: Failure }) {
  return (
    <header className="top-bar">
      <span className="list-failure" role="alert">
        The top bar could not be shown: {describeFailure(failure.error)}. <a href={hrefFor({ page: 'search', query: '' })}>Search</a> ·{' '}
        <a href={hrefFor({ page: 'data' })}>Your data</a>{' '}
        <button type="button" className="button" onClick={failure.retry}>
          Try again
        </button>{' '}
        <CopyReport report={failure.report} />
      </span>
    </header>
  );
}

/** A notice about the user's data that failed to render: said, never silently dropped. */
export function NoticeFailure({ failure }: { failure: Failure }) {
  return (
    <div className="list-failure" role="alert">
      A notice about your data could not be shown ({describeFailure(failure.error)}); open <a href={hrefFor({ page: 'data' })}>Your data</a> to see
      its state. <CopyReport report={failure.report} />
    </div>
  );
}

/** The in-app reminders when they failed to render: the Notifications list still has every one. */
export function ToastsFailure({ failure }: { failure: Failure }) {
  return (
    <div className="list-failure toasts-failure" role="alert">
      Reminders could not be shown here ({describeFailure(failure.error)}); they are in the Notifications list of the top bar. <CopyReport report={failure.report} />
    </div>
  );
}
