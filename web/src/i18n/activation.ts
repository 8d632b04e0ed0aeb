import type { Dictionary } from './index.js';

/** Labels of the activation part of the explorer. */
export const ACTIVATION_TEXT: Dictionary = {
};
