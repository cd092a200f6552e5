/** 「新建」: asks the year (and agency) of a clean report; says what is cleared when there is data. */
import { useEffect, useState } from 'react';
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input } from '@fluentui/react-components';
import { filledInputs } from '../../app/controller';
import { APP_TEXT } from '../strings.zh-CN';
import { usePaneState, useServices } from '../services';

export function NewReportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { controller } = useServices();
  const { report } = usePaneState();
  const [year, setYear] = useState(String(controller.defaultYear()));
  const [agency, setAgency] = useState('');
  const [yearError, setYearError] = useState<string | null>(null);
  const filled = filledInputs(report);
  const t = APP_TEXT.newReport;
  // Each opening starts from the default year and no agency.
  useEffect(() => {
    if (!open) return;
    setYear(String(controller.defaultYear()));
    setAgency('');
    setYearError(null);
  }, [open, controller]);

  const start = () => {
    if (!/^\d{4}$/.test(year.trim())) {
      setYearError(APP_TEXT.setup.badYear);
      return;
    }
    onClose();
    // The dialog itself said what is cleared: no second question.
    void controller.newReport(Number(year.trim()), agency, { confirmed: true });
  };

  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            start();
          }}
        >
          <DialogBody>
            <DialogTitle>{t.dialogTitle}</DialogTitle>
            <DialogContent>
              {filled > 0 && <p role="alert">{APP_TEXT.confirm.newReport.message(filled)}</p>}
              <Field label={APP_TEXT.setup.year} hint={APP_TEXT.setup.yearHint} validationMessage={yearError ?? undefined} required>
                <Input inputMode="numeric" value={year} onChange={(_, d) => setYear(d.value)} />
              </Field>
              <Field label={APP_TEXT.setup.agency}>
                <Input value={agency} placeholder={APP_TEXT.setup.agencyPlaceholder} onChange={(_, d) => setAgency(d.value)} />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary">
                {filled > 0 ? APP_TEXT.confirm.newReport.confirm : t.start}
              </Button>
              <Button onClick={onClose}>{APP_TEXT.confirm.cancel}</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
