import { readFileSync } from 'node:fs';
import { importText, sampleReport } from '../../src/core';
it('probe', () => {
  for (const f of ['/tmp/pub/lo/x.html', '/tmp/pub/x.html']) {
    const r = importText(readFileSync(f, 'utf8'), { mime: 'text/html' });
    const s = sampleReport();
    const diff = Object.keys({ ...s.cells, ...r.report.cells }).filter((k) => s.cells[k] !== r.report.cells[k]);
    console.log(f, r.report.year, r.report.agency, Object.keys(r.report.cells).length, diff, JSON.stringify(r.issues).slice(0, 1500));
  }
});
