/**
 * Composition root: the only place that builds adapters. Waits for Office.onReady (a few
 * seconds at most, startup.ts); inside Excel it builds the Excel host (src/office), otherwise — no
 * Office, `{ host: null }`, or no answer yet — the standalone host and page (and when a slow
 * Office answers Excel later, the add-in replaces the page), which keeps the report in the
 * browser's localStorage. Each is loaded on demand, so neither is in the first download.
 * Then renders the pane.
 */
import { createRoot, type Root } from 'react-dom/client';
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
import { OFFICE_TIMEOUT_MS, startPane, watchOffice, type OfficeGlobal } from './startup';

/** The Excel host; its notices (e.g. the export saved as a download) reach the pane through `notify`. */
async function buildExcelHost(notify: (message: string) => void): Promise<ReportHost> {
  // Loaded only inside Excel: the standalone page never downloads the adapter.
  const office = await import(/* webpackChunkName: "office" */ '../office');
  return office.createExcelHost({ download: browserDownload, onNotice: notify });
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

function mount(root: Root, host: ReportHost, clock: () => Date, options: { inExcel: boolean; page?: StandaloneView; startupError?: unknown }) {
  const deps: PaneDeps = { host, clock, compilePlan: compileSheetPlan, ...features };
  const controller = new PaneController(deps);
  if (options.startupError) controller.showError(options.startupError, APP_TEXT.doing.connect);
  lateNotice = (message) => controller.notify({ intent: 'info', title: APP_TEXT.appName, message });
  const services: Services = { host, controller, clock, clipboard: browserClipboard };
  const theme = themeFor(options.inExcel ? (Office.context?.officeTheme as OfficeThemeColours | undefined) : null);
  root.render(
    <FluentProvider theme={theme} style={{ minHeight: '100vh' }}>
      <App key={options.inExcel ? 'excel' : 'page'} services={services}>
        {options.page ? <options.page.module.StandalonePage host={options.page.host} /> : undefined}
      </App>
    </FluentProvider>,
  );
}

interface StandaloneView {
  module: StandaloneModule;
  host: StandaloneHost;
}

/** Where the Excel host's notices go: the controller of the pane on screen (built after the host). */
let lateNotice: ((message: string) => void) | null = null;

async function main() {
  const clock = () => new Date();
  const root = createRoot(document.getElementById('root')!);
  let page: StandaloneView | null = null;
  await startPane(watchOffice((globalThis as { Office?: OfficeGlobal }).Office, OFFICE_TIMEOUT_MS), {
    async showAddIn() {
      const host = await buildExcelHost((message) => lateNotice?.(message));
      mount(root, host, clock, { inExcel: true });
    },
    async showPage(startupError?: unknown) {
      if (!page) {
        const module = await loadStandalone();
        page = { module, host: buildStandaloneHost(module, clock) };
      }
      mount(root, page.host, clock, { inExcel: false, page, startupError });
    },
  });
}

void main();
