/** Findings grouped by table, each a button that selects its cell (the live check's view). */
import { Button, Checkbox, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { formatCheckTime } from '../../app/export-plan';
import type { Finding } from '../../app/findings';
import { APP_TEXT } from '../strings.zh-CN';
import { usePaneState, useServices } from '../services';
import { LastYearPicker } from './LastYearPicker';

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
});

function kindOf(f: Finding): 'error' | 'warning' | 'undecided' {
  return f.kind === 'undecided' ? 'undecided' : f.severity;
}

export function ChecksPanel() {
  const { controller } = useServices();
  const { phase, groups, summary, checkedAt, textErrors, includeUndecided } = usePaneState();
  const styles = useStyles();
  const t = APP_TEXT.checks;
  if (phase === 'empty') return <p>{t.empty}</p>;
  const failing = summary.errors + summary.warnings + textErrors;
  return (
    <section aria-labelledby="checks-heading">
      <h2 id="checks-heading">{t.heading}</h2>
      {checkedAt && <p className={styles.meta}>{t.checkedAt(formatCheckTime(checkedAt))}</p>}
      <p className={styles.meta} aria-live="polite">
        {t.summary(summary.errors + textErrors, summary.warnings, summary.undecided, summary.passed)}
      </p>
      {failing === 0 && (
        <p className={styles.ok}>{summary.undecided ? t.allPassUndecided(summary.undecided) : t.allPass}</p>
      )}
      <Checkbox
        label={t.showUndecided}
        checked={includeUndecided}
        onChange={(_, d) => controller.setIncludeUndecided(d.checked === true)}
      />
      {groups.map((g) => (
        <section key={g.table} aria-labelledby={`checks-${g.table}`}>
          <h3 id={`checks-${g.table}`}>
            {g.name}（{g.findings.length}）
          </h3>
          <ul className={styles.list} aria-label={t.listLabel(g.name)}>
            {g.findings.map((f) => {
              const kind = kindOf(f);
              return (
                <li key={f.key} className={styles[kind]}>
                  <Button
                    appearance="subtle"
                    className={styles.finding}
                    title={t.selectHint(f.targetPlace)}
                    onClick={() => void controller.select(f.target)}
                  >
                    <span>
                      <span className={mergeClasses(styles.tag, kind === 'error' ? styles.tagError : kind === 'warning' ? styles.tagWarning : styles.tagUndecided)}>
                        {t.severity[kind]}
                      </span>
                      {f.message}
                    </span>
                  </Button>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
      <LastYearPicker />
    </section>
  );
}
