/**
 * Every Chinese text of the task pane and the standalone page (the words about data — rule
 * outcomes, import issues — come from src/core/messages/zh-CN.ts). Pure data: src/app uses it too.
 */
import type { FormatId } from '../core/formats';

export const APP_TEXT = {
  appName: '政府信息公开年报助手',
  doing: {
    read: '读取表格',
    select: '定位单元格',
    generate: '生成表格',
    sample: '载入示例数据',
    import: '导入',
    summary: '生成文字摘要',
    export: '导出',
    copy: '复制',
    connect: '连接 Excel（已改用网页版）',
    lastYear: '读取上年报告',
    undo: '撤销',
    newReport: '新建',
    blanksAsZero: '空白按 0 处理',
    open: '打开工作簿',
    document: { docx: '导出 Word 年报', html: '导出网页' },
  },
  busy: {
    check: '正在检查…',
    generate: '正在生成表格…',
    sample: '正在载入示例数据…',
    import: '正在写入表格…',
    export: '正在生成工作簿…',
    undo: '正在撤销…',
    newReport: '正在新建…',
    blanksAsZero: '正在填写 0…',
    open: '正在打开工作簿…',
    document: { docx: '正在生成 Word 年报…', html: '正在生成网页…' },
  },
  generated: {
    title: '表格已生成',
    message: (year: number) => `已生成 ${year} 年度的表二、表三、表四，已填写的数据均保留。`,
    rebuilt: (year: number, format: FormatId, dropped: number) =>
      `已按 ${FORMAT_NAMES[format]} 重建 ${year} 年度的表格，两种格式共有的单元格保留了原数据${dropped ? `；${dropped} 个单元格在新格式中没有，已移除（可撤销）` : ''}。`,
  },
  undo: { title: '已撤销', message: '表格已恢复为操作之前的数据、年度和机关名称。', action: '撤销' },
  newReport: {
    title: '已新建年报',
    message: (year: number) => `已新建 ${year} 年度的空白年报表格。`,
    button: '新建',
    dialogTitle: '新建年报',
    start: '新建',
  },
  blanksAsZero: {
    title: '空白已按 0 填写',
    message: (n: number) => `已在 ${n} 个空白单元格中填写 0。`,
    button: '空白按 0 处理',
  },
  opened: {
    title: '已打开工作簿',
    message: (fileName: string, year: number | null) => `已读取 ${fileName}${year ? `（${year} 年度）` : ''}，表格中的数据已换成该文件的数据。`,
    button: '打开工作簿',
  },
  restored: {
    // Not the message's first words again: the bold title and the text are read one after the other.
    title: '数据没有丢失',
    message: (savedAt: string) => `已恢复上次未导出的数据（保存于 ${savedAt}）。如要从头填写，请点击“新建”。`,
  },
  confirm: {
    cancel: '取消',
    replaced: (n: number) => (n ? `表格中已填写的 ${n} 个单元格将被替换。` : ''),
    sample: {
      title: '载入示例数据？',
      message: (n: number) => `表格中已填写的 ${n} 个单元格将被示例数据替换，年度和机关名称也会改为示例的。载入后可以点击“撤销”恢复。`,
      confirm: '载入示例数据',
    },
    newReport: {
      title: '新建空白年报？',
      message: (n: number) => `表格中已填写的 ${n} 个单元格将全部清空。新建后可以点击“撤销”恢复。`,
      confirm: '清空并新建',
    },
    year: {
      title: (year: number) => `改为 ${year} 年度？`,
      sameFormat: (from: number, to: number) => `报告年度将由 ${from} 改为 ${to}，已填写的数据保留。改后可以点击“撤销”恢复。`,
      formatChange: (from: FormatId, to: FormatId, dropped: number) =>
        `表格将由 ${FORMAT_NAMES[from]} 改为 ${FORMAT_NAMES[to]}：两种格式共有的单元格保留原数据${dropped ? `，另有 ${dropped} 个已填写的单元格在新格式中没有，将被移除` : ''}。改后可以点击“撤销”恢复。`,
      confirm: '改年度',
    },
    blanksAsZero: {
      title: '空白按 0 处理？',
      message: (n: number) => `将在以下 ${n} 个空白单元格中填写 0。只有这些事项确实为 0 时才应这样做；填写后可以点击“撤销”恢复。`,
      confirm: '填写 0',
    },
    open: {
      title: (fileName: string) => `打开「${fileName}」？`,
      message: (n: number) => `表格中已填写的 ${n} 个单元格将被该文件的数据替换，年度和机关名称也会改为该文件的。打开后可以点击“撤销”恢复。`,
      confirm: '打开',
    },
    document: {
      title: (n: number) => `有 ${n} 项检查未通过，仍要导出？`,
      message: '年报中的数字来自表格现在的内容。以下检查未通过，建议先改正；如仍导出，文档开头会用【】注明这些问题，发布前须改正并删去。',
      textErrors: (n: number) => `${n} 个单元格填写的是文字而不是数字，在年报中留空`,
      confirm: { docx: '仍导出 Word 年报', html: '仍导出网页' },
    },
    import: {
      title: '写入导入的数据？',
      replace: (n: number) => `表格中已填写的 ${n} 个单元格将被粘贴的数据替换；粘贴中没有的单元格将成为空白，年度和机关名称改为粘贴的。写入后可以点击“撤销”恢复。`,
      onlyPasted: (n: number) => `将写入粘贴的 ${n} 个数字，表格中其他单元格保持不变。写入后可以点击“撤销”恢复。`,
      confirm: '写入表格',
    },
  },
  lastYear: {
    title: '上年报告',
    heading: '上年报告',
    hint: '选择上年度的年报（本工具导出的 .xlsx，或 .json、.txt、.html），检查“上年结转”与上年“结转下年度”、现行有效件数是否衔接，摘要中也会写出与上年的比较。',
    pick: '选择上年报告…',
    clear: '不再使用上年报告',
    current: (fileName: string, year: number | null) => `正在使用：${fileName}（${year ?? '年度未注明'}）`,
    loaded: (fileName: string, year: number | null) => `已读取 ${fileName}${year ? `（${year} 年度）` : ''}，已加入跨年度检查。`,
    wrongYear: (found: number, expected: number) => `所选文件是 ${found} 年度的年报，本年报的上一年度应为 ${expected} 年度，请核对。`,
  },
  sample: { title: '已载入示例数据', message: '示例为偃师区缙氏镇人民政府 2022 年度年报的数据。' },
  imported: {
    title: '导入完成',
    replaced: (n: number, blanks: number) => `已写入 ${n} 个单元格${blanks ? `，粘贴中空白或没有的 ${blanks} 个单元格现为空白` : ''}。`,
    updated: (n: number) => `已写入粘贴的 ${n} 个单元格，其他单元格保持不变。`,
  },
  exported: {
    opened: '已在新工作簿中打开',
    downloaded: '已开始下载',
    message: (errors: number, warnings: number) =>
      errors
        ? `工作簿中的「校验结果」表列出了全部检查结果，其中 ${errors} 项错误${warnings ? `、${warnings} 项提醒` : ''}，请核对后再报送。`
        : `工作簿中的「校验结果」表列出了全部检查结果${warnings ? `（有 ${warnings} 项提醒）` : '，未发现错误'}。`,
    document: (kind: 'docx' | 'html', errors: number) =>
      `已生成${kind === 'docx' ? ' Word 年报' : '网页'}。文中黄色标出的【】处需要人工填写或确认，发布前请逐一补全并删去【】${errors ? `；还有 ${errors} 项错误未改正，文档开头已注明` : ''}。`,
  },
  missing: {
    importer: '导入功能尚未就绪（缺少导入模块），请直接在表格中填写。',
    writer: '导出功能尚未就绪（缺少 .xlsx 生成模块）。',
    summary: '文字摘要功能尚未就绪（缺少摘要模块）。',
    document: '导出年报功能尚未就绪（缺少年报生成模块）。',
  },
  noReport: '还没有年报表格：请先生成表格或载入示例数据。',
  formatChange: (from: FormatId, to: FormatId) =>
    `当前表格为 ${FORMAT_NAMES[from]}，所选年度应使用 ${FORMAT_NAMES[to]}。请新建一个工作簿再生成该年度的表格。`,

  // --- the pane -------------------------------------------------------------------------
  header: {
    standaloneNote: '网页版（未连接 Excel）：直接在页面上的表格中填写，检查结果会随时更新。',
    excelNote: '在 Excel 中填写年报表格，检查结果会随时更新。',
    identity: (year: number | null, agency: string | null, format: FormatId) =>
      `${agency || '（未填写机关名称）'} · ${year ?? '（未定）'} 年度 · ${FORMAT_NAMES[format]}`,
    loadSample: '载入示例数据',
    recheck: '重新检查',
  },
  tabs: { label: '功能', checks: '检查', import: '导入', summary: '摘要', export: '导出', setup: '表格' },
  requirement: {
    title: '此版本的 Excel 功能不全',
    message: (missing: string[]) =>
      `缺少：${missing.join('、')}。部分功能无法使用。请使用 Microsoft 365、Office 2021 或更新版本，或网页版 Excel；也可以使用导出的工作簿或网页版助手。`,
  },
  liveCheck: {
    offTitle: '自动检查已暂停',
    // Follows the bold title 「自动检查已暂停」: it does not repeat it.
    off: 'Excel 暂时不通知表格的修改，检查结果不会随填写自动更新。修改表格后请点击「重新检查」：加载项会重新检查一次，并再次开始自动检查。',
    retry: '重新检查',
    retrying: '正在连接自动检查…',
  },
  errorDetail: '错误信息：',
  close: '关闭',
  checks: {
    heading: '检查结果',
    checkedAt: (time: string) => `检查时间：${time}`,
    summary: (errors: number, warnings: number, undecided: number, passed: number) =>
      `错误 ${errors} 项，提醒 ${warnings} 项，无法判断 ${undecided} 项，通过 ${passed} 项`,
    allPass: '未发现错误。',
    allPassUndecided: (n: number) => `未发现错误，但有 ${n} 项因单元格空白无法判断。`,
    errorsFound: (n: number) => `发现 ${n} 项错误，请逐项核对修改。`,
    warningsOnly: (n: number) => `未发现错误，有 ${n} 项提醒，请核对。`,
    undecidedGroup: (n: number) => `${n} 项检查无法判断（单元格空白）`,
    blanksAsZeroHint: '只有这些事项确实为 0 时才使用；会先列出单元格请您确认，之后可以撤销。',
    showUndecided: '同时列出无法判断的项目',
    listLabel: (table: string) => `${table}的检查结果`,
    severity: { error: '错误', warning: '提醒', undecided: '无法判断' },
    selectHint: (place: string) => `定位到 ${place}`,
    empty: '还没有年报表格。请在“表格”页生成表格，或载入示例数据。',
  },
  setup: {
    heading: '年报表格',
    year: '报告年度',
    yearHint: '2019–2020 年度使用 60号文格式，2021 年度起使用 30号文格式。',
    agency: '机关名称',
    agencyPlaceholder: '例如：某某区某某镇人民政府',
    generate: '生成表格',
    update: '更新表格标题',
    keepNote: '已填写的数据会保留；不会覆盖您自己的工作表。',
    badYear: '请填写四位数的年度，例如 2024。',
  },
  import: {
    heading: '导入已有年报',
    intro: '从网页、Word 或文本中复制年报的表格（连同表头和行名称），粘贴到下面。',
    pasteLabel: '粘贴年报表格',
    fromHtml: '已从网页格式中读取表格。',
    recognise: '识别',
    clear: '清空',
    previewHeading: '识别结果',
    found: (year: number | null, agency: string | null) =>
      `年度：${year ?? '未识别'}；机关：${agency ?? '未识别'}`,
    totalsAgreeing: (n: number) => `粘贴的 ${n} 个合计数与各项之和一致；合计由表格自动计算，不需写入。`,
    retitle: (year: number | null, agency: string | null) =>
      `写入前，表格的标题将改为：${agency ?? '（机关名称）'} ${year ?? ''} 年度。`,
    notWritten: {
      total: (place: string, v: string) => `${place}：粘贴的合计 ${v} 与表格将算出的各项之和不同，合计由表格自动计算，不写入，请核对`,
      otherFormat: (place: string, v: string) => `${place}：粘贴的 ${v} 不属于本年度表格格式，不写入`,
    },
    issuesHeading: (n: number) => (n ? `需要注意的问题（${n} 项）` : '未发现问题'),
    dataHeading: '识别的数据',
    dataColumns: { place: '单元格', value: '数值' },
    blankValue: '（空白）',
    apply: '写入表格',
    nothing: '没有可写入的数字。',
    emptyPaste: '请先粘贴年报表格。',
    yearNeeded: '粘贴的内容中没有找到报告年度，请在识别结果中填写年度后再写入。',
    yearFormat: (year: number, format: FormatId) => `${year} 年度不使用粘贴表格的格式（${FORMAT_NAMES[format]}），请核对年度。`,
    yearField: '报告年度（粘贴中未找到，请填写）',
    onlyPasted: '只更新粘贴的单元格（其他单元格、年度和机关名称保持不变）',
    replaceCounts: (writes: number, blanks: number) =>
      `将写入 ${writes} 个数字${blanks ? `；粘贴中空白或没有的 ${blanks} 个单元格写入后为空白` : ''}。表格现有的数据将被替换。`,
    onlyPastedCounts: (writes: number, blanks: number) =>
      `将写入 ${writes} 个数字${blanks ? `；粘贴中空白的 ${blanks} 个单元格不写入，保留表格原有内容` : ''}。`,
    willBe: (year: number | null, agency: string | null) => `写入后：${agency || '（未填写机关名称）'} · ${year ?? '（年度待填写）'} 年度。`,
    totalsNotComparable: (n: number) => `粘贴的 ${n} 个合计数有部分单元格空白，无法与各项之和核对（不是差错）。`,
    groupTitle: (code: string, n: number) => (GROUP_TITLES[code] ?? ((k: number) => `同类问题 ${k} 项`))(n),
    showLine: (line: number) => `在粘贴内容中显示第 ${line} 行`,
  },
  summary: {
    heading: '文字摘要',
    intro: '根据表格数据生成的文字，可复制到年报正文中再修改。',
    copy: '复制全文',
    copied: '已复制到剪贴板',
    copyFailed: '无法访问剪贴板，请选中文字后按 Ctrl+C 复制。',
    noData: '还没有数据。',
  },
  export: {
    heading: '导出',
    intro: '导出的工作簿包含表二、表三、表四和「校验结果」表（列出全部检查结果和检查时间）。',
    workbook: '导出校验后的工作簿',
    currentFile: '导出当前工作簿',
    currentFileNote: '保存当前 Excel 文件的副本（原样，不含校验结果表）。',
    browserNote: '文件将下载到浏览器的下载文件夹。',
    excelNote: '将在 Excel 中打开一个新工作簿，请另存。',
    documentsHeading: '年报全文',
    documentsIntro: '按表格现在的数据生成年报全文：一至六部分的文字和官方格式的表二、表三、表四。Word 文档用于存档和修改，网页可直接发布到政府网站。文件下载到浏览器的下载文件夹。',
    docx: '导出 Word 年报',
    html: '导出网页',
  },
  grids: {
    region: '年报表格',
    inputLabel: (place: string) => place,
    computed: '自动计算',
  },
  loading: '正在连接…',
} as const;

