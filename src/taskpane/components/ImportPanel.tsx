/**
 * Import: paste text or HTML, see what was recognised and every issue, then write the numbers
 * into input cells (host.writeCells via the controller). Nothing is written before 「写入表格」.
 */
import { useRef, useState, type ClipboardEvent } from 'react';
import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Textarea, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { cellPlace } from '../../core/describe';
import * as zhCN from '../../core/messages/zh-CN';
import type { ImportIssueView, ImportPreview } from '../../app/controller';
import { groupRepeated } from '../../app/findings';
import { htmlToText } from '../../app/html-text';
import { APP_TEXT } from '../strings.zh-CN';
import { useServices } from '../services';

const useStyles = makeStyles({
  area: { minHeight: '160px', fontFamily: 'monospace' },
  buttons: { display: 'flex', gap: '8px', margin: '8px 0' },
  issues: { paddingLeft: '18px', margin: '4px 0' },
  error: { color: tokens.colorPaletteRedForeground1 },
  data: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, '& td, & th': { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: '2px 4px' } },
  scroll: { maxHeight: '240px', overflowY: 'auto' },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  lineLink: { minWidth: 0, padding: '0 4px', height: 'auto', fontWeight: tokens.fontWeightRegular, textDecoration: 'underline' },
  folded: { '& > summary': { cursor: 'pointer' } },
});

/** Start and end offsets of a 1-based line of the text (the end excludes the line break). */
export function lineRange(text: string, line: number): { start: number; end: number } | null {
  if (line < 1) return null;
  let start = 0;
  for (let n = 1; n < line; n++) {
    const next = text.indexOf('\n', start);
    if (next < 0) return null;
    start = next + 1;
  }
  const end = text.indexOf('\n', start);
  return { start, end: end < 0 ? text.length : end };
}

/** Selects a line of the pasted text and scrolls the box to it, so the user sees what an issue means. */
function showLine(area: HTMLTextAreaElement | null, text: string, line: number) {
  const range = area && lineRange(text, line);
  if (!area || !range) return;
  area.focus();
  area.setSelectionRange(range.start, range.end);
  const lineHeight = parseFloat(getComputedStyle(area).lineHeight) || 20;
  area.scrollTop = Math.max(0, (line - 3) * lineHeight);
  area.scrollIntoView?.({ block: 'nearest' });
}

export function ImportPanel() {
  const { controller } = useServices();
  const styles = useStyles();
  const t = APP_TEXT.import;
  const [text, setText] = useState('');
  /** The pasted HTML, when the paste had it and the text was not edited since. */
  const [html, setHtml] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [hint, setHint] = useState<string | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);

  const onPaste = (e: ClipboardEvent<HTMLTextAreaElement>) => {
    const pastedHtml = e.clipboardData.getData('text/html');
    if (!pastedHtml) return; // plain text: the textarea's own paste
    // The importer reads the HTML itself (merged cells keep values in place); the box shows its text.
    const shown = e.clipboardData.getData('text/plain') || htmlToText(pastedHtml);
    e.preventDefault();
    setText(shown);
    setHtml(pastedHtml);
    setPreview(null);
    setHint(t.fromHtml);
  };

  const recognise = async () => {
    if (!text.trim()) {
      setHint(t.emptyPaste);
      return;
    }
    setPreview(await (html !== null ? controller.previewImport(html, 'html') : controller.previewImport(text, 'text')));
  };

  const apply = async (options: { onlyPasted: boolean; year: number | null }) => {
    // Resolves once written (after the user's yes when there was data); a no keeps the preview.
    if (preview && (await controller.applyImport(preview, options))) setPreview(null);
  };

  return (
    <section aria-labelledby="import-heading">
      <h2 id="import-heading">{t.heading}</h2>
      <p>{t.intro}</p>
      {!controller.importAvailable() && (
        <MessageBar intent="info">
          <MessageBarBody>{APP_TEXT.missing.importer}</MessageBarBody>
        </MessageBar>
      )}
      <Field label={t.pasteLabel} hint={hint ?? undefined}>
        <Textarea
          ref={area}
          className={styles.area}
          resize="vertical"
          value={text}
          onPaste={onPaste}
          onChange={(_, d) => {
            setText(d.value);
            setHtml(null);
            setPreview(null);
            setHint(null);
          }}
        />
      </Field>
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={() => void recognise()} disabled={!controller.importAvailable()}>
          {t.recognise}
        </Button>
        <Button
          onClick={() => {
            setText('');
            setHtml(null);
            setPreview(null);
            setHint(null);
          }}
        >
          {t.clear}
        </Button>
      </div>
      {preview && <Preview preview={preview} onApply={apply} onShowLine={(line) => showLine(area.current, text, line)} />}
    </section>
  );
}

