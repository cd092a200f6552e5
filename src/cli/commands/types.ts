import type { ParseArgsConfig } from 'node:util';
import type { Io } from '../io';

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(this: Command, args: ParsedArgs, io: Io): number | Promise<number>;
}
