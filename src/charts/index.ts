export * from './theme.js';
export * from './functionPlot.js';
export * from './lineChart.js';
export * from './meanBand.js';
export * from './barChart.js';
export * from './boxPlot.js';
export * from './histogram.js';
export * from './decisionBoundary.js';
