import { describe, expect, it } from 'vitest';
import { parseSiteList, siteKey } from '../../../cli/sites';

describe('site list (--sites FILE)', () => {
  it('reads a URL a line, skipping blank lines and # comments; bare host names get http://', () => {
    const { sites, errors } = parseSiteList('# 2026 年第四季度\n\nhttps://www.yichun.gov.cn/\n  www.jiangxi.gov.cn  \r\nhttp://www.zgfy.gov.cn:8080/bm/\n');
    expect(errors).toEqual([]);
    expect(sites).toEqual([
      { line: 3, url: 'https://www.yichun.gov.cn/', key: 'www.yichun.gov.cn' },
      { line: 4, url: 'http://www.jiangxi.gov.cn/', key: 'www.jiangxi.gov.cn' },
      { line: 5, url: 'http://www.zgfy.gov.cn:8080/bm/', key: 'www.zgfy.gov.cn/bm' },
    ]);
  });

  it('reads a CSV with a header in any column order, quoted cells included', () => {
    const csv = '\uFEFF网站名称,网站标识码,网址\n"宜春市人民政府",3609000001,https://www.yichun.gov.cn/\n"袁州区人民政府，区政府门户",,http://www.yzq.gov.cn\n';
    const { sites, errors } = parseSiteList(csv);
    expect(errors).toEqual([]);
    expect(sites).toEqual([
      { line: 2, url: 'https://www.yichun.gov.cn/', key: 'www.yichun.gov.cn', name: '宜春市人民政府', code: '3609000001' },
      { line: 3, url: 'http://www.yzq.gov.cn/', key: 'www.yzq.gov.cn', name: '袁州区人民政府，区政府门户' },
    ]);
  });

  it('reads a CSV without a header as URL, 网站名称, 网站标识码', () => {
    const { sites } = parseSiteList('https://www.yichun.gov.cn/,宜春市人民政府,3609000001\nhttps://jyj.yichun.gov.cn/,宜春市教育局,bm36000001\n');
    expect(sites.map((s) => [s.url, s.name, s.code])).toEqual([
      ['https://www.yichun.gov.cn/', '宜春市人民政府', '3609000001'],
      ['https://jyj.yichun.gov.cn/', '宜春市教育局', 'bm36000001'],
    ]);
  });

  it('a bad line gets a Chinese error naming it and is skipped; the rest is kept', () => {
    const text = ['网址,网站名称,网站标识码', 'ftp://files.yichun.gov.cn/,文件站,', '宜春市人民政府,https://www.yichun.gov.cn/,', 'https://www.yichun.gov.cn/,宜春市人民政府,36090', 'https://www.yzq.gov.cn/,袁州区,3609020001', 'http://WWW.YZQ.gov.cn:8080,袁州区（测试）,'].join('\n');
    const { sites, errors } = parseSiteList(text);
    expect(sites.map((s) => s.line)).toEqual([5]);
    expect(errors.map((e) => e.line)).toEqual([2, 3, 4, 6]);
    expect(errors[0]!.message).toBe('第 2 行：网址格式不正确（“ftp://files.yichun.gov.cn/”），已跳过');
    expect(errors[1]!.message).toContain('第 3 行：网址格式不正确（“宜春市人民政府”）');
    expect(errors[2]!.message).toContain('第 4 行：网站标识码“36090”格式不正确');
    expect(errors[3]!.message).toBe('第 6 行：与第 5 行是同一网站（www.yzq.gov.cn），已跳过');
  });

  it('keys a site by host and path: scheme, port, case and a trailing slash do not matter', () => {
    expect(siteKey('https://WWW.Yichun.gov.cn/')).toBe(siteKey('http://www.yichun.gov.cn:8443'));
    expect(siteKey('http://www.yichun.gov.cn/bm/jyj/')).toBe('www.yichun.gov.cn/bm/jyj');
  });
});
