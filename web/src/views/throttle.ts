/**
 * Running view updates off the signals at a bounded rate: charts and the inspector redraw at most ~10 times a
 * second while the worker sends a snapshot every animation frame.
 */
import { effect, type ReadonlySignal } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';

/**
 * Calls `run` after any signal read by `watch` changes, at most once per `ms` (a number, or a function giving
 * the current gap; trailing call included, so the last change is always drawn). Returns the disposer.
 */
export function throttledEffect(watch: () => void, run: () => void, ms: number | (() => number) = 100): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = 0;
  let first = true;
  const fire = (): void => {
    timer = undefined;
    last = performance.now();
    run();
  };
  const dispose = effect(() => {
    watch();
    if (first) {
      first = false;
      fire();
      return;
    }
    if (timer !== undefined) return;
    const gap = typeof ms === 'number' ? ms : ms();
    const wait = Math.max(0, gap - (performance.now() - last));
    timer = setTimeout(fire, wait);
  });
  return () => {
    dispose();
    if (timer !== undefined) clearTimeout(timer);
  };
}

/**
 * Tracks whether `el` is on screen (IntersectionObserver); calls `onShow` when it scrolls into view.
 * Returns the current-visibility getter and the disposer. Without IntersectionObserver it is always visible.
 */
export function watchVisibility(el: Element, onShow: () => void): { visible: () => boolean; dispose: () => void } {
  if (typeof IntersectionObserver === 'undefined') return { visible: () => true, dispose: () => undefined };
  let visible = true;
  const io = new IntersectionObserver((entries) => {
    const now = entries[entries.length - 1]?.isIntersecting ?? visible;
    const was = visible;
    visible = now;
    if (now && !was) onShow();
  });
  io.observe(el);
  return { visible: () => visible, dispose: () => io.disconnect() };
}

/** A signal's value for rendering, refreshed at most once per `ms`. */
export function useThrottled<T>(source: ReadonlySignal<T>, ms = 100): T {
  const [value, setValue] = useState<T>(source.peek());
  useEffect(() => throttledEffect(() => void source.value, () => setValue(source.peek()), ms), [source, ms]);
  return value;
}

/** Sizes a canvas's backing store to its CSS size times the device pixel ratio; returns the 2-D context scaled to CSS pixels. */
export function fitCanvas(canvas: HTMLCanvasElement, width: number, height: number): CanvasRenderingContext2D | null {
  const dpr = Math.min(3, typeof devicePixelRatio === 'number' && devicePixelRatio > 0 ? devicePixelRatio : 1);
  const w = Math.round(width * dpr);
  const h = Math.round(height * dpr);
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  const ctx = canvas.getContext('2d');
  ctx?.setTransform(dpr, 0, 0, dpr, 0, 0);
  return ctx;
}

/** Nice round tick values covering [min, max], about `count` of them. */
export function niceTicks(min: number, max: number, count: number): number[] {
  if (!(max > min) || count < 1) return [];
  const raw = (max - min) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(min / step - 1e-9) * step; v <= max + 1e-9 * step; v += step) out.push(Math.abs(v) < 1e-12 ? 0 : Number(v.toPrecision(12)));
  return out;
}

/** Triggers a browser download of `blob` as `name`. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
