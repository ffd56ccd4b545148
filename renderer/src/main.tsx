import './no-eval';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { AppFailure } from './errors/AppFailure';
import { ErrorBoundary } from './errors/ErrorBoundary';
import './styles.css';
import { installTrustedTypes } from './trusted-types';

installTrustedTypes();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary what="the app window" fallback={(failure) => <AppFailure failure={failure} />}>
        <App />
      </ErrorBoundary>
    </StrictMode>,
  );
}
