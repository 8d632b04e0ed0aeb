/** The expression language: parse, differentiate, simplify, print, evaluate, compile. */
export type { Expr, NumNode, SymNode, OpNode } from './ast.js';
export { VARIABLE, num, sym, op } from './ast.js';
export { parse, ExpressionError, MAX_DEPTH, MAX_NODES, MAX_TEXT_LENGTH, CONSTANTS } from './parse.js';
export type { ParseResult, ParseOptions, Declaration } from './parse.js';
export { diff } from './diff.js';
export { simplify } from './simplify.js';
export { evaluate } from './evaluate.js';
export { toText, toLatex, formatNumber } from './print.js';
export { compileScalar, compileKernel } from './compile.js';
export type { ScalarFunction } from './compile.js';
export type { ActivationKernel } from './kernel.js';
export { PRIMITIVES, FUNCTION_NAMES, primitive } from './primitives.js';
export type { Primitive } from './primitives.js';
export { keyOf, dependsOn, sizeOf } from './keys.js';
export { printCode, printExpression, CODE_LANGUAGES } from './printCode.js';
export type { CodeLanguage, CodeFunction } from './printCode.js';
