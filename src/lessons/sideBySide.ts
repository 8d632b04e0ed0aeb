/** Places several chart specs next to each other in one Vega-Lite spec (each keeps its own scales). */
import type { TopLevelSpec } from 'vega-lite';

/** Concatenates `specs` horizontally under one title; the first spec's config applies to all. */
export function sideBySide(specs: readonly TopLevelSpec[], title: string): TopLevelSpec {
  const parts = specs.map((s) => {
    const { $schema: _schema, config: _config, ...rest } = s as unknown as Record<string, unknown>;
    return rest;
  });
  const config = (specs[0] as unknown as Record<string, unknown>).config;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    ...(config ? { config } : {}),
    hconcat: parts,
    resolve: { scale: { color: 'independent', fill: 'independent', shape: 'independent', x: 'independent', y: 'independent' } },
  } as unknown as TopLevelSpec;
}
