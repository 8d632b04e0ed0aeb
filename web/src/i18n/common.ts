import type { Dictionary } from './index.js';

/** Labels of the common part of the explorer. */
export const COMMON_TEXT: Dictionary = {
};
