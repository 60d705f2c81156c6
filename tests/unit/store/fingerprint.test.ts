// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { fingerprint, fnv1a64, normaliseUrl } from '../../../lib/fingerprint';

const parts = {
  site: 'www.yichun.gov.cn',
  url: 'https://www.yichun.gov.cn/art/2024/1/1/art_1.html',
  ruleId: 'typo.known',
  evidence: '即然',
  occurrence: 0,
};

describe('fnv1a64', () => {
  it('matches the published FNV-1a 64 test vectors', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });
});

describe('fingerprint', () => {
  it('is deterministic and short', () => {
    expect(fingerprint(parts)).toBe(fingerprint({ ...parts }));
    expect(fingerprint(parts)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('differs by occurrence, rule, evidence and url', () => {
    const id = fingerprint(parts);
    expect(fingerprint({ ...parts, occurrence: 1 })).not.toBe(id);
    expect(fingerprint({ ...parts, ruleId: 'typo.other' })).not.toBe(id);
    expect(fingerprint({ ...parts, evidence: '既然' })).not.toBe(id);
    expect(fingerprint({ ...parts, url: parts.url.replace('art_1', 'art_2') })).not.toBe(id);
  });

  it('ignores hash, tracking params and reflowed whitespace', () => {
    const id = fingerprint(parts);
    expect(fingerprint({ ...parts, url: parts.url + '?utm_source=wx#p2' })).toBe(id);
    expect(fingerprint({ ...parts, evidence: ' 即然 ' })).toBe(id);
  });
});

describe('normaliseUrl', () => {
  it('drops the hash and tracking params, keeps meaningful query', () => {
    expect(normaliseUrl('https://www.a.gov.cn/list.jsp?id=5&utm_source=wx&utm_medium=s#top')).toBe(
      'https://www.a.gov.cn/list.jsp?id=5',
    );
    expect(normaliseUrl('https://www.a.gov.cn/a.html?from=singlemessage&isappinstalled=0')).toBe(
      'https://www.a.gov.cn/a.html',
    );
    expect(normaliseUrl('https://www.a.gov.cn/a.html?from=zwgk')).toBe('https://www.a.gov.cn/a.html?from=zwgk');
  });

  it('keeps the original encoding and order of kept params', () => {
    expect(normaliseUrl('https://www.a.gov.cn/s?q=%E6%94%BF%E5%BA%9C&gclid=1&page=2')).toBe(
      'https://www.a.gov.cn/s?q=%E6%94%BF%E5%BA%9C&page=2',
    );
  });

  it('lower-cases the host, drops default ports, keeps the path as is', () => {
    expect(normaliseUrl('HTTP://WWW.A.GOV.CN:80/Col/Index.html')).toBe('http://www.a.gov.cn/Col/Index.html');
    expect(normaliseUrl('https://www.a.gov.cn:443/col/')).toBe('https://www.a.gov.cn/col/');
    expect(normaliseUrl('https://www.a.gov.cn:8443/col/')).toBe('https://www.a.gov.cn:8443/col/');
    expect(normaliseUrl('https://www.a.gov.cn')).toBe('https://www.a.gov.cn/');
    expect(normaliseUrl('https://www.a.gov.cn/index.shtml')).toBe('https://www.a.gov.cn/index.shtml');
  });

  it('is idempotent and tolerates non-URLs', () => {
    const u = normaliseUrl('https://www.a.gov.cn/x?id=1&utm_x=2#h');
    expect(normaliseUrl(u)).toBe(u);
    expect(normaliseUrl('not a url#x')).toBe('not a url');
  });
});
