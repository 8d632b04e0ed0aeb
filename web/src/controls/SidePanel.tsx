/**
 * The side panel beside the network: the lesson (when one is chosen) and the secondary views as tabs, so
 * everything a lesson talks about is on the same screen as the network and the output.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { t } from '../i18n/index.js';
import { highlighted, sideTab, TABS, type TabId } from '../state/viewFocus.js';
import { TourPanel } from '../tours/TourPanel.js';
import { GradientChart } from '../views/Charts.js';
import { Inspector } from '../views/Inspector.js';
import { WhyTab } from '../views/WhyViews.js';
import { Boundary } from './Boundary.js';
import { CompareControls } from './CompareControls.js';

const TAB_BODY: Record<TabId, () => ComponentChildren> = {
  why: () => <WhyTab />,
  gradients: () => <GradientChart />,
  inspector: () => <Inspector />,
  compare: () => <CompareControls />,
};

/** Arrow keys move between tabs (the WAI-ARIA tabs pattern). */
function onTabKey(e: KeyboardEvent, current: TabId): void {
  const i = TABS.indexOf(current);
  const next = e.key === 'ArrowRight' ? TABS[(i + 1) % TABS.length] : e.key === 'ArrowLeft' ? TABS[(i + TABS.length - 1) % TABS.length] : null;
  if (!next) return;
  e.preventDefault();
  sideTab.value = next;
  document.getElementById(`tab-${next}`)?.focus();
}

export function SideTabs() {
  const tab = sideTab.value;
  const lit = highlighted.value;
  const body = useRef<HTMLDivElement>(null);
  useEffect(() => {
    body.current?.scrollTo?.({ top: 0 });
  }, [tab]);
  return (
    <section class="panel side-views" aria-label={t('teach.tabs.label')}>
      <div class="tabs" role="tablist" aria-label={t('teach.tabs.label')}>
        {TABS.map((id) => (
          <button
            key={id}
            id={`tab-${id}`}
            type="button"
            role="tab"
            class="tab"
            data-testid={`tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`tabpanel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            onClick={() => (sideTab.value = id)}
            onKeyDown={(e) => onTabKey(e, id)}
          >
            {t(`teach.tab.${id}`)}
          </button>
        ))}
      </div>
      <div
        ref={body}
        id={`tabpanel-${tab}`}
        role="tabpanel"
        aria-labelledby={`tab-${tab}`}
        class={`tab-body${lit === tab ? ' is-highlighted' : ''}`}
        data-view={tab}
        data-testid="side-tab-body"
      >
        <Boundary name={`${tab} view`}>{TAB_BODY[tab]()}</Boundary>
      </div>
    </section>
  );
}

export function SidePanel() {
  return (
    <aside class="col-side" aria-label={t('teach.tabs.label')}>
      <Boundary name="tours">
        <TourPanel />
      </Boundary>
      <SideTabs />
    </aside>
  );
}
