/** The narrative: a Chinese summary written from the tables, and a check of any text against them. */
export * from './types';
export type { NarrativeSection as SummarySection } from './types';
export { deriveFacts, deriveFact, type Fact, type ReportFacts, type FactOptions, type RequestFacts, type ActiveFacts, type ReviewFacts, type CategoryFacts } from './facts';
export {
  writeSummary, draftSections, draftReportText, draftReportTextSections, sectionsToText, paragraphText, toSheetNarrative, type SummaryOptions,
} from './write';
export { checkNarrative, describeNarrativeFinding, narrativeOutcomes, type NarrativeCheckOptions } from './check';
export { readClaims, type Claim } from './read';
export { largestRemainder, tenthsToText } from './shares';
export { quantityCells, quantityKey, readQuantity, RESULT_CATEGORIES, type Quantity } from './quantities';
