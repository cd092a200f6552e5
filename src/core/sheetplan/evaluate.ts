/**
 * Computes what a spreadsheet shows for the plan's own formulas, so the .xlsx writer can store
 * each formula's cached value: Excel's Protected View, mobile previewers, pandas and SheetJS
 * show a formula's cached value and compute nothing. Excel's rules, not the report's blank
 * policy: SUM skips blanks and text, `+`/`-` take a blank as 0 and numeric text as its number,
 * other text is #VALUE!. Only the shapes the plans write are understood (SUM, IF, SUMPRODUCT,
 * ISTEXT, N, + - --, comparisons, numbers, "text", A1 references and ranges); anything else
 * throws, so a new kind of formula cannot be written with a wrong cached value.
 */
import { parseA1, parseA1Range } from './a1';
import type { PlanCell, SheetSpec } from './types';

/** A formula's result: a number, text, a truth value, or an Excel error such as '#VALUE!'. */
export type FormulaValue = number | string | boolean | { error: string };

/** What a cell holds for a formula: its value, or null when blank. */
export type CellValueLookup = (row: number, col: number) => FormulaValue | null;

type Operand = FormulaValue | null | Operand[];

const VALUE_ERROR = { error: '#VALUE!' } as const;

const isError = (v: unknown): v is { error: string } => typeof v === 'object' && v !== null && !Array.isArray(v) && 'error' in v;

/** Tokens: numbers, "text", references (D6, $D$6, D6:J30), names, operators. */
const TOKEN = /\s*(?:(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|"((?:[^"]|"")*)"|(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)(?![A-Z0-9(])|([A-Z][A-Z0-9.]*)(?=\()|(<>|<=|>=|[-+*/(),<>=&]))/y;

type Token = { kind: 'number'; value: number } | { kind: 'text'; value: string } | { kind: 'ref'; value: string } | { kind: 'fn'; value: string } | { kind: 'op'; value: string };

function tokenize(formula: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (formula.slice(at).trim() !== '') {
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(formula);
    if (!m) throw new Error(`plan formula not understood at ${at}: ${formula}`);
    at = TOKEN.lastIndex;
    if (m[1] !== undefined) tokens.push({ kind: 'number', value: Number(m[1]) });
    else if (m[2] !== undefined) tokens.push({ kind: 'text', value: m[2].replace(/""/g, '"') });
    else if (m[3] !== undefined) tokens.push({ kind: 'ref', value: m[3] });
    else if (m[4] !== undefined) tokens.push({ kind: 'fn', value: m[4] });
    else tokens.push({ kind: 'op', value: m[5] });
  }
  return tokens;
}

/** A number as `+`, `-` and comparisons take it: blank 0, TRUE 1, numeric text its number. */
function toNumber(v: Operand): number | { error: string } {
  if (Array.isArray(v)) return v.length === 1 ? toNumber(v[0]) : VALUE_ERROR;
  if (v === null) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (isError(v)) return v;
  const t = v.trim();
  return /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(t) ? Number(t) : VALUE_ERROR;
}

function flat(v: Operand): (FormulaValue | null)[] {
  return Array.isArray(v) ? v.flatMap(flat) : [v];
}

/** The first error among the values, if any (Excel's functions pass errors on). */
function firstError(values: (FormulaValue | null)[]): { error: string } | undefined {
  return values.find(isError) as { error: string } | undefined;
}

const FUNCTIONS: Record<string, (args: Operand[]) => Operand> = {
  // SUM counts numbers in ranges (blanks and text skipped) and coerces direct arguments.
  SUM: (args) => {
    let sum = 0;
    for (const a of args) {
      if (Array.isArray(a)) {
        const values = flat(a);
        const err = firstError(values);
        if (err) return err;
        for (const v of values) if (typeof v === 'number') sum += v;
      } else {
        const n = toNumber(a);
        if (isError(n)) return n;
        sum += n;
      }
    }
    return sum;
  },
  SUMPRODUCT: (args) => {
    if (args.length !== 1) throw new Error('SUMPRODUCT: one array only');
    const values = flat(args[0]);
    const err = firstError(values);
    if (err) return err;
    return values.reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0);
  },
  ISTEXT: ([a]) => (Array.isArray(a) ? a.map((v) => typeof v === 'string') : typeof a === 'string'),
  N: ([a]) => {
    const v = Array.isArray(a) ? a[0] : a;
    return typeof v === 'number' ? v : typeof v === 'boolean' ? (v ? 1 : 0) : isError(v) ? v : 0;
  },
  IF: ([cond, yes, no]) => {
    const c = typeof cond === 'boolean' ? cond : toNumber(cond);
    if (isError(c)) return c;
    return c ? (yes ?? 0) : (no ?? false);
  },
};

