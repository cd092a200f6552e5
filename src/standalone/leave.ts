/**
 * Leaving the page (reload, close, another address) with changes not exported asks first. The
 * report is kept in the browser anyway; the question is there because a kept report lives only
 * in this browser, and the export is the user's own copy.
 */
import { PAGE_TEXT } from '../taskpane/strings.zh-CN';
import type { StandaloneHost } from './host';

type Listening = Pick<Window, 'addEventListener' | 'removeEventListener'>;

/** Installs the beforeunload question; returns how to remove it. */
export function askBeforeLeaving(target: Listening, host: Pick<StandaloneHost, 'hasUnexportedChanges'>): () => void {
  const onBeforeUnload = (e: BeforeUnloadEvent) => {
    if (!host.hasUnexportedChanges()) return;
    e.preventDefault();
    // Older browsers show the question only when returnValue is set (most show their own words).
    e.returnValue = PAGE_TEXT.leaveUnexported;
  };
  target.addEventListener('beforeunload', onBeforeUnload);
  return () => target.removeEventListener('beforeunload', onBeforeUnload);
}
