/** Every CLI command. A feature adds its command here (one line). */
import { batchCommand } from './batch';
import { buildCommand } from './build';
import { checkCommand } from './check';
import { importCommand } from './import';
import { reportCommand } from './report';
import { templateCommand } from './template';
import { summaryCommand } from './summary';
import type { Command } from './types';

export const COMMANDS: Command[] = [
  checkCommand,
  templateCommand,
  batchCommand,
  buildCommand,
  summaryCommand,
  importCommand,
  reportCommand,
];
