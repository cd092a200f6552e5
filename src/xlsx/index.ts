/** The .xlsx writer and reader (pure: Node and the task pane). */
export { writeXlsx, META_NAME, META_PROPERTY_PREFIX, type WriteOptions } from './write';
export { readXlsx, readXlsxFile, readGrids, READ_LIMITS, type ReadResult, type ReadOptions, type CellValue } from './read';
export { ZIP_LIMITS, type InflateRaw, type DeflateRaw } from './zip';
