// Spreadsheet import and export of the registry (a part of the registry module, registered by its index.ts).
export { importRoutes } from './import.routes.js';
export { exportRoutes } from './export.routes.js';
export { importJob } from './import.tables.js';
// The spreadsheet machinery other modules' imports reuse (trace's event import): reading the upload in the worker,
// finding a sheet by its header row, columns located by header (or an alias), cells parsed into row errors with
// their column and field, the template's styled header row, and yielding to the event loop between slices.
export { EXAMPLE_MARK, fold, isExampleMark, type Column } from './columns.js';
export { err as cellError, isExample, isoDate, locate as locateColumns, rowReader, text as cellText } from './parse-workbook.js';
export { sheetWithHeader, type SheetData } from './read-workbook.js';
export { dataSheet, FROZEN_HEADER } from './template.js';
export { importError, type ImportError } from './import.contract.js';
export { nextTurn } from './next-turn.js';
