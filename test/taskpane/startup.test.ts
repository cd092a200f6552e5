/**
 * Start-up: where the pane runs when Office answers in time, late, never, or not Excel
 * (issue 13 item 6: a slow start is not a wrong start).
 */
import { startPane, watchOffice, type OfficeGlobal, type StartSteps } from '../../src/taskpane/startup';

interface Deferred<T> {
  promise: Promise<T>;
  resolve(v: T): void;
  reject(e: unknown): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

/** A timer the test fires by hand: the timeout passes when the test says so. */
function manualTimer() {
  const pending: (() => void)[] = [];
  return { timer: (fn: () => void) => void pending.push(fn), fire: () => pending.splice(0).forEach((f) => f()) };
}

function recorder(addInFails = false): StartSteps & { shown: string[] } {
  const shown: string[] = [];
  return {
    shown,
    async showAddIn() {
      if (addInFails) throw new Error('adapter failed');
      shown.push('excel');
    },
    async showPage(error?: unknown) {
      shown.push(error ? `page(${(error as Error).message})` : 'page');
    },
  };
}

const flush = () => new Promise((ok) => setTimeout(ok, 0));

test('no Office global: the page, at once', async () => {
  const steps = recorder();
  expect(await startPane(watchOffice(undefined, 4000), steps)).toBe('page');
  expect(steps.shown).toEqual(['page']);
});

test('Office answers Excel in time: the add-in only', async () => {
  const ready = deferred<{ host: string }>();
  const { timer } = manualTimer();
  const steps = recorder();
  const run = startPane(watchOffice({ onReady: () => ready.promise }, 4000, timer), steps);
  ready.resolve({ host: 'Excel' });
  expect(await run).toBe('excel');
  expect(steps.shown).toEqual(['excel']);
});

test('Office answers Excel after the timeout: the page first, then the add-in replaces it', async () => {
  const ready = deferred<{ host: string }>();
  const { timer, fire } = manualTimer();
  const steps = recorder();
  const run = startPane(watchOffice({ onReady: () => ready.promise }, 4000, timer), steps);
  fire(); // the timeout passes before Office answers
  await flush();
  expect(steps.shown).toEqual(['page']);
  ready.resolve({ host: 'Excel' });
  expect(await run).toBe('excel');
  expect(steps.shown).toEqual(['page', 'excel']);
});

test('a late answer that is not Excel (a browser, Word) leaves the page', async () => {
  const ready = deferred<{ host: string | null }>();
  const { timer, fire } = manualTimer();
  const steps = recorder();
  const run = startPane(watchOffice({ onReady: () => ready.promise } as OfficeGlobal, 4000, timer), steps);
  fire();
  ready.resolve({ host: null });
  expect(await run).toBe('page');
  expect(steps.shown).toEqual(['page']);
});

test('Office failing late leaves the page and throws nothing', async () => {
  const ready = deferred<{ host: string }>();
  const { timer, fire } = manualTimer();
  const steps = recorder();
  const run = startPane(watchOffice({ onReady: () => ready.promise }, 4000, timer), steps);
  fire();
  ready.reject(new Error('office.js failed'));
  expect(await run).toBe('page');
  expect(steps.shown).toEqual(['page']);
});

test('the adapter failing to start shows the page with the reason', async () => {
  const steps = recorder(true);
  const watch = watchOffice({ onReady: async () => ({ host: 'Excel' }) }, 4000, manualTimer().timer);
  expect(await startPane(watch, steps)).toBe('page');
  expect(steps.shown).toEqual(['page(adapter failed)']);
});
