/** The simulator on its own: the Office.js semantics the adapter tests rely on. */
import type { XlContext } from '../../src/office/excel-api';
import { createSimulator, SimError } from './excel-simulator';

async function run<T>(sim: ReturnType<typeof createSimulator>, batch: (ctx: XlContext) => Promise<T>, delayForCellEdit = false) {
  return sim.Excel.run({ delayForCellEdit }, batch);
}

describe('queued commands', () => {
  test('writes take effect only at sync, and every sync is counted', async () => {
    const sim = createSimulator();
    sim.addUserSheet('S');
    await run(sim, async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('B2').values = [[42]];
      expect(sim.cell('S', 'B2').value).toBe('');
      await ctx.sync();
      expect(sim.cell('S', 'B2').value).toBe(42);
    });
    expect(sim.syncCount).toBe(1);
    expect(sim.unsyncedCommands).toBe(0);
  });

  test('commands left unsynced when a run ends are not executed and are counted', async () => {
    const sim = createSimulator();
    sim.addUserSheet('S');
    await run(sim, async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1').values = [[1]];
    });
    expect(sim.cell('S', 'A1').value).toBe('');
    expect(sim.unsyncedCommands).toBe(2);
  });

  test('a failing command rejects the sync; earlier commands stay done, later ones are dropped', async () => {
    const sim = createSimulator();
    sim.addUserSheet('S');
    const err = await run(sim, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      ws.getRange('A1').values = [[1]];
      ctx.workbook.worksheets.getItem('nope').getRange('A1').values = [[2]];
      ws.getRange('A2').values = [[3]];
      await ctx.sync();
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SimError);
    expect((err as SimError).code).toBe('ItemNotFound');
    expect(sim.cell('S', 'A1').value).toBe(1);
    expect(sim.cell('S', 'A2').value).toBe('');
  });

  test('writing a matrix of the wrong size fails at sync', async () => {
    const sim = createSimulator();
    sim.addUserSheet('S');
    await expect(
      run(sim, async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1:B1').values = [[1]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });
});

describe('loading', () => {
  test('reading a property that was not loaded throws; after load and sync it reads', async () => {
    const sim = createSimulator();
    sim.addUserSheet('S', { A1: 7, B1: '=A1*2' });
    await run(sim, async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1:B1');
      expect(() => r.values).toThrow(/not available/);
      r.load('values,formulas');
      expect(() => r.values).toThrow();
      await ctx.sync();
      expect(r.values).toEqual([[7, 14]]);
      expect(r.formulas).toEqual([[7, '=A1*2']]);
    });
  });

  test('getItemOrNullObject reports a missing sheet as a null object after sync', async () => {
    const sim = createSimulator();
    await run(sim, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject('missing');
      await ctx.sync();
      expect(ws.isNullObject).toBe(true);
    });
  });

  test('defined names follow a renamed sheet and become #REF! when it is deleted', async () => {
    const sim = createSimulator();
    sim.addUserSheet('Old');
    sim.addUserSheet('Other');
    await run(sim, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Old');
      ctx.workbook.names.add('MY_NAME', ws.getRange('B2:C3'));
      ws.name = '新 名';
      const n = ctx.workbook.names.getItemOrNullObject('MY_NAME').load('value');
      await ctx.sync();
      expect(n.value).toBe("'新 名'!$B$2:$C$3");
      ws.delete();
      n.load('value');
      await ctx.sync();
      expect(n.value).toBe('#REF!');
    });
  });
});

