/**
 * The controller's pending question (载入示例数据, 写入导入的数据, 新建, 改年度, 空白按 0 处理,
 * 打开工作簿, 导出年报 despite failing checks) as a dialog: what will be replaced, the cells concerned in the form's words, yes / no.
 */
import { useRef } from 'react';
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, tokens } from '@fluentui/react-components';
import { groupBlankCells } from '../../core/blank-cells';
import { APP_TEXT } from '../strings.zh-CN';
import { usePaneState, useServices } from '../services';

const useStyles = makeStyles({
  cells: { maxHeight: '40vh', overflowY: 'auto', paddingLeft: '18px', margin: '8px 0', fontSize: tokens.fontSizeBase200 },
});

export function ConfirmDialog() {
  const { controller } = useServices();
  const { confirm: asking, report } = usePaneState();
  const styles = useStyles();
  // Stays mounted and closes through `open`: Fluent then takes its modal marks off the page again.
  // The last question stays drawn while the dialog fades out.
  const last = useRef(asking);
  if (asking) last.current = asking;
  const confirm = asking ?? last.current;
  if (!confirm) return null;
  const rows = report && confirm.cells.length ? groupBlankCells(report.format, confirm.cells) : [];
  return (
    <Dialog open={!!asking} modalType="alert" onOpenChange={(_, d) => !d.open && controller.cancelPending()}>
      <DialogSurface aria-describedby="confirm-message">
        <DialogBody>
          <DialogTitle>{confirm.title}</DialogTitle>
          <DialogContent>
            <p id="confirm-message">{confirm.message}</p>
            {confirm.items && confirm.items.length > 0 && (
              <ul className={styles.cells} aria-label={confirm.title}>
                {confirm.items.map((item, i) => (
                  <li key={i}>{item}</li>
                ))}
              </ul>
            )}
            {rows.length > 0 && (
              <ul className={styles.cells} aria-label={confirm.title}>
                {rows.map((r) => (
                  <li key={r.row}>
                    {r.row}：{r.columns.join('、')}
                  </li>
                ))}
              </ul>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => void controller.confirmPending()}>
              {confirm.confirmLabel}
            </Button>
            <Button onClick={controller.cancelPending}>{APP_TEXT.confirm.cancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
