import { describe, expect, it } from 'vitest';
import { modelFromHtml } from '../../helpers/load-page';
import { footerRules, readSiteCode } from '../../../lib/rules/footer';
import type { PageModel, RuleFinding, Settings } from '../../../lib/types';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const SETTINGS: Settings = { freshDays: 30, staleDays: 365, paintDates: false, inspector: '', today: '2026-11-23' };

/** The parts of a complete footer (modelled on www.yichun.gov.cn); tests drop or replace one. */
const PARTS = {
  sitemap: '<a href="/wzdt/">网站地图</a> |',
  contactLink: '<a href="/lxwm/">联系我们</a>',
  sponsor: '<p>主办：宜春市人民政府　承办：宜春市人民政府办公室</p>',
  copyright: '<p>版权所有：宜春市人民政府</p>',
  icp: '<a href="https://beian.miit.gov.cn/">赣ICP备06000141号</a>',
  siteCode: '政府网站标识码：3609000002',
  police: '<a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=36090202000004">赣公网安备 36090202000004号</a>',
  conac:
    '<span id="_ideConac"><a href="https://bszs.conac.cn/sitename?method=show&amp;id=0ADCC2E0BA270DA2E053012819ACECB2"><img src="red.png"></a></span>',
  jiucuo: '<script id="_jiucuo_" sitecode="3609000002" src="https://zfwzgl.www.gov.cn/exposure/jiucuo.js"></script>',
};
type Parts = Partial<Record<keyof typeof PARTS, string>>;

function page(over: Parts = {}, body = '<p>正文内容。</p>', url?: string): PageModel {
  const p = { ...PARTS, ...over };
  const footer = `<div class="footer"><div>${p.sitemap} ${p.contactLink}</div>${p.sponsor}${p.copyright}
    <p>${p.icp}　${p.siteCode}　${p.police}</p>${p.conac}${p.jiucuo}</div>`;
  return modelFromHtml(`<html><head><title>t</title></head><body><div class="main">${body}</div>${footer}</body></html>`, url).model;
}

function run(model: PageModel, id?: string): RuleFinding[] {
  return footerRules.filter((r) => !id || r.id === id).flatMap((r) => r.check(model, SETTINGS));
}

const ids = (fs: RuleFinding[]) => fs.map((f) => f.ruleId);

describe('footerRules', () => {
  it('has the 8 checks of RULES.md §1 with their severities, and 3 format hints', () => {
    expect(footerRules.map((r) => [r.id, r.severity])).toEqual([
      ['footer.conac-mark', 'deduct'],
      ['footer.jiucuo', 'deduct'],
      ['footer.site-code', 'deduct'],
      ['footer.sponsor', 'deduct'],
      ['footer.contact', 'deduct'],
      ['footer.icp', 'deduct'],
      ['footer.police-record', 'deduct'],
      ['footer.sitemap', 'hint'],
      ['footer.icp-format', 'hint'],
      ['footer.police-format', 'hint'],
      ['footer.sponsor-format', 'hint'],
    ]);
    for (const r of footerRules) expect(r.category).toBe('footer');
  });

  it('reports nothing on a complete footer', () => {
    const m = page();
    expect(m.footer).not.toBeNull();
    expect(run(m)).toEqual([]);
  });

  it('reports every element when the page has no footer at all', () => {
    const m = modelFromHtml('<html><body><p>只有正文，没有底部。</p></body></html>').model;
    expect(m.footer).toBeNull();
    const fs = run(m);
    expect(ids(fs)).toEqual(footerRules.map((r) => r.id).filter((id) => !id.endsWith('-format')));
    for (const f of fs) {
      expect(f.start).toBeUndefined();
      expect(f.evidence).toBe('未找到底部区域');
      expect(f.suggestion).toBeTruthy();
    }
  });

  it('missing findings are page-level, with a message, a suggestion and the footer as evidence', () => {
    const [f] = run(page({ siteCode: '' }), 'footer.site-code');
    expect(f).toMatchObject({
      ruleId: 'footer.site-code',
      severity: 'deduct',
      category: 'footer',
      message: '页面底部未找到网站标识码',
      suggestion: '在网站底部功能区标注网站标识码',
    });
    expect(f!.start).toBeUndefined();
    expect(f!.end).toBeUndefined();
    expect(f!.evidence.startsWith('底部区域：网站地图 | 联系我们')).toBe(true);
    expect(f!.evidence.length).toBeLessThanOrEqual('底部区域：'.length + 81);
  });
});

