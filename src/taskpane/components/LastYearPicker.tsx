/** 「上年报告」: pick last year's report so the cross-year rules (X-CARRY, X-INFORCE) run. */
import { useRef } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { APP_TEXT } from '../strings.zh-CN';
import { usePaneState, useServices } from '../services';
import { readBytes } from './file-bytes';

const useStyles = makeStyles({
  box: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, marginTop: '8px', paddingTop: '4px' },
  hint: { color: tokens.colorNeutralForeground3, margin: '2px 0 6px' },
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'center' },
  hidden: { display: 'none' },
});

export function LastYearPicker() {
  const { controller } = useServices();
  const { lastYear } = usePaneState();
  const input = useRef<HTMLInputElement>(null);
  const styles = useStyles();
  const t = APP_TEXT.lastYear;
  if (!controller.lastYearAvailable()) return null;

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      await controller.setLastYear({ name: file.name, bytes: await readBytes(file) });
    } catch (e) {
      controller.showError(e, APP_TEXT.doing.lastYear);
    }
    if (input.current) input.current.value = ''; // the same file can be picked again after a change
  };

  return (
    <section aria-labelledby="last-year-heading" className={styles.box}>
      <h3 id="last-year-heading">{t.heading}</h3>
      <p className={styles.hint}>{t.hint}</p>
      {lastYear && <p aria-live="polite">{t.current(lastYear.fileName, lastYear.report.year)}</p>}
      <div className={styles.row}>
        <Button onClick={() => input.current?.click()}>{t.pick}</Button>
        {lastYear && <Button appearance="subtle" onClick={() => controller.clearLastYear()}>{t.clear}</Button>}
      </div>
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        accept=".xlsx,.json,.txt,.html,.htm"
        aria-label={t.pick}
        data-testid="last-year-file"
        onChange={(e) => void onFile(e.target.files?.[0])}
      />
    </section>
  );
}
