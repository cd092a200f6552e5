/** Findings grouped by table, each a button that selects its cell (the live check's view). */
import { Suspense, lazy } from 'react';
import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { CheckSummary } from '../../core/check';
import { verdictCounts } from '../../app/controller';
import { blankVerdictMessage } from '../../core/messages/zh-CN';
import { blankCellsText } from '../../core/blank-cells';
import type { FormatId } from '../../core/formats';
import { formatCheckTime } from '../../app/export-plan';
import type { Finding } from '../../app/findings';
import { APP_TEXT } from '../strings.zh-CN';
import { usePaneState, useServices } from '../services';

// Loaded after the first check is shown: 「上年报告」 is a later step, kept out of the first download.
const LastYearPicker = lazy(() => import(/* webpackChunkName: "last-year" */ './LastYearPicker').then((m) => ({ default: m.LastYearPicker })));

const useStyles = makeStyles({
  list: { listStyleType: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: '4px' },
  finding: { width: '100%', justifyContent: 'flex-start', textAlign: 'left', fontWeight: tokens.fontWeightRegular, height: 'auto', padding: '6px 8px' },
  // The colour bar sits on the list item, so the button's own hover/focus borders cannot hide it.
  error: { borderLeft: `4px solid ${tokens.colorPaletteRedBorder2}` },
  warning: { borderLeft: `4px solid ${tokens.colorPaletteDarkOrangeBorder2}` },
  undecided: { borderLeft: `4px solid ${tokens.colorNeutralStroke1}` },
  tag: { fontWeight: tokens.fontWeightSemibold, marginRight: '6px', whiteSpace: 'nowrap' },
  tagError: { color: tokens.colorPaletteRedForeground1 },
  tagWarning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  tagUndecided: { color: tokens.colorNeutralForeground3 },
  meta: { color: tokens.colorNeutralForeground3, margin: '2px 0' },
  ok: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  // A verdict with blanks is never green: warning colour, with the one action that settles it.
  verdict: { margin: '4px 0', padding: '6px 8px', fontWeight: tokens.fontWeightSemibold, borderRadius: tokens.borderRadiusMedium },
  verdictError: { color: tokens.colorPaletteRedForeground1, backgroundColor: tokens.colorPaletteRedBackground1 },
  verdictWarning: { color: tokens.colorPaletteDarkOrangeForeground1, backgroundColor: tokens.colorPaletteYellowBackground1 },
  blanks: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: '2px', margin: '4px 0' },
  toggle: { display: 'flex', alignItems: 'center', gap: '6px', margin: '4px 0', cursor: 'pointer', '& input': { width: '16px', height: '16px', margin: 0, accentColor: tokens.colorBrandBackground } },
  folded: { '& > summary': { cursor: 'pointer', color: tokens.colorNeutralForeground2, padding: '4px 0' } },
});

function kindOf(f: Finding): 'error' | 'warning' | 'undecided' {
  return f.kind === 'undecided' ? 'undecided' : f.severity;
}

/**
 * The headline: errors in red; blanks (undecided rules) in a warning colour; green only when everything passed.
 * `summary` counts every finding: rules, text in number cells and totals typed over in the sheet.
 */
function Verdict({ summary, blankCells, format }: { summary: CheckSummary; blankCells: string[]; format: FormatId }) {
  const { controller } = useServices();
  const { busy } = usePaneState();
  const styles = useStyles();
  const t = APP_TEXT.checks;
  const errors = summary.errors;
  return (
    <>
      {errors > 0 && <p className={mergeClasses(styles.verdict, styles.verdictError)} role="status">{t.errorsFound(errors)}</p>}
      {summary.undecided > 0 && (
        <p className={mergeClasses(styles.verdict, styles.verdictWarning)} role="status" data-testid="verdict-blanks">
          {blankVerdictMessage(blankCells.length, summary.undecided, blankCellsText(format, blankCells, 2))}
        </p>
      )}
      {blankCells.length > 0 && (
        <div className={styles.blanks}>
          <Button appearance="primary" disabled={!!busy} onClick={() => void controller.blanksAsZero()}>
            {APP_TEXT.blanksAsZero.button}
          </Button>
          <small className={styles.meta}>{t.blanksAsZeroHint}</small>
        </div>
      )}
      {errors === 0 && summary.undecided === 0 && (
        <p className={summary.warnings ? mergeClasses(styles.verdict, styles.verdictWarning) : styles.ok}>
          {summary.warnings ? t.warningsOnly(summary.warnings) : t.allPass}
        </p>
      )}
    </>
  );
}

function FindingItem({ finding }: { finding: Finding }) {
  const { controller } = useServices();
  const styles = useStyles();
  const t = APP_TEXT.checks;
  const kind = kindOf(finding);
  return (
    <li className={styles[kind]}>
      <Button appearance="subtle" className={styles.finding} title={t.selectHint(finding.targetPlace)} onClick={() => void controller.select(finding.target)}>
        <span>
          <span className={mergeClasses(styles.tag, kind === 'error' ? styles.tagError : kind === 'warning' ? styles.tagWarning : styles.tagUndecided)}>
            {t.severity[kind]}
          </span>
          {finding.message}
        </span>
      </Button>
    </li>
  );
}

export function ChecksPanel() {
  const { controller } = useServices();
  const state = usePaneState();
  const { phase, groups, checkedAt, includeUndecided, blankCells, report } = state;
  const counts = verdictCounts(state);
  const styles = useStyles();
  const t = APP_TEXT.checks;
  if (phase === 'empty') return <p>{t.empty}</p>;
  return (
    <section aria-labelledby="checks-heading">
      <h2 id="checks-heading">{t.heading}</h2>
      {checkedAt && <p className={styles.meta}>{t.checkedAt(formatCheckTime(checkedAt))}</p>}
      <p className={styles.meta} aria-live="polite">
        {t.summary(counts.errors, counts.warnings, counts.undecided, counts.passed)}
      </p>
      {report && <Verdict summary={counts} blankCells={blankCells} format={report.format} />}
      {/* A native checkbox: Fluent's would add its module to the pane's first download. */}
      <label className={styles.toggle}>
        <input type="checkbox" checked={includeUndecided} onChange={(e) => controller.setIncludeUndecided(e.target.checked)} />
        {t.showUndecided}
      </label>
      {groups.map((g) => {
        const acting = g.findings.filter((f) => f.kind !== 'undecided');
        const undecided = g.findings.filter((f) => f.kind === 'undecided');
        return (
          <section key={g.table} aria-labelledby={`checks-${g.table}`}>
            <h3 id={`checks-${g.table}`}>
              {g.name}（{g.findings.length}）
            </h3>
            {acting.length > 0 && (
              <ul className={styles.list} aria-label={t.listLabel(g.name)}>
                {acting.map((f) => <FindingItem key={f.key} finding={f} />)}
              </ul>
            )}
            {undecided.length > 0 && (
              // Many alike reminders fold into one line, so errors and warnings stay in sight.
              <details className={styles.folded}>
                <summary>{t.undecidedGroup(undecided.length)}</summary>
                <ul className={styles.list} aria-label={t.undecidedGroup(undecided.length)}>
                  {undecided.map((f) => <FindingItem key={f.key} finding={f} />)}
                </ul>
              </details>
            )}
          </section>
        );
      })}
      <Suspense fallback={null}>
        <LastYearPicker />
      </Suspense>
    </section>
  );
}
