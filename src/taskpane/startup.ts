/**
 * How the pane decides where it runs. Office.onReady may answer late (a slow Excel start, a
 * busy PC): after OFFICE_TIMEOUT_MS the page shows itself so nobody stares at a blank pane, but
 * it keeps listening, and when Office does arrive and says Excel, the pane becomes the add-in.
 */

/** How long to wait for Office.onReady before showing the standalone page. */
export const OFFICE_TIMEOUT_MS = 4000;

export interface OfficeInfo {
  host: string | null;
}

/** The part of office.js's `Office` global the start-up reads. */
export interface OfficeGlobal {
  onReady?: () => Promise<{ host?: unknown } | undefined>;
}

export interface OfficeWatch {
  /** Office's answer within the timeout, or null (no Office, no answer in time, or a failure). */
  inTime: Promise<OfficeInfo | null>;
  /** Office's answer whenever it comes; null when there is no Office or it failed. */
  eventually: Promise<OfficeInfo | null>;
}

export function isExcel(info: OfficeInfo | null): boolean {
  return info?.host === 'Excel' || info?.host === 'EXCEL';
}

export function watchOffice(
  office: OfficeGlobal | undefined,
  timeoutMs: number,
  timer: (fn: () => void, ms: number) => unknown = setTimeout,
): OfficeWatch {
  if (!office?.onReady) return { inTime: Promise.resolve(null), eventually: Promise.resolve(null) };
  const eventually: Promise<OfficeInfo | null> = office
    .onReady()
    .then((info) => ({ host: info?.host ? String(info.host) : null }))
    .catch(() => null);
  const inTime = new Promise<OfficeInfo | null>((resolve) => {
    timer(() => resolve(null), timeoutMs);
    void eventually.then(resolve);
  });
  return { inTime, eventually };
}

export interface StartSteps {
  /** Builds and shows the add-in (Excel host); throws when the adapter cannot start. */
  showAddIn(): Promise<void>;
  /** Builds and shows the standalone page; `startupError` is shown in its pane when given. */
  showPage(startupError?: unknown): Promise<void>;
}

/**
 * Shows the add-in when Office says Excel in time, else the page; a late Excel answer then
 * replaces the page by the add-in (what was typed on the page stays in the browser's keeping).
 * Resolves with where the pane ended up once the late answer, if any, has been handled.
 */
export async function startPane(watch: OfficeWatch, steps: StartSteps): Promise<'excel' | 'page'> {
  const first = await watch.inTime;
  if (isExcel(first)) return showAddInOrPage(steps);
  await steps.showPage();
  if (first !== null) return 'page'; // Office answered in time, and not Excel: no late switch
  const late = await watch.eventually;
  return isExcel(late) ? showAddInOrPage(steps) : 'page';
}

/** The add-in; when the Excel adapter fails to start, the page with the reason in its pane. */
async function showAddInOrPage(steps: StartSteps): Promise<'excel' | 'page'> {
  try {
    await steps.showAddIn();
    return 'excel';
  } catch (e) {
    await steps.showPage(e);
    return 'page';
  }
}