describe('footer.conac-mark', () => {
  const fires = (conac: string) => run(page({ conac }), 'footer.conac-mark').length > 0;

  it('accepts the _ideConac span in the footer', () => {
    expect(fires('<span id="_ideConac"></span>')).toBe(false);
  });
  it('accepts the dcs.conac.cn CA<digits>.js script', () => {
    expect(fires('<script src="https://dcs.conac.cn/js/36/000/0000/40445447/CA360000000404454470002.js"></script>')).toBe(false);
  });
  it('accepts the script written through document.write(unescape(...))', () => {
    const inline =
      "<script type=\"text/javascript\">document.write(unescape(\"%3Cspan id='_ideConac' %3E%3C/span%3E%3Cscript src='http://dcs.conac.cn/js/33/000/0000/60477468/CA330000000604774680005.js' type='text/javascript'%3E%3C/script%3E\"));</script>";
    expect(fires(inline)).toBe(false);
  });
  it('accepts a bszs.conac.cn link, even outside the footer', () => {
    expect(fires('<a href="https://bszs.conac.cn/sitename?method=show&amp;id=15ECDB592A9329B9E053022819AC61B0"><img src="red.png"></a>')).toBe(false);
    const m = page({ conac: '' }, '<a href="http://bszs.conac.cn/sitename?method=show&amp;id=AB"><img src="r.png"></a><p>正文</p>');
    expect(run(m, 'footer.conac-mark')).toEqual([]);
  });
  it('fires when there is no mark, or only an unrelated conac script', () => {
    expect(fires('')).toBe(true);
    expect(fires('<script src="https://dcs.conac.cn/js/common.js"></script>')).toBe(true);
    expect(fires('<span id="_ideConacX"></span>')).toBe(true);
    const [f] = run(page({ conac: '' }), 'footer.conac-mark');
    expect(f).toMatchObject({ severity: 'deduct', message: '页面底部未找到党政机关网站标识' });
  });
});

describe('footer.jiucuo', () => {
  const check = (jiucuo: string) => run(page({ jiucuo }), 'footer.jiucuo');

  it('accepts the exposure/jiucuo.html link with the same site_code', () => {
    expect(check('<a href="https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=3609000002&amp;url=x"><img src="j.png"></a>')).toEqual([]);
    // platform mirror
    expect(check('<a href="http://pucha.kaipuyun.cn/exposure/jiucuo.html?site_code=3609000002"><img src="j.png"></a>')).toEqual([]);
  });
  it('accepts the _jiucuo_ script, by id or by src', () => {
    expect(check('<script id="_jiucuo_" sitecode="3609000002" src="./files/jiucuo.js"></script>')).toEqual([]);
    expect(check('<script sitecode="3609000002" src="https://pucha.kaipuyun.cn/exposure/jiucuo.js"></script>')).toEqual([]);
    expect(check('<script id="_jiucuo_" sitecode="3609000002"></script>')).toEqual([]);
  });
  it('accepts the text 我为政府网站找错 / 政府网站找错', () => {
    expect(check('<a href="/zc/">我为政府网站找错</a>')).toEqual([]);
    expect(check('<p>政府网站找错</p>')).toEqual([]);
  });
  it('fires when there is no entry', () => {
    const fs = check('');
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ severity: 'deduct', message: '页面底部未找到“我为政府网站找错”入口' });
    expect(check('<a href="/wzjc/">网站纠错</a>')).toHaveLength(1);
  });
  it('fires when the entry carries another site code, pointing at the page 网站标识码', () => {
    const m = page({ jiucuo: '<script id="_jiucuo_" sitecode="3609000001" src="./jiucuo.js"></script>' });
    const fs = run(m, 'footer.jiucuo');
    expect(fs).toHaveLength(1);
    const f = fs[0]!;
    expect(f.message).toContain('找错入口的网站标识码与页面不一致');
    expect(f.message).toContain('3609000001');
    expect(f.message).toContain('3609000002');
    expect(m.text.slice(f.start, f.end)).toBe('政府网站标识码：3609000002');
    expect(f.evidence).toBe('政府网站标识码：3609000002');

    const link = page({ jiucuo: '<a href="https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=3609000003&amp;url=x">找错</a>' });
    expect(run(link, 'footer.jiucuo')[0]?.message).toContain('3609000003');
  });
  it('compares codes case-insensitively and skips the comparison without a page code', () => {
    const m = page({ siteCode: '网站标识码：bm01000001', jiucuo: '<script id="_jiucuo_" sitecode="BM01000001"></script>' });
    expect(run(m, 'footer.jiucuo')).toEqual([]);
    const noCode = page({ siteCode: '', jiucuo: '<script id="_jiucuo_" sitecode="3609000001"></script>' });
    expect(run(noCode, 'footer.jiucuo')).toEqual([]);
  });
});

