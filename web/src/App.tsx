/**
 * The explorer page, laid out like TensorFlow Playground: a top bar with the run controls and
 * hyper-parameters; below it DATA, FEATURES, the NETWORK and the OUTPUT side by side (stacked on narrow
 * screens); the activation panel underneath. Each panel sits in a Boundary so one failure never takes
 * the page down.
 */
import { useEffect } from 'preact/hooks';
import { ActivationPanel } from './activation/ActivationPanel.js';
import { Banners } from './controls/Banners.js';
import { Boundary } from './controls/Boundary.js';
import { CompareControls } from './controls/CompareControls.js';
import { DataColumn } from './controls/DataColumn.js';
import { FeaturesColumn } from './controls/FeaturesColumn.js';
import { ModelMetrics } from './controls/ModelMetrics.js';
import { LayerControls, OutputActivationControl } from './controls/NetworkControls.js';
import { TopBar } from './controls/TopBar.js';
import { ownsSpaceKey } from './controls/options.js';
import { lang, t } from './i18n/index.js';
import { togglePlay } from './state/store.js';
import { SearchPanel } from './search/SearchPanel.js';
import { TourPanel } from './tours/TourPanel.js';
import { GradientChart, Histograms, LossChart } from './views/Charts.js';
import { ExportMenu } from './views/ExportMenu.js';
import { Inspector } from './views/Inspector.js';
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

/** Keeps <html lang> and the document title in the chosen language. */
function useDocumentLanguage(language: string): void {
  useEffect(() => {
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
    document.title = t('common.documentTitle');
  }, [language]);
}

export function App() {
  const language = lang.value;
  useSpaceToggle();
  useDocumentLanguage(language);
  return (
    <div class="app">
      <a class="skip-link" href="#workspace">
        {t('common.skipToContent')}
      </a>
      <Boundary name="top bar">
        <TopBar />
      </Boundary>
      <Banners />
      <div class="tour-slot">
        <Boundary name="tours">
          <TourPanel />
        </Boundary>
      </div>
      <main id="workspace" class="workspace">
        <Boundary name="data">
          <DataColumn />
        </Boundary>
        <Boundary name="features">
          <FeaturesColumn />
        </Boundary>
        <section class="panel col-network" aria-label={t('common.networkRegion')}>
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
          <Boundary name="inspector">
            <Inspector />
          </Boundary>
          <Boundary name="compare">
            <CompareControls />
          </Boundary>
        </section>
        <section class="panel col-output" aria-labelledby="output-heading">
          <h2 id="output-heading" class="col-heading">
            {t('controls.output.heading')}
          </h2>
          <Boundary name="metrics">
            <ModelMetrics />
          </Boundary>
          <Boundary name="plane">
            <PlaneView />
          </Boundary>
          <Boundary name="loss chart">
            <LossChart />
          </Boundary>
          <Boundary name="gradient chart">
            <GradientChart />
          </Boundary>
          <Boundary name="histograms">
            <Histograms />
          </Boundary>
          <Boundary name="export">
            <ExportMenu />
          </Boundary>
        </section>
      </main>
      <section class="below" aria-label={t('common.activationRegion')}>
        <Boundary name="activation panel">
          <ActivationPanel />
        </Boundary>
        <Boundary name="search">
          <SearchPanel />
        </Boundary>
      </section>
      <footer class="footer">
        <p>{t('common.footer')}</p>
      </footer>
    </div>
  );
}
