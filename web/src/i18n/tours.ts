import type { Dictionary } from './index.js';

/** Labels of the tours part of the explorer. */
export const TOURS_TEXT: Dictionary = {
};
