// The README's sample of the detection check's copied text is the file the e2e test
// (tests/e2e/detection-check.e2e.ts) holds to what the extension really copies on a live fixture
// call: the two together keep the README from going stale.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

describe('the README sample of the detection check', () => {
  it('is docs/detection-check-sample.txt, to the character', () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const block =
      /<!-- detection-check-sample:start -->\n```text\n([\s\S]*?)```\n<!-- detection-check-sample:end -->/.exec(
        readme,
      );
    expect(block, 'the marked block in the README').not.toBeNull();
    const sample = fs.readFileSync(path.join(root, 'docs/detection-check-sample.txt'), 'utf8');
    expect(block?.[1]).toBe(sample);
    expect(sample).toMatch(/^Mentor Companion detection check v1/);
  });
});
