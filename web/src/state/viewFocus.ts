/**
 * Which secondary view the side panel shows (its tabs), and "look here": a lesson step (or the phone's
 * bottom bar) names a view; the page opens its tab, scrolls it into sight and outlines it for a moment.
 * Views mark their root element with `data-view="<id>"`.
 */
import { signal } from '@preact/signals';

/** Views a lesson can point to. `plane`, `network` and `loss` are always on screen; the rest live in tabs. */
export const VIEWS = ['plane', 'network', 'loss', 'why', 'gradients', 'inspector', 'compare'] as const;
export type ViewId = (typeof VIEWS)[number];

/** The side panel's tabs, in order. */
export const TABS = ['why', 'gradients', 'inspector', 'compare'] as const;
export type TabId = (typeof TABS)[number];

/** The tab the side panel shows. */
export const sideTab = signal<TabId>('why');
/** The view outlined right now (null when none). */
export const highlighted = signal<ViewId | null>(null);

/** True when `v` is one of the side panel's tabs. */
export function isTab(v: string): v is TabId {
  return (TABS as readonly string[]).includes(v);
}

let timer: ReturnType<typeof setTimeout> | undefined;

/** How long a view stays outlined after a lesson points to it (ms). */
export const HIGHLIGHT_MS = 2600;

/**
 * Shows view `v`: opens its tab, scrolls it into sight (only when it is not already fully visible) and
 * outlines it for HIGHLIGHT_MS.
 */
export function focusView(v: ViewId): void {
  if (isTab(v)) sideTab.value = v;
  highlighted.value = v;
  clearTimeout(timer);
  timer = setTimeout(() => {
    if (highlighted.value === v) highlighted.value = null;
  }, HIGHLIGHT_MS);
  if (typeof document === 'undefined') return;
  // After the tab has rendered, and again once the new run's views have been drawn (a step that turns on
  // compare mode adds planes above the loss chart a moment later).
  const look = (): void => {
    const el = document.querySelector<HTMLElement>(`[data-view="${v}"]`);
    if (!el) return;
    const r = el.getBoundingClientRect();
    const bar = document.querySelector<HTMLElement>('.topbar');
    const top = bar && getComputedStyle(bar).position === 'sticky' ? bar.getBoundingClientRect().bottom : 0;
    const bottomBar = document.querySelector<HTMLElement>('.phone-bar');
    const bottom = window.innerHeight - (bottomBar && bottomBar.offsetParent !== null ? bottomBar.offsetHeight : 0);
    if (r.top >= top && r.bottom <= bottom) return;
    // Taller than the room: its top below the bar; otherwise just enough to bring it whole into sight.
    const delta = r.height > bottom - top || r.top < top ? r.top - top - 8 : r.bottom - bottom + 8;
    window.scrollBy({ top: delta, behavior: 'smooth' });
  };
  requestAnimationFrame(look);
  for (const ms of [500, 1200]) setTimeout(() => {
    if (highlighted.value === v) look();
  }, ms);
}
