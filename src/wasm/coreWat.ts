/**
 * WebAssembly text of the engine's numeric core: the matrix product with a 4×8 register tile (eight
 * f32x4 accumulators, a row of B as two vectors, a column of A splatted by `v128.load32_splat`), a
 * transpose, row sums, the elementwise product and the optimiser steps. Every function takes byte
 * addresses in the memory imported as `env.memory`.
 */

/** The memory import line: shared (maximum required) or not. */
export function memoryImport(shared: boolean): string {
  return shared ? '(import "env" "memory" (memory 1 32768 shared))' : '(import "env" "memory" (memory 1))';
}

const ROWS = [0, 1, 2, 3];

/**
 * One tile of R rows (1 or 4) and W columns (8, 4 or 1) of C (+)= A·B, A addressed with row stride $ar
 * and step $as in bytes, B row-major with row length n ($nb = 4n bytes). Expects $i, $j set.
 */
function tile(R: number, W: 8 | 4 | 1): string {
  const rows = ROWS.slice(0, R);
  const V = W === 8 ? 2 : W === 4 ? 1 : 0;
  const vecs = V === 2 ? [0, 1] : V === 1 ? [0] : [];
  const lines: string[] = [];
  // Accumulators to zero.
  for (const r of rows) {
    if (V > 0) for (const v of vecs) lines.push(`(local.set $c${r}${v} (v128.const i64x2 0 0))`);
    else lines.push(`(local.set $s${r} (f32.const 0))`);
  }
  lines.push('(local.set $pa (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $ar))))');
  lines.push('(local.set $pb (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 2))))');
  lines.push('(local.set $p (local.get $k))');
  const body: string[] = [];
  if (V > 0) {
    body.push('(local.set $b0 (v128.load (local.get $pb)))');
    if (V === 2) body.push('(local.set $b1 (v128.load offset=16 (local.get $pb)))');
  } else body.push('(local.set $bs (f32.load (local.get $pb)))');
  for (const r of rows) {
    const addr = r === 0 ? '(local.get $pa)' : `(i32.add (local.get $pa) (local.get $ar${r}))`;
    if (V > 0) {
      body.push(`(local.set $av (v128.load32_splat ${addr}))`);
      for (const v of vecs) body.push(`(local.set $c${r}${v} (f32x4.add (local.get $c${r}${v}) (f32x4.mul (local.get $av) (local.get $b${v}))))`);
    } else body.push(`(local.set $s${r} (f32.add (local.get $s${r}) (f32.mul (f32.load ${addr}) (local.get $bs))))`);
  }
  body.push('(local.set $pa (i32.add (local.get $pa) (local.get $as)))');
  body.push('(local.set $pb (i32.add (local.get $pb) (local.get $nb)))');
  body.push('(local.set $p (i32.sub (local.get $p) (i32.const 1)))');
  lines.push(`(if (local.get $p) (then (loop $kl ${body.join(' ')} (br_if $kl (local.get $p)))))`);
  // Store or accumulate.
  lines.push('(local.set $pc (i32.add (local.get $c) (i32.shl (i32.add (i32.mul (local.get $i) (local.get $n)) (local.get $j)) (i32.const 2))))');
  for (const r of rows) {
    const addr = r === 0 ? '(local.get $pc)' : `(i32.add (local.get $pc) (i32.mul (local.get $nb) (i32.const ${r})))`;
    if (V > 0) {
      for (const v of vecs) {
        const off = v === 1 ? ' offset=16' : '';
        lines.push(`(if (local.get $acc) (then (v128.store${off} ${addr} (f32x4.add (v128.load${off} ${addr}) (local.get $c${r}${v})))) (else (v128.store${off} ${addr} (local.get $c${r}${v}))))`);
      }
    } else {
      lines.push(`(if (local.get $acc) (then (f32.store ${addr} (f32.add (f32.load ${addr}) (local.get $s${r})))) (else (f32.store ${addr} (local.get $s${r}))))`);
    }
  }
  return lines.join('\n');
}

/** Column sweep for R rows at row $i: 8-wide tiles, one 4-wide tile, then single columns. */
function columns(R: number): string {
  return `
(local.set $j (i32.const 0))
(block $j8b (loop $j8l
  (br_if $j8b (i32.gt_u (i32.add (local.get $j) (i32.const 8)) (local.get $n)))
  ${tile(R, 8)}
  (local.set $j (i32.add (local.get $j) (i32.const 8)))
  (br $j8l)))
(if (i32.le_u (i32.add (local.get $j) (i32.const 4)) (local.get $n)) (then
  ${tile(R, 4)}
  (local.set $j (i32.add (local.get $j) (i32.const 4)))))
(block $j1b (loop $j1l
  (br_if $j1b (i32.ge_u (local.get $j) (local.get $n)))
  ${tile(R, 1)}
  (local.set $j (i32.add (local.get $j) (i32.const 1)))
  (br $j1l)))`;
}

