import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { replaceLine, syntaxProblems } from '../helpers.ts';
import { SMALL_SCENARIO } from './small-scenario.ts';

/**
 * The whole message, line and column for the layout mistakes a trainer
 * makes in a text editor (src/scenario/yaml-errors.ts: which line to blame,
 * which column to suggest), each made once in the same small, clean
 * scenario. yaml-mistakes.test.ts checks its fixtures with `toContain`; what
 * the trainer reads is the whole message, so here the whole message is
 * pinned.
 */
/** The clean scenario with one line replaced (by one line or several). */
const withLine = (line: number, text: string): string => replaceLine(SMALL_SCENARIO, line, text);


describe('the clean scenario', () => {
  it('has no syntax problem', () => {
    expect(syntaxProblems(SMALL_SCENARIO)).toEqual([]);
  });
});

describe('one mistake, one message at the line to change', () => {
  it.each<[string, number, string, string]>([
      ["a key one space too deep under a list item", 11, "         goto: e",
        "m.yaml:11:10: error: this line is indented 9 spaces but the lines around it use 8 — line it up with \"say:\" on line 10 [yaml-syntax]"],
      ["a key one space too shallow under a list item", 11, "       goto: e",
        "m.yaml:11:8: error: this line is indented 7 spaces but the lines around it use 8 — line it up with \"say:\" on line 10 [yaml-syntax]"],
      ["a list item two spaces too shallow", 15, "    - say: No",
        "m.yaml:15:5: error: this list item is indented 4 spaces but the one above it uses 6 — line it up with the \"- \" on line 10 [yaml-syntax]"],
      ["a list item one space too deep", 15, "       - say: No",
        "m.yaml:15:8: error: this list item is indented 7 spaces but the one above it uses 6 — line it up with the \"- \" on line 10 [yaml-syntax]"],
      ["a list item two spaces too deep", 15, "        - say: No",
        "m.yaml:15:9: error: this list item is indented 8 spaces but the one above it uses 6 — line it up with the \"- \" on line 10 [yaml-syntax]"],
      ["the first list item one space short of the rest", 10, "     - say: Yes",
        "m.yaml:10:6: error: this list item is indented 5 spaces but the lines under it fit one at 6 — move the \"- \" to 6 spaces, so \"say:\" lines up with \"goto:\" on line 11 [yaml-syntax]"],
      ["the first list item one space over the rest", 10, "       - say: Yes",
        "m.yaml:10:8: error: this list item is indented 7 spaces but the lines under it fit one at 6 — move the \"- \" to 6 spaces, so \"say:\" lines up with \"goto:\" on line 11 [yaml-syntax]"],
      ["the first key of a node one space over", 8, "     customer: Hi",
        "m.yaml:8:6: error: this line is indented 5 spaces but the lines around it use 4 — line it up with \"replies:\" on line 9 [yaml-syntax]"],
      ["a node's first line moved out from under its id", 8, "  customer: Hi",
        "m.yaml:8:3: error: this line is indented 2 spaces but the lines around it use 4 — line it up with \"replies:\" on line 9 [yaml-syntax]"],
      ["an ending's outcome moved left, with the line under it left behind", 19, "  outcome: lost\n    feedback: Sorry.",
        "m.yaml:19:3: error: this line is indented 2 spaces but the lines around it use 4 — line it up with \"feedback:\" on line 20 [yaml-syntax]"],
      ["\"-say:\" for \"- say:\"", 15, "      -say: No",
        "m.yaml:15:8: error: put a space after \"-\" to start a list item — write \"- say:\" [yaml-syntax]"],
      ["\"goto:e\" for \"goto: e\"", 16, "        goto:e",
        "m.yaml:16:14: error: put a space after \":\" — write \"goto: e\" [yaml-syntax]"],
      ["\"goto e\" for \"goto: e\"", 16, "        goto e",
        "m.yaml:16:13: error: this line has no \":\" after its key — write \"goto: e\" [yaml-syntax]"],
      ["\"goto e\" with a comment after it", 16, "        goto e # the ending",
        "m.yaml:16:13: error: this line has no \":\" after its key — write \"goto: e\" [yaml-syntax]"],
      ["a last word with no colon and nothing after it", 16, "        goto",
        "m.yaml:16:13: error: this line has no \":\" — write \"goto: \" and a value, or join it to the line above [yaml-syntax]"],
      ["\"replies\" with no colon, opening a block", 9, "    replies",
        "m.yaml:9:12: error: this line has no \":\" after its key — write \"replies:\" [yaml-syntax]"],
      ["\"- say Yes\" with keys under it", 10, "      - say Yes",
        "m.yaml:10:12: error: this line has no \":\" after its key — write \"say: Yes\" [yaml-syntax]"],
      ["a line of text under the keys of a list item", 16, "        goto: e\n        and then more",
        "m.yaml:17:12: error: this line has no \":\" after its key — write \"and: then more\" [yaml-syntax]"],
      ["a value and a block under the same key", 8, "    customer: Hi\n      name: x\n      mood: 3",
        "m.yaml:8:15: error: \"customer:\" has a value on its line and an indented block under it (line 9) — remove the value, or line up line 9 with \"customer:\" [yaml-syntax]"],
      ["a line of block text less indented than its first line", 14, "         Well done.",
        "m.yaml:14:10: error: this line is indented less than the first line of the text under \"feedback:\" on line 12 — YAML takes the text's indentation from its first line, so line them up [yaml-syntax]"],
      ["a line of block text back at its key's column", 14, "        Well done.",
        "m.yaml:14:9: error: this line is indented less than the text under \"feedback:\" on line 12, so it doesn't belong to it — indent it as much as the lines of that text [yaml-syntax]"],
      ["\"feedback:|\" for \"feedback: |\"", 12, "        feedback:|",
        "m.yaml:12:18: error: put a space after \":\" — write \"feedback: |\" [yaml-syntax]"],
      ["a tab before a key", 11, "\t\tgoto: e",
        "m.yaml:11:1: error: line 11 is indented with a tab; YAML needs spaces — replace the tab with spaces [yaml-syntax]"],
      ["a tab after spaces", 11, "    \t    goto: e",
        "m.yaml:11:5: error: line 11 is indented with a tab; YAML needs spaces — replace the tab with spaces [yaml-syntax]"],
      ["tabs on three lines", 11, "\t\tgoto: e\n\t\tfeedback: x\n\t\ttact: 1",
        "m.yaml:11:1: error: line 11 is indented with a tab; YAML needs spaces — replace the tab with spaces (2 more lines below start with a tab too) [yaml-syntax]"],
      ["tabs far apart, named in one message", 11, "\tgoto: e\n        feedback: |\n          Good.\n          Well done.\n      - say: No\n        goto: e\nendings:\n  e:\n\toutcome: lost",
        "m.yaml:11:1: error: line 11 is indented with a tab; YAML needs spaces — replace the tab with spaces (1 more line below starts with a tab too) [yaml-syntax]"],
      ["an unclosed double quote", 8, "    customer: \"Hi there",
        "m.yaml:8:15: error: this quoted text is never closed — add the closing \" at the end of the value [yaml-syntax]"],
      ["an unclosed single quote", 8, "    customer: 'Hi there",
        "m.yaml:8:15: error: this quoted text is never closed — add the closing ' at the end of the value [yaml-syntax]"],
      ["an unclosed quote after a closed one on an earlier line", 8, "    customer: \"Hi\"\n    emotion: 'angry",
        "m.yaml:9:14: error: this quoted text is never closed — add the closing ' at the end of the value [yaml-syntax]"],
      ["a line out of place after a blank line", 11, "\n         goto: e",
        "m.yaml:12:10: error: this line is indented 9 spaces but the lines around it use 8 — line it up with \"say:\" on line 10 [yaml-syntax]"],
      ["a line out of place after a comment line", 11, "        # where to go\n         goto: e",
        "m.yaml:12:10: error: this line is indented 9 spaces but the lines around it use 8 — line it up with \"say:\" on line 10 [yaml-syntax]"],
      ["a line out of place after a value with a comment", 11, "        goto: e # go\n         tact: 1",
        "m.yaml:12:10: error: this line is indented 9 spaces but the lines around it use 8 — line it up with \"goto:\" on line 11 [yaml-syntax]"],
      ["a quoted key out of place", 11, "         \"goto\": e",
        "m.yaml:11:10: error: this line is indented 9 spaces but the lines around it use 8 — line it up with \"say:\" on line 10 [yaml-syntax]"],
      ["a key out of place under a bare \"-\"", 15, "      -\n         say: No\n        goto: e",
        "m.yaml:16:10: error: this line is indented 9 spaces but the lines around it use 8 — line it up with \"goto:\" on line 17 [yaml-syntax]"],
      ["a value with \": \" in it", 8, "    customer: Listen: now",
        "m.yaml:8:15: error: this value contains \": \", which YAML reads as the start of another key — put the whole value in quotes: customer: \"Listen: now\" [yaml-syntax]"],
      ["a value starting with \"@\"", 8, "    customer: @bob",
        "m.yaml:8:15: error: a value can't start with \"@\" — put the whole value in quotes: \"@bob\" [yaml-syntax]"],
      ["a backslash in double quotes", 8, "    customer: \"a\\qb\"",
        "m.yaml:8:17: error: inside \"double quotes\" a backslash starts a special character such as \\n — write \\\\ for a backslash, or use single quotes [yaml-syntax]"],
      ["an unclosed \"{\"", 8, "    customer: {a: b",
        "m.yaml:8:15: error: this \"{\" is never closed — add \"}\" at the end of the map, or put the whole value in quotes if it is text [yaml-syntax]"],
  ])('%s', (_name, line, text, message) => {
    expect(syntaxProblems(withLine(line, text))).toEqual([message]);
  });
});

