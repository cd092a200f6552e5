/** The task pane: title, report identity, messages, and the panels behind tabs. */
import { useEffect, useState } from 'react';
import { Button, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { APP_TEXT } from '../strings.zh-CN';
import { usePaneState, useServices } from '../services';
import { RequirementBar, StatusBars } from './Bars';
import { ChecksPanel } from './ChecksPanel';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import { SetupPanel } from './SetupPanel';
import { SummaryPanel } from './SummaryPanel';

const TABS = ['checks', 'import', 'summary', 'export', 'setup'] as const;
type TabId = (typeof TABS)[number];

const useStyles = makeStyles({
  pane: {
    display: 'flex', flexDirection: 'column', gap: '8px', padding: '12px', boxSizing: 'border-box', minWidth: 0,
    fontSize: tokens.fontSizeBase300, '& h2': { fontSize: tokens.fontSizeBase400, margin: '8px 0 4px' },
    '& h3': { fontSize: tokens.fontSizeBase300, margin: '12px 0 4px' }, '& h4': { fontSize: tokens.fontSizeBase300, margin: '8px 0 4px' },
  },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  identity: { margin: '2px 0', color: tokens.colorNeutralForeground2 },
  note: { margin: '2px 0', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  toolbar: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
  tabs: { flexWrap: 'wrap' },
});

export function Pane({ landmark = 'main' }: { landmark?: 'main' | 'aside' }) {
  const { controller, host } = useServices();
  const { phase, report, busy } = usePaneState();
  const styles = useStyles();
  const [tab, setTab] = useState<TabId>('checks');
  // A workbook without report sheets opens on the 「表格」 tab, where they are generated.
  useEffect(() => {
    if (phase === 'empty') setTab('setup');
  }, [phase]);
  const Landmark = landmark;
  const panel = (id: TabId) => ({ id: `panel-${id}`, role: 'tabpanel', 'aria-labelledby': `tab-${id}`, hidden: tab !== id });
  return (
    <Landmark className={styles.pane} aria-label={landmark === 'aside' ? APP_TEXT.appName : undefined}>
      <header>
        <h1 className={styles.title}>{APP_TEXT.appName}</h1>
        {report && <p className={styles.identity}>{APP_TEXT.header.identity(report.year, report.agency, report.format)}</p>}
        <p className={styles.note}>{host.kind === 'standalone' ? APP_TEXT.header.standaloneNote : APP_TEXT.header.excelNote}</p>
      </header>
      <div className={styles.toolbar} role="toolbar" aria-label={APP_TEXT.appName}>
        <Button size="small" disabled={!!busy || phase !== 'ready'} onClick={() => void controller.refresh()}>
          {APP_TEXT.header.recheck}
        </Button>
        {host.kind === 'standalone' && (
          <Button size="small" disabled={!!busy} onClick={() => void controller.loadSample()}>
            {APP_TEXT.header.loadSample}
          </Button>
        )}
      </div>
      <RequirementBar />
      <StatusBars />
      <TabList
        className={styles.tabs}
        aria-label={APP_TEXT.tabs.label}
        selectedValue={tab}
        onTabSelect={(_, d) => setTab(d.value as TabId)}
        size="small"
      >
        {TABS.map((id) => (
          <Tab key={id} id={`tab-${id}`} value={id} aria-controls={`panel-${id}`}>
            {APP_TEXT.tabs[id]}
          </Tab>
        ))}
      </TabList>
      <div {...panel('checks')}>
        <ChecksPanel />
      </div>
      <div {...panel('import')}>
        <ImportPanel />
      </div>
      <div {...panel('summary')}>{tab === 'summary' && <SummaryPanel />}</div>
      <div {...panel('export')}>
        <ExportPanel />
      </div>
      <div {...panel('setup')}>
        <SetupPanel />
      </div>
    </Landmark>
  );
}
