/** Data preparation moved to the run module (src/run/preparedData.ts); re-exported here for existing importers. */
export { prepareData, type DataLoaders, type PreparedData } from '../run/preparedData.js';
