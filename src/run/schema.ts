/**
 * JSON Schema (draft 2020-12) of saved models, version 2 (`SavedModelJson`), with the run spec it carries;
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
      anyOf: [
        { type: 'null' },
        {
          type: 'object',
          required: ['version', 'backend', 'data', 'model', 'train'],
          properties: {
            version: { const: 1 },
            backend: { enum: ['js', 'wasm'], description: 'the engine backend that trained the model' },
            data: {
              type: 'object',
              required: ['name'],
              description: 'a built-in set by name, or CSV data described by path, rows and SHA-256 (never their text)',
              properties: {
                name: { type: 'string' },
                csv: { type: 'object', required: ['target'], properties: { target: { type: 'string' }, path: { type: 'string' }, rows: { type: 'integer' }, sha256: { type: 'string' } } },
              },
            },
            model: {
              type: 'object',
              required: ['hidden', 'activation'],
              properties: {
                hidden: { type: 'array', items: { type: 'integer', minimum: 1 } },
                activation: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
                weightScale: { type: 'number', description: 'factor on every initial weight (default 1)' },
                biasInit: { type: 'number', description: 'initial value of every hidden bias (default 0)' },
              },
            },
            train: { type: 'object', required: ['epochs', 'lr', 'batch', 'optimizer', 'seed'] },
          },
        },
      ],
    },
    inputs: {
      type: 'object',
      required: ['names', 'standardizer'],
      properties: {
        names: { type: 'array', items: { type: 'string' }, description: 'CSV column of each network input' },
        standardizer: { type: 'object', required: ['mean', 'std'], properties: { mean: numbers, std: numbers } },
        columns: {
          type: 'array',
          description: 'how raw CSV columns become the inputs (numeric, or one-hot categories); absent: every input is the numeric column of that name',
          items: { type: 'object', required: ['name', 'kind'], properties: { name: { type: 'string' }, kind: { enum: ['numeric', 'categorical'] } } },
        },
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
