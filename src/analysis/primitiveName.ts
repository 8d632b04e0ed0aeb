/**
 * The primitive names of the expression language, as one union, so that every per-primitive table of the
 * analysis (interval extensions, limit rules) is a `Record<PrimitiveName, …>` and a missing primitive is a
 * type error. This mirrors the `PrimitiveName` of the IR contract (src/expr/ir.ts); when that lands, this
 * file re-exports it instead.
 */
export type PrimitiveName = 'add' | 'sub' | 'mul' | 'div' | 'pow' | 'neg' | 'lt' | 'le' | 'gt' | 'ge' | 'eq' | 'ne'
  | 'and' | 'or' | 'not' | 'select' | 'exp' | 'expm1' | 'log' | 'log1p' | 'sqrt' | 'cbrt' | 'abs' | 'sign' | 'step'
  | 'sin' | 'cos' | 'tan' | 'asin' | 'acos' | 'atan' | 'sinh' | 'cosh' | 'tanh' | 'sech' | 'asinh' | 'acosh' | 'atanh'
  | 'erf' | 'erfc' | 'sigmoid' | 'softplus' | 'logsigmoid' | 'sinc' | 'sinc_d' | 'min' | 'max' | 'clamp' | 'hypot';
