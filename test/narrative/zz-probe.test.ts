import { checkNarrative, readClaims, sampleReport } from '../../src/core';
it('probe', () => {
const r = sampleReport();
r.cells['t4.review.total'] = 3;
const out: string[] = [];
for (const t of ['因政府信息公开被申请行政复议十五件。','因政府信息公开被申请行政复议三件。','行政复议2次。','开展培训2次，3个工作日内答复。','为民办理十件实事。','近百件','收到申请十余件','2023年','二〇二三年共收到申请十二件。', '一是加强领导，二是完善机制。']) {
  out.push(t + JSON.stringify(readClaims(r, t).map(c=>[c.quantity, c.value])) + JSON.stringify(checkNarrative(r, t).map(f=>[f.expected,f.found])));
}
console.log(out.join('\n'));
});
