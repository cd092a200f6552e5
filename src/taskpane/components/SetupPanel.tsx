/** The report sheets: year and agency, then 「生成表格」 (values already entered are kept). */
import { useEffect, useState } from 'react';
import { Button, Field, Input } from '@fluentui/react-components';
import { APP_TEXT } from '../strings.zh-CN';
import { usePaneState, useServices } from '../services';

export function SetupPanel() {
  const { controller } = useServices();
  const { report, phase, busy } = usePaneState();
  const t = APP_TEXT.setup;
  const [year, setYear] = useState(String(report?.year ?? controller.defaultYear()));
  const [agency, setAgency] = useState(report?.agency ?? '');
  const [yearError, setYearError] = useState<string | null>(null);

  // Follow the sheets when their year or agency change underneath (sample, import), not on every edit.
  const sheetYear = report?.year ?? null;
  const sheetAgency = report?.agency ?? null;
  const hasReport = report !== null;
  useEffect(() => {
    if (hasReport) {
      setYear(String(sheetYear ?? controller.defaultYear()));
      setAgency(sheetAgency ?? '');
    }
  }, [controller, hasReport, sheetYear, sheetAgency]);

  const submit = () => {
    const y = Number(year.trim());
    if (!/^\d{4}$/.test(year.trim())) {
      setYearError(t.badYear);
      return;
    }
    setYearError(null);
    void controller.generate(y, agency);
  };

  return (
    <section aria-labelledby="setup-heading">
      <h2 id="setup-heading">{t.heading}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Field label={t.year} hint={t.yearHint} validationMessage={yearError ?? undefined} required>
          <Input inputMode="numeric" value={year} onChange={(_, d) => setYear(d.value)} />
        </Field>
        <Field label={t.agency}>
          <Input value={agency} placeholder={t.agencyPlaceholder} onChange={(_, d) => setAgency(d.value)} />
        </Field>
        <p>{t.keepNote}</p>
        <Button type="submit" appearance="primary" disabled={!!busy}>
          {phase === 'ready' ? t.update : t.generate}
        </Button>
      </form>
    </section>
  );
}