/** One line for many alike import issues (the list opens below it). */
const GROUP_TITLES: Record<string, (n: number) => string> = {
  BLANK: (n) => `${n} 个单元格为空白`,
  'TEXT-IN-CELL': (n) => `${n} 个数字带有文字`,
  'TEXT-IN-NUMBER': (n) => `${n} 个单元格填写的是文字而不是数字`,
  'LABEL-VARIANT': (n) => `${n} 处名称与标准名称不一致`,
  'OLD-LABEL': (n) => `${n} 处使用了 2019 年版表格的名称`,
  'MISSING-CELL': (n) => `${n} 行的单元格少于表格列数`,
  'UNKNOWN-ROW': (n) => `${n} 行不属于国家规定的表格`,
  'PASTED-TOTAL': (n) => `${n} 个粘贴的总计与各项之和不一致`,
  'NOT-WRITTEN-total': (n) => `${n} 个粘贴的合计与各项之和不同，不写入`,
  'NOT-WRITTEN-otherFormat': (n) => `${n} 个数字不属于本年度表格格式，不写入`,
};

export const FORMAT_NAMES: Record<FormatId, string> = { '2021': '30号文格式（2021 年度起）', '2019': '60号文格式（2019–2020 年度）' };

export const ERROR_TEXT = {
  unexpected: '发生了意外错误。已输入的数据没有改动，请重试；如仍失败，请把下面的错误信息告诉技术人员。',
  /** Office.js error codes (OfficeExtension.Error.code). */
  office: {
    InvalidOperation: 'Excel 暂时无法执行此操作（可能正在编辑单元格）。请按 Enter 或 Esc 结束编辑后重试。',
    ItemNotFound: '找不到年报工作表或单元格。可能已被删除或改名，请点击“生成表格”重新生成。',
    AccessDenied: 'Excel 拒绝了此操作（工作表或工作簿可能受保护）。',
    InvalidArgument: '传给 Excel 的参数无效。',
    GeneralException: 'Excel 内部错误，请稍后重试。',
    ApiNotFound: '此版本的 Excel 不支持所需的功能，请升级到 Microsoft 365、Office 2021 或更新版本，或使用网页版 Excel。',
    RequestPayloadSizeLimitExceeded: '数据量超过了 Excel 网页版单次请求的上限（5 MB）。',
    Unauthenticated: '需要重新登录 Office 账户。',
    ActivityLimitReached: 'Excel 操作过于频繁，请稍后重试。',
    InsertDeleteConflict: '插入或删除操作与现有单元格冲突。',
    EditModeCannotUpdate: 'Excel 正在编辑单元格，请结束编辑后重试。',
  } as Record<string, string>,
};

