/**
 * Screenshots of the explorer for docs/: a lesson chosen from its menu and trained to its checkpoint, at
 * 1440×900 and 390×844 (scrolled to the plane through the bottom bar), in English and Chinese. Run: `npx tsx bench/web/screenshots.ts [outDir]` (default
 * docs/). Uses the same build-and-serve harness as the browser tests.
 */
import path from 'node:path';
import { REPO_ROOT, startExplorer } from './browserHarness.js';

interface Shot {
  name: string;
  width: number;
  height: number;
  lang: 'en' | 'zh';
  tour: string;
  /** Side-panel tab to show after training (default: the one the lesson opens). */
  tab?: string;
}

const SHOTS: Shot[] = [
  { name: 'explorer-1440x900-en', width: 1440, height: 900, lang: 'en', tour: 'vanishing_gradients' },
  { name: 'explorer-1440x900-zh', width: 1440, height: 900, lang: 'zh', tour: 'vanishing_gradients' },
  { name: 'explorer-390x844-en', width: 390, height: 844, lang: 'en', tour: 'xor' },
  { name: 'explorer-390x844-zh', width: 390, height: 844, lang: 'zh', tour: 'xor' },
];

async function main(): Promise<void> {
  const outDir = path.resolve(REPO_ROOT, process.argv[2] ?? 'docs');
  const only = process.argv[3];
  const session = await startExplorer((l) => console.log(l));
  try {
    for (const shot of SHOTS.filter((s) => !only || s.name.includes(only))) {
      const context = await session.browser.newContext({ viewport: { width: shot.width, height: shot.height }, deviceScaleFactor: 1 });
      const page = await context.newPage();
      page.on('pageerror', (e) => console.log(`${shot.name}: page error ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') console.log(`${shot.name}: console error ${m.text()}`);
      });
      await page.goto(`${session.url}?lang=${shot.lang}&speed=300`);
      await page.getByTestId('tour-select').selectOption(shot.tour);
      await page.waitForFunction((t) => window.__actlab!.state.value.tour === t, shot.tour);
      await page.waitForTimeout(400);
      await page.getByTestId('play').click();
      await page.waitForFunction(() => !window.__actlab!.running.value && (window.__actlab!.snapshot.value?.epoch ?? 0) > 0, undefined, { timeout: 60_000 });
      if (shot.tab) await page.getByTestId(`tab-${shot.tab}`).click();
      await page.evaluate(() => window.scrollTo(0, 0));
      // On a phone, show the plane through the bottom bar's view menu, as a learner would.
      if (shot.width < 900) await page.getByTestId('phone-view').selectOption('plane');
      await page.mouse.move(shot.width * 0.62, shot.height * 0.35);
      await page.waitForTimeout(700);
      const file = path.join(outDir, `${shot.name}.png`);
      await page.screenshot({ path: file });
      console.log(`wrote ${path.relative(REPO_ROOT, file)}`);
      await context.close();
    }
  } finally {
    await session.close();
  }
}

void main();
