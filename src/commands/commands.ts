/**
 * The ribbon's function file (manifest <FunctionFile>). The one button opens the task pane
 * (ShowTaskpane action, no code needed); Office still loads this page, so it must initialise
 * office.js and answer quickly.
 */
const office = (globalThis as { Office?: { onReady(callback?: () => void): Promise<unknown> } }).Office;
void office?.onReady();

export {};