/**
 * gemm(a, b, c, m, k, n, acc, ar, as): C(m×n) (+)= A·B where A(i, p) is at a + i·ar + p·as (bytes), so
 * A·B passes ar = 4k, as = 4 and Aᵀ·B (A stored k×m) passes ar = 4, as = 4m.
 */
function gemmFunction(): string {
  const vlocals = ROWS.flatMap((r) => [`(local $c${r}0 v128)`, `(local $c${r}1 v128)`]).join(' ');
  const slocals = ROWS.map((r) => `(local $s${r} f32)`).join(' ');
  return `
(func $gemm (export "gemm") (param $a i32) (param $b i32) (param $c i32) (param $m i32) (param $k i32) (param $n i32) (param $acc i32) (param $ar i32) (param $as i32)
  (local $i i32) (local $j i32) (local $p i32) (local $pa i32) (local $pb i32) (local $pc i32) (local $nb i32)
  (local $ar1 i32) (local $ar2 i32) (local $ar3 i32)
  (local $b0 v128) (local $b1 v128) (local $av v128) (local $bs f32) ${vlocals} ${slocals}
  (local.set $nb (i32.shl (local.get $n) (i32.const 2)))
  (local.set $ar1 (local.get $ar))
  (local.set $ar2 (i32.shl (local.get $ar) (i32.const 1)))
  (local.set $ar3 (i32.mul (local.get $ar) (i32.const 3)))
  (local.set $i (i32.const 0))
  (block $i4b (loop $i4l
    (br_if $i4b (i32.gt_u (i32.add (local.get $i) (i32.const 4)) (local.get $m)))
    ${columns(4)}
    (local.set $i (i32.add (local.get $i) (i32.const 4)))
    (br $i4l)))
  (block $i1b (loop $i1l
    (br_if $i1b (i32.ge_u (local.get $i) (local.get $m)))
    ${columns(1)}
    (local.set $i (i32.add (local.get $i) (i32.const 1)))
    (br $i1l))))`;
}

/** The whole core module. */
export function coreWat(shared: boolean): string {
  return `(module
${memoryImport(shared)}
${gemmFunction()}

;; out (rows×cols) = transpose of a (cols×rows... i.e. a is r×c, out is c×r).
(func $transpose (export "transpose") (param $a i32) (param $out i32) (param $r i32) (param $c i32)
  (local $i i32) (local $j i32) (local $src i32)
  (local.set $i (i32.const 0))
  (block $ib (loop $il
    (br_if $ib (i32.ge_u (local.get $i) (local.get $r)))
    (local.set $src (i32.add (local.get $a) (i32.shl (i32.mul (local.get $i) (local.get $c)) (i32.const 2))))
    (local.set $j (i32.const 0))
    (block $jb (loop $jl
      (br_if $jb (i32.ge_u (local.get $j) (local.get $c)))
      (f32.store (i32.add (local.get $out) (i32.shl (i32.add (i32.mul (local.get $j) (local.get $r)) (local.get $i)) (i32.const 2)))
        (f32.load (i32.add (local.get $src) (i32.shl (local.get $j) (i32.const 2)))))
      (local.set $j (i32.add (local.get $j) (i32.const 1)))
      (br $jl)))
    (local.set $i (i32.add (local.get $i) (i32.const 1)))
    (br $il))))

;; out[j] (+)= sum over rows of a[i, j].
(func $sumRows (export "sumRows") (param $a i32) (param $out i32) (param $rows i32) (param $cols i32) (param $acc i32)
  (local $i i32) (local $j i32) (local $pa i32) (local $c4 i32)
  (local.set $c4 (i32.and (local.get $cols) (i32.const -4)))
  (if (i32.eqz (local.get $acc)) (then (memory.fill (local.get $out) (i32.const 0) (i32.shl (local.get $cols) (i32.const 2)))))
  (local.set $pa (local.get $a))
  (local.set $i (i32.const 0))
  (block $ib (loop $il
    (br_if $ib (i32.ge_u (local.get $i) (local.get $rows)))
    (local.set $j (i32.const 0))
    (block $jb (loop $jl
      (br_if $jb (i32.ge_u (local.get $j) (local.get $c4)))
      (v128.store (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 2)))
        (f32x4.add (v128.load (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 2))))
                   (v128.load (i32.add (local.get $pa) (i32.shl (local.get $j) (i32.const 2))))))
      (local.set $j (i32.add (local.get $j) (i32.const 4)))
      (br $jl)))
    (block $tb (loop $tl
      (br_if $tb (i32.ge_u (local.get $j) (local.get $cols)))
      (f32.store (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 2)))
        (f32.add (f32.load (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 2))))
                 (f32.load (i32.add (local.get $pa) (i32.shl (local.get $j) (i32.const 2))))))
      (local.set $j (i32.add (local.get $j) (i32.const 1)))
      (br $tl)))
    (local.set $pa (i32.add (local.get $pa) (i32.shl (local.get $cols) (i32.const 2))))
    (local.set $i (i32.add (local.get $i) (i32.const 1)))
    (br $il))))

;; out[i] = a[i] * b[i], i < len.
(func $mul (export "mul") (param $a i32) (param $b i32) (param $out i32) (param $len i32)
  (local $o i32) (local $end4 i32) (local $end i32)
  (local.set $end (i32.shl (local.get $len) (i32.const 2)))
  (local.set $end4 (i32.and (local.get $end) (i32.const -16)))
  (block $vb (loop $vl
    (br_if $vb (i32.ge_u (local.get $o) (local.get $end4)))
    (v128.store (i32.add (local.get $out) (local.get $o))
      (f32x4.mul (v128.load (i32.add (local.get $a) (local.get $o))) (v128.load (i32.add (local.get $b) (local.get $o)))))
    (local.set $o (i32.add (local.get $o) (i32.const 16)))
    (br $vl)))
  (block $sb (loop $sl
    (br_if $sb (i32.ge_u (local.get $o) (local.get $end)))
    (f32.store (i32.add (local.get $out) (local.get $o))
      (f32.mul (f32.load (i32.add (local.get $a) (local.get $o))) (f32.load (i32.add (local.get $b) (local.get $o)))))
    (local.set $o (i32.add (local.get $o) (i32.const 4)))
    (br $sl))))

${layerFunctions()}

${optimizerFunctions()}
)`;
}

