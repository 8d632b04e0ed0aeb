export const SAMPLES: Readonly<Record<string, ReadonlyArray<readonly [number, number]>>> = {};
