/**
 * A small, clean scenario (a dialogue node with two replies, one with block
 * feedback, and an ending) that the YAML message tests break one line at a
 * time: their expected lines and columns are lines of this text.
 */
export const SMALL_SCENARIO = [
  'id: x',
  'title: t',
  'customer:',
  '  name: Sam',
  'start: a',
  'nodes:',
  '  a:',
  '    customer: Hi',
  '    replies:',
  '      - say: Yes',
  '        goto: e',
  '        feedback: |',
  '          Good.',
  '          Well done.',
  '      - say: No',
  '        goto: e',
  'endings:',
  '  e:',
  '    outcome: lost',
  '',
].join('\n');
