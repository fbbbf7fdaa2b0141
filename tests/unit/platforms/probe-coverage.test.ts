// @vitest-environment happy-dom
// Every probe is pinned to a committed fixture (as refined-github pins each selector to pages):
// each one matches at least one fixture of its platform, or says in the code why it is kept
// without one (`unverified`). A probe that matches nothing and says nothing is dead weight, or a
// typo that silently never matched (Vexa's selector-validity gate found those).

import { describe, expect, it } from 'vitest';
import { detectors } from '../../../lib/platforms';
import {
  probeMatches,
  probeName,
  SHOWN_ONLY_GROUPS,
  unverifiedReason,
} from '../../../lib/platforms/dom';
import { fixtures } from '../../fixtures';
import { loadFixture } from './load-fixture';

const rows = detectors.flatMap((d) => {
  const docs = fixtures
    .filter((f) => f.platform === d.id)
    .map((f) => ({ f, doc: loadFixture(f.file) }));
  return Object.entries(d.probes).flatMap(([group, probes]) =>
    probes.map((probe) => ({
      name: `${d.id} ${group}: ${probeName(probe)}`,
      probe,
      shown: SHOWN_ONLY_GROUPS.has(group),
      docs,
      d,
    })),
  );
});

describe('every probe matches a committed fixture or says why not', () => {
  it.each(rows)('$name', ({ probe, shown, docs, d }) => {
    const hits = docs.filter(({ doc }) =>
      d.scopes(doc).some((scope) => probeMatches(scope, probe, shown)),
    );
    const reason = unverifiedReason(probe);
    if (hits.length === 0) {
      expect(
        reason,
        'no fixture matches this probe: add one, or mark it unverified with why',
      ).toMatch(/\S{3,}/);
    }
  });

  it('has probes to check', () => {
    expect(rows.length).toBeGreaterThan(100);
  });
});
