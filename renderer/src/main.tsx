import './no-eval';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createSystemClock } from './app/clock';
import { AppProvider } from './app/context';
import { createApp } from './app/create-app';
import { db } from './db';
import { createAppEngine } from './engine';
import { host } from './host';
import { notify, onNotificationOpen } from './notify';
import { navigate } from './route';
import { AppFailure } from './errors/AppFailure';
import { ErrorBoundary } from './errors/ErrorBoundary';
import './styles.css';
import { installTrustedTypes } from './trusted-types';

installTrustedTypes();

// The app kernel: every background service is built and started here, once, not by React.
const app = createApp({
  db,
  host: host(),
  clock: createSystemClock(),
  engine: createAppEngine(),
  notify,
  navigate,
  onNotificationOpen,
  hasTray: window.lanyard !== undefined,
});
void app.start();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <AppProvider value={app}>
        <ErrorBoundary what="the app window" fallback={(failure) => <AppFailure failure={failure} />}>
          <App />
        </ErrorBoundary>
      </AppProvider>
    </StrictMode>,
  );
}