class Parser {
  private i = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly lookup: CellValueLookup,
  ) {}

  run(): Operand {
    const v = this.comparison();
    if (this.i !== this.tokens.length) throw new Error('plan formula: trailing tokens');
    return v;
  }

  private peekOp(): string | undefined {
    const t = this.tokens[this.i];
    return t?.kind === 'op' ? t.value : undefined;
  }

  private expect(op: string) {
    if (this.peekOp() !== op) throw new Error(`plan formula: expected ${op}`);
    this.i++;
  }

  private comparison(): Operand {
    const left = this.additive();
    const op = this.peekOp();
    if (op !== '=' && op !== '<>' && op !== '<' && op !== '>' && op !== '<=' && op !== '>=') return left;
    this.i++;
    return compare(scalar(left), scalar(this.additive()), op);
  }

  private additive(): Operand {
    let v = this.unary();
    for (let op = this.peekOp(); op === '+' || op === '-'; op = this.peekOp()) {
      this.i++;
      const a = toNumber(v);
      const b = toNumber(this.unary());
      v = isError(a) ? a : isError(b) ? b : op === '+' ? a + b : a - b;
    }
    return v;
  }

  private unary(): Operand {
    if (this.peekOp() === '-') {
      this.i++;
      const v = this.unary();
      if (Array.isArray(v)) return v.map((x) => negate(x as FormulaValue | null));
      return negate(v);
    }
    return this.primary();
  }

  private primary(): Operand {
    const t = this.tokens[this.i++];
    if (!t) throw new Error('plan formula: unexpected end');
    if (t.kind === 'number' || t.kind === 'text') return t.value;
    if (t.kind === 'ref') return this.reference(t.value);
    if (t.kind === 'fn') {
      const fn = FUNCTIONS[t.value];
      if (!fn) throw new Error(`plan formula: function ${t.value} not understood`);
      this.expect('(');
      const args: Operand[] = [];
      if (this.peekOp() !== ')')
        for (;;) {
          args.push(this.comparison());
          if (this.peekOp() !== ',') break;
          this.i++;
        }
      this.expect(')');
      return fn(args);
    }
    if (t.value === '(') {
      const v = this.comparison();
      this.expect(')');
      return v;
    }
    throw new Error(`plan formula: unexpected ${t.value}`);
  }

  /** A single cell gives its value; a range gives its values row by row. */
  private reference(ref: string): Operand {
    const plain = ref.replace(/\$/g, '');
    if (!plain.includes(':')) {
      const at = parseA1(plain)!;
      return this.lookup(at.row, at.col);
    }
    const r = parseA1Range(plain)!;
    const values: Operand[] = [];
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) values.push(this.lookup(row, col));
    return values;
  }
}

function negate(v: Operand): FormulaValue {
  const n = toNumber(v);
  return isError(n) ? n : -n;
}

function scalar(v: Operand): FormulaValue | null {
  return Array.isArray(v) ? (v.length === 1 ? (v[0] as FormulaValue | null) : VALUE_ERROR) : v;
}

/** Excel's comparison: numbers below text below truth values; a blank is 0 or "" as the other side needs. */
function compare(a: FormulaValue | null, b: FormulaValue | null, op: string): FormulaValue {
  if (isError(a)) return a;
  if (isError(b)) return b;
  const rank = (v: FormulaValue | null, other: FormulaValue | null): number =>
    v === null ? rank(typeof other === 'string' ? '' : typeof other === 'boolean' ? false : 0, null) : typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2;
  const norm = (v: FormulaValue | null, other: FormulaValue | null): number | string | boolean =>
    v === null ? (typeof other === 'string' ? '' : typeof other === 'boolean' ? false : 0) : typeof v === 'string' ? v.toLowerCase() : (v as number | boolean);
  const ra = rank(a, b);
  const rb = rank(b, a);
  const x = norm(a, b);
  const y = norm(b, a);
  const order = ra !== rb ? ra - rb : x < y ? -1 : x > y ? 1 : 0;
  switch (op) {
    case '=': return order === 0;
    case '<>': return order !== 0;
    case '<': return order < 0;
    case '>': return order > 0;
    case '<=': return order <= 0;
    default: return order >= 0;
  }
}

/** The value a spreadsheet computes for `formula` (A1 text without '='). */
export function evaluatePlanFormula(formula: string, lookup: CellValueLookup): FormulaValue {
  const v = new Parser(tokenize(formula), lookup).run();
  const s = scalar(v);
  return s === null ? 0 : s;
}

/**
 * What every formula cell of a sheet shows, computed from the cells as written (literals as
 * they stand, other formulas computed first). A cell's own value wins over a stale `cached`.
 */
export function sheetFormulaValues(sheet: Pick<SheetSpec, 'cells'>): Map<PlanCell, FormulaValue> {
  const byPlace = new Map<number, PlanCell>();
  const key = (row: number, col: number) => row * 20000 + col;
  for (const c of sheet.cells) byPlace.set(key(c.row, c.col), c);
  const results = new Map<PlanCell, FormulaValue>();
  const busy = new Set<PlanCell>();
  const valueOf = (cell: PlanCell): FormulaValue | null => {
    if (cell.formula === undefined) return cell.value === undefined || cell.value === null || cell.value === '' ? null : cell.value;
    const known = results.get(cell);
    if (known !== undefined) return known;
    if (busy.has(cell)) throw new Error(`plan formula refers to itself: ${cell.formula}`);
    busy.add(cell);
    const v = evaluatePlanFormula(cell.formula, (row, col) => {
      const other = byPlace.get(key(row, col));
      return other ? valueOf(other) : null;
    });
    busy.delete(cell);
    results.set(cell, v);
    return v;
  };
  for (const c of sheet.cells) if (c.formula !== undefined) valueOf(c);
  return results;
}

/** The cached value a writer stores for a formula's result: numbers and text; none for errors and truth values. */
export function cachedOf(v: FormulaValue): number | string | undefined {
  return typeof v === 'number' || typeof v === 'string' ? v : undefined;
}

/** Sets `cached` on every formula cell of the sheet (see sheetFormulaValues). */
export function fillCachedValues(sheet: Pick<SheetSpec, 'cells'>): void {
  for (const [cell, v] of sheetFormulaValues(sheet)) {
    const cached = cachedOf(v);
    if (cached === undefined) delete cell.cached;
    else cell.cached = cached;
  }
}
