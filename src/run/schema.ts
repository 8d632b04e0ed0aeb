/**
 * JSON Schema (draft 2020-12) of saved models, version 2 (`SavedModelJson`). `actlab schema model` prints it;
 * tests hold files written by `saveModel` to it.
 */
const numbers = { type: 'array', items: { type: 'number' } } as const;

/** The saved-model schema. */
export const SAVED_MODEL_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://actlab.dev/schema/actlab-model-2.json',
  title: 'actlab saved model, version 2',
  type: 'object',
  required: ['format', 'version', 'spec', 'inputs', 'target', 'network'],
  properties: {
    format: { const: 'actlab-model' },
    version: { const: 2 },
    spec: {
      description: 'the run spec that trained the model (RunSpec), or null when unknown',
      anyOf: [{ type: 'null' }, { type: 'object', required: ['version', 'data', 'model', 'train'] }],
    },
    inputs: {
      type: 'object',
      required: ['names', 'standardizer'],
      properties: {
        names: { type: 'array', items: { type: 'string' }, description: 'CSV column of each network input' },
        standardizer: { type: 'object', required: ['mean', 'std'], properties: { mean: numbers, std: numbers } },
      },
    },
    target: {
      type: 'object',
      required: ['name', 'task', 'classNames'],
      properties: {
        name: { type: ['string', 'null'] },
        task: { enum: ['classification', 'regression'] },
        classNames: { anyOf: [{ type: 'null' }, { type: 'array', items: { type: 'string' } }] },
      },
    },
    network: {
      type: 'object',
      required: ['inputSize', 'outputSize', 'loss', 'layers'],
      properties: {
        inputSize: { type: 'integer', minimum: 1 },
        outputSize: { type: 'integer', minimum: 1 },
        loss: { enum: ['mse', 'binary_crossentropy', 'categorical_crossentropy'] },
        layers: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            required: ['inputSize', 'units', 'activation', 'paramMode', 'weights', 'bias', 'params'],
            properties: {
              inputSize: { type: 'integer', minimum: 1 },
              units: { type: 'integer', minimum: 1 },
              activation: { type: ['string', 'null'], description: 'activation key (elu:alpha=0.5, or an expression); null: linear' },
              paramMode: { enum: ['fixed', 'shared', 'per-unit'] },
              weights: { ...numbers, description: 'W, inputSize×units, row-major' },
              bias: numbers,
              params: { anyOf: [numbers, { type: 'array', items: numbers }], description: 'activation parameters: one per parameter, or per unit' },
            },
          },
        },
      },
    },
    notes: { type: 'object' },
  },
} as const;