describe('footer.site-code', () => {
  const check = (siteCode: string) => run(page({ siteCode, jiucuo: '' }), 'footer.site-code');

  it('accepts a 10-digit local code and a bm code, with or without colon', () => {
    expect(check('网站标识码：3609000002')).toEqual([]);
    expect(check('网站标识码bm01000001')).toEqual([]);
    expect(check('政府网站标识码: bm06000004')).toEqual([]);
    // zjdpc: the next mark follows without a space
    expect(check('网站标识码：3300000020浙公网安备')).toEqual([]);
  });
  it('fires on a malformed code with offsets at the text', () => {
    for (const bad of ['140000', '310000000044', 'bm0100001', 'ab01000001']) {
      const m = page({ siteCode: `网站标识码：${bad}`, jiucuo: '' });
      const fs = run(m, 'footer.site-code');
      expect(fs, bad).toHaveLength(1);
      const f = fs[0]!;
      expect(f.message).toBe(`网站标识码格式不正确（${bad}）`);
      expect(f.severity).toBe('deduct');
      expect(m.text.slice(f.start, f.end)).toBe(`网站标识码：${bad}`);
      expect(f.evidence).toBe(`网站标识码：${bad}`);
    }
  });
  it('fires when the footer has no code', () => {
    expect(check('')).toHaveLength(1);
    expect(check('网站标识码：')[0]?.message).toBe('页面底部未找到网站标识码');
  });
  it('takes a code shown elsewhere on the page (side bar) as present', () => {
    const m = page({ siteCode: '' }, '<p>正文</p><div class="side">网站标识码：3609000002</div>');
    expect(run(m, 'footer.site-code')).toEqual([]);
  });
});

describe('readSiteCode', () => {
  it('reads the footer code first, then SiteIDCode, else empty', () => {
    expect(readSiteCode(page())).toBe('3609000002');
    const metaOnly = modelFromHtml(
      '<html><head><meta name="SiteIDCode" content=" 3609000009 "></head><body><p>正文</p><div class="footer">版权所有：某某</div></body></html>',
    ).model;
    expect(readSiteCode(metaOnly)).toBe('3609000009');
    expect(readSiteCode(modelFromHtml('<html><body><p>正文</p></body></html>').model)).toBe('');
  });
});

