/**
 * Import: paste text or HTML, see what was recognised and every issue, then write the numbers
 * into input cells (host.writeCells via the controller). Nothing is written before 「写入表格」.
 */
import { useState, type ClipboardEvent } from 'react';
import { Button, Field, MessageBar, MessageBarBody, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { cellPlace } from '../../core/describe';
import * as zhCN from '../../core/messages/zh-CN';
import type { ImportPreview } from '../../app/controller';
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
});

export function ImportPanel() {
  const { controller } = useServices();
  const styles = useStyles();
  const t = APP_TEXT.import;
  const [text, setText] = useState('');
  /** The pasted HTML, when the paste had it and the text was not edited since. */
  const [html, setHtml] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [hint, setHint] = useState<string | null>(null);

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

  const apply = async () => {
    if (preview && (await controller.applyImport(preview))) setPreview(null);
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
      {preview && <Preview preview={preview} onApply={apply} />}
    </section>
  );
}

function Preview({ preview, onApply }: { preview: ImportPreview; onApply: () => void }) {
  const styles = useStyles();
  const t = APP_TEXT.import;
  const format = preview.report.format;
  const writes = Object.entries(preview.writes);
  const shown = Object.entries(preview.report.cells);
  return (
    <section aria-labelledby="import-preview-heading">
      <h3 id="import-preview-heading">{t.previewHeading}</h3>
      <p>{t.found(preview.report.year, preview.report.agency)}</p>
      <p>{t.counts(writes.length, preview.blanks.length)}</p>
      {preview.totalsAgreeing > 0 && <p>{t.totalsAgreeing(preview.totalsAgreeing)}</p>}
      {preview.retitle && <p>{t.retitle(preview.retitle.year, preview.retitle.agency)}</p>}
      <h4>{t.issuesHeading(preview.issues.length + preview.notWritten.length)}</h4>
      {(preview.issues.length > 0 || preview.notWritten.length > 0) && (
        <div className={styles.scroll} tabIndex={0} role="region" aria-label={t.issuesHeading(preview.issues.length + preview.notWritten.length)}>
        <ul className={styles.issues}>
          {preview.issues.map((issue, i) => (
            <li key={`i${i}`} className={issue.severity === 'error' ? styles.error : undefined}>
              【{zhCN.SEVERITY_NAMES[issue.severity]}】{issue.message}
            </li>
          ))}
          {preview.notWritten.map((n) => (
            <li key={`n${n.cellId}`}>
              【{zhCN.SEVERITY_NAMES.info}】{t.notWritten[n.why](cellPlace(format, n.cellId), zhCN.formatNumber(n.value))}
            </li>
          ))}
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
        <Button appearance="primary" onClick={onApply} disabled={writes.length === 0}>
          {t.apply}
        </Button>
      </div>
      {writes.length === 0 && <p>{t.nothing}</p>}
    </section>
  );
}
