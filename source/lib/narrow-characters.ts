/**
 * Characters one terminal cell wide that need no grapheme segmentation:
 * printable ASCII, Latin-1 and Latin Extended, general punctuation, arrows,
 * box drawing, blocks, geometric shapes, braille (dockdeck's charts) and the
 * check mark. scripts/bundle.mjs widens string-width's ASCII-only fast path
 * to these: a header with "·" and "│" then costs no Intl.Segmenter, whose
 * first use loads ICU's break-iterator data (~20 ms of start-up). A unit test
 * checks every one of them against string-width's full rules.
 */
export const narrowCharacterClass = String.raw`\u0020-\u007E\u00A0-\u00AC\u00AE-\u02FF\u2010-\u2027\u2030-\u205E\u2190-\u21FF\u2500-\u25FC\u25FF\u2713\u2717\u2800-\u28FF`;
