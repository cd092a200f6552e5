/** Every CLI command. A feature adds its command here (one line). */
import { checkCommand } from './check';
import { templateCommand } from './template';
import type { Command } from './types';

export const COMMANDS: Command[] = [
  checkCommand,
  templateCommand,
];