/**
 * A dense layer's work in one call each way, so a small network costs few calls into WebAssembly:
 * `dense` is z = x·W + b (the bias copied into each row, then the product accumulated onto it: the same
 * f32 operations as broadcastRows followed by gemm); `denseBack` is dz = da ∘ f'(z) (skipped when d = 0,
 * then dz is da), dW = xᵀ·dz, db = Σ_rows dz and, when dx ≠ 0, dx = dz·Wᵀ (W transposed into tmp first),
 * the same operations as mul, gemmTN, sumRows and gemmNT.
 */
function layerFunctions(): string {
  return `
(func (export "dense") (param $x i32) (param $w i32) (param $b i32) (param $z i32) (param $n i32) (param $k i32) (param $u i32)
  (local $i i32) (local $row i32) (local $bytes i32)
  (local.set $bytes (i32.shl (local.get $u) (i32.const 2)))
  (local.set $row (local.get $z))
  (block $ib (loop $il
    (br_if $ib (i32.ge_u (local.get $i) (local.get $n)))
    (memory.copy (local.get $row) (local.get $b) (local.get $bytes))
    (local.set $row (i32.add (local.get $row) (local.get $bytes)))
    (local.set $i (i32.add (local.get $i) (i32.const 1)))
    (br $il)))
  (call $gemm (local.get $x) (local.get $w) (local.get $z) (local.get $n) (local.get $k) (local.get $u) (i32.const 1)
    (i32.shl (local.get $k) (i32.const 2)) (i32.const 4)))

(func (export "denseBack") (param $x i32) (param $da i32) (param $d i32) (param $w i32) (param $dz i32) (param $gw i32) (param $gb i32)
  (param $dx i32) (param $tmp i32) (param $n i32) (param $k i32) (param $u i32)
  (if (local.get $d)
    (then (call $mul (local.get $da) (local.get $d) (local.get $dz) (i32.mul (local.get $n) (local.get $u))))
    (else (local.set $dz (local.get $da))))
  (call $gemm (local.get $x) (local.get $dz) (local.get $gw) (local.get $k) (local.get $n) (local.get $u) (i32.const 0)
    (i32.const 4) (i32.shl (local.get $k) (i32.const 2)))
  (call $sumRows (local.get $dz) (local.get $gb) (local.get $n) (local.get $u) (i32.const 0))
  (if (local.get $dx) (then
    (call $transpose (local.get $w) (local.get $tmp) (local.get $k) (local.get $u))
    (call $gemm (local.get $dz) (local.get $tmp) (local.get $dx) (local.get $n) (local.get $u) (local.get $k) (i32.const 0)
      (i32.shl (local.get $u) (i32.const 2)) (i32.const 4)))))`;
}