describe('mistakes beside blocks of text, tabs, comments, brackets and runs of lines', () => {
  it.each<[string, number, string, ...string[]]>([
      ["a tab inside a value does not hide a mistake below it", 8, "    customer: Hi\tthere\n    replies:\n      - say: Yes\n         goto: e",
        "m.yaml:11:10: error: this line is indented 9 spaces but the lines around it use 8 — line it up with \"say:\" on line 10 [yaml-syntax]"],
      ["block text with a blank line in it, then a line less indented than its first", 13, "          Good.\n\n         Well done.",
        "m.yaml:15:10: error: this line is indented less than the first line of the text under \"feedback:\" on line 12 — YAML takes the text's indentation from its first line, so line them up [yaml-syntax]"],
      ["block text starting with a blank line, then a line less indented than its first", 13, "\n          Good.\n         Well done.",
        "m.yaml:15:10: error: this line is indented less than the first line of the text under \"feedback:\" on line 12 — YAML takes the text's indentation from its first line, so line them up [yaml-syntax]"],
      ["a list item off after a block of text", 15, "     - say: No",
        "m.yaml:15:6: error: this list item is indented 5 spaces but the one above it uses 6 — line it up with the \"- \" on line 10 [yaml-syntax]"],
      ["a top-level key indented by one space", 5, " start: a",
        "m.yaml:5:2: error: this line is indented 1 space but the lines around it use 2 — line it up with \"name:\" on line 4 [yaml-syntax]"],
      ["a block of text under a list item, with a line less indented", 3, "objectives:\n  - |\n    Stay calm.\n   Ask first.\ncustomer:",
        "m.yaml:6:4: error: this line is indented less than the first line of the text under the \"- \" on line 4 — YAML takes the text's indentation from its first line, so line them up [yaml-syntax]"],
      ["a value with \": \", an apostrophe and a comment", 8, "    customer: Listen: it's late   # note",
        "m.yaml:8:15: error: this value contains \": \", which YAML reads as the start of another key — put the whole value in quotes: customer: \"Listen: it's late\" [yaml-syntax]"],
      ["a value with \": \" and a \"#\" that is not a comment", 8, "    customer: Listen: fan#1",
        "m.yaml:8:15: error: this value contains \": \", which YAML reads as the start of another key — put the whole value in quotes: customer: \"Listen: fan#1\" [yaml-syntax]"],
      ["a value with \": \" and trailing spaces", 8, "    customer: Listen: now   ",
        "m.yaml:8:15: error: this value contains \": \", which YAML reads as the start of another key — put the whole value in quotes: customer: \"Listen: now\" [yaml-syntax]"],
      ["\"feedback:|\" with text under it that looks like a key", 12, "        feedback:|\n          Good: yes.",
        "m.yaml:12:18: error: put a space after \":\" — write \"feedback: |\" [yaml-syntax]"],
      ["a list item three spaces after its dash, one space over", 10, "      -   say: Yes\n            goto: e\n             tact: 1",
        "m.yaml:11:13: error: this line is indented 12 spaces but the lines around it use 10 — line it up with \"say:\" on line 10 [yaml-syntax]"],
      ["a layout mistake, then a tab far below", 11, "         goto: e\n        feedback: |\n          Good.\n          Well done.\n      - say: No\n        goto: e\nendings:\n  e:\n\toutcome: lost",
        "m.yaml:11:10: error: this line is indented 9 spaces but the lines around it use 8 — line it up with \"say:\" on line 10 [yaml-syntax]",
        "m.yaml:19:1: error: line 19 is indented with a tab; YAML needs spaces — replace the tab with spaces [yaml-syntax]"],
      ["a tab-indented key, then a line out of line in the same block", 8, "\tcustomer: Hi\n    replies:\n      - say: Yes\n\n\n         goto: e",
        "m.yaml:8:1: error: line 8 is indented with a tab; YAML needs spaces — replace the tab with spaces [yaml-syntax]"],
      ["a tab in the first node, a line out of line in the endings", 8, "\tcustomer: Hi\n    replies:\n      - say: Yes\n        goto: e\nendings:\n  e:\n     outcome: lost\n    feedback: x",
        "m.yaml:8:1: error: line 8 is indented with a tab; YAML needs spaces — replace the tab with spaces [yaml-syntax]",
        "m.yaml:14:6: error: this line is indented 5 spaces but the lines around it use 4 — line it up with \"feedback:\" on line 15 [yaml-syntax]"],
      ["a key too deep under a key that has a value", 16, "        goto: e\n          tact: 1\n          mood: 2",
        "m.yaml:16:15: error: \"goto:\" has a value on its line and an indented block under it (line 17) — remove the value, or line up line 17 with \"goto:\" [yaml-syntax]"],
      ["an item without \"- \" among list items", 16, "        goto: e\n      say: again\n      - say: third",
        "m.yaml:17:7: error: this line is indented 6 spaces but the lines around it use 8 — line it up with \"goto:\" on line 16 [yaml-syntax]"],
      ["a \"{\" opened in a value and a later line", 8, "    customer: { a: b,\n    replies: []",
        "m.yaml:8:15: error: this \"{\" is never closed — add \"}\" at the end of the map, or put the whole value in quotes if it is text [yaml-syntax]"],
      ["a \"[\" never closed over several lines", 8, "    customer: [a, [b],\n      c\n    x: 1",
        "m.yaml:8:15: error: this \"[\" is never closed — add \"]\" at the end of the list, or put the whole value in quotes if it is text [yaml-syntax]"],
      ["a \"[\" after a comment does not count", 8, "    customer: [a, b # [c]\n    replies: []",
        "m.yaml:8:15: error: this \"[\" is never closed — add \"]\" at the end of the list, or put the whole value in quotes if it is text [yaml-syntax]"],
      ["an apostrophe in a word does not open a quote", 8, "    customer: [don't, b\n    replies: []",
        "m.yaml:8:15: error: this \"[\" is never closed — add \"]\" at the end of the list, or put the whole value in quotes if it is text [yaml-syntax]"],
      ["a line with nothing but a dash and text after a block", 19, "    outcome: lost\n  - x",
        "m.yaml:20:3: error: this \"- \" list item is in the same block as \"e:\" on line 18; a block holds either \"key: value\" lines or \"- \" items, not both — move \"e:\" out, or put the items under a key of their own [yaml-syntax]"],
      ["a value starting with an undeclared tag handle (\"!e!\")", 8, "    customer: !e!x hi",
      "m.yaml:8:15: error: a value starting with \"!\" is read as a YAML tag — put the whole value in quotes [yaml-syntax]"],
      ["a lone \"&\" before a value", 8, "    customer: & x",
      "m.yaml:8:15: error: \"&\" and \"*\" at the start of a value mark YAML anchors and aliases — put the whole value in quotes [yaml-syntax]"],
      ["a lone \"*\" before a value", 8, "    customer: * x",
      "m.yaml:8:15: error: \"&\" and \"*\" at the start of a value mark YAML anchors and aliases — put the whole value in quotes [yaml-syntax]"],
      ["an anchor on an alias", 8, "    customer: &a *b",
      "m.yaml:8:18: error: \"&\" and \"*\" at the start of a value mark YAML anchors and aliases — put the whole value in quotes [yaml-syntax]"],
      ["a word without a colon, with a key below it at its column", 15, "      - say: No\n        goto\n        feedback: x",
      "m.yaml:16:13: error: this line has no \":\" — write \"goto: \" and a value, or join it to the line above [yaml-syntax]"],
      ["\"- say:No\" for \"- say: No\"", 15, "      - say:No",
      "m.yaml:15:13: error: put a space after \":\" — write \"say: No\" [yaml-syntax]"],
      ["\"goto:e\" with spaces after it", 16, "        goto:e   ",
      "m.yaml:16:14: error: put a space after \":\" — write \"goto: e\" [yaml-syntax]"],
      ["a long value with \": \" in it, clipped in the suggestion", 8, "    customer: Listen: this is a very long line that the customer says, and it runs on and on",
      "m.yaml:8:15: error: this value contains \": \", which YAML reads as the start of another key — put the whole value in quotes: customer: \"Listen: this is a very long line that the custome…\" [yaml-syntax]"],
      ["a value with \": \" and both kinds of quote", 8, "    customer: Note: \"don't\" panic",
      "m.yaml:8:15: error: this value contains \": \", which YAML reads as the start of another key — put the whole value in quotes: customer: 'Note: \"don''t\" panic' [yaml-syntax]"],
      ["a list item starting with \"@\"", 3, "objectives:\n  - @bob\ncustomer:",
      "m.yaml:4:5: error: a value can't start with \"@\" — put the whole value in quotes: \"@bob\" [yaml-syntax]"],
      ["the first line indented", 1, "  id: x",
      "m.yaml:1:3: error: this line is indented 2 spaces but the lines around it use 0 — line it up with \"title:\" on line 2 [yaml-syntax]"],
      ["a short list followed by text", 8, "    customer: [a] b",
      "m.yaml:8:19: error: a value starting with \"[\" is read as a list — put the whole value in quotes: \"[a] b\" [yaml-syntax]"],
      ["a \"- \" item inside \"{ }\"", 8, "    customer: { a: - b }",
        "m.yaml:8:20: error: inside \"[ ]\" or \"{ }\" items are separated by commas on the same lines — no \"- \" items or indented blocks; write the list out as \"- \" lines instead [yaml-syntax]"],
      ["a \"- \" item inside \"[ ]\": the fallback message, quoting the YAML reader", 8, "    customer: [ a, - b ]",
        "m.yaml:8:20: error: YAML can't read this line — check its indentation, the \":\" after its key, and any quotes or brackets (the YAML reader says: Implicit keys of flow sequence pairs need to be on a single line) [yaml-syntax]"],
      ["text after a closing single quote", 8, "    customer: 'Hi!' and more",
      "m.yaml:8:21: error: there is text after the closing ' — put the whole value in quotes: \"'Hi!' and more\" [yaml-syntax]"],
      ["\"(\" after a closing single quote", 8, "    customer: 'Hi' (more)",
      "m.yaml:8:20: error: there is text after the closing ' — put the whole value in quotes: \"'Hi' (more)\" [yaml-syntax]"],
      ["an unclosed \"[\", and a \"[\" in quotes on the next line", 8, "    customer: [a, b\n    emotion: \"[x\"",
      "m.yaml:8:15: error: this \"[\" is never closed — add \"]\" at the end of the list, or put the whole value in quotes if it is text [yaml-syntax]"],
      ["an unclosed \"[\", and a \"[\" in a comment on the next line", 8, "    customer: [a, b\n    emotion: x # [see",
      "m.yaml:8:15: error: this \"[\" is never closed — add \"]\" at the end of the list, or put the whole value in quotes if it is text [yaml-syntax]"],
      ["an unclosed \"[\" with a quoted \"[\" right after it", 8, "    customer: ['[a', b\n    replies: []",
      "m.yaml:8:15: error: this \"[\" is never closed — add \"]\" at the end of the list, or put the whole value in quotes if it is text [yaml-syntax]"],
      ["an unclosed \"[\" with a quoted \"[\" right after a comma", 8, "    customer: [a,'[b'\n    replies: []",
      "m.yaml:8:15: error: this \"[\" is never closed — add \"]\" at the end of the list, or put the whole value in quotes if it is text [yaml-syntax]"],
      ["an unclosed \"[\" at the start of the line under its key", 8, "    customer:\n      [a, b\n    replies: []",
      "m.yaml:9:7: error: this \"[\" is never closed — add \"]\" at the end of the list, or put the whole value in quotes if it is text [yaml-syntax]"],
      ["a value ending with \":\"", 8, "    customer: a\n    b c: d:",
      "m.yaml:9:10: error: this value contains \": \", which YAML reads as the start of another key — put the whole value in quotes: b c: \"d:\" [yaml-syntax]"],
      ["an unclosed \"{\" running on to the next line", 8, "    customer: {a: b,\n      c: d\n    replies: []",
      "m.yaml:8:15: error: this \"{\" is never closed — add \"}\" at the end of the map, or put the whole value in quotes if it is text [yaml-syntax]"],
      ["tabs in two places far apart, named in one message", 8, "\tcustomer: Hi\n    replies:\n      - say: Yes\n        goto: e\nendings:\n  e:\n\toutcome: lost",
      "m.yaml:8:1: error: line 8 is indented with a tab; YAML needs spaces — replace the tab with spaces (1 more line below starts with a tab too) [yaml-syntax]"],
      ["a value starting with \"@\", spaces and a comment after it", 8, "    customer: @bob   # the courier",
      "m.yaml:8:15: error: a value can't start with \"@\" — put the whole value in quotes: \"@bob\" [yaml-syntax]"],
      ["a value starting with \"@\", spaces after it", 8, "    customer: @bob   ",
      "m.yaml:8:15: error: a value can't start with \"@\" — put the whole value in quotes: \"@bob\" [yaml-syntax]"],
      ["a key one space short, right after a block of text", 14, "          Well done.\n       tact: 1",
      "m.yaml:15:8: error: this line is indented 7 spaces but the lines around it use 8 — line it up with \"feedback:\" on line 12 [yaml-syntax]"],
      ["\"feedback:>-\" for \"feedback: >-\", and a line of its text less indented (a second mistake), named by its line number", 12, "        feedback:>-\n          Good: yes\n\n\n          Note: this\n         More: x",
      "m.yaml:12:18: error: put a space after \":\" — write \"feedback: >-\" [yaml-syntax]",
      "m.yaml:17:10: error: this line is indented less than the first line of the text under line 12 — YAML takes the text's indentation from its first line, so line them up [yaml-syntax]"],
      ["a plain line among list items (\"b\" under \"- a\")", 3, "tags:\n  - a\n  b\ncustomer:",
        "m.yaml:5:1: error: this line doesn't line up with the lines above it in the same block — give it the same indentation as the line it belongs with [yaml-syntax]"],
  ])('%s', (_name, line, text, ...messages) => {
    expect(syntaxProblems(withLine(line, text))).toEqual(messages);
  });
});

