/** The `xxgk-nianbao` command line: dispatches to commands/, maps errors to exit status 2. */
import { parseArgs } from 'node:util';
import { XxgkError } from '../core';
import { COMMANDS } from './commands';
import type { ParsedArgs } from './commands/types';
import { EXIT, processIo, type Io } from './io';

function help(): string {
  return [
    'xxgk-nianbao — 政府信息公开工作年度报告助手',
    '',
    '用法：',
    ...COMMANDS.map((c) => `  xxgk-nianbao ${c.usage}\n      ${c.summary}`),
    '',
    '退出码：0 未发现错误；1 有错误级别的规则不通过或导入时有错误（check --strict 时有无法判断的检查也算）；2 输入无法读取。',
  ].join('\n');
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(help());
    return name ? EXIT.ok : EXIT.unreadable;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`未知的命令「${name}」。\n\n${help()}`);
    return EXIT.unreadable;
  }
  try {
    const { values, positionals } = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
    return await command.run({ values: values as ParsedArgs['values'], positionals }, io);
  } catch (e) {
    if (e instanceof XxgkError) {
      io.err(`错误：${e.message}`);
      return EXIT.unreadable;
    }
    if ((e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`参数错误：${(e as Error).message}\n用法：xxgk-nianbao ${command.usage}`);
      return EXIT.unreadable;
    }
    throw e;
  }
}

