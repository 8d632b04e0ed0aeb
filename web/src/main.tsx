import { render } from 'preact';
import { App } from './App.js';
import * as store from './state/store.js';
import './styles.css';
import './layout.css';

declare global {
  interface Window {
    /** The store, for the browser tests and `npm run bench:web` (read-only use). */
    __actlab?: typeof store;
  }
}

const root = document.getElementById('app');
if (root) {
  window.__actlab = store;
  render(<App />, root);
  store.start();
}
