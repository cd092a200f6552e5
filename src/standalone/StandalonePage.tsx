/** The page outside Office: the three tables as editable grids, the pane beside them. */
import { makeStyles, tokens } from '@fluentui/react-components';
import { Pane } from '../taskpane/components/Pane';
import { APP_TEXT } from '../taskpane/strings.zh-CN';
import type { StandaloneHost } from './host';
import { ReportGrids } from './ReportGrids';

const useStyles = makeStyles({
  page: {
    display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 400px', height: '100vh', boxSizing: 'border-box',
    '@media (max-width: 900px)': { gridTemplateColumns: '1fr', height: 'auto' },
  },
  main: { overflow: 'auto', minWidth: 0, background: tokens.colorNeutralBackground2 },
  side: {
    overflowY: 'auto', borderLeft: `1px solid ${tokens.colorNeutralStroke2}`, background: tokens.colorNeutralBackground1,
  },
});

export function StandalonePage({ host }: { host: StandaloneHost }) {
  const styles = useStyles();
  return (
    <div className={styles.page}>
      <main className={styles.main} aria-label={APP_TEXT.grids.region}>
        <ReportGrids host={host} />
      </main>
      <div className={styles.side}>
        <Pane landmark="aside" />
      </div>
    </div>
  );
}
