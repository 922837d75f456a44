import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createPlatform } from './core/platform';
import { auditService } from './services/audit';
import { consultationsService, liveNotificationsService } from './services/consultations';
import { emrOutboxService } from './services/emr';
import { hospitalsService } from './services/hospitals';
import { patientsService } from './services/patients';
import { roomsService } from './services/rooms';
import { findingsService } from './services/findings';
import { imagingService } from './services/imaging';
import { usersService } from './services/users';
import { App } from './ui/App';
import { PlatformProvider } from './ui/platform';
import './ui/styles.css';

// Tokens handed back by SSO arrive in the fragment: read it once, then wipe it from the address bar
// and history before anything else runs, so they are never bookmarked or shared.
const initialHash = window.location.hash;
if (initialHash) window.history.replaceState(null, '', window.location.pathname + window.location.search);

const platform = createPlatform({
  fetch: (input, init) => window.fetch(input, init),
  window,
  sessionStorage: window.sessionStorage,
  localStorage: window.localStorage,
  documentElement: document.documentElement,
}, [patientsService, usersService, hospitalsService, auditService,
  consultationsService, liveNotificationsService, roomsService, emrOutboxService, findingsService, imagingService]);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PlatformProvider value={platform}>
      <App initialHash={initialHash} />
    </PlatformProvider>
  </StrictMode>,
);
