/** Browser services: clipboard with a fallback for webviews that block it, file download, storage. */
import type { ExportTarget } from '../host/types';
import type { KeyValueStorage } from '../standalone/keep';
import type { ClipboardService } from './services';

export const browserClipboard: ClipboardService = {
  async writeText(text) {
    if (navigator.clipboard?.writeText) {
      try {
        await navigator.clipboard.writeText(text);
        return;
      } catch {
        // Office webviews may refuse the async clipboard; fall back to a selection copy.
      }
    }
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    if (!ok) throw new Error('clipboard');
  },
};

export function browserDownload(target: ExportTarget): void {
  const blob = new Blob([target.bytes as BlobPart], {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = target.fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * window.localStorage, reached on each use: merely touching it throws where the browser forbids
 * storage (some private modes, blocked site data), and the page's keeping reports that per save.
 */
export function browserStorage(): KeyValueStorage {
  return {
    getItem: (key) => window.localStorage.getItem(key),
    setItem: (key, value) => window.localStorage.setItem(key, value),
    removeItem: (key) => window.localStorage.removeItem(key),
  };
}
