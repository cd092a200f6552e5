/**
 * The Chinese texts of the Office adapter (Excel errors, requirement sets, refusals). Office-only,
 * so they live here rather than in src/core/messages/zh-CN.ts; one place for all of them.
 */

/** What the add-in was doing when Excel refused: 「生成报表」… */
export const ACTIONS = {
  generate: '生成报表',
  read: '读取报表数据',
  write: '写入数据',
  select: '定位单元格',
  export: '打开导出的工作簿',
  currentFile: '读取当前工作簿',
  listen: '监听表格修改',
} as const;
export type OfficeAction = keyof typeof ACTIONS;

/** Office.js error codes (OfficeExtension.ErrorCodes and Excel.ErrorCodes) in the user's words. */
export const EXCEL_ERROR_TEXT: Record<string, string> = {
  AccessDenied:
    '工作表受保护，Excel 拒绝修改（可能有人刚保护了工作表，或要写入的单元格被锁定）：请在「审阅 → 撤销工作表保护」解除保护后再试；已填写的数据没有丢失',
  BadPassword:
    '工作表已设密码保护，加载项的密码与之不符：请在「审阅 → 撤销工作表保护」中输入密码解除保护，再点击「生成报表」（生成后会重新加上保护）；已填写的数据没有丢失',
  InvalidOperationInCellEditMode: '正在编辑单元格：请先按 Enter 或 Esc 结束单元格编辑，再重试；已填写的数据没有丢失',
  ActivityLimitReached: 'Excel 暂时无法处理更多请求，请稍后重试',
  ApiNotFound: '当前 Excel 版本不支持所需的功能，请升级到 Microsoft 365、Office 2021 或更新版本',
  Conflict: '与其他用户的修改冲突，请稍后重试',
  EditModeCannotAcquireLock: '正在编辑单元格，请先按 Enter 或 Esc 结束编辑后再试',
  FilteredRangeConflict: '筛选状态下无法执行此操作',
  GeneralException: 'Excel 处理请求时出错',
  InactiveWorkbook: '工作簿当前不处于活动状态，请切换回该工作簿后再试',
  InsertDeleteConflict: '插入或删除操作与现有内容冲突',
  InvalidArgument: '参数无效（名称、地址或数值不被 Excel 接受）',
  InvalidBinding: '绑定已失效',
  InvalidOperation: '当前状态下不能执行此操作（可能正在编辑单元格，或工作表受保护）',
  InvalidReference: '引用无效（相关工作表可能已被删除或重命名）',
  InvalidSelection: '当前选择的区域无效',
  ItemAlreadyExists: '同名的工作表或名称已经存在：如果复制过年报工作表，请删除复制出的工作表后再试',
  ItemNotFound: '找不到相关的工作表或名称（可能已被删除或重命名）',
  MergedRangeConflict: '与合并单元格冲突',
  NonBlankCellOffSheet: '工作表末尾有内容，无法插入单元格',
  NotImplemented: '当前 Excel 版本不支持此功能',
  PropertyNotLoaded: '加载项内部错误：未读取所需的属性',
  RequestAborted: '请求被中止，请重试',
  RequestPayloadSizeLimitExceeded: '一次写入的数据超过 Excel 的上限（网页版为 5 MB）',
  ResponsePayloadSizeLimitExceeded: '一次读取的数据超过 Excel 的上限（网页版为 5 MB）',
  ServiceNotAvailable: 'Excel 服务暂时不可用，请稍后重试',
  Unauthenticated: '身份验证失败，请重新登录',
  UnsupportedOperation: '不支持此操作',
  UnsupportedSheet: '此类工作表（如图表工作表）不支持该操作',
  InvalidObjectPath: '加载项内部错误：对象已失效',
};

export const OFFICE_TEXT = {
  /** 「生成报表时 Excel 报错：…（错误代码 InvalidOperation）」 */
  excelFailed: (action: string, reason: string, code: string | null) =>
    `${action}时 Excel 报错：${reason}${code ? `（错误代码 ${code}）` : ''}`,
  unknownReason: (message: string) => (message ? `未知错误：${message}` : '未知错误'),
  protectionRestored: '已恢复报表工作表的保护。',
  protectionNotRestored: (sheets: string[]) => `未能恢复以下工作表的保护，请在「审阅 → 保护工作表」中手动保护：${sheets.join('、')}`,
  needsExcelApi: (version: string) =>
    `当前 Excel 不支持 ExcelApi ${version}：本加载项需要 Microsoft 365、Office 2021 或更新版本，或 Excel 网页版。Office 2016/2019 请改用导出的工作簿或独立网页版。`,
  missingSet: (set: string, what: string) => `缺少 ${set}（${what}）`,
  compressedFileMissing: '当前 Excel 不支持读取整个工作簿文件，只能导出新的工作簿',
  noReportSheets: '工作簿中还没有年报工作表：请先点击「生成报表」',
  unknownCell: (cellId: string) => `未知的单元格编号「${cellId}」`,
  notInputCell: (place: string) => `${place} 由公式计算，不能直接写入`,
  notANumber: (place: string, shown: string) => `${place}：只能写入数字，收到的是「${shown}」，未写入任何数据`,
  formatChangeLosesValues: (from: string, to: string, places: string[]) =>
    `工作簿中已有 ${from} 格式的年报表，改用 ${to} 格式会丢失以下已填写的数据：${places.join('、')}。未做任何修改；如确需更换格式，请先另存一份，再删除或重命名原有的年报工作表。`,
  sheetNameTaken: (name: string, used: string) => `工作簿中已有一个名为「${name}」的工作表（不是本加载项生成的），未改动它；年报表已生成为「${used}」。`,
  noFreeName: (name: string) => `无法为「${name}」找到可用的工作表名称，请先重命名工作簿中的同名工作表`,
  passwordProtected: (name: string) => `工作表「${name}」设置了其他密码保护，加载项无法解除保护：请在「审阅 → 撤销工作表保护」后再试`,
  fileReadFailed: (message: string) => `读取当前工作簿失败：${message}`,
  liveCheckOff: (reason: string) =>
    `自动检查已暂停：加载项多次尝试后仍无法监听表格修改（${reason}）。修改表格后请点击「重新检查」。`,
  exportDownloaded: (fileName: string, reason: string) =>
    `Excel 无法直接打开导出的工作簿（${reason}），已改为下载文件「${fileName}」：请在浏览器的下载列表或「下载」文件夹中打开它。如果没有出现下载，请改用独立网页版导出。`,
  exportFailedTwice: (openReason: string, downloadReason: string) =>
    `无法导出工作簿：Excel 不能直接打开它（${openReason}），下载也失败了（${downloadReason}）。请改用独立网页版导出；已填写的数据没有改动。`,
};

export const REQUIREMENT_NAMES: Record<string, string> = {
  'ExcelApi 1.9': '生成和检查报表',
  CompressedFile: '导出当前工作簿',
};
