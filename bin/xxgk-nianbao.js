#!/usr/bin/env node
'use strict';
// The CLI is bundled from src/cli into build/cli by `npm run build:cli` (run by `npm run sample` and `npm test`).
let cli;
try {
  cli = require('../build/cli/main.js');
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && String(e.message).includes('build/cli/main.js')) {
    process.stderr.write('xxgk-nianbao: 尚未编译，请先运行 npm run build:cli\n');
    process.exit(2);
  }
  throw e;
}
cli.main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e) => { process.stderr.write(`内部错误：${e && e.stack ? e.stack : e}\n`); process.exitCode = 3; },
);
