/** The pure core: no Office, DOM or React. Front ends (CLI, task pane, web page) import this. */
export * from './formats';
export * from './report';
export * from './errors';
export * from './check';
export * from './describe';
export * from './sample';
export * from './sheetplan';
export { confront, hasErrors, type ConfrontOptions } from './rules/confront';
export { rulesFor } from './rules/derive';
export { RULE_IDS, NARRATIVE_RULE_IDS, type NarrativeRuleId, type Rule, type RuleId, type Outcome, type Status, type Severity, type Term } from './rules/types';
export { RELATIONS } from './rules/relations';
export * from './aggregate';
export * from './narrative';
// Both define NarrativeSection: the sheet's (heading + plain paragraphs) keeps the name; the
// narrative's richer one is exported as SummarySection (convert with toSheetNarrative).
export type { NarrativeSection } from './sheetplan';
export * from './import';
export * from './publish';
export * as zhCN from './messages/zh-CN';
