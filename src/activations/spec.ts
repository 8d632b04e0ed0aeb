/**
 * The catalog entry type: everything about an activation that is not derived from its expression.
 * Derivatives, kernels, LaTeX and properties are computed from `expression`, never typed in.
 */

/** Families the catalog is grouped by (`actlab list`). */
export const FAMILIES = [
  'linear',
  'step',
  'sigmoidal',
  'rectifier',
  'exponential',
  'gated',
  'shrinkage',
  'periodic',
  'radial',
  'other',
] as const;

/** One of the catalog families. */
export type Family = (typeof FAMILIES)[number];

/** A named parameter of an activation. */
export interface ParamSpec {
  /** Name used in the expression and on the command line (`elu:alpha=0.5`). */
  readonly name: string;
  /** Default value (the PyTorch default where PyTorch has the function). */
  readonly default: number;
  /** Smallest sensible value (inclusive), if any. */
  readonly min?: number;
  /** Largest sensible value (inclusive), if any. */
  readonly max?: number;
  /** One line: what the parameter does. */
  readonly description: string;
  /** True where the literature trains it (PReLU's alpha, Swish's beta, ...). */
  readonly learnable?: boolean;
  /** Name of a parameter this one must exceed (hardtanh's max_val > min_val); checked when parameters are given. */
  readonly greaterThan?: string;
}

/** Where a function comes from. */
export interface PaperRef {
  readonly authors: string;
  readonly title: string;
  readonly year: number;
  /** arXiv id, DOI or venue. */
  readonly where?: string;
}

/** The same function's name in the mainstream frameworks, where one exists (with its argument if needed). */
export interface FrameworkNames {
  readonly pytorch?: string;
  readonly keras?: string;
  readonly tfjs?: string;
  readonly onnx?: string;
  readonly jax?: string;
}

/** A catalog entry for a scalar (elementwise) activation. */
export interface ActivationSpec {
  /** Lowercase snake_case id (`leaky_relu`). */
  readonly id: string;
  /** Display name (`Leaky ReLU`). */
  readonly name: string;
  /** Other names users type (`swish` for `silu`). */
  readonly aliases: readonly string[];
  readonly family: Family;
  /**
   * The one definition, in the expression language, in `x` and the parameters. It may call another
   * catalog entry by id, as a function (`x*relu6(x + 3)/6`; extra arguments set its parameters in order).
   */
  readonly expression: string;
  readonly params: readonly ParamSpec[];
  /** One paragraph for learners: what it is, where it is used, its strengths and weaknesses. */
  readonly summary: string;
  /** Year of the original paper or first use. */
  readonly year?: number;
  readonly paper?: PaperRef;
  readonly frameworks: FrameworkNames;
  /** The convention at each kink, in words (e.g. "relu'(0) = 0, as PyTorch"). */
  readonly kinks?: string;
  /**
   * Where the implementation departs from the mathematical function (cut-offs, thresholds, guards for
   * ±Infinity), and what that does to the computed properties: which is the function, which the code.
   */
  readonly implementation?: string;
  /** Related catalog ids ("see also"). */
  readonly related?: readonly string[];
  /** A few exact input → output pairs with default parameters, checked by the tests. */
  readonly samples?: readonly (readonly [number, number])[];
}
