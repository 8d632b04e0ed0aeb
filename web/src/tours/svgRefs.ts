/**
 * Vega's SVG renderer writes gradient and clip references as absolute URLs (`url(http://host/page?a=1#gradient_0)`),
 * taken from location.href when it draws. The explorer rewrites its query string on every change of setting
 * (the URL carries the state), after which those references point at another document and the browser drops
 * them: legends lose their colour ramps and clipped marks spill out. Rewriting them as local `url(#id)`
 * references makes the drawing independent of the page's address.
 */

const ATTRIBUTES = ['fill', 'stroke', 'clip-path', 'mask', 'filter', 'marker-start', 'marker-mid', 'marker-end', 'style'] as const;

/** `value` with every `url(<anything>#id)` turned into `url(#id)`; other text unchanged. */
export function localUrlRefs(value: string): string {
  return value.replace(/url\((['"]?)[^)#'"]*#([^)'"]+)\1\)/g, 'url(#$2)');
}

/** Rewrites the URL references of every element under `root` as local ones; returns how many attributes changed. */
export function localizeSvgRefs(root: ParentNode): number {
  let changed = 0;
  for (const el of Array.from(root.querySelectorAll('[fill],[stroke],[clip-path],[mask],[filter],[style]'))) {
    for (const name of ATTRIBUTES) {
      const v = el.getAttribute(name);
      if (v === null || !v.includes('url(')) continue;
      const local = localUrlRefs(v);
      if (local !== v) {
        el.setAttribute(name, local);
        changed++;
      }
    }
  }
  return changed;
}
