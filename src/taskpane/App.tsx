/**
 * The pane with its services. In Excel it is the whole task pane; on the standalone page it
 * sits beside the grids (StandalonePage). The controller starts listening when mounted.
 */
import { useEffect, type ReactNode } from 'react';
import { ServicesContext, type Services } from './services';
import { Pane } from './components/Pane';

export function App({ services, children }: { services: Services; children?: ReactNode }) {
  useEffect(() => {
    void services.controller.start();
    return () => services.controller.stop();
  }, [services.controller]);
  return (
    <ServicesContext.Provider value={services}>
      {children ?? <Pane landmark="main" />}
    </ServicesContext.Provider>
  );
}
