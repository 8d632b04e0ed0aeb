import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pipelineTextArb, runPipeline } from './pipelineFuzz.js';

describe('the whole pipeline never crashes', () => {
  it('gives a result or a one-line ActlabError for 100 fuzzed texts (parse → diff → simplify → compile → analyse → plot)', () => {
    const outcomes = { ok: 0, rejected: 0 };
    fc.assert(
      fc.property(pipelineTextArb, (text) => {
        const r = runPipeline(text);
        if (r.kind === 'crash') throw new Error(`crash on ${JSON.stringify(text)}: ${String((r.error as Error)?.stack ?? r.error)}`);
        outcomes[r.kind]++;
      }),
      { numRuns: 100, seed: 9 },
    );
    expect(outcomes.ok).toBeGreaterThan(10);
    expect(outcomes.rejected).toBeGreaterThan(10);
  });

  it.each([
    ['2*pi*x', '2*pi*x'],
    ['e*x^2', 'e*x^2'],
    ['sin(pi*x)/(pi*x)', 'sin(pi*x)/(pi*x)'],
    ['1e308*tanh(x)', '1e308*tanh(x)'],
    ['sin(1e300*x)', 'sin(1e300*x)'],
    ['1e308*x', '1e308*x'],
    ['a product of 200 factors x*x*…*x', Array.from({ length: 200 }, () => 'x').join('*')],
    ['a sum of 2,000 terms x+x+…+x', Array.from({ length: 2000 }, () => 'x').join('+')],
    ['log(1+exp(x))', 'log(1+exp(x))'],
    ['sqrt(x) > 1 ? 1 : 0', 'sqrt(x) > 1 ? 1 : 0'],
  ])('runs %s through the pipeline', (_label, text) => {
    expect(runPipeline(text).kind).toBe('ok');
  });
});
