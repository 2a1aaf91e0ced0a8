import { describe, expect, it } from 'vitest';
import { pageFor } from './web.routes.ts';

describe('which single-page app a web address gets', () => {
  it('gives the portal the home page and /open/…', () => {
    for (const wanted of ['', 'open', 'open/', 'open/datasets', 'open/datasets/1f1ff73d', 'open/account'])
      expect(pageFor(wanted), wanted).toBe('portal.html');
  });

  it('gives the console everything else, including look-alikes of /open', () => {
    for (const wanted of ['console', 'console/catalog/search', 'login', 'opening', 'openx/y', 'index.html'])
      expect(pageFor(wanted), wanted).toBe('index.html');
  });
});
