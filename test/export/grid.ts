/** Inputs the export checks run on: [-12, 12] every 1/64 (kinks at multiples of 1/64 hit exactly), then larger magnitudes. */
export function exportGrid(): Float32Array {
  const v: number[] = [];
  for (let i = -768; i <= 768; i++) v.push(i / 64);
  for (const m of [15, 20, 25, 30, 50, 100, 1e3, 1e4]) v.push(m, -m);
  v.push(1e-6, -1e-6, 1e-30, -1e-30);
  return Float32Array.from([...new Set(v)].sort((a, b) => a - b));
}

/** Agreement within 1e-5: absolute below 1, relative above; NaN agrees with NaN, equal infinities agree. */
export function close(a: number, b: number, tol = 1e-5): boolean {
  if (a === b || (Number.isNaN(a) && Number.isNaN(b))) return true;
  return Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));
}

/** The largest error |a − b| / max(1, |a|, |b|) over finite pairs (for the report). */
export function maxError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i] || !Number.isFinite(a[i]) || !Number.isFinite(b[i])) continue;
    m = Math.max(m, Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(a[i]), Math.abs(b[i])));
  }
  return m;
}

/** Up to five readable disagreements. */
export function disagreements(x: ArrayLike<number>, a: ArrayLike<number>, b: ArrayLike<number>, tol = 1e-5): string[] {
  const out: string[] = [];
  for (let i = 0; i < x.length && out.length < 5; i++) if (!close(a[i], b[i], tol)) out.push(`x=${x[i]}: ${a[i]} vs ${b[i]}`);
  return out;
}

/** Typed-in activations: parameters, logic, min/max/clamp, stable primitives, hypot. */
export const TYPED_IN = [
  'x*sigmoid(beta*x); beta=1.5',
  'x > 0 ? x : a*expm1(x) + b*x; a=0.7; b=0.05',
  'log1p(abs(x))*sign(x)',
  'clamp(x, -2, 2) + 0.1*sin(x)',
  'max(x, 0.5*x) - min(x, 0)*erfc(x)',
  'hypot(x, 1) - 1',
  '(x < -1 || x > 1) && !(x == 3) ? x : x^3/3 + 2/3*sign(x)',
  'x*tanh(softplus(x)) + 0.01*logsigmoid(x) + sinc(x)',
  'cospi(x) + sinpi(x/4)*x',
];
