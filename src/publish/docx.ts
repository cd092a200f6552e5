/**
 * Draws a DocumentPlan as a Word document with the `docx` package: A4 with the 公文 page setup
 * (GB/T 9704: margins 37/35/28/26 mm, 三号仿宋 body on a 29 pt line, 黑体 headings, 二号小标宋
 * title), the official tables with their merged cells and borders (table 三's header repeated
 * on every page), and every 【…】 highlighted. Runs in Node and in the browser.
 */
import {
  AlignmentType, BorderStyle, Document, Footer, HighlightColor, LineRuleType, Packer, PageNumber, Paragraph, Table,
  TableCell, TableLayoutType, TableRow, TextRun, VerticalAlignTable, WidthType, type IBorderOptions, type IRunOptions,
} from 'docx';
import type { DocCell, DocParagraph, DocTable, DocumentPlan, Run } from '../core/publish';
import { titleText } from '../core/publish';

/** Twentieths of a point per millimetre. */
const TWIPS_PER_MM = 1440 / 25.4;
const mm = (v: number) => Math.round(v * TWIPS_PER_MM);

export const PAGE = {
  width: mm(210),
  height: mm(297),
  margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
} as const;
/** The width tables span: the text block. */
const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;

/**
 * Fonts as 公文 name them. A run names one font; the fallbacks (仿宋_GB2312 → 仿宋, 方正小标宋简体
 * → 宋体, 楷体_GB2312 → 楷体) are written into the font table as each font's alternate name with
 * the GB2312 character set, which Word and WPS use when the first is not installed; LibreOffice
 * substitutes an installed CJK face (Noto Serif/Sans CJK on Linux).
 */
export const FONTS = {
  title: { name: '方正小标宋简体', alt: '宋体', serif: true },
  heading: { name: '黑体', alt: 'SimHei', serif: false },
  body: { name: '仿宋_GB2312', alt: '仿宋', serif: true },
  subheading: { name: '楷体_GB2312', alt: '楷体', serif: true },
  // SimSun is 宋体's own English name (Word and WPS use it alike); fontconfig maps it to a serif face.
  table: { name: 'SimSun', alt: '宋体', serif: true },
} as const;
/** Latin text and digits in every run. */
const LATIN = 'Times New Roman';

/** Sizes in half-points: 二号 22 pt, 三号 16 pt, 五号 10.5 pt, 四号 14 pt. */
const SIZE = { title: 44, body: 32, table: 21, footer: 28 } as const;
/** The 公文 line: 22 lines on a page of 225 mm text height ≈ 29 pt, exact. */
const BODY_LINE = 580;
/** Two characters of 三号: the first-line indent of every body paragraph and heading. */
const INDENT_TWO_CHARS = 640;

function font(f: { name: string }): IRunOptions['font'] {
  return { eastAsia: f.name, ascii: LATIN, hAnsi: LATIN, hint: 'eastAsia' };
}

/** Simplified Chinese: a substituted CJK face then draws the mainland glyph forms. */
const LANGUAGE = { value: 'zh-CN', eastAsia: 'zh-CN' } as const;

function textRuns(runs: readonly Run[], base: IRunOptions): TextRun[] {
  return runs.map((r) => new TextRun({ ...base, language: LANGUAGE, text: r.text, ...(r.mark ? { highlight: HighlightColor.YELLOW } : {}) }));
}

const bodyRun: IRunOptions = { font: font(FONTS.body), size: SIZE.body };
const bodySpacing = { line: BODY_LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;

function titleParagraph(plan: DocumentPlan): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { line: 700, lineRule: LineRuleType.EXACT, after: BODY_LINE },
    children: textRuns(plan.title, { font: font(FONTS.title), size: SIZE.title }),
  });
}

function bodyParagraph(p: DocParagraph): Paragraph {
  const lead = p.subheading ? [new TextRun({ text: `${p.subheading}。`, font: font(FONTS.subheading), size: SIZE.body })] : [];
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: INDENT_TWO_CHARS },
    spacing: bodySpacing,
    children: [...lead, ...textRuns(p.runs, bodyRun)],
  });
}

function headingParagraph(text: string): Paragraph {
  return new Paragraph({
    indent: { firstLine: INDENT_TWO_CHARS },
    spacing: bodySpacing,
    keepNext: true,
    children: [new TextRun({ text, font: font(FONTS.heading), size: SIZE.body })],
  });
}

// --- tables -------------------------------------------------------------------------------

const BORDER: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
/** Borders, cell margins and the text's look are set once on the table and in styles, not per cell: the document is built in a fraction of the time. */
const TABLE_BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER };
const STYLE_IDS = { tableText: 'TableText', tableHead: 'TableHead' } as const;
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

