import { setDefaultBackend } from '../nn/defaultBackend.js';
import { BACKENDS, loadBackend, type BackendName } from '../wasm/index.js';
import { parseChoice } from './args.js';

/**
 * Parses --backend (default wasm), makes it the default backend of this thread and returns its name.
 * Worker threads started afterwards read the choice from ACTLAB_BACKEND.
 */
export async function useBackendOption(value: string | undefined): Promise<BackendName> {
  const name = value === undefined ? 'wasm' : parseChoice<BackendName>(value, '--backend', BACKENDS);
  setDefaultBackend(await loadBackend(name));
  process.env.ACTLAB_BACKEND = name;
  return name;
}
