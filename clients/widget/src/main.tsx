import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { CHAT_TOKEN_PARAM } from '../protocol/widget-protocol.js';
import { App } from './app.js';
import { hostOriginFrom } from './host/host-bridge.js';
import './widget.css';

const url = new URL(window.location.href);
// A chat link opened on its own page: keep the token, but not in the address bar or history.
const linkToken = url.searchParams.get(CHAT_TOKEN_PARAM);
if (linkToken) {
  url.searchParams.delete(CHAT_TOKEN_PARAM);
  history.replaceState(null, '', url.href);
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App
      organizationSlug={url.searchParams.get('org') ?? ''}
      hostOrigin={hostOriginFrom(url.searchParams.get('host'))}
      initialLang={url.searchParams.get('lang') ?? navigator.language}
      linkToken={linkToken}
    />
  </StrictMode>,
);
