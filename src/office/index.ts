/**
 * The Office adapter's entry (loaded by the composition root only inside Excel).
 * `createExcelHost()` with no argument uses the `Excel` and `Office` globals of office.js.
 */
import type { XlExcel, XlOffice } from './excel-api';
import { createExcelHost as createHost, type ExcelHost, type ExcelHostDeps } from './excel-host';

export type { ExcelHost, ExcelHostDeps };
export { OfficeHostError } from './errors';

export function createExcelHost(deps: Partial<ExcelHostDeps> = {}): ExcelHost {
  const g = globalThis as { Excel?: XlExcel; Office?: XlOffice };
  const Excel = deps.Excel ?? g.Excel;
  const Office = deps.Office ?? g.Office;
  if (!Excel || !Office) throw new Error('office.js 未加载：找不到 Excel / Office 对象');
  return createHost({ ...deps, Excel, Office });
}