function twipWidths(table: DocTable): number[] {
  const sum = table.columnWidths.reduce((a, b) => a + b, 0);
  const widths = table.columnWidths.map((w) => Math.floor((w / sum) * TEXT_WIDTH));
  widths[widths.length - 1] += TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function tableCell(cell: DocCell, width: number): TableCell {
  return new TableCell({
    rowSpan: cell.rowSpan,
    columnSpan: cell.colSpan,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    children: [
      new Paragraph({
        style: cell.kind === 'header' ? STYLE_IDS.tableHead : STYLE_IDS.tableText,
        alignment: ALIGN[cell.align],
        children: cell.text ? [new TextRun(cell.text)] : [],
      }),
    ],
  });
}

function officialTable(table: DocTable): Table {
  const widths = twipWidths(table);
  // Each row's cells start at the first column not covered by a span from the rows above.
  const covered: number[] = widths.map(() => 0);
  const rows = table.rows.map((cells, r) => {
    let col = 0;
    const out: TableCell[] = [];
    for (const cell of cells) {
      while (col < widths.length && covered[col] > 0) col++;
      const width = widths.slice(col, col + cell.colSpan).reduce((a, b) => a + b, 0);
      out.push(tableCell(cell, width));
      for (let c = col; c < col + cell.colSpan; c++) covered[c] = cell.rowSpan;
      col += cell.colSpan;
    }
    for (let c = 0; c < covered.length; c++) if (covered[c] > 0) covered[c]--;
    return new TableRow({ children: out, tableHeader: r < table.headerRows, cantSplit: true });
  });
  return new Table({
    rows,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: TABLE_BORDERS,
    margins: { top: 30, bottom: 30, left: 60, right: 60 },
  });
}

// --- the document ---------------------------------------------------------------------------

function pageNumberFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font(FONTS.table), size: SIZE.footer })],
      }),
    ],
  });
}

export function documentFor(plan: DocumentPlan): Document {
  const children: (Paragraph | Table)[] = [titleParagraph(plan), ...plan.notices.map(bodyParagraph)];
  for (const section of plan.sections) {
    children.push(headingParagraph(section.heading));
    for (const block of section.blocks) {
      if (block.kind === 'table') {
        children.push(officialTable(block));
        // An empty line after a table keeps the next paragraph off its border.
        children.push(new Paragraph({ spacing: { line: 240, before: 0, after: 0 }, children: [] }));
      } else children.push(bodyParagraph(block));
    }
  }
  return new Document({
    title: titleText(plan),
    creator: 'xxgk-nianbao',
    styles: {
      default: { document: { run: { font: font(FONTS.body), size: SIZE.body, language: LANGUAGE } } },
      paragraphStyles: [
        {
          id: STYLE_IDS.tableText, name: '表格文字', quickFormat: true,
          run: { font: font(FONTS.table), size: SIZE.table, language: LANGUAGE },
          paragraph: { spacing: { line: 300, lineRule: LineRuleType.AT_LEAST, before: 0, after: 0 } },
        },
        { id: STYLE_IDS.tableHead, name: '表格标题行', basedOn: STYLE_IDS.tableText, quickFormat: true, run: { bold: true } },
      ],
    },
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { ...PAGE.margin, header: mm(15), footer: mm(20) } } },
        footers: { default: pageNumberFooter() },
        children,
      },
    ],
  });
}

/** word/fontTable.xml naming each font's fallback (its alternate name) and GB2312 character set. */
export function fontTableXml(): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const fonts = [...Object.values(FONTS), { name: LATIN, alt: '', serif: true }];
  // The family (roman: serif, swiss: sans) is what a substitute is chosen by: 仿宋 and 宋体
  // then fall back to a serif CJK face, 黑体 to a sans one.
  const entries = fonts.map((f) => {
    const cjk = f.name !== LATIN;
    return (
      `<w:font w:name="${esc(f.name)}">${f.alt ? `<w:altName w:val="${esc(f.alt)}"/>` : ''}` +
      `<w:charset w:val="${cjk ? '86' : '00'}"/><w:family w:val="${f.serif ? 'roman' : 'swiss'}"/><w:pitch w:val="variable"/></w:font>`
    );
  });
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    `${entries.join('')}</w:fonts>`
  );
}

/** The .docx file's bytes. */
export async function writeDocx(plan: DocumentPlan): Promise<Uint8Array> {
  const buffer = await Packer.toArrayBuffer(documentFor(plan), false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
  return new Uint8Array(buffer);
}
