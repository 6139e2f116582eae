import { describe, expect, it } from 'vitest';
import { parseTwee, readPassageHeader } from '../../../../src/authoring/twee/index.ts';

describe('a Twee passage header', () => {
  it('gives the name, the tags and the metadata block', () => {
    expect(readPassageHeader(':: Shop door [ending satisfied] {"position":"0,0"}')).toEqual({
      name: 'Shop door', tags: ['ending', 'satisfied'], metadata: '{"position":"0,0"}', metadataIndex: 32,
    });
  });

  it('reads a name without tags or metadata, with or without a space after "::"', () => {
    expect(readPassageHeader('::Start')).toEqual({ name: 'Start', tags: [] });
    expect(readPassageHeader(':: Start  ')).toEqual({ name: 'Start', tags: [] });
  });

  it('unescapes \\[, \\], \\{, \\} and \\\\ in names and tags', () => {
    expect(readPassageHeader(':: A \\[draft\\] \\{1\\} \\\\ [x\\]y]')).toEqual({ name: 'A [draft] {1} \\', tags: ['x]y'] });
  });
});

describe('parseTwee', () => {
  const story = [
    'Notes before the first passage are ignored.',
    ':: StoryTitle',
    'Late repair',
    '',
    ':: StoryData',
    '{"ifid": "X", "start": "Counter"}',
    '',
    ':: Counter [angry] {"position":"100,100"}',
    'Where is my phone?',
    '[[Let me look->Look]]',
    '',
    '',
  ].join('\n');

  it('reads the title from StoryTitle and the start passage from StoryData', () => {
    const { story: read, problems } = parseTwee(story, 'story.twee');
    expect(read.title).toBe('Late repair');
    expect(read.start).toBe('Counter');
    expect(problems).toEqual([]);
  });

  it('keeps each passage with its header line, text line, tags and metadata, and drops trailing blank lines', () => {
    const counter = parseTwee(story, 'story.twee').story.passages.find((p) => p.name === 'Counter')!;
    expect(counter).toEqual({
      name: 'Counter', tags: ['angry'], metadata: { position: '100,100' }, text: 'Where is my phone?\n[[Let me look->Look]]', line: 8, textLine: 9,
    });
  });

  it('counts lines the same with Windows line endings and a byte order mark', () => {
    const passages = parseTwee(`\uFEFF${story.replace(/\n/g, '\r\n')}`, 'story.twee').story.passages;
    expect(passages.map((p) => p.line)).toEqual([2, 5, 8]);
    expect(passages.at(-1)!.text).toBe('Where is my phone?\n[[Let me look->Look]]');
  });

  it('warns at the line and column of a metadata block that is not JSON, and ignores it', () => {
    const { story: read, problems } = parseTwee(':: Start {position: 1}\nHi', 'story.twee');
    expect(read.passages[0]!.metadata).toEqual({});
    expect(problems).toMatchObject([{ file: 'story.twee', line: 1, column: 10, severity: 'warning', rule: 'twee-metadata' }]);
  });

  it('warns at StoryData when it is not a JSON object', () => {
    const { story: read, problems } = parseTwee(':: StoryData\nstart: Intro\n:: Intro\nHi', 'story.twee');
    expect(read.start).toBeUndefined();
    expect(problems).toMatchObject([{ line: 2, column: 1, rule: 'twee-story-data' }]);
  });

  it('warns about a passage without a name and a second passage with a name already used', () => {
    const { problems } = parseTwee(':: \nNo name\n:: Intro\nOne\n:: Intro\nTwo', 'story.twee');
    expect(problems.map((p) => [p.line, p.rule])).toEqual([[1, 'twee-passage-name'], [5, 'twee-duplicate-passage']]);
    expect(problems[1]!.message).toContain('already defined on line 3');
  });

  it('finds no passage in a file without "::" lines', () => {
    expect(parseTwee('Just an outline.\nStart -> End', 'outline.twee').story.passages).toEqual([]);
  });
});
