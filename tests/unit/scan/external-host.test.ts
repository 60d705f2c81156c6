import { describe, it, expect } from 'vitest';
import { externalHostOf } from '../../../lib/scan/external-host';
import { externalHost } from '../../../lib/hosts';

describe('externalHostOf', () => {
  it('answers as externalHost does, for links on the page host read in place and for the rest', () => {
    const hrefs = [
      'https://www.a.gov.cn/',
      'https://www.a.gov.cn',
      'http://www.a.gov.cn:8080/x?y#z',
      'http://www.a.gov.cn?q=1',
      'http://www.a.gov.cn#top',
      'http://www.a.gov.cn:80',
      // user info: the host is the part after @
      'http://www.a.gov.cn:pass@www.casino.com/',
      'http://www.a.gov.cn@www.casino.com/',
      'http://www.a.gov.cn.casino.com/',
      'http://www.a.gov.cnx.com/',
      'http://www.a.gov.cn:8080x.com/',
      'https://WWW.A.GOV.CN/upper',
      'HTTP://www.a.gov.cn/',
      'https://www.casino.com/',
      'https://sub.a.gov.cn/',
      'mailto:x@www.a.gov.cn',
      '',
    ];
    // a gov page (its own host is official anyway) and a page on an ordinary host
    for (const page of ['www.a.gov.cn', 'www.b.com.cn']) {
      for (const href of hrefs.map((h) => h.replace('www.a.gov.cn', page).replace('WWW.A.GOV.CN', page.toUpperCase()))) {
        expect([href, externalHostOf(href, page)]).toEqual([href, externalHost(href, page)]);
      }
    }
    expect(externalHostOf('http://www.b.com.cn:pass@www.casino.com/', 'www.b.com.cn')).toBe('www.casino.com');
    expect(externalHostOf('http://www.b.com.cn.casino.com/', 'www.b.com.cn')).toBe('www.b.com.cn.casino.com');
  });
});
