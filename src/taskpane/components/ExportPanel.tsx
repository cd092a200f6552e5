/**
 * Export: the validated workbook (sheets + 「校验结果」), the current file where Excel offers it,
 * and the whole report as a Word document or a web page (downloaded).
 */
import { Button, makeStyles } from '@fluentui/react-components';
import { APP_TEXT } from '../strings.zh-CN';
import { usePaneState, useServices } from '../services';

const useStyles = makeStyles({ buttons: { display: 'flex', flexDirection: 'column', gap: '8px', alignItems: 'flex-start' } });

export function ExportPanel() {
  const { controller, host } = useServices();
  const { phase, busy } = usePaneState();
  const styles = useStyles();
  const t = APP_TEXT.export;
  return (
    <section aria-labelledby="export-heading">
      <h2 id="export-heading">{t.heading}</h2>
      <p>{t.intro}</p>
      <p>{host.kind === 'excel' ? t.excelNote : t.browserNote}</p>
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={phase !== 'ready' || !!busy} onClick={() => void controller.exportWorkbook()}>
          {t.workbook}
        </Button>
        {controller.canExportCurrentFile() && (
          <>
            <Button disabled={!!busy} onClick={() => void controller.exportCurrentFile()}>
              {t.currentFile}
            </Button>
            <small>{t.currentFileNote}</small>
          </>
        )}
      </div>
      <h3 id="documents-heading">{t.documentsHeading}</h3>
      <p>{t.documentsIntro}</p>
      <div className={styles.buttons} role="group" aria-labelledby="documents-heading">
        <Button disabled={phase !== 'ready' || !!busy} onClick={() => void controller.exportDocument('docx')}>
          {t.docx}
        </Button>
        <Button disabled={phase !== 'ready' || !!busy} onClick={() => void controller.exportDocument('html')}>
          {t.html}
        </Button>
      </div>
    </section>
  );
}
