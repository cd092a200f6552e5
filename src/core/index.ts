/** The pure core: no Office, DOM or React. Front ends (CLI, task pane, web page) import this. */
export * from './formats';
export * from './report';
export * from './errors';
export * from './check';
export * from './describe';
export * from './sample';
export { confront, hasErrors, type ConfrontOptions } from './rules/confront';
export { rulesFor } from './rules/derive';
export { RULE_IDS, type Rule, type RuleId, type Outcome, type Status, type Severity, type Term } from './rules/types';
export { RELATIONS } from './rules/relations';
export * as zhCN from './messages/zh-CN';
