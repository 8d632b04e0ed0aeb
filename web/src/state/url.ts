import { DEFAULT_STATE, type CustomData, type ExplorerState } from './types.js';

export function readUrlState(_search: string): { state: ExplorerState; customData: CustomData | null } {
  return { state: { ...DEFAULT_STATE }, customData: null };
}

export function writeUrlState(_state: ExplorerState, _custom: CustomData | null): string {
  return '';
}
