/**
 * Composition root: the only place that builds adapters. Waits for Office.onReady (a few
 * seconds at most); inside Excel it builds the Excel host (src/office), otherwise — no Office,
 * `{ host: null }`, or no answer — the standalone host and page, which keeps the report in the
 * browser's localStorage. Each is loaded on demand, so neither is in the first download.
 * Then renders the pane.
 */
import { createRoot } from 'react-dom/client';
import { FluentProvider } from '@fluentui/react-components';
import { formatIdForYear } from '../core/formats';
import { blankReport } from '../core/report';
import { compileSheetPlan } from '../core/sheetplan/compile';
import type { ReportHost } from '../host/types';
import { PaneController, type PaneDeps } from '../app/controller';
import type { StandaloneHost } from '../standalone/host';
import { App } from './App';
import { browserClipboard, browserDownload, browserStorage } from './browser';
import { themeFor, type OfficeThemeColours } from './theme';
import { features } from './features';
import { APP_TEXT } from './strings.zh-CN';
import type { Services } from './services';

/** How long to wait for Office.onReady before showing the standalone page. */
export const OFFICE_TIMEOUT_MS = 4000;

interface OfficeInfo {
  host: string | null;
}

function waitForOffice(timeoutMs: number): Promise<OfficeInfo | null> {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office?.onReady) return Promise.resolve(null);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), timeoutMs);
    office
      .onReady()
      .then((info) => {
        clearTimeout(timer);
        resolve({ host: info?.host ? String(info.host) : null });
      })
      .catch(() => {
        clearTimeout(timer);
        resolve(null);
      });
  });
}

async function buildExcelHost(): Promise<ReportHost> {
  // Loaded only inside Excel: the standalone page never downloads the adapter.
  const office = await import(/* webpackChunkName: "office" */ '../office');
  return office.createExcelHost();
}

type StandaloneModule = typeof import('../standalone');

/** Loaded only outside Excel: the add-in never downloads the page, its grids or the keeping. */
function loadStandalone(): Promise<StandaloneModule> {
  return import(/* webpackChunkName: "standalone" */ '../standalone');
}

/** The page's host: the report kept in this browser, or a blank one for last year. */
function buildStandaloneHost(page: StandaloneModule, clock: () => Date): StandaloneHost {
  const year = clock().getFullYear() - 1;
  const formatId = formatIdForYear(year);
  return page.createStandaloneHost({
    plan: compileSheetPlan(formatId, { report: blankReport(formatId, year), year, agency: null }),
    download: browserDownload,
    storage: browserStorage(),
    clock,
  });
}

async function main() {
  const clock = () => new Date();
  const office = await waitForOffice(OFFICE_TIMEOUT_MS);
  const inExcel = office?.host === 'Excel' || office?.host === 'EXCEL';
  const root = createRoot(document.getElementById('root')!);
  let host: ReportHost;
  let page: StandaloneModule | null = null;
  let standalone: StandaloneHost | null = null;
  let startupError: unknown = null;
  try {
    if (inExcel) host = await buildExcelHost();
    else host = standalone = buildStandaloneHost((page = await loadStandalone()), clock);
  } catch (e) {
    // The Excel adapter failed to start: say so (in Chinese, in the pane) and still offer the standalone page.
    startupError = e;
    page ??= await loadStandalone();
    host = standalone = buildStandaloneHost(page, clock);
  }
  const deps: PaneDeps = { host, clock, compilePlan: compileSheetPlan, ...features };
  const controller = new PaneController(deps);
  if (startupError) controller.showError(startupError, APP_TEXT.doing.connect);
  const services: Services = { host, controller, clock, clipboard: browserClipboard };
  const theme = themeFor(inExcel ? (Office.context?.officeTheme as OfficeThemeColours | undefined) : null);
  root.render(
    <FluentProvider theme={theme} style={{ minHeight: '100vh' }}>
      <App services={services}>{page && standalone ? <page.StandalonePage host={standalone} /> : undefined}</App>
    </FluentProvider>,
  );
}

void main();
