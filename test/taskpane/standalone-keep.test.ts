/** The standalone page keeps what is typed in the browser (a fake storage here) and asks before leaving. */
import { compileSheetPlan } from '../../src/core';
import { withTypedTexts } from '../../src/app/export-plan';
import { createStandaloneHost } from '../../src/standalone/host';
import { KEEP_KEY, type KeyValueStorage } from '../../src/standalone/keep';
import { askBeforeLeaving } from '../../src/standalone/leave';

class FakeStorage implements KeyValueStorage {
  readonly items = new Map<string, string>();
  /** Set to make every write fail as a full or forbidden storage does. */
  refuse: Error | null = null;
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.refuse) throw this.refuse;
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const SAVED_AT = new Date(2026, 10, 29, 9, 30, 0);

function pageHost(storage: KeyValueStorage | null, year = 2025) {
  const downloads: string[] = [];
  const host = createStandaloneHost({
    plan: compileSheetPlan('2021', { year, agency: null }),
    download: (t) => downloads.push(t.fileName),
    storage,
    clock: () => SAVED_AT,
    setTimer: () => 0,
    clearTimer: () => {},
  });
  return { host, downloads };
}

describe('keeping the report in the browser', () => {
  test('what is typed comes back in a new page from the same storage, with year, agency and format', async () => {
    const storage = new FakeStorage();
    const first = pageHost(storage).host;
    expect(first.restored).toBeNull();
    await first.generate(compileSheetPlan('2019', { year: 2020, agency: '某某镇人民政府' }));
    first.setCellText('t4.review.upheld', '3');
    first.setCellText('t2.procurement.amount', '1,234');
    first.setCellText('t3.received.natural', '两件');

    const again = pageHost(storage).host;
    expect(again.restored).toEqual({ savedAt: SAVED_AT });
    const model = again.model();
    expect(model.plan).toMatchObject({ format: '2019', year: 2020, agency: '某某镇人民政府' });
    expect(model.texts['t4.review.upheld']).toBe('3');
    expect(model.texts['t2.procurement.amount']).toBe('1,234'); // as typed, not rewritten
    expect(model.texts['t3.received.natural']).toBe('两件');
    const report = (await again.readReport())!;
    expect(report.cells['t2.procurement.amount']).toBe(1234);
    expect(report.raw).toEqual({ 't3.received.natural': '两件' });
  });

  test('values written by the pane (the sample, an import) are kept too', async () => {
    const storage = new FakeStorage();
    await pageHost(storage).host.writeCells({ 't3.received.natural': 5 });
    expect(pageHost(storage).host.model().texts['t3.received.natural']).toBe('5');
  });

  test('a full storage never stops typing: the value is in the page and the failure is reported', async () => {
    const storage = new FakeStorage();
    storage.refuse = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    const { host } = pageHost(storage);
    let renders = 0;
    host.subscribe(() => renders++);
    expect(() => host.setCellText('t4.review.upheld', '2')).not.toThrow();
    expect(host.model().texts['t4.review.upheld']).toBe('2');
    expect(host.model().keepFailed).toBe(true);
    expect((await host.readReport())!.cells['t4.review.upheld']).toBe(2);
    expect(renders).toBe(1);
    // Once the browser accepts again, the report is kept and the warning goes.
    storage.refuse = null;
    host.setCellText('t4.review.upheld', '4');
    expect(host.model().keepFailed).toBe(false);
    expect(pageHost(storage).host.model().texts['t4.review.upheld']).toBe('4');
  });

  test('a storage that cannot even be read (private mode) starts a blank report', () => {
    const forbidding: KeyValueStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('SecurityError');
      },
      removeItem: () => {},
    };
    const { host } = pageHost(forbidding);
    expect(host.restored).toBeNull();
    expect(host.model().plan?.year).toBe(2025);
    host.setCellText('t4.review.upheld', '1');
    expect(host.model().texts['t4.review.upheld']).toBe('1');
    expect(host.model().keepFailed).toBe(true);
  });

  test.each([
    ['not JSON', '{'],
    ['another version', JSON.stringify({ version: 2, format: '2021', year: 2025, agency: null, texts: {}, savedAt: SAVED_AT.toISOString() })],
    ['an unknown format', JSON.stringify({ version: 1, format: '2030', year: 2025, agency: null, texts: {}, savedAt: SAVED_AT.toISOString() })],
  ])('a kept record that is %s is not used', (_, text) => {
    const storage = new FakeStorage();
    storage.items.set(KEEP_KEY, text);
    const { host } = pageHost(storage, 2024);
    expect(host.restored).toBeNull();
    expect(host.model().plan).toMatchObject({ format: '2021', year: 2024 });
  });

  test('only typed cells are stored, under the versioned key', () => {
    const storage = new FakeStorage();
    pageHost(storage).host.setCellText('t4.review.upheld', '3');
    const record = JSON.parse(storage.items.get('xxgk-nianbao:report:v1')!);
    expect(record).toMatchObject({ version: 1, format: '2021', year: 2025, agency: null, unexported: true, texts: { 't4.review.upheld': '3' } });
    expect(Object.keys(record.texts)).toEqual(['t4.review.upheld']);
  });
});