describe('list items at their key\u2019s own column ("replies:" then "- say:" right under it)', () => {
  /** Lines 1-9 of the clean scenario, two replies with their "- " under "replies:", then its endings. */
  const atKeyColumn = (first: string, second: string): string => {
    const lines = SMALL_SCENARIO.split('\n');
    return [...lines.slice(0, 9), '    - say: Yes', first, second, '      goto: e', ...lines.slice(16)].join('\n');
  };

  it('blames a key of the item one space over, not the items', () => {
    expect(syntaxProblems(atKeyColumn('       goto: e', '    - say: No'))).toEqual([
      'm.yaml:11:8: error: this line is indented 7 spaces but the lines around it use 6 — line it up with "say:" on line 10 [yaml-syntax]',
    ]);
  });

  it('blames an item one space short of the one above it', () => {
    expect(syntaxProblems(atKeyColumn('      goto: e', '   - say: No'))).toEqual([
      'm.yaml:12:4: error: this list item is indented 3 spaces but the one above it uses 4 — line it up with the "- " on line 10 [yaml-syntax]',
    ]);
  });
});

describe('files with Windows line endings', () => {
  it('reads the layout the same with "\\r\\n" line ends', () => {
    expect(syntaxProblems(withLine(11, '         goto: e').replaceAll('\n', '\r\n'))).toEqual([
      'm.yaml:11:10: error: this line is indented 9 spaces but the lines around it use 8 — line it up with "say:" on line 10 [yaml-syntax]',
    ]);
    expect(syntaxProblems(withLine(8, '  customer: Hi').replaceAll('\n', '\r\n'))).toEqual([
      'm.yaml:8:3: error: this line is indented 2 spaces but the lines around it use 4 — line it up with "replies:" on line 9 [yaml-syntax]',
    ]);
    expect(syntaxProblems(withLine(14, '        Well done.').replaceAll('\n', '\r\n'))).toEqual([
      'm.yaml:14:9: error: this line is indented less than the text under "feedback:" on line 12, so it doesn\'t belong to it — indent it as much as the lines of that text [yaml-syntax]',
    ]);
  });
});

