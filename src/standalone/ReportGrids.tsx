/**
 * The three tables drawn from the SheetPlan as HTML tables: same labels, merged headers
 * (rowSpan/colSpan from the plan's merges), input cells editable, totals and the check row
 * computed and read-only. What the user types is kept as typed. The keyboard moves as in a
 * spreadsheet (grid-nav.ts): Enter / Shift+Enter down / up, arrows between input cells, Tab
 * skips the totals.
 */
import {
  memo, useCallback, useEffect, useMemo, useRef, useSyncExternalStore,
  type CSSProperties, type KeyboardEvent, type MouseEvent,
} from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { cellPlace } from '../core/describe';
import type { FormatId } from '../core/formats';
import * as zhCN from '../core/messages/zh-CN';
import { sheetTotals } from '../core/sheetplan/compile';
import type { PlanCell, SheetSpec } from '../core/sheetplan/types';
import { readCellText } from '../app/cell-text';
import { evaluateFormula } from '../app/formula';
import { APP_TEXT, PAGE_TEXT } from '../taskpane/strings.zh-CN';
import type { StandaloneHost } from './host';
import { gridMap, neighbour, type Move } from './grid-nav';

const useStyles = makeStyles({
  grids: { display: 'flex', flexDirection: 'column', gap: '24px', padding: '12px', minWidth: 0 },
  reportTitle: { fontSize: tokens.fontSizeBase500, margin: '4px 0', textAlign: 'center' },
  sheet: { overflowX: 'auto' },
  caption: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: '0 0 6px', textAlign: 'left' },
  table: { borderCollapse: 'collapse', tableLayout: 'fixed' },
  cell: { border: `1px solid ${tokens.colorNeutralStroke1}`, padding: '2px 4px', fontSize: '13px', lineHeight: '1.35' },
  bare: { border: 'none', padding: '4px 2px', fontSize: '12px' },
  input: {
    width: '100%', boxSizing: 'border-box', border: '1px solid transparent', backgroundColor: 'transparent',
    textAlign: 'center', font: 'inherit', padding: '2px', minWidth: '2.5em',
    ':focus': { outline: `2px solid ${tokens.colorBrandStroke1}`, backgroundColor: '#fff' },
  },
  invalid: { border: `1px solid ${tokens.colorPaletteRedBorder2}`, backgroundColor: '#ffe5e5', color: tokens.colorPaletteRedForeground1 },
  /** A negative number: outlined in red where it stands (the finding says why). */
  negative: { boxShadow: `inset 0 0 0 2px ${tokens.colorPaletteRedBorder2}`, color: tokens.colorPaletteRedForeground1 },
  /** Read only after normalising: a corner mark, as a spreadsheet marks a cell with a note. */
  normalized: {
    backgroundImage: `linear-gradient(225deg, ${tokens.colorPaletteMarigoldBorder2} 6px, transparent 6px)`, backgroundRepeat: 'no-repeat',
  },
  hiddenNote: {
    position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap',
  },
  computed: { color: tokens.colorNeutralForeground2, cursor: 'default' },
});

/** Excel character width → CSS pixels (about 7 px per character at 11 pt, plus padding). */
const widthPx = (chars: number) => Math.round(chars * 7.5 + 10);

function styleOf(sheet: SheetSpec, cell: PlanCell): CSSProperties {
  const s = sheet.styles[cell.style];
  if (!s) return {};
  return {
    background: s.fill ? `#${s.fill}` : undefined,
    fontWeight: s.font.bold ? 600 : undefined,
    color: s.font.color ? `#${s.font.color}` : undefined,
    textAlign: s.horizontal,
    verticalAlign: s.vertical,
    whiteSpace: s.wrap ? 'normal' : 'nowrap',
  };
}

/** Excel's two modes: arrived by keyboard (arrows leave the cell) or editing (arrows move the caret). */
type CellMode = 'enter' | 'edit';

