/** The narrative writer's text for the report, with copy-to-clipboard. */
import { useEffect, useState } from 'react';
import type { SummarySection } from '../../app/controller';
import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { APP_TEXT } from '../strings.zh-CN';
import { usePaneState, useServices } from '../services';

export function SummaryPanel() {
  const { controller, clipboard } = useServices();
  const { report } = usePaneState();
  const t = APP_TEXT.summary;
  const [sections, setSections] = useState<SummarySection[] | null>(null);
  useEffect(() => {
    let current = true;
    if (!report) setSections(null);
    else void controller.summarySections().then((s) => current && setSections(s));
    return () => {
      current = false;
    };
  }, [controller, report]);
  const available = controller.summaryAvailable();

  const copy = async () => {
    if (!sections) return;
    const text = sections.map((s) => [s.heading, ...s.paragraphs].filter(Boolean).join('\n')).join('\n\n');
    try {
      await clipboard.writeText(text);
      controller.notify({ intent: 'success', title: t.copied, message: '' });
    } catch {
      controller.notify({ intent: 'warning', title: t.copyFailed, message: '' });
    }
  };

  return (
    <section aria-labelledby="summary-heading">
      <h2 id="summary-heading">{t.heading}</h2>
      <p>{t.intro}</p>
      {!available && (
        <MessageBar intent="info">
          <MessageBarBody>{APP_TEXT.missing.summary}</MessageBarBody>
        </MessageBar>
      )}
      {available && !report && <p>{t.noData}</p>}
      {sections && (
        <>
          <Button appearance="primary" onClick={() => void copy()}>
            {t.copy}
          </Button>
          <article aria-label={t.heading}>
            {sections.map((s, i) => (
              <section key={i}>
                {s.heading && <h3>{s.heading}</h3>}
                {s.paragraphs.map((p, j) => (
                  <p key={j}>{p}</p>
                ))}
              </section>
            ))}
          </article>
        </>
      )}
    </section>
  );
}