describe('errors the YAML reader reports out of file order', () => {
  it('reads them in file order: a stray "[" after "nodes:" is named at the first indented block inside it', () => {
    // The reader reports the block found inside the "[" after errors further down; taken in its order, the message would quote the reader's own words.
    const lines = readFileSync('docs/examples/cracked-blender.yaml', 'utf8').split('\n');
    lines[26] = `${lines[26]} [`;
    expect(syntaxProblems(lines.join('\n'))).toEqual([
      'm.yaml:29:5: error: inside "[ ]" or "{ }" items are separated by commas on the same lines — no "- " items or indented blocks; write the list out as "- " lines instead [yaml-syntax]',
    ]);
  });
});

describe('many mistakes', () => {
  it('reports the first 20, one per mistake, and stops there', () => {
    const reply = (i: number): string => `      - say: r${i}\n         goto: e\n        tact: 1\n\n\n`;
    const text = withLine(10, Array.from({ length: 25 }, (_, i) => reply(i)).join('') + '      - say: Yes');
    const problems = syntaxProblems(text);
    expect(problems).toHaveLength(20);
    problems.forEach((problem, i) => {
      expect(problem).toBe(`m.yaml:${11 + 5 * i}:10: error: this line is indented 9 spaces but the lines around it use 8 — line it up with "say:" on line ${10 + 5 * i} [yaml-syntax]`);
    });
  });
});
