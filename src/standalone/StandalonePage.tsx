/**
 * The page outside Office: the pane and the three tables as editable grids. The pane comes first
 * in the document: at narrow widths (a phone, 360 px) its controls sit above the 3,800 px of
 * grids; on wide screens the grid places it on the right.
 */
import { useEffect, useSyncExternalStore } from 'react';
import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { Pane } from '../taskpane/components/Pane';
import { APP_TEXT, PAGE_TEXT } from '../taskpane/strings.zh-CN';
import type { StandaloneHost } from './host';
import { askBeforeLeaving } from './leave';
import { ReportGrids } from './ReportGrids';

const NARROW = '@media (max-width: 900px)';

const useStyles = makeStyles({
  page: {
    display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 400px', gridTemplateAreas: '"grids side"',
    height: '100vh', boxSizing: 'border-box',
    [NARROW]: { gridTemplateColumns: 'minmax(0, 1fr)', gridTemplateAreas: '"side" "grids"', height: 'auto' },
  },
  main: { gridArea: 'grids', overflow: 'auto', minWidth: 0, background: tokens.colorNeutralBackground2 },
  side: {
    gridArea: 'side', overflowY: 'auto', minWidth: 0, borderLeft: `1px solid ${tokens.colorNeutralStroke2}`, background: tokens.colorNeutralBackground1,
    [NARROW]: { overflowY: 'visible', borderLeft: 'none', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  },
  keepFailed: { margin: '12px 12px 0' },
});

export function StandalonePage({ host }: { host: StandaloneHost }) {
  const styles = useStyles();
  const { keepFailed } = useSyncExternalStore(host.subscribe, host.model, host.model);
  useEffect(() => askBeforeLeaving(window, host), [host]);
  return (
    <div className={styles.page}>
      <div className={styles.side}>
        <Pane landmark="aside" />
      </div>
      <main className={styles.main} aria-label={APP_TEXT.grids.region}>
        {keepFailed && (
          <MessageBar intent="warning" layout="multiline" className={styles.keepFailed}>
            <MessageBarBody>
              <MessageBarTitle>{PAGE_TEXT.keepFailed.title}</MessageBarTitle>
              {PAGE_TEXT.keepFailed.message}
            </MessageBarBody>
          </MessageBar>
        )}
        <ReportGrids host={host} />
      </main>
    </div>
  );
}
