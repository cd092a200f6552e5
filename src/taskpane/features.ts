/**
 * The parts of the pane that come from other modules (importer, narrative writer, .xlsx
 * writer), adapted to the controller's small interfaces and loaded on first use (dynamic
 * import), which keeps the pane's first download small.
 */
import type { DocumentWriter, ImportFn, LastYearReader, PaneDeps, SummaryFn } from '../app/controller';
import { browserDownload } from './browser';

export const features: Pick<PaneDeps, 'loadImporter' | 'loadSummaryWriter' | 'loadXlsxWriter' | 'loadLastYearReader' | 'loadDocumentWriter' | 'download'> = {
  loadImporter: async (): Promise<ImportFn> => {
    const { describeIssues, importText } = await import(/* webpackChunkName: "import" */ '../core/import');
    return (text, options) => {
      const { report, issues } = importText(text, options);
      return {
        report,
        issues: describeIssues(report.format, issues).map((i) => ({ code: i.code, severity: i.severity, message: i.message, cells: i.cells, line: i.line, column: i.column })),
      };
    };
  },
  loadSummaryWriter: async (): Promise<SummaryFn> => {
    const { writeSummary } = await import(/* webpackChunkName: "narrative" */ '../core/narrative');
    return (report, lastYear) =>
      writeSummary(report, { lastYear }).map((s) => ({
        heading: s.heading,
        paragraphs: s.paragraphs.map((p) => (p.subheading ? `${p.subheading}${p.text}` : p.text)),
      }));
  },
  // Last year's report in any form the CLI's --last-year takes: our workbook (or any .xlsx), JSON, pasted text.
  loadLastYearReader: async (): Promise<LastYearReader> => {
    const [{ readXlsx }, { importText }, { parseReport }, { XxgkError }] = await Promise.all([
      import(/* webpackChunkName: "xlsx" */ '../xlsx'),
      import(/* webpackChunkName: "import" */ '../core/import'),
      import('../core/report'),
      import('../core/errors'),
    ]);
    return ({ name, bytes }, year) => {
      const ext = /\.[^.]+$/.exec(name.toLowerCase())?.[0] ?? '';
      const options = year === null ? {} : { year };
      if (ext === '.xlsx') return readXlsx(bytes, options).report;
      const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
      if (ext === '.json') {
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch (e) {
          throw new XxgkError('JSON-INVALID', { path: name, reason: (e as Error).message });
        }
        return parseReport(json);
      }
      if (ext === '.txt' || ext === '.html' || ext === '.htm')
        return importText(text, { ...options, mime: ext === '.txt' ? 'text/plain' : 'text/html' }).report;
      throw new XxgkError('INPUT-UNSUPPORTED', { extension: ext || name, supported: '可用：.xlsx、.json、.txt、.html' });
    };
  },
  loadXlsxWriter: async () => (await import(/* webpackChunkName: "xlsx" */ '../xlsx')).writeXlsx,
  // The plan and the web page are small; the Word writer (the `docx` package) loads only when a Word document is asked for.
  loadDocumentWriter: async (): Promise<DocumentWriter> => {
    const [{ planDocument }, { writeHtml }] = await Promise.all([
      import(/* webpackChunkName: "publish" */ '../core/publish'),
      import(/* webpackChunkName: "publish" */ '../publish/html'),
    ]);
    return async (kind, report, options) => {
      const plan = planDocument(report, options);
      if (kind === 'html') return new TextEncoder().encode(writeHtml(plan));
      const { writeDocx } = await import(/* webpackChunkName: "docx" */ '../publish/docx');
      return writeDocx(plan);
    };
  },
  // Word documents and web pages are files for the user, never workbooks: they go to the downloads, in Excel too.
  download: browserDownload,
};
