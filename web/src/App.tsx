/**
 * The explorer page, laid out like TensorFlow Playground on one screen: a sticky top bar with the run
 * controls, pace and hyper-parameters; below it DATA, FEATURES, the NETWORK, the OUTPUT (plane and loss)
 * and a side panel with the lesson and the secondary views in tabs, side by side (stacked on narrow
 * screens, with a bottom bar on phones); the activation panel and the table of all activations underneath. Each panel sits in a Boundary so one failure never takes
 * the page down.
 */
import { useEffect } from 'preact/hooks';
import { ActivationPanel } from './activation/ActivationPanel.js';
import { Banners } from './controls/Banners.js';
import { Boundary } from './controls/Boundary.js';
import { DataColumn } from './controls/DataColumn.js';
import { FeaturesColumn } from './controls/FeaturesColumn.js';
import { ModelMetrics } from './controls/ModelMetrics.js';
import { LayerControls, OutputActivationControl } from './controls/NetworkControls.js';
import { TopBar } from './controls/TopBar.js';
import { ownsSpaceKey } from './controls/options.js';
import { lang, t } from './i18n/index.js';
import { togglePlay } from './state/store.js';
import { ActivationTable } from './activation/ActivationTable.js';
import { PhoneBar } from './controls/PhoneBar.js';
import { SidePanel } from './controls/SidePanel.js';
import { highlighted } from './state/viewFocus.js';
import { LossChart } from './views/Charts.js';
import { SearchPanel } from './search/SearchPanel.js';
import { ExportMenu } from './views/ExportMenu.js';
import { NetworkView } from './views/NetworkView.js';
import { PlaneView } from './views/PlaneView.js';

/** Space plays and pauses, unless the focused element uses the key itself. */
function useSpaceToggle(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if ((e.key !== ' ' && e.code !== 'Space') || e.repeat || e.ctrlKey || e.metaKey || e.altKey) return;
      if (ownsSpaceKey(e.target)) return;
      e.preventDefault();
      togglePlay();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}

/** Keeps the CSS variable --topbar-h equal to the sticky top bar's height (the side panel sticks below it). */
function useTopbarHeight(): void {
  useEffect(() => {
    const bar = document.querySelector<HTMLElement>('.topbar');
    if (!bar || typeof ResizeObserver === 'undefined') return;
    const set = (): void => document.documentElement.style.setProperty('--topbar-h', `${Math.ceil(bar.getBoundingClientRect().height)}px`);
    set();
    const ro = new ResizeObserver(set);
    ro.observe(bar);
    return () => ro.disconnect();
  }, []);
}

/** Keeps <html lang> and the document title in the chosen language. */
function useDocumentLanguage(language: string): void {
  useEffect(() => {
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
    document.title = t('common.documentTitle');
  }, [language]);
}

export function App() {
  const language = lang.value;
  const lit = highlighted.value;
  useSpaceToggle();
  useTopbarHeight();
  useDocumentLanguage(language);
  const hl = (v: string): string => (lit === v ? ' is-highlighted' : '');
  return (
    <div class="app">
      <a class="skip-link" href="#workspace">
        {t('common.skipToContent')}
      </a>
      <Boundary name="top bar">
        <TopBar />
      </Boundary>
      <Banners />
      <main id="workspace" class="workspace">
        <Boundary name="data">
          <DataColumn />
        </Boundary>
        <Boundary name="features">
          <FeaturesColumn />
        </Boundary>
        <section class={`panel col-network${hl('network')}`} data-view="network" aria-label={t('common.networkRegion')}>
          <Boundary name="layers">
            <LayerControls />
          </Boundary>
          <div class="network-view">
            <Boundary name="network">
              <NetworkView />
            </Boundary>
          </div>
          <Boundary name="output activation">
            <OutputActivationControl />
          </Boundary>
        </section>
        <section class="panel col-output" aria-labelledby="output-heading">
          <h2 id="output-heading" class="col-heading">
            {t('controls.output.heading')}
          </h2>
          <div class={`view-frame${hl('plane')}`} data-view="plane">
            <Boundary name="plane">
              <PlaneView />
            </Boundary>
          </div>
          <div class={`view-frame${hl('loss')}`} data-view="loss">
            <Boundary name="loss chart">
              <LossChart />
            </Boundary>
          </div>
          <Boundary name="metrics">
            <ModelMetrics />
          </Boundary>
          <Boundary name="export">
            <ExportMenu />
          </Boundary>
        </section>
        <SidePanel />
      </main>
      <section class="below" aria-label={t('common.activationRegion')}>
        <Boundary name="activation panel">
          <ActivationPanel />
        </Boundary>
        <Boundary name="activation table">
          <ActivationTable />
        </Boundary>
        <Boundary name="search">
          <SearchPanel />
        </Boundary>
      </section>
      <footer class="footer">
        <p>{t('common.footer')}</p>
      </footer>
      <PhoneBar />
    </div>
  );
}
