/** Shapes of the generated narrative and of narrative findings (data; wording elsewhere). */
import type { ReportText } from '../report';

export type SectionKey = 'overview' | 'active' | 'requests' | 'review' | 'problems' | 'other';

export interface Sentence {
  text: string;
  /** This year's cells the sentence's numbers come from. */
  cells: string[];
  /** Last year's cells, when the sentence states a change from last year. */
  lastYearCells?: string[];
  /** Blank cells that kept a statement out of the text (the sentence says so). */
  blanks?: string[];
  /** Text only a person can write, or must confirm (in 【】). */
  placeholder?: boolean;
}

export interface Paragraph {
  text: string;
  sentences: Sentence[];
  /** The whole paragraph is for a person to write. */
  placeholder?: boolean;
  /** （一）主动公开 … under 一、总体情况: printed before the text as 「（一）主动公开。」. */
  subheading?: string;
}

export interface NarrativeSection {
  key: SectionKey;
  heading: string;
  paragraphs: Paragraph[];
}

export type NarrativeRule = 'N-MISMATCH' | 'N-SHARES';

/** What the checker read a number (or a 「未收到…」 phrase) as. */
export type ClaimKind = 'count' | 'amount' | 'share' | 'change' | 'zero';

export interface NarrativeFinding {
  rule: NarrativeRule;
  status: 'fail';
  severity: 'error' | 'warning';
  /** The table cells the stated quantity comes from. */
  cells: string[];
  lastYearCells?: string[];
  /** The table's value (for N-SHARES: 100). */
  expected: number | null;
  /** The number as stated (for N-SHARES: the sum of the stated percentages). */
  found: number | null;
  /** The sentence that states it, as written. */
  sentence: string;
  /** Where the number starts in the checked text (of `section`, when a ReportText was checked). */
  offset?: number;
  section?: keyof ReportText;
  kind: ClaimKind;
  /** quantityKey of what the number was read as, e.g. 't3:granted:total'. */
  quantity?: string;
}
