import type { ReactNode } from 'react';
import { CopyReport } from './CopyReport';
import { ErrorBoundary } from './ErrorBoundary';
import { describeFailure } from './failure-report';
import './errors.css';

/** An error boundary around one part of a page: when it fails, the rest of the page stays, and the part says so. */
export function SectionBoundary({ what, children }: { what: string; children: ReactNode }) {
  return (
    <ErrorBoundary
      what={what}
      fallback={(failure) => (
        <div className="list-failure" role="alert">
          {`${what.charAt(0).toUpperCase()}${what.slice(1)}`} could not be shown: {describeFailure(failure.error)}.{' '}
          <button type="button" className="button" onClick={failure.retry}>
            Try again
          </button>{' '}
          <CopyReport report={failure.report} />
        </div>
      )}
    >
      {children}
    </ErrorBoundary>
  );
}