/** Bytes per entry of the parameter table the `*Many` optimiser steps read: w, g, m, v, len (i32 each). */
export const PARAM_ENTRY_BYTES = 20;

/**
 * Optimiser steps in f64x2 (two lanes of f64 per vector), the arithmetic of the JavaScript optimisers
 * operation for operation, so both backends update weights bit-identically.
 */
function optimizerFunctions(): string {
  // Each loop handles 2 floats per iteration: load 2 f32 (64 bits) and promote.
  const ld = (p: string) => `(f64x2.promote_low_f32x4 (v128.load64_zero ${p}))`;
  const st = (p: string, v: string) => `(v128.store64_lane 0 ${p} (f32x4.demote_f64x2_zero ${v}))`;
  const sld = (p: string) => `(f64.promote_f32 (f32.load ${p}))`;
  const sst = (p: string, v: string) => `(f32.store ${p} (f32.demote_f64 ${v}))`;
  const loop = (vec: string, scalar: string) => `
  (local.set $end (i32.shl (local.get $len) (i32.const 2)))
  (local.set $end2 (i32.and (local.get $end) (i32.const -8)))
  (local.set $o (i32.const 0))
  (block $vb (loop $vl
    (br_if $vb (i32.ge_u (local.get $o) (local.get $end2)))
    ${vec}
    (local.set $o (i32.add (local.get $o) (i32.const 8)))
    (br $vl)))
  (if (i32.lt_u (local.get $o) (local.get $end)) (then ${scalar}))`;
  const at = (base: string) => `(i32.add (local.get ${base}) (local.get $o))`;
  return `
;; w -= lr * g
(func $sgd (export "sgd") (param $w i32) (param $g i32) (param $len i32) (param $lr f64)
  (local $o i32) (local $end i32) (local $end2 i32) (local $lrv v128)
  (local.set $lrv (f64x2.splat (local.get $lr)))
  ${loop(st(at('$w'), `(f64x2.sub ${ld(at('$w'))} (f64x2.mul (local.get $lrv) ${ld(at('$g'))}))`),
    sst(at('$w'), `(f64.sub ${sld(at('$w'))} (f64.mul (local.get $lr) ${sld(at('$g'))}))`))})

;; v = mu*v - lr*g; w += v
(func $momentum (export "momentum") (param $w i32) (param $g i32) (param $v i32) (param $len i32) (param $lr f64) (param $mu f64)
  (local $o i32) (local $end i32) (local $end2 i32) (local $lrv v128) (local $muv v128) (local $t v128) (local $s f64)
  (local.set $lrv (f64x2.splat (local.get $lr)))
  (local.set $muv (f64x2.splat (local.get $mu)))
  ${loop(
    `(local.set $t (f64x2.promote_low_f32x4 (f32x4.demote_f64x2_zero (f64x2.sub (f64x2.mul (local.get $muv) ${ld(at('$v'))}) (f64x2.mul (local.get $lrv) ${ld(at('$g'))})))))
     ${st(at('$v'), '(local.get $t)')}
     ${st(at('$w'), `(f64x2.add ${ld(at('$w'))} (local.get $t))`)}`,
    `(local.set $s (f64.promote_f32 (f32.demote_f64 (f64.sub (f64.mul (local.get $mu) ${sld(at('$v'))}) (f64.mul (local.get $lr) ${sld(at('$g'))})))))
     ${sst(at('$v'), '(local.get $s)')}
     ${sst(at('$w'), `(f64.add ${sld(at('$w'))} (local.get $s))`)}`,
  )})

;; m = b1 m + (1-b1) g; v = b2 v + (1-b2) g^2; w -= (lr (m/c1)) / (sqrt(v/c2) + eps)
(func $adam (export "adam") (param $w i32) (param $g i32) (param $m i32) (param $v i32) (param $len i32)
  (param $lr f64) (param $b1 f64) (param $b2 f64) (param $eps f64) (param $c1 f64) (param $c2 f64)
  (local $o i32) (local $end i32) (local $end2 i32)
  (local $lrv v128) (local $b1v v128) (local $b2v v128) (local $ob1 v128) (local $ob2 v128) (local $epsv v128) (local $c1v v128) (local $c2v v128)
  (local $gv v128) (local $mv v128) (local $vv v128)
  (local $gs f64) (local $ms f64) (local $vs f64)
  (local.set $lrv (f64x2.splat (local.get $lr)))
  (local.set $b1v (f64x2.splat (local.get $b1)))
  (local.set $b2v (f64x2.splat (local.get $b2)))
  (local.set $ob1 (f64x2.splat (f64.sub (f64.const 1) (local.get $b1))))
  (local.set $ob2 (f64x2.splat (f64.sub (f64.const 1) (local.get $b2))))
  (local.set $epsv (f64x2.splat (local.get $eps)))
  (local.set $c1v (f64x2.splat (local.get $c1)))
  (local.set $c2v (f64x2.splat (local.get $c2)))
  ${loop(
    `(local.set $gv ${ld(at('$g'))})
     (local.set $mv (f64x2.promote_low_f32x4 (f32x4.demote_f64x2_zero (f64x2.add (f64x2.mul (local.get $b1v) ${ld(at('$m'))}) (f64x2.mul (local.get $ob1) (local.get $gv))))))
     (local.set $vv (f64x2.promote_low_f32x4 (f32x4.demote_f64x2_zero (f64x2.add (f64x2.mul (local.get $b2v) ${ld(at('$v'))}) (f64x2.mul (f64x2.mul (local.get $ob2) (local.get $gv)) (local.get $gv))))))
     ${st(at('$m'), '(local.get $mv)')}
     ${st(at('$v'), '(local.get $vv)')}
     ${st(at('$w'), `(f64x2.sub ${ld(at('$w'))} (f64x2.div (f64x2.mul (local.get $lrv) (f64x2.div (local.get $mv) (local.get $c1v))) (f64x2.add (f64x2.sqrt (f64x2.div (local.get $vv) (local.get $c2v))) (local.get $epsv))))`)}`,
    `(local.set $gs ${sld(at('$g'))})
     (local.set $ms (f64.promote_f32 (f32.demote_f64 (f64.add (f64.mul (local.get $b1) ${sld(at('$m'))}) (f64.mul (f64.sub (f64.const 1) (local.get $b1)) (local.get $gs))))))
     (local.set $vs (f64.promote_f32 (f32.demote_f64 (f64.add (f64.mul (local.get $b2) ${sld(at('$v'))}) (f64.mul (f64.mul (f64.sub (f64.const 1) (local.get $b2)) (local.get $gs)) (local.get $gs))))))
     ${sst(at('$m'), '(local.get $ms)')}
     ${sst(at('$v'), '(local.get $vs)')}
     ${sst(at('$w'), `(f64.sub ${sld(at('$w'))} (f64.div (f64.mul (local.get $lr) (f64.div (local.get $ms) (local.get $c1))) (f64.add (f64.sqrt (f64.div (local.get $vs) (local.get $c2))) (local.get $eps))))`)}`,
  )})

${manySteps()}`;
}

