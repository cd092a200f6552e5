/** Messages above the panels: missing requirement sets, errors (Chinese, never only the console), notices, progress. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { APP_TEXT } from '../strings.zh-CN';
import { usePaneState, useServices } from '../services';

export function RequirementBar() {
  const { host } = useServices();
  const missing = host.capabilities().missing;
  if (!missing.length) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{APP_TEXT.requirement.title}</MessageBarTitle>
        {APP_TEXT.requirement.message(missing)}
      </MessageBarBody>
    </MessageBar>
  );
}

/** Excel stopped telling of changes: the check no longer follows the typing until 「重新检查」. */
function LiveCheckBar() {
  const { controller } = useServices();
  const { liveCheck, busy } = usePaneState();
  const t = APP_TEXT.liveCheck;
  if (liveCheck === 'retrying') return <Spinner size="extra-tiny" label={t.retrying} labelPosition="after" />;
  if (liveCheck !== 'off') return null;
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="live-check-off">
      <MessageBarBody>
        <MessageBarTitle>{t.offTitle}</MessageBarTitle>
        {t.off}
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" size="small" disabled={!!busy} onClick={() => void controller.retryLiveCheck()}>
          {t.retry}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

export function StatusBars() {
  const { controller } = useServices();
  const { error, notice, busy } = usePaneState();
  return (
    <>
      {busy && <Spinner size="tiny" label={busy} role="status" />}
      <LiveCheckBar />
      {error && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{error.title}</MessageBarTitle>
            {error.message}
            {error.detail && (
              <div>
                <small>
                  {APP_TEXT.errorDetail}
                  {error.detail}
                </small>
              </div>
            )}
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="transparent" size="small" onClick={controller.dismissError}>
              {APP_TEXT.close}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent={notice.intent} layout="multiline" role="status">
          <MessageBarBody>
            <MessageBarTitle>{notice.title}</MessageBarTitle>
            {notice.message}
          </MessageBarBody>
          <MessageBarActions>
            {notice.undoable && (
              <Button appearance="primary" size="small" disabled={!!busy} onClick={() => void controller.undo()}>
                {APP_TEXT.undo.action}
              </Button>
            )}
            <Button appearance="transparent" size="small" onClick={controller.dismissNotice}>
              {APP_TEXT.close}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </>
  );
}
