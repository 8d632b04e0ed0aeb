import type { Dictionary } from './index.js';

/** Labels of the controls part of the explorer. */
export const CONTROLS_TEXT: Dictionary = {
};
