/**
 * The task pane: title, report identity, toolbar (重新检查, 新建, 打开工作簿, 载入示例数据), messages,
 * and the panels behind tabs. Only the checks panel is in the first download: the others load
 * when their tab is first opened (and stay mounted after, so a paste is not lost on a tab change).
 */
import { Suspense, lazy, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Button, Spinner, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { APP_TEXT } from '../strings.zh-CN';
import { usePaneState, useServices } from '../services';
import { RequirementBar, StatusBars } from './Bars';
import { ChecksPanel } from './ChecksPanel';
import { readBytes } from './file-bytes';

const ImportPanel = lazy(() => import(/* webpackChunkName: "panel-import" */ './ImportPanel').then((m) => ({ default: m.ImportPanel })));
const SummaryPanel = lazy(() => import(/* webpackChunkName: "panel-summary" */ './SummaryPanel').then((m) => ({ default: m.SummaryPanel })));
const ExportPanel = lazy(() => import(/* webpackChunkName: "panel-export" */ './ExportPanel').then((m) => ({ default: m.ExportPanel })));
const SetupPanel = lazy(() => import(/* webpackChunkName: "panel-setup" */ './SetupPanel').then((m) => ({ default: m.SetupPanel })));
const ConfirmDialog = lazy(() => import(/* webpackChunkName: "dialogs" */ './ConfirmDialog').then((m) => ({ default: m.ConfirmDialog })));
const NewReportDialog = lazy(() => import(/* webpackChunkName: "dialogs" */ './NewReportDialog').then((m) => ({ default: m.NewReportDialog })));

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
  tabs: { display: 'flex', flexWrap: 'wrap', gap: '2px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  tab: {
    border: 'none', background: 'transparent', cursor: 'pointer', fontFamily: 'inherit', fontSize: tokens.fontSizeBase300,
    padding: '6px 10px', color: tokens.colorNeutralForeground2, borderBottomWidth: '3px', borderBottomStyle: 'solid',
    borderBottomColor: 'transparent', ':hover': { color: tokens.colorNeutralForeground1 },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  tabSelected: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold, borderBottomColor: tokens.colorCompoundBrandStroke },
  hidden: { display: 'none' },
});

/**
 * The panel tabs as a plain WAI-ARIA tab list (arrows, Home and End move; the selected tab is the one
 * Tab stop). Fluent's TabList would add some 6 KB to the pane's first download.
 */
function PaneTabs({ selected, onSelect }: { selected: TabId; onSelect: (id: TabId) => void }) {
  const styles = useStyles();
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (e: KeyboardEvent, index: number) => {
    const last = TABS.length - 1;
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: last }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const to = (next + TABS.length) % TABS.length;
    onSelect(TABS[to]);
    buttons.current[to]?.focus();
  };
  return (
    <div role="tablist" aria-label={APP_TEXT.tabs.label} className={styles.tabs}>
      {TABS.map((id, i) => (
        <button
          key={id}
          ref={(el) => {
            buttons.current[i] = el;
          }}
          type="button"
          role="tab"
          id={`tab-${id}`}
          aria-controls={`panel-${id}`}
          aria-selected={selected === id}
          tabIndex={selected === id ? 0 : -1}
          className={mergeClasses(styles.tab, selected === id && styles.tabSelected)}
          onClick={() => onSelect(id)}
          onKeyDown={(e) => onKeyDown(e, i)}
        >
          {APP_TEXT.tabs[id]}
        </button>
      ))}
    </div>
  );
}

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Spinner size="tiny" label={APP_TEXT.loading} />}>{children}</Suspense>;
}

export function Pane({ landmark = 'main' }: { landmark?: 'main' | 'aside' }) {
  const { controller, host } = useServices();
  const { phase, report, busy, confirm } = usePaneState();
  const styles = useStyles();
  const [tab, setTab] = useState<TabId>('checks');
  const [visited, setVisited] = useState<ReadonlySet<TabId>>(() => new Set(['checks']));
  const [newOpen, setNewOpen] = useState(false);
  const [dialogsWanted, setDialogsWanted] = useState(false);
  useEffect(() => {
    if (confirm || newOpen) setDialogsWanted(true);
  }, [confirm, newOpen]);
  const openInput = useRef<HTMLInputElement>(null);
  const show = (id: TabId) => {
    setTab(id);
    setVisited((v) => (v.has(id) ? v : new Set([...v, id])));
  };
  const onOpenFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      await controller.openWorkbook({ name: file.name, bytes: await readBytes(file) });
    } catch (e) {
      controller.showError(e, APP_TEXT.doing.open);
    }
    if (openInput.current) openInput.current.value = ''; // the same file can be opened again
  };
  // A workbook without report sheets opens on the 「表格」 tab, where they are generated.
  useEffect(() => {
    if (phase === 'empty') show('setup');
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
        <Button size="small" disabled={!!busy} onClick={() => setNewOpen(true)}>
          {APP_TEXT.newReport.button}
        </Button>
        {controller.openAvailable() && (
          <Button size="small" disabled={!!busy} onClick={() => openInput.current?.click()}>
            {APP_TEXT.opened.button}
          </Button>
        )}
        {host.kind === 'standalone' && (
          <Button size="small" disabled={!!busy} onClick={() => void controller.loadSample()}>
            {APP_TEXT.header.loadSample}
          </Button>
        )}
        <input
          ref={openInput}
          className={styles.hidden}
          type="file"
          accept=".xlsx,.json,.txt,.html,.htm"
          aria-label={APP_TEXT.opened.button}
          data-testid="open-workbook-file"
          onChange={(e) => void onOpenFile(e.target.files?.[0])}
        />
      </div>
      {/* Loaded when first needed, then kept mounted: the dialogs close through their `open`. */}
      {(dialogsWanted || confirm || newOpen) && (
        <Suspense fallback={null}>
          <ConfirmDialog />
          <NewReportDialog open={newOpen} onClose={() => setNewOpen(false)} />
        </Suspense>
      )}
      <RequirementBar />
      <StatusBars />
      <PaneTabs selected={tab} onSelect={show} />
      <div {...panel('checks')}>
        <ChecksPanel />
      </div>
      <div {...panel('import')}>{visited.has('import') && <Lazy><ImportPanel /></Lazy>}</div>
      <div {...panel('summary')}>{tab === 'summary' && <Lazy><SummaryPanel /></Lazy>}</div>
      <div {...panel('export')}>{visited.has('export') && <Lazy><ExportPanel /></Lazy>}</div>
      <div {...panel('setup')}>{visited.has('setup') && <Lazy><SetupPanel /></Lazy>}</div>
    </Landmark>
  );
}
