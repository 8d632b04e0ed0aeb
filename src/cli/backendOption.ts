import { setDefaultBackend } from '../nn/defaultBackend.js';
import { installBinaryenImport } from '../node/binaryenImport.js';
import { BACKENDS, loadBackend, type BackendName } from '../wasm/index.js';
import { parseChoice } from './args.js';

/**
 * Parses --backend (default wasm; a bad name throws at once), then loads that backend, makes it the
 * default of this thread and resolves to its name. Worker threads started afterwards read the choice
 * from ACTLAB_BACKEND. Start it before slow synchronous work (loading data): the WebAssembly compiles
 * on background threads meanwhile.
 */
export function useBackendOption(value: string | undefined): Promise<BackendName> {
  const name = value === undefined ? 'wasm' : parseChoice<BackendName>(value, '--backend', BACKENDS);
  process.env.ACTLAB_BACKEND = name;
  installBinaryenImport();
  return loadBackend(name).then((backend) => {
    setDefaultBackend(backend);
    return name;
  });
}
