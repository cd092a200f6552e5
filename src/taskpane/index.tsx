/**
 * Composition root: the only place that builds adapters. Waits for Office.onReady (a few
 * seconds at most); inside Excel it builds the Excel host (src/office), otherwise — no Office,
 * `{ host: null }`, or no answer — the standalone host and page. Then renders the pane.
 */
import { createRoot } from 'react-dom/client';
import { FluentProvider } from '@fluentui/react-components';
import { formatIdForYear } from '../core/formats';
import { blankReport } from '../core/report';
import { compileSheetPlan } from '../core/sheetplan/compile';
import type { ReportHost } from '../host/types';
import { PaneController, type PaneDeps } from '../app/controller';
import { createStandaloneHost, type StandaloneHost } from '../standalone/host';
import { StandalonePage } from '../standalone/StandalonePage';
import { App } from './App';
import { browserClipboard, browserDownload } from './browser';
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

function buildStandaloneHost(clock: () => Date): StandaloneHost {
  const year = clock().getFullYear() - 1;
  const formatId = formatIdForYear(year);
  return createStandaloneHost({
    plan: compileSheetPlan(formatId, { report: blankReport(formatId, year), year, agency: null }),
    download: browserDownload,
  });
}

async function main() {
  const clock = () => new Date();
  const office = await waitForOffice(OFFICE_TIMEOUT_MS);
  const inExcel = office?.host === 'Excel' || office?.host === 'EXCEL';
  const root = createRoot(document.getElementById('root')!);
  let host: ReportHost;
  let standalone: StandaloneHost | null = null;
  let startupError: unknown = null;
  try {
    host = inExcel ? await buildExcelHost() : (standalone = buildStandaloneHost(clock));
  } catch (e) {
    // The Excel adapter failed to start: say so (in Chinese, in the pane) and still offer the standalone page.
    startupError = e;
    host = standalone = buildStandaloneHost(clock);
  }
  const deps: PaneDeps = { host, clock, compilePlan: compileSheetPlan, ...features };
  const controller = new PaneController(deps);
  if (startupError) controller.showError(startupError, APP_TEXT.doing.connect);
  const services: Services = { host, controller, clock, clipboard: browserClipboard };
  const theme = themeFor(inExcel ? (Office.context?.officeTheme as OfficeThemeColours | undefined) : null);
  root.render(
    <FluentProvider theme={theme} style={{ minHeight: '100vh' }}>
      <App services={services}>{standalone ? <StandalonePage host={standalone} /> : undefined}</App>
    </FluentProvider>,
  );
}

void main();
