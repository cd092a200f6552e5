/** The published report (Word and web page): one DocumentPlan, drawn by renderers outside the core. */
export * from './types';
export { planDocument, titleText, toRuns, type PublishOptions } from './plan';
export { tableFromSheet } from './tables';