describe('unexported changes', () => {
  test('a blank page has none; typing makes one; an export clears it, and a reload then announces nothing', async () => {
    const storage = new FakeStorage();
    const { host, downloads } = pageHost(storage);
    expect(host.hasUnexportedChanges()).toBe(false);
    host.setCellText('t4.review.upheld', '3');
    expect(host.hasUnexportedChanges()).toBe(true);
    expect(await host.openExport({ bytes: new Uint8Array(), fileName: 'a.xlsx' })).toBe('downloaded');
    expect(downloads).toEqual(['a.xlsx']);
    expect(host.hasUnexportedChanges()).toBe(false);

    const reloaded = pageHost(storage).host;
    expect(reloaded.restored).toBeNull(); // nothing unexported to announce…
    expect(reloaded.model().texts['t4.review.upheld']).toBe('3'); // …but the data is there
    expect(reloaded.hasUnexportedChanges()).toBe(false);
    reloaded.setCellText('t4.review.upheld', '4');
    expect(reloaded.hasUnexportedChanges()).toBe(true);
    // Typing back what was exported is no change.
    reloaded.setCellText('t4.review.upheld', '3');
    expect(reloaded.hasUnexportedChanges()).toBe(false);
  });

  test('clearing every cell leaves nothing to lose', () => {
    const { host } = pageHost(null);
    host.setCellText('t4.review.upheld', '3');
    host.setCellText('t4.review.upheld', '');
    expect(host.hasUnexportedChanges()).toBe(false);
  });

  test('leaving asks only while there are unexported changes', () => {
    const { host } = pageHost(null);
    const target = new EventTarget();
    const stop = askBeforeLeaving(target as unknown as Window, host);
    const leave = () => {
      // Node's Event has no settable returnValue; a browser's BeforeUnloadEvent has.
      const e = new Event('beforeunload', { cancelable: true }) as unknown as BeforeUnloadEvent & { returnValue: unknown };
      Object.defineProperty(e, 'returnValue', { writable: true, value: '' });
      target.dispatchEvent(e);
      expect(e.returnValue !== '').toBe(e.defaultPrevented);
      return e.defaultPrevented;
    };
    expect(leave()).toBe(false);
    host.setCellText('t4.review.upheld', '3');
    expect(leave()).toBe(true);
    host.markExported();
    expect(leave()).toBe(false);
    host.setCellText('t4.review.upheld', '5');
    stop();
    expect(leave()).toBe(false);
  });
});

describe('reset and generate', () => {
  test('generate keeps typed values (a retitle); reset replaces everything with the plan', async () => {
    const storage = new FakeStorage();
    const { host } = pageHost(storage);
    host.setCellText('t4.review.upheld', '3');
    await host.generate(compileSheetPlan('2021', { year: 2025, agency: '某某镇人民政府' }));
    expect(host.model().texts['t4.review.upheld']).toBe('3');
    expect(host.model().plan?.agency).toBe('某某镇人民政府');

    await host.reset(compileSheetPlan('2021', { year: 2024, agency: null }));
    expect(Object.values(host.model().texts).every((t) => t === '')).toBe(true);
    expect(host.model().plan?.year).toBe(2024);
    expect(host.hasUnexportedChanges()).toBe(false);
    // The clean start is what a reload brings back.
    const reloaded = pageHost(storage).host;
    expect(reloaded.model().plan?.year).toBe(2024);
    expect(reloaded.model().texts['t4.review.upheld']).toBe('');
  });

  test('reset with a plan carrying values (undo) puts exactly those values back', async () => {
    const { host } = pageHost(null);
    host.setCellText('t4.review.upheld', '3');
    host.setCellText('t4.review.corrected', '1');
    const before = (await host.readReport())!;
    host.setCellText('t4.review.upheld', '9');
    host.setCellText('t4.review.other', '2');
    await host.reset(compileSheetPlan('2021', { report: before }));
    const after = (await host.readReport())!;
    expect(after.cells).toEqual(before.cells);
  });

  test('text typed into a number cell comes back with reset when the plan carries it (withTypedTexts)', async () => {
    const { host } = pageHost(null);
    host.setCellText('t4.review.upheld', '十二');
    host.setCellText('t4.review.corrected', '1');
    const before = (await host.readReport())!;
    host.setCellText('t4.review.upheld', '');
    await host.reset(withTypedTexts(compileSheetPlan('2021', { report: before }), before));
    expect(host.model().texts['t4.review.upheld']).toBe('十二');
    expect(host.model().texts['t4.review.corrected']).toBe('1');
    expect((await host.readReport())!.raw).toEqual({ 't4.review.upheld': '十二' });
  });
});