export function ReportGrids({ host }: { host: StandaloneHost }) {
  const model = useSyncExternalStore(host.subscribe, host.model, host.model);
  const styles = useStyles();
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const pointed = useRef<string | null>(null);
  const mode = useRef<CellMode>('enter');
  const { plan, texts } = model;
  const sheets = useMemo(() => plan?.sheets.filter((s) => s.key === 't2' || s.key === 't3' || s.key === 't4') ?? [], [plan]);
  const map = useMemo(() => gridMap(sheets), [sheets]);

  const values = useMemo(() => {
    if (!plan) return {};
    const cells: Record<string, number | null> = {};
    for (const [id, text] of Object.entries(texts)) cells[id] = readCellText(text).value;
    return { ...cells, ...sheetTotals(plan.format, cells) };
  }, [plan, texts]);

  // A finding's cell is scrolled to the middle of the view; a keyboard move only as far as needed (focus does that).
  const focus = useCallback((cellId: string, centre = true) => {
    const el = inputs.current.get(cellId);
    if (!el) return false;
    if (centre) el.scrollIntoView?.({ block: 'center', inline: 'nearest' });
    el.focus();
    el.select();
    return true;
  }, []);
  useEffect(() => host.registerFocus((cellId) => focus(cellId)), [host, focus]);
  const register = useCallback((id: string, el: HTMLInputElement | null) => {
    if (el) inputs.current.set(id, el);
    else inputs.current.delete(id);
  }, []);

  // A click puts the cell in edit mode; any other arrival (Tab, Enter, arrows, a finding) in enter mode.
  const onMouseDown = useCallback((e: MouseEvent) => {
    pointed.current = cellIdOf(e.target);
    if (pointed.current !== null && e.target === document.activeElement) mode.current = 'edit'; // a click in the cell being typed in
  }, []);
  const onFocus = useCallback((e: { target: EventTarget }) => {
    const id = cellIdOf(e.target);
    mode.current = id !== null && id === pointed.current ? 'edit' : 'enter';
    pointed.current = null;
  }, []);
  const onKeyDown = useCallback(
    (e: KeyboardEvent) => {
      const id = cellIdOf(e.target);
      if (id === null || e.nativeEvent.isComposing || e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === 'F2') {
        mode.current = 'edit';
        return;
      }
      const move = moveOf(e, e.target as HTMLInputElement, mode.current);
      if (!move) return;
      e.preventDefault();
      const to = neighbour(map, id, move);
      if (to) focus(to, false);
    },
    [map, focus],
  );

  if (!plan) return null;
  const titleCell = sheets[0]?.cells.find((c) => c.row === 0 && c.role === 'title');

  return (
    <section className={styles.grids} aria-labelledby="grids-title" onMouseDown={onMouseDown} onFocus={onFocus} onKeyDown={onKeyDown}>
      <h2 id="grids-title" className={styles.reportTitle}>
        {String(titleCell?.value ?? APP_TEXT.grids.region)}
      </h2>
      {sheets.map((sheet) => (
        <SheetTable key={sheet.key} sheet={sheet} format={plan.format} texts={texts} values={values} register={register} host={host} />
      ))}
    </section>
  );
}

function cellIdOf(target: EventTarget | null): string | null {
  return target instanceof HTMLElement ? target.getAttribute('data-cell-id') : null;
}

/** The move a key asks for in a cell, or null to let the input handle it. */
function moveOf(e: KeyboardEvent, input: HTMLInputElement, mode: CellMode): Move | null {
  if (e.key === 'Enter') return e.shiftKey ? 'up' : 'down';
  if (e.shiftKey) return null; // Shift+arrows select text
  if (e.key === 'ArrowDown') return 'down';
  if (e.key === 'ArrowUp') return 'up';
  if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return null;
  if (mode === 'enter') return e.key === 'ArrowLeft' ? 'left' : 'right';
  const { selectionStart: start, selectionEnd: end, value } = input;
  if (start === null || start !== end) return null;
  if (e.key === 'ArrowLeft') return start === 0 ? 'left' : null;
  return start === value.length ? 'right' : null;
}

interface SheetTableProps {
  sheet: SheetSpec;
  format: FormatId;
  texts: Readonly<Record<string, string>>;
  values: Record<string, number | null>;
  register: Register;
  host: StandaloneHost;
}