export const STANDALONE_TEXT = {
  notInput: (places: string[]) => `只能写入填报单元格，以下单元格不是填报单元格：${places.join('、')}`,
  notNumber: (place: string) => `写入 ${place} 的值不是数字，未写入`,
  noCell: (place: string) => `页面上找不到单元格 ${place}`,
} as const;

/** The standalone page's own texts: notes on grid cells, keeping the report in the browser. */
export const PAGE_TEXT = {
  /** A number read only after normalising (full-width digits, thousands separators). */
  readAs: (place: string, typed: string, value: string) =>
    `${place}：「${typed.trim()}」按数字 ${value} 读取（全角数字、千位分隔符按导入时的方式读取），单元格中保留您输入的文字。`,
  negative: (place: string, value: string) => `${place}：填的是负数 ${value}，此处应为不小于 0 的数，请核对。`,
  keepFailed: {
    title: '浏览器没有保存刚才的填写',
    message:
      '可能是隐私浏览模式，或浏览器存储空间已满。继续填写不受影响，但刷新或关闭页面后，未导出的数据会丢失：请先用「导出」保存工作簿。',
  },
  /** Browsers show their own wording for leaving; this is given where one is still shown. */
  leaveUnexported: '填写的数据还没有导出，离开后会保留在本浏览器中，但建议先导出工作簿。确定离开吗？',
} as const;
