import type { Dictionary } from './index.js';

/** Labels of the views part of the explorer. */
export const VIEWS_TEXT: Dictionary = {
};
