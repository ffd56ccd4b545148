import { Component, type ErrorInfo, type ReactNode } from 'react';
import { failureReport } from './failure-report';

/** What a fallback is told about the failure it replaces. */
export interface Failure {
  error: Error;
  /** The text to copy into a bug report: what failed, the error, where in the code. */
  report: string;
  /** Renders the children again (after the data changed, or to try once more). */
  retry: () => void;
}

interface Props {
  /** What this boundary guards, in words, for the report: "the schedule view". */
  what: string;
  /** A change of this key (another route, another conference) clears a failure. */
  resetKey?: string | undefined;
  fallback: (failure: Failure) => ReactNode;
  children: ReactNode;
}

interface State {
  error: Error | undefined;
  componentStack: string | undefined;
}

function asError(thrown: unknown): Error {
  if (thrown instanceof Error) return thrown;
  return new Error(typeof thrown === 'string' ? thrown : 'A value that is not an Error was thrown');
}

/**
 * Keeps a failure in one part of the window (a view, the conference list) from taking the
 * whole app with it: React unmounts everything above a render error that nothing catches,
 * which leaves a blank window. The fallback says what failed and offers the ways out.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: undefined, componentStack: undefined };

  static getDerivedStateFromError(thrown: unknown): Partial<State> {
    return { error: asError(thrown) };
  }

  override componentDidCatch(_thrown: unknown, info: ErrorInfo): void {
    this.setState({ componentStack: info.componentStack ?? undefined });
  }

  override componentDidUpdate(previous: Props): void {
    if (previous.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: undefined, componentStack: undefined });
  }

  override render(): ReactNode {
    const { error, componentStack } = this.state;
    if (!error) return this.props.children;
    return this.props.fallback({
      error,
      report: failureReport(this.props.what, error, componentStack),
      retry: () => this.setState({ error: undefined, componentStack: undefined }),
    });
  }
}
