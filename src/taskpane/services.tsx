/**
 * What components use from the outside world, handed down by context: the host (Excel or the
 * standalone grids), the controller over it, a clock and the clipboard. Built only in the
 * composition root (index.tsx) or in tests.
 */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { ReportHost } from '../host/types';
import type { PaneController, PaneState } from '../app/controller';

export interface ClipboardService {
  writeText(text: string): Promise<void>;
}

export interface Services {
  host: ReportHost;
  controller: PaneController;
  clock: () => Date;
  clipboard: ClipboardService;
}

export const ServicesContext = createContext<Services | null>(null);

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('ServicesContext is missing: render inside <App>.');
  return services;
}

export function usePaneState(): PaneState {
  const { controller } = useServices();
  return useSyncExternalStore(controller.subscribe, controller.getState, controller.getState);
}