function SheetTable(props: SheetTableProps) {
  const styles = useStyles();
  const { sheet, format } = props;
  const captionCell = sheet.cells.find((c) => c.row === 1 && c.role === 'title');
  const byPos = new Map(sheet.cells.map((c) => [`${c.row}:${c.col}`, c]));
  const spans = new Map(sheet.merges.map((m) => [`${m.top}:${m.left}`, m]));
  const covered = new Set<string>();
  for (const m of sheet.merges)
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r}:${c}`);
  const lastRow = Math.max(...sheet.cells.map((c) => c.row));
  const cols = sheet.columnWidths.length;
  const lookup = (row: number, col: number) => {
    const c = byPos.get(`${row}:${col}`);
    return c?.cellId ? (props.values[c.cellId] ?? null) : null;
  };
  const rows = [];
  for (let r = 2; r <= lastRow; r++) {
    const tds = [];
    for (let c = 0; c < cols; c++) {
      const key = `${r}:${c}`;
      if (covered.has(key)) continue;
      const cell = byPos.get(key);
      const m = spans.get(key);
      const span = { rowSpan: m ? m.bottom - m.top + 1 : undefined, colSpan: m ? m.right - m.left + 1 : undefined };
      if (!cell) {
        tds.push(<td key={key} className={styles.cell} {...span} />);
        continue;
      }
      const style = styleOf(sheet, cell);
      if (cell.role === 'input' && cell.cellId) {
        const id = cell.cellId;
        tds.push(
          <td key={key} className={styles.cell} style={style} {...span}>
            <CellInput
              id={id}
              text={props.texts[id] ?? ''}
              label={cellPlace(format, id)}
              decimal={sheet.styles[cell.style]?.numberFormat !== '0'}
              align={style.textAlign}
              register={props.register}
              host={props.host}
            />
          </td>,
        );
      } else if ((cell.role === 'total' || cell.role === 'check') && cell.formula !== undefined) {
        const v = cell.cellId ? (props.values[cell.cellId] ?? null) : evaluateFormula(cell.formula, lookup);
        const red = cell.role === 'check' && v !== null && v !== 0;
        const shown = v === null ? '' : zhCN.formatNumber(v);
        tds.push(
          <td key={key} className={styles.cell} style={{ ...style, ...(red ? { background: '#FFC7CE', color: '#9C0006' } : {}) }} {...span}>
            {cell.cellId ? (
              <ComputedCell
                id={cell.cellId}
                text={shown}
                label={`${cellPlace(format, cell.cellId)}（${APP_TEXT.grids.computed}）`}
                register={props.register}
              />
            ) : (
              <output>{shown}</output>
            )}
          </td>,
        );
      } else {
        const text = cell.value === null || cell.value === undefined ? '' : String(cell.value);
        const header = cell.role === 'header' || cell.role === 'label';
        const Tag = header ? 'th' : 'td';
        const scope = cell.role === 'label' ? 'row' : cell.role === 'header' ? 'col' : undefined;
        tds.push(
          <Tag
            key={key}
            scope={scope}
            className={cell.role === 'note' ? styles.bare : styles.cell}
            style={{ ...style, fontWeight: header ? (style.fontWeight ?? 400) : style.fontWeight }}
            {...span}
          >
            {text}
          </Tag>,
        );
      }
    }
    const h = sheet.rowHeights[r];
    rows.push(
      <tr key={r} style={h ? { height: `${Math.round(h * 1.2)}px` } : undefined}>
        {tds}
      </tr>,
    );
  }
  const id = `sheet-${sheet.key}`;
  return (
    <div className={styles.sheet} role="region" aria-labelledby={id} tabIndex={-1}>
      <table className={styles.table} aria-labelledby={id}>
        <caption id={id} className={styles.caption}>
          {String(captionCell?.value ?? sheet.name)}
        </caption>
        <colgroup>
          {sheet.columnWidths.map((w, i) => (
            <col key={i} style={{ width: `${widthPx(w)}px` }} />
          ))}
        </colgroup>
        <tbody>{rows}</tbody>
      </table>
    </div>
  );
}

type Register = (id: string, el: HTMLInputElement | null) => void;

/** One input cell; memoised so typing in one cell re-renders only that cell. */
const CellInput = memo(function CellInput(props: {
  id: string;
  text: string;
  label: string;
  decimal: boolean;
  align: CSSProperties['textAlign'];
  register: Register;
  host: StandaloneHost;
}) {
  const styles = useStyles();
  const { id, register, host } = props;
  const ref = useCallback((el: HTMLInputElement | null) => register(id, el), [id, register]);
  const reading = readCellText(props.text);
  const invalid = reading.raw !== undefined;
  const negative = reading.value !== null && reading.value < 0;
  const note = cellNote(props.label, props.text, reading.value, !!reading.normalized);
  const noteId = note ? `note-${id}` : undefined;
  return (
    <>
      <input
        ref={ref}
        className={mergeClasses(styles.input, invalid && styles.invalid, negative && styles.negative, reading.normalized && styles.normalized)}
        style={{ textAlign: props.align }}
        inputMode={props.decimal ? 'decimal' : 'numeric'}
        aria-label={props.label}
        aria-invalid={invalid || negative || undefined}
        aria-describedby={noteId}
        title={note ?? undefined}
        data-cell-id={id}
        value={props.text}
        onChange={(e) => host.setCellText(id, e.target.value)}
      />
      {note && (
        <span id={noteId} className={styles.hiddenNote}>
          {note}
        </span>
      )}
    </>
  );
});

/** What the cell's note says: a negative number, or a number read only after normalising. */
function cellNote(place: string, text: string, value: number | null, normalized: boolean): string | null {
  if (value !== null && value < 0) return PAGE_TEXT.negative(place, zhCN.formatNumber(value));
  if (normalized && value !== null) return PAGE_TEXT.readAs(place, text, String(value));
  return null;
}

/** A total: read-only, out of the Tab order, but focusable (findings select it), named 「…（自动计算）」. */
const ComputedCell = memo(function ComputedCell(props: { id: string; text: string; label: string; register: Register }) {
  const styles = useStyles();
  const { id, register } = props;
  const ref = useCallback((el: HTMLInputElement | null) => register(id, el), [id, register]);
  return (
    <input
      ref={ref}
      className={mergeClasses(styles.input, styles.computed)}
      readOnly
      tabIndex={-1}
      aria-label={props.label}
      data-cell-id={id}
      value={props.text}
    />
  );
});
