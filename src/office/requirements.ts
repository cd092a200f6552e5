/**
 * What this Excel can do. The floor is ExcelApi 1.9 (setCellProperties, screen-updating
 * suspension, WorksheetCollection.onChanged; all older needs — protection, data validation,
 * conditional formats, enableEvents, createWorkbook — are below it). The adapter uses nothing
 * above 1.9; a feature above it would be used only after isSetSupported (see docs/office-adapter.md).
 */
import type { HostCapabilities } from '../host/types';
import type { XlOffice } from './excel-api';
import { OFFICE_TEXT, REQUIREMENT_NAMES } from './messages.zh-CN';

export const EXCEL_API_FLOOR = '1.9';
/** Versions probed to report the highest supported one (newest first). */
const PROBED = ['1.20', '1.19', '1.18', '1.17', '1.16', '1.15', '1.14', '1.13', '1.12', '1.11', '1.10', '1.9', '1.8', '1.7', '1.6', '1.5', '1.4', '1.3', '1.2', '1.1'];

function supported(office: XlOffice, name: string, version?: string): boolean {
  try {
    return office.context.requirements.isSetSupported(name, version);
  } catch {
    return false;
  }
}

export function detectCapabilities(office: XlOffice): HostCapabilities {
  const excelApi = PROBED.find((v) => supported(office, 'ExcelApi', v)) ?? null;
  const missing: string[] = [];
  if (!supported(office, 'ExcelApi', EXCEL_API_FLOOR))
    missing.push(OFFICE_TEXT.missingSet(`ExcelApi ${EXCEL_API_FLOOR}`, REQUIREMENT_NAMES[`ExcelApi ${EXCEL_API_FLOOR}`]));
  const currentFile = supported(office, 'CompressedFile');
  return { excelApi, missing, currentFile };
}

export function meetsFloor(caps: HostCapabilities): boolean {
  return caps.missing.length === 0;
}