describe('protection', () => {
  async function protectedSheet() {
    const sim = createSimulator();
    sim.addUserSheet('P', { A1: 1 });
    await run(sim, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('P');
      ws.getRange('B1').format.protection.locked = false;
      ws.protection.protect();
      await ctx.sync();
    });
    return sim;
  }

  test('writing a locked cell of a protected sheet throws AccessDenied at sync; an unlocked cell takes the value', async () => {
    const sim = await protectedSheet();
    await run(sim, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('P');
      ws.getRange('B1').values = [[5]];
      await ctx.sync();
      ws.getRange('A1').values = [[9]];
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
    });
    expect(sim.cell('P', 'B1').value).toBe(5);
    expect(sim.cell('P', 'A1').value).toBe(1);
  });

  test('protect() on a protected sheet throws AccessDenied, unprotect() on an unprotected one InvalidOperation', async () => {
    const sim = await protectedSheet();
    await expect(
      run(sim, async (ctx) => {
        ctx.workbook.worksheets.getItem('P').protection.protect();
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
    await run(sim, async (ctx) => {
      ctx.workbook.worksheets.getItem('P').protection.unprotect();
      await ctx.sync();
    });
    await expect(
      run(sim, async (ctx) => {
        ctx.workbook.worksheets.getItem('P').protection.unprotect();
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
  });

  test('formatting a protected sheet throws AccessDenied', async () => {
    const sim = await protectedSheet();
    await expect(
      run(sim, async (ctx) => {
        ctx.workbook.worksheets.getItem('P').getRange('A1:B1').merge();
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
  });

  test('unprotect() with a wrong password throws BadPassword and the sheet stays protected; the right one unprotects', async () => {
    const sim = createSimulator();
    sim.addUserSheet('P');
    await run(sim, async (ctx) => {
      ctx.workbook.worksheets.getItem('P').protection.protect({}, '正确的密码');
      await ctx.sync();
    });
    await expect(
      run(sim, async (ctx) => {
        ctx.workbook.worksheets.getItem('P').protection.unprotect('错的');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'BadPassword' });
    expect(sim.sheet('P').protection.protected).toBe(true);
    await run(sim, async (ctx) => {
      ctx.workbook.worksheets.getItem('P').protection.unprotect('正确的密码');
      await ctx.sync();
    });
    expect(sim.sheet('P').protection.protected).toBe(false);
  });

  test('names.add of a name that exists (any case) throws ItemAlreadyExists', async () => {
    const sim = createSimulator();
    sim.addUserSheet('S');
    await run(sim, async (ctx) => {
      ctx.workbook.names.add('XXGK_META', ctx.workbook.worksheets.getItem('S').getRange('A1'));
      await ctx.sync();
    });
    await expect(
      run(sim, async (ctx) => {
        ctx.workbook.names.add('xxgk_meta', ctx.workbook.worksheets.getItem('S').getRange('B2'));
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
  });
});

describe('formulas', () => {
  test.each([
    ['=1+1', 2],
    ['-2+3', 1],
    ['@SUM(A1)', 0],
  ])('text %s written to values becomes a formula, as in Excel', async (text, value) => {
    const sim = createSimulator();
    sim.addUserSheet('S');
    await run(sim, async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('B5').values = [[text]];
      await ctx.sync();
    });
    expect(sim.cell('S', 'B5').formula).toBeDefined();
    expect(sim.cell('S', 'B5').value).toBe(value);
  });

  test("the text prefix ' keeps a string literal; numeric text becomes a number", async () => {
    const sim = createSimulator();
    sim.addUserSheet('S');
    await run(sim, async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1:B1').values = [["'=1+1", '12']];
      await ctx.sync();
    });
    expect(sim.cell('S', 'A1')).toMatchObject({ value: '=1+1', formula: undefined });
    expect(sim.cell('S', 'B1').value).toBe(12);
  });

  test('SUM and sums of references evaluate, blanks count as 0', async () => {
    const sim = createSimulator();
    sim.addUserSheet('S', { A1: 2, A2: 3, A4: '=SUM(A1:A3)', A5: '=A1+A2-A4' });
    expect(sim.cell('S', 'A4').value).toBe(5);
    expect(sim.cell('S', 'A5').value).toBe(0);
  });

  test('a value typed or written over a formula replaces it: formulas then give the constant, values follow no more', async () => {
    const sim = createSimulator();
    sim.addUserSheet('S', { A1: 2, A2: 3, A3: '=SUM(A1:A2)', B3: '=SUM(A1:A2)' });
    sim.simulateUserEdit('S', 'A3', [[12]]);
    await run(sim, async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('B3').values = [[0]];
      ctx.workbook.worksheets.getItem('S').getRange('A1').values = [[40]];
      await ctx.sync();
      const r = ctx.workbook.worksheets.getItem('S').getRange('A3:B3').load('values,formulas');
      await ctx.sync();
      expect(r.values).toEqual([[12, 0]]);
      expect(r.formulas).toEqual([[12, 0]]);
    });
    expect(sim.allFormulas()).toEqual({});
  });
});

describe('events and cell edit mode', () => {
  test('user edits fire onChanged; API writes fire only while events are enabled', async () => {
    const sim = createSimulator();
    const s = sim.addUserSheet('S');
    const seen: string[] = [];
    await run(sim, async (ctx) => {
      ctx.workbook.worksheets.onChanged.add(async (e) => void seen.push(`${e.worksheetId} ${e.address}`));
      await ctx.sync();
    });
    sim.simulateUserEdit('S', 'C3', [[1, 2]]);
    await run(sim, async (ctx) => {
      ctx.runtime.enableEvents = false;
      ctx.workbook.worksheets.getItem('S').getRange('A1').values = [[1]];
      ctx.runtime.enableEvents = true;
      await ctx.sync();
      ctx.workbook.worksheets.getItem('S').getRange('A2').values = [[1]];
      await ctx.sync();
    });
    await sim.settleEvents();
    expect(seen).toEqual([`${s.id} C3:D3`, `${s.id} A2`]);
  });

  test('a run during cell edit fails with InvalidOperationInCellEditMode unless it asked for delayForCellEdit, which waits', async () => {
    const sim = createSimulator();
    sim.addUserSheet('S');
    sim.editing = true;
    expect(sim.editing).toBe(true);
    await expect(
      run(sim, async (ctx) => {
        ctx.workbook.worksheets.load('items/name');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    let done = false;
    const delayed = run(
      sim,
      async (ctx) => {
        const all = ctx.workbook.worksheets.load('items/name');
        await ctx.sync();
        done = true;
        return all.items.map((w) => w.name);
      },
      true,
    );
    await new Promise((r) => setTimeout(r, 10));
    expect(done).toBe(false);
    sim.editing = false;
    await expect(delayed).resolves.toEqual(['S']);
  });
});

describe('requirements, files, new workbooks', () => {
  test('isSetSupported follows the configured ExcelApi version', () => {
    const sim = createSimulator({ excelApi: '1.8' });
    const req = sim.Office.context.requirements;
    expect(req.isSetSupported('ExcelApi', '1.8')).toBe(true);
    expect(req.isSetSupported('ExcelApi', '1.9')).toBe(false);
    expect(req.isSetSupported('ExcelApi', '1.10')).toBe(false);
  });

  test('getFileAsync hands out the bytes in slices', async () => {
    const bytes = Uint8Array.from({ length: 10 }, (_, i) => i);
    const sim = createSimulator({ fileBytes: bytes });
    const got = await new Promise<number[]>((resolve) =>
      sim.Office.context.document.getFileAsync(sim.Office.FileType.Compressed, { sliceSize: 4 }, (r) => {
        const file = r.value;
        expect(file.sliceCount).toBe(3);
        const out: number[] = [];
        const next = (i: number) =>
          i === file.sliceCount ? resolve(out) : file.getSliceAsync(i, (s) => (out.push(...(s.value.data as number[])), next(i + 1)));
        next(0);
      }),
    );
    expect(got).toEqual([...bytes]);
  });

  test('createWorkbook records the base64 it was given', async () => {
    const sim = createSimulator();
    await sim.Excel.createWorkbook('UEsDBA==');
    expect(sim.createdWorkbooks).toEqual(['UEsDBA==']);
  });
});

describe('strings written to values are read as typed input', () => {
  async function writeAndRead(value: string, numberFormat?: string) {
    const sim = createSimulator();
    sim.addUserSheet('S');
    return run(sim, async (ctx) => {
      const cell = ctx.workbook.worksheets.getItem('S').getRange('A1');
      if (numberFormat) cell.numberFormat = [[numberFormat]];
      cell.values = [[value]];
      const back = cell.load('values,formulas');
      await ctx.sync();
      return { value: back.values[0][0], formula: back.formulas[0][0] };
    });
  }

  test.each([
    ['=SUM(1,2)', 3, '=SUM(1,2)'],
    ['-2+3', 1, '=-2+3'],
    [' 0012', 12, 12],
    ['1e5', 100000, 100000],
    ['1,234', 1234, 1234],
    ['50%', 0.5, 0.5],
    ['TRUE', true, true],
    ['false', false, false],
    ['2023-01-05', 44931, 44931],
    ['2023年1月5日', 44931, 44931],
    ["'x", 'x', 'x'],
    ['-', '-', '-'],
    ['约5件', '约5件', '约5件'],
  ])('%j is stored as %j', async (written, value, formula) => {
    expect(await writeAndRead(written)).toEqual({ value, formula });
  });

  test('「1/2」 and 「1月2日」 become a date serial of this year', async () => {
    const jan2 = Math.round((Date.UTC(new Date().getFullYear(), 0, 2) - Date.UTC(1899, 11, 30)) / 86_400_000);
    expect((await writeAndRead('1/2')).value).toBe(jan2);
    expect((await writeAndRead('1月2日')).value).toBe(jan2);
  });

  test('「+86 …」 becomes a formula Excel cannot compute', async () => {
    const got = await writeAndRead('+86 138 0000 0000');
    expect(got.formula).toBe('=+86 138 0000 0000');
    expect(got.value).toBe('#NAME?');
  });

  test.each(['=SUM(A1)', '2023-01-05', '50%', 'TRUE', '1e5', "'x", ' 0012'])('a Text (@) cell keeps %j as typed', async (written) => {
    expect(await writeAndRead(written, '@')).toEqual({ value: written, formula: written });
  });

  test('the apostrophe prefix keeps any text and is not part of the value', async () => {
    for (const text of ['=SUM(A1)', '2023-01-05', '50%', 'TRUE', "'x"]) expect((await writeAndRead(`'${text}`)).value).toBe(text);
  });
});

describe("Excel on the web's payload limit", () => {
  test('a whole formatted column stretches the used range (not the values-only one) to the last row', async () => {
    const sim = createSimulator();
    sim.addUserSheet('S', { A1: 1, B3: 'x' });
    sim.simulateUserFormatColumns('S', 'D');
    const [all, valuesOnly] = await run(sim, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      const a = ws.getUsedRangeOrNullObject(false).load('address');
      const v = ws.getUsedRangeOrNullObject(true).load('address');
      await ctx.sync();
      return [a.address, v.address];
    });
    expect(all).toBe('S!A1:D1048576');
    expect(valuesOnly).toBe('S!A1:B3');
  });

  test('loading more than 5 MB of cell data in one sync fails with RequestPayloadSizeLimitExceeded', async () => {
    const sim = createSimulator();
    sim.addUserSheet('S', { A1: 1 });
    sim.simulateUserFormatColumns('S', 'B');
    const err = await run(sim, async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getUsedRangeOrNullObject(false).load('values');
      await ctx.sync();
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    // The same load of a small area passes, and is counted.
    await run(sim, async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1:B100').load('values,formulas');
      await ctx.sync();
    });
    expect(sim.largestResponseBytes).toBeGreaterThan(2 * 200 * 3);
  });

  test('writing more than the limit in one sync fails before anything is written', async () => {
    const sim = createSimulator({ payloadLimitBytes: 500 });
    sim.addUserSheet('S');
    const big = [Array.from({ length: 200 }, (_, i) => i)];
    await expect(
      run(sim, async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1:GR1').values = big;
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(sim.cell('S', 'A1').value).toBe('');
  });
});
