/**
 * The parts of the pane that come from other modules (importer, narrative writer, .xlsx
 * writer), adapted to the controller's small interfaces and loaded on first use (dynamic
 * import), which keeps the pane's first download small.
 */
import type { ImportFn, PaneDeps, SummaryFn } from '../app/controller';

export const features: Pick<PaneDeps, 'loadImporter' | 'loadSummaryWriter' | 'loadXlsxWriter'> = {
  loadImporter: async (): Promise<ImportFn> => {
    const { describeIssues, importText } = await import(/* webpackChunkName: "import" */ '../core/import');
    return (text, options) => {
      const { report, issues } = importText(text, options);
      return {
        report,
        issues: describeIssues(report.format, issues).map((i) => ({ code: i.code, severity: i.severity, message: i.message, cells: i.cells })),
      };
    };
  },
  loadSummaryWriter: async (): Promise<SummaryFn> => {
    const { writeSummary } = await import(/* webpackChunkName: "narrative" */ '../core/narrative');
    return (report) =>
      writeSummary(report).map((s) => ({
        heading: s.heading,
        paragraphs: s.paragraphs.map((p) => (p.subheading ? `${p.subheading}${p.text}` : p.text)),
      }));
  },
  loadXlsxWriter: async () => (await import(/* webpackChunkName: "xlsx" */ '../xlsx')).writeXlsx,
};