describe('footer.sponsor', () => {
  const fires = (sponsor: string) => run(page({ sponsor }), 'footer.sponsor').length > 0;

  it('accepts 主办：, 主办单位： and 主办方：', () => {
    expect(fires('<p>主办：宜春市人民政府</p>')).toBe(false);
    expect(fires('<p>主办单位：国务院办公厅　运行维护单位：中国政府网运行中心</p>')).toBe(false);
    expect(fires('<p>主办方：中国载人航天工程办公室</p>')).toBe(false);
    expect(fires('<p>主办单位: 宜春市人民政府</p>')).toBe(false);
    // spaced-out labels of old table footers, and other words for the sponsoring body
    expect(fires('<p>主　办：宜春市人民政府</p>')).toBe(false);
    expect(fires('<p>主办单位 ：宜春市人民政府</p>')).toBe(false);
    expect(fires('<p>主办机关：宜春市人民政府</p>')).toBe(false);
    // old table layouts put the name in the next cell
    expect(fires('<table><tr><td>主办单位：</td><td>宜春市人民政府</td></tr></table>')).toBe(false);
  });
  it('fires without a 主办 label followed by a name', () => {
    expect(fires('')).toBe(true);
    expect(fires('<p>承办：宜春市人民政府办公室</p>')).toBe(true);
    // the next block's label is not a sponsor name
    expect(fires('<p>主办：</p>')).toBe(true);
    expect(run(page({ sponsor: '' }), 'footer.sponsor')[0]?.message).toBe('页面底部未找到网站主办单位');
  });
});

describe('footer.contact', () => {
  const fires = (contactLink: string, body?: string) => run(page({ contactLink }, body), 'footer.contact').length > 0;

  it('accepts a phone number, an e-mail, an address or a postcode in the footer', () => {
    expect(fires('技术支持：万载县信息中心(0795-8819792)')).toBe(false);
    expect(fires('TEL:010-58884104')).toBe(false);
    expect(fires('电话：（0795）3995123')).toBe(false);
    expect(fires('E-Mail:kepu@kepu.gov.cn')).toBe(false);
    expect(fires('<a href="mailto:web@yichun.gov.cn">网站邮箱</a>')).toBe(false);
    expect(fires('地址：江西省宜春市宜阳大道1号')).toBe(false);
    expect(fires('邮编：336000')).toBe(false);
    expect(fires('服务热线：12345')).toBe(false);
  });
  it('accepts a 联系我们 link anywhere on the page', () => {
    expect(fires('', '<a href="/lxwm/">联系我们</a><p>正文</p>')).toBe(false);
  });
  it('fires when the footer has none (a phone in the article does not count)', () => {
    expect(fires('')).toBe(true);
    expect(fires('', '<p>咨询电话：0795-3995123</p>')).toBe(true);
    // ICP and 公网安备 numbers are not phone numbers
    expect(fires('<span>京公网安备11010202000001号</span>')).toBe(true);
  });
});

describe('footer.icp', () => {
  const fires = (icp: string) => run(page({ icp }), 'footer.icp').length > 0;

  it('accepts ICP备 and ICP证 numbers with a province abbreviation', () => {
    expect(fires('京ICP备05070218号')).toBe(false);
    expect(fires('京ICP备05022684号-3')).toBe(false);
    expect(fires('京ICP证030173号')).toBe(false);
    expect(fires('备案号：浙ICP备05018911号')).toBe(false);
  });
  it('fires without a well-formed number', () => {
    expect(fires('')).toBe(true);
    expect(fires('京ICP备')).toBe(true);
    expect(run(page({ icp: '' }), 'footer.icp')[0]).toMatchObject({ severity: 'deduct', message: '页面底部未找到ICP备案编号' });
  });
  it('a number without the province abbreviation is shown, in a non-standard form: a hint, not missing', () => {
    const m = page({ icp: 'ICP备05070218号' });
    expect(ids(run(m))).toEqual(['footer.icp-format']);
    expect(run(m, 'footer.icp-format')[0]).toMatchObject({ severity: 'hint', message: 'ICP备案编号格式不规范（ICP备05070218号）' });
  });
});

