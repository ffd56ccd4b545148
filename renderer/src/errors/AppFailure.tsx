import { CopyReport } from './CopyReport';
import type { Failure } from './ErrorBoundary';
import { describeFailure } from './failure-report';
import './errors.css';

/** The last resort, when the app shell itself failed: what failed, Your data, reload, the error to copy. */
export function AppFailure({ failure }: { failure: Failure }) {
  const openData = (): void => {
    location.hash = '#/data';
    failure.retry();
  };
  return (
    <main className="view-failure" role="alert">
      <h1>Lanyard could not show its window</h1>
      <p>{describeFailure(failure.error)}.</p>
      <p>Your stars, notes and reminders are kept. Open Your data to export them, or reload the window.</p>
      <div className="failure-actions">
        <button type="button" className="button" onClick={openData}>
          Open Your data
        </button>
        <button type="button" className="button" onClick={() => location.reload()}>
          Reload
        </button>
        <CopyReport report={failure.report} />
      </div>
    </main>
  );
}
