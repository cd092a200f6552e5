/** Renders the pane (and the standalone grids) with real core code and an in-memory host. */
import { configure, render } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { compileSheetPlan } from '../../src/core';
import type { ReportHost } from '../../src/host/types';
import { PaneController, type PaneDeps } from '../../src/app/controller';
import { createStandaloneHost, type StandaloneHost } from '../../src/standalone/host';
import { StandalonePage } from '../../src/standalone/StandalonePage';
import { App } from '../../src/taskpane/App';
import type { Services } from '../../src/taskpane/services';

// The pane re-reads and re-checks before it opens a dialog, and loads panels lazily: on a loaded
// 2-core CI machine that can take longer than testing-library's default second.
configure({ asyncUtilTimeout: 10_000 });

// jsdom has no layout, hence no ResizeObserver (Fluent's TabList uses it to measure): a no-op stand-in.
if (typeof window !== 'undefined' && !('ResizeObserver' in window)) {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}

// jsdom has no TextDecoder either (every browser and webview the pane supports has one).
if (typeof globalThis.TextDecoder === 'undefined')
  (globalThis as unknown as { TextDecoder: unknown }).TextDecoder = require('node:util').TextDecoder;

export const CLOCK = new Date(2026, 10, 29, 13, 5, 9);

export function standaloneHost(downloads: { fileName: string; bytes: Uint8Array }[] = []): StandaloneHost {
  return createStandaloneHost({
    plan: compileSheetPlan('2021', { year: 2025, agency: null }),
    download: (t) => downloads.push(t),
    debounceMs: 0,
  });
}

export function renderPane(host: ReportHost, deps: Partial<PaneDeps> = {}, clipboard = { writeText: jest.fn(async () => {}) }) {
  const controller = new PaneController({ host, clock: () => CLOCK, compilePlan: compileSheetPlan, ...deps });
  const services: Services = { host, controller, clock: () => CLOCK, clipboard };
  const page = host.kind === 'standalone' ? <StandalonePage host={host as StandaloneHost} /> : undefined;
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <App services={services}>{page}</App>
    </FluentProvider>,
  );
  return { ...view, controller, clipboard };
}