describe('footer.police-record', () => {
  const check = (police: string) => page({ police });

  it('accepts a number whose prefix matches the province', () => {
    expect(run(check('京公网安备11010202000001号'), 'footer.police-record')).toEqual([]);
    expect(run(check('晋公网安备 14010502050691号'), 'footer.police-record')).toEqual([]);
    expect(run(check('川公网安备 51010402000001号'), 'footer.police-record')).toEqual([]);
    expect(run(check('蜀公网安备 51010402000001号'), 'footer.police-record')).toEqual([]);
  });
  it('fires as a hint at the text when the prefix does not match the abbreviation', () => {
    const m = check('浙公网安备 36090202000004号');
    const fs = run(m, 'footer.police-record');
    expect(fs).toHaveLength(1);
    const f = fs[0]!;
    expect(f.severity).toBe('hint');
    expect(f.message).toContain('公安机关备案号与省份简称不一致');
    expect(f.message).toContain('33');
    expect(f.message).toContain('36');
    expect(m.text.slice(f.start, f.end)).toBe('浙公网安备 36090202000004号');
  });
  it('fires as a hint when the number is not 14 digits or has no abbreviation', () => {
    for (const bad of ['赣公网安备 3609020200004号', '公网安备 36090202000004号']) {
      const fs = run(check(bad), 'footer.police-record');
      expect(fs, bad).toHaveLength(1);
      expect(fs[0]!.severity).toBe('hint');
      expect(fs[0]!.message).toContain('公安机关备案号格式不正确');
      expect(fs[0]!.start).toBeTypeOf('number');
    }
  });
  it('fires as missing (deduct, page-level) without any record', () => {
    const fs = run(check(''), 'footer.police-record');
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ severity: 'deduct', message: '页面底部未找到公安机关备案标识' });
    expect(fs[0]!.start).toBeUndefined();
  });
});

describe('footer.sitemap', () => {
  const fires = (sitemap: string) => run(page({ sitemap }), 'footer.sitemap').length > 0;

  it('accepts a 网站地图 or 站点地图 link', () => {
    expect(fires('<a href="/wzdt/">网站地图</a>')).toBe(false);
    expect(fires('<a href="/sitemap/">站点地图</a>')).toBe(false);
  });
  it('fires as a hint when there is no such link', () => {
    expect(fires('')).toBe(true);
    expect(fires('<span>网站地图</span>')).toBe(true);
    expect(run(page({ sitemap: '' }), 'footer.sitemap')[0]).toMatchObject({ severity: 'hint', message: '页面底部未找到网站地图链接' });
  });
});

describe('a 繁体版 page', () => {
  // the body: a real 通报 republished in traditional characters (tests/fixtures/real/seeds, MANIFEST.md)
  const seed = readFileSync(path.resolve(import.meta.dirname, '../../fixtures/real/seeds/003_4ee3ea5c49259455.txt'), 'utf8');
  const body = `<p>${seed.slice(0, 2000).replace(/[<>&]/g, '')}</p>`;
  const TRADITIONAL: Parts = {
    sitemap: '<a href="/wzdt/">網站地圖</a> |',
    contactLink: '<a href="/lxwm/">聯繫我們</a>',
    sponsor: '<p>主辦：宜春市人民政府　承辦：宜春市人民政府辦公室</p>',
    copyright: '<p>版權所有：宜春市人民政府</p>',
    icp: '<a href="https://beian.miit.gov.cn/">贛ICP備06000141號</a>',
    siteCode: '政府網站標識碼：3609000002',
    police: '贛公網安備 36090202000004號',
  };

  it('reads its footer written in traditional characters like the simplified one (no false 未找到)', () => {
    const m = page(TRADITIONAL, body);
    expect(m.notes.join('')).toContain('繁体字页面');
    expect(m.footer).not.toBeNull();
    expect(run(m)).toEqual([]);
  });

  it('still reports what is missing or malformed, quoting the page as written', () => {
    const m = page({ ...TRADITIONAL, siteCode: '政府網站標識碼：36099900', police: '' }, body);
    expect(ids(run(m, 'footer.police-record'))).toEqual(['footer.police-record']);
    const [malformed] = run(m, 'footer.site-code');
    expect(malformed!.evidence).toContain('網站標識碼：36099900');
    for (const id of ['footer.sponsor', 'footer.contact', 'footer.icp', 'footer.sitemap']) expect(run(m, id)).toEqual([]);
  });

  it('leaves a simplified page as it is: the traditional forms are not read there', () => {
    // 網站標識碼 inside a simplified page is no site code (a quotation, a slip), as before
    const m = page({ siteCode: '網站標識碼：3609000002' });
    expect(m.markText).toBeUndefined();
    expect(ids(run(m))).toEqual(['footer.site-code']);
  });
});
