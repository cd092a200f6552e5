/**
 * Compile-time proof that the real Office.js objects (@types/office-js) satisfy the small
 * interfaces the adapter is written against (excel-api.ts). Nothing here runs: the functions
 * are never called; `tsc -p tsconfig.json` fails if an interface drifts from Office.js.
 */
import type { XlContext, XlExcel, XlOffice } from './excel-api';

export function excelConforms(excel: typeof Excel): XlExcel {
  return excel;
}

export function contextConforms(context: Excel.RequestContext): XlContext {
  return context;
}

export function officeConforms(office: typeof Office): XlOffice {
  return office;
}