function IssueLine({ issue, onShowLine }: { issue: ImportIssueView; onShowLine: (line: number) => void }) {
  const styles = useStyles();
  const t = APP_TEXT.import;
  return (
    <li className={issue.severity === 'error' ? styles.error : issue.severity === 'warning' ? styles.warning : undefined}>
      【{zhCN.SEVERITY_NAMES[issue.severity]}】{issue.message}
      {issue.line !== undefined && (
        <Button appearance="transparent" size="small" className={styles.lineLink} onClick={() => onShowLine(issue.line!)} aria-label={t.showLine(issue.line)}>
          {t.showLine(issue.line)}
        </Button>
      )}
    </li>
  );
}

function Preview({ preview, onApply, onShowLine }: {
  preview: ImportPreview;
  onApply: (options: { onlyPasted: boolean; year: number | null }) => void;
  onShowLine: (line: number) => void;
}) {
  const styles = useStyles();
  const t = APP_TEXT.import;
  const [onlyPasted, setOnlyPasted] = useState(false);
  const [yearText, setYearText] = useState('');
  const format = preview.report.format;
  const writes = Object.entries(preview.writes);
  const shown = Object.entries(preview.report.cells);
  const yearAsked = preview.report.year === null && !onlyPasted;
  const givenYear = /^\d{4}$/.test(yearText.trim()) ? Number(yearText.trim()) : null;
  const year = preview.report.year ?? givenYear;
  // Errors first, then warnings, then notes; 56 alike reminders fold into one line.
  const groups = groupRepeated<ImportIssueView>([
    ...preview.issues,
    ...preview.notWritten.map((n) => ({
      code: `NOT-WRITTEN-${n.why}`, severity: 'info' as const, cells: [n.cellId],
      message: t.notWritten[n.why](cellPlace(format, n.cellId), zhCN.formatNumber(n.value)),
    })),
  ]);
  const issueCount = preview.issues.length + preview.notWritten.length;
  return (
    <section aria-labelledby="import-preview-heading">
      <h3 id="import-preview-heading">{t.previewHeading}</h3>
      <p>{t.found(preview.report.year, preview.report.agency)}</p>
      {yearAsked && (
        <Field label={t.yearField} hint={APP_TEXT.setup.yearHint} required>
          <Input inputMode="numeric" value={yearText} onChange={(_, d) => setYearText(d.value)} />
        </Field>
      )}
      <Checkbox label={t.onlyPasted} checked={onlyPasted} onChange={(_, d) => setOnlyPasted(d.checked === true)} />
      <p>
        {onlyPasted
          ? t.onlyPastedCounts(writes.length, preview.blanks.length)
          : t.replaceCounts(writes.length, preview.blanks.length + preview.missing.length)}
      </p>
      {!onlyPasted && <p>{t.willBe(year, preview.report.agency)}</p>}
      {onlyPasted && preview.retitle && <p>{t.retitle(preview.retitle.year, preview.retitle.agency)}</p>}
      {preview.totalsAgreeing > 0 && <p>{t.totalsAgreeing(preview.totalsAgreeing)}</p>}
      {preview.totalsNotComparable.length > 0 && <p>{t.totalsNotComparable(preview.totalsNotComparable.length)}</p>}
      <h4>{t.issuesHeading(issueCount)}</h4>
      {groups.length > 0 && (
        <div className={styles.scroll} tabIndex={0} role="region" aria-label={t.issuesHeading(issueCount)}>
          <ul className={styles.issues}>
            {groups.map((g) =>
              g.items.length === 1 ? (
                <IssueLine key={g.key} issue={g.items[0]} onShowLine={onShowLine} />
              ) : (
                <li key={g.key} className={g.severity === 'error' ? styles.error : g.severity === 'warning' ? styles.warning : undefined}>
                  <details className={styles.folded}>
                    <summary>
                      【{zhCN.SEVERITY_NAMES[g.severity]}】{t.groupTitle(g.code, g.items.length)}
                    </summary>
                    <ul className={mergeClasses(styles.issues)}>
                      {g.items.map((issue, i) => (
                        <IssueLine key={i} issue={issue} onShowLine={onShowLine} />
                      ))}
                    </ul>
                  </details>
                </li>
              ),
            )}
          </ul>
        </div>
      )}
      <details>
        <summary>
          {t.dataHeading}（{shown.length}）
        </summary>
        <div className={styles.scroll} tabIndex={0} role="region" aria-label={t.dataHeading}>
          <table className={styles.data}>
            <thead>
              <tr>
                <th scope="col">{t.dataColumns.place}</th>
                <th scope="col">{t.dataColumns.value}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map(([id, v]) => (
                <tr key={id}>
                  <td>{cellPlace(format, id)}</td>
                  <td>{v === null ? t.blankValue : zhCN.formatNumber(v)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          onClick={() => onApply({ onlyPasted, year })}
          disabled={writes.length === 0 || (yearAsked && givenYear === null)}
        >
          {t.apply}
        </Button>
      </div>
      {writes.length === 0 && <p>{t.nothing}</p>}
      {yearAsked && givenYear === null && <p>{t.yearNeeded}</p>}
    </section>
  );
}
