/** The SheetPlan: its contract, its compiler, and the address helpers renderers share. */
export * from './types';
export * from './a1';
export * from './compile';
export * from './evaluate';
export * from './stored-totals';
export { SHEET_NAMES, META_SHEET_NAME, META_NAME, META_PROPERTY_PREFIX, reportTitle } from './texts';