/**
 * One call steps every parameter of a network: a table of `count` entries (w, g, m, v, len; see
 * PARAM_ENTRY_BYTES) at `table`, each passed to the single-array step above (m is the velocity of
 * momentum; sgd reads neither m nor v).
 */
function manySteps(): string {
  const f = (name: string, params: string, call: string): string => `
(func (export "${name}Many") (param $t i32) (param $count i32) ${params}
  (local $end i32)
  (local.set $end (i32.add (local.get $t) (i32.mul (local.get $count) (i32.const ${PARAM_ENTRY_BYTES}))))
  (block $b (loop $l
    (br_if $b (i32.ge_u (local.get $t) (local.get $end)))
    ${call}
    (local.set $t (i32.add (local.get $t) (i32.const ${PARAM_ENTRY_BYTES})))
    (br $l))))`;
  const w = '(i32.load (local.get $t))';
  const g = '(i32.load offset=4 (local.get $t))';
  const m = '(i32.load offset=8 (local.get $t))';
  const v = '(i32.load offset=12 (local.get $t))';
  const len = '(i32.load offset=16 (local.get $t))';
  return [
    f('sgd', '(param $lr f64)', `(call $sgd ${w} ${g} ${len} (local.get $lr))`),
    f('momentum', '(param $lr f64) (param $mu f64)', `(call $momentum ${w} ${g} ${m} ${len} (local.get $lr) (local.get $mu))`),
    f('adam', '(param $lr f64) (param $b1 f64) (param $b2 f64) (param $eps f64) (param $c1 f64) (param $c2 f64)',
      `(call $adam ${w} ${g} ${m} ${v} ${len} (local.get $lr) (local.get $b1) (local.get $b2) (local.get $eps) (local.get $c1) (local.get $c2))`),
  ].join('\n');
}
