import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/shell/App';
import { startI18n } from './i18n';
import './styles.css';
import './styles/screens.css';
import './styles/a11y.css';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
const reactRoot = createRoot(root);
// English is built in, so this renders at once; Chinese waits for its catalogue chunk.
void startI18n().then(() =>
  reactRoot.render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);

if (import.meta.env.PROD) void import('./pwa/registerServiceWorker').then(({ registerServiceWorker }) => registerServiceWorker());
