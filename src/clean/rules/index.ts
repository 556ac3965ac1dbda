/** Every cleaning rule, exported one by one so each can be tested and reused. */
import { isAltTextLine } from './alt-text.js';
import { isBareLink, isRelatedLine, isShareBar, isTimestampLine } from './boilerplate.js';
import { isStaffFooter } from './byline.js';
import { isCaptionLine, isTeaserLine } from './captions.js';
import { isCreditLine } from './credits.js';
import { isKickerLine, isListHeader } from './kickers.js';
import { isPromoParagraph } from './promos.js';

export { isAltTextLine, stripImageSyntax } from './alt-text.js';
export { isBareLink, isRelatedLine, isShareBar, isTimestampLine } from './boilerplate.js';
export { extractByline, isStaffFooter } from './byline.js';
export { isCaptionLine, isTeaserLine, stripCaptionSentences } from './captions.js';
export { isKickerLine, isListHeader, stripKickerPrefix } from './kickers.js';
export { isCreditLine, splitTrailingCredit, stripParentheticalCredits } from './credits.js';
export { extractDateline, type DatelineSplit } from './dateline.js';
export { isPromoLeadIn, isPromoParagraph, isPromoSentence, stripPromoSentences } from './promos.js';

/** A rule that removes a whole paragraph. */
export interface ParagraphRule {
  name: string;
  matches: (paragraph: string) => boolean;
}

/** Applied in order; the first match removes the paragraph (its name is reported in the clean log). */
export const paragraphRules: readonly ParagraphRule[] = [
  { name: 'caption', matches: isCaptionLine },
  { name: 'credit', matches: isCreditLine },
  { name: 'teaser', matches: isTeaserLine },
  { name: 'promo', matches: isPromoParagraph },
  { name: 'related-link', matches: isRelatedLine },
  { name: 'share-bar', matches: isShareBar },
  { name: 'timestamp', matches: isTimestampLine },
  { name: 'bare-link', matches: isBareLink },
  { name: 'alt-text', matches: isAltTextLine },
  { name: 'staff-footer', matches: isStaffFooter },
  { name: 'kicker', matches: isKickerLine },
  { name: 'list-header', matches: isListHeader },
];
