import { readFileSync } from 'node:fs';
import { fakePage } from '../../helpers/fake-page';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spamTextRule } from '../../../lib/rules/spam';
import { clusters, findHits, foldText, spamScore, SPAM_THRESHOLD } from '../../../lib/rules/spam-match';
import { modelFromHtml, REAL } from '../../helpers/load-page';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import type { PageModel } from '../../../lib/types';

const FIX = path.resolve(import.meta.dirname, '../../fixtures/spam');

function page(text: string, title = '', extra: Partial<PageModel> = {}): PageModel {
  return fakePage(text, { title, ...extra });
}
const run = (p: PageModel) => spamTextRule.check(p, DEFAULT_SETTINGS);

describe('security.spam-text', () => {
  it('fires on a brand next to 官网/登录/入口/APP/注册 in the middle of an article sentence', () => {
    for (const s of ['凯时k8官网', '凯发app', '凯发K8一触即发', 'beat365', '金沙博彩', '澳门新葡京', '太阳城官网', '永利登录入口', '万博 注册']) {
      const text = `各单位要加强信息发布审核${s}，严格落实“先审后发”制度。`;
      const fs = run(page(text));
      expect(fs, s).toHaveLength(1);
      expect(text.slice(fs[0]!.start, fs[0]!.end)).toContain(s.slice(0, 2));
      expect(fs[0]!.severity).toBe('veto');
    }
  });

  it('never fires on a lone generic word, an idiom or a place name', () => {
    for (const s of [
      '加强成人教育和棋牌室管理，规范移动支付。',
      '汛情一触即发，各地要严阵以待。',
      '金沙县、金沙江沿线水位上涨。',
      '组团参加亚博会，详见亚博会官网。',
      '推出一批国产精品力作。',
      '太阳城小区、永利路、万博广场交通管制。',
      '依法打击网络赌博、博彩网站和网上赌场。',
      '犯罪团伙利用百家乐、时时彩、六合彩、老虎机、体育投注、滚球等形式组织网络赌博，涉及地下钱庄、套路贷。',
      '三级医院绩效考核，兼职教师管理办法。',
    ]) {
      expect(run(page(s)), s).toEqual([]);
    }
  });

  it('adds decoration runs only next to real vocabulary', () => {
    expect(run(page('★✿★✿ 欢迎访问 ✿ღ◈ 节日快乐 ★★★'))).toEqual([]);
    expect(run(page('★★★ 远离网络博彩 ★★★ 警惕网上赌场 ★★★'))).toEqual([]);
    // two brands that need a companion stay quiet alone, the ★✿ runs push them over
    expect(run(page('太阳城、永利'))).toEqual([]);
    expect(run(page('★✿太阳城★✿永利★✿'))).toHaveLength(1);
  });

  it('matches a brand with zero-width characters inside as if they were absent, and says so', () => {
    const text = '加强审核凯\u200B时k8官\u200D网，确保准确。';
    const fs = run(page(text));
    expect(fs).toHaveLength(1);
    expect(fs[0]!.message).toContain('零宽字符');
    expect(fs[0]!.evidence).toBe('凯时k8官网');
    expect(text.slice(fs[0]!.start, fs[0]!.end)).toBe('凯\u200B时k8官\u200D网');
  });

  it('folds full-width letters and case', () => {
    expect(run(page('访问ＢＥＡＴ３６５即可'))).toHaveLength(1);
    expect(foldText('ＢＥＡＴ３６５').s).toBe('beat365');
  });

  it('finds terms in any ASCII case in a long text read unfolded', () => {
    const pad = '正文内容。'.repeat(1000);
    const terms = (t: string) => findHits(pad + t + pad).map((h) => [h.start - pad.length, h.term.text]);
    for (const t of ['访问beat365即可', '凯发k8一触即发', '凯时app下载']) {
      const want = terms(t);
      expect(want.length).toBeGreaterThan(0);
      for (const v of [t.toUpperCase(), t.replace(/[a-z]/, (c) => c.toUpperCase()), t.replace(/[a-z]$|[a-z](?=[^a-z]*$)/, (c) => c.toUpperCase())]) expect([v, terms(v)]).toEqual([v, want]);
    }
  });

  it('adds up a porn phrase list in the title', () => {
    const title = 'av一本久道久久,torrentkitty中文网,国产精品一区二区,亚洲欧美 - 国务院办公厅关于印发政府网站发展指引的通知';
    const fs = run(page('正文', title));
    expect(fs).toHaveLength(1);
    expect(fs[0]!.evidence.startsWith('标题：')).toBe(true);
    expect(fs[0]!.start).toBeUndefined();
  });

  it('a Latin brand must stand alone as a word', () => {
    expect(findHits('xbeat365y').filter((h) => h.term.text === 'beat365')).toHaveLength(0);
    expect(findHits('apple app').filter((h) => h.term.text === 'app')).toHaveLength(1);
  });

  it('scores link-sized strings for links.spam', () => {
    expect(spamScore('凯发k8官网').score).toBeGreaterThanOrEqual(SPAM_THRESHOLD);
    expect(spamScore('人民网').score).toBe(0);
    expect(clusters('博彩').map((c) => c.score)).toEqual([1]);
  });

  it('reports junk empty-tag scaffolding from the DOM probe, not a single repeated id', () => {
    const junk = (groups: { id: string; count: number; tags: string[] }[]) =>
      run(page('正文', '', { spamProbe: { junk: groups, hiddenAttrLinks: [] } }));
    expect(junk([{ id: 'h4sia', count: 5, tags: ['legend', 'samp', 'object'] }])).toEqual([]);
    const fs = junk([
      { id: 'h4sia', count: 5, tags: ['legend', 'samp', 'object'] },
      { id: 'fwlom', count: 4, tags: ['ul', 'object', 'dfn'] },
    ]);
    expect(fs).toHaveLength(1);
    expect(fs[0]!.message).toContain('<legend id="h4sia">');
  });

  it('recall: the hacked article fixture (brand mid-sentence, zero-width brand, hidden casino block, junk tags)', () => {
    const built = modelFromHtml(readFileSync(path.join(FIX, 'hacked-article.html'), 'utf8'), 'https://www.spam-test.gov.cn/hacked-article.html');
    expect(built.model.spamProbe!.junk.map((g) => g.id).sort()).toEqual(['fwlom', 'h4sia']);
    const ev = run(built.model).map((f) => f.evidence);
    expect(ev).toEqual([
      '★✿凯发K8一触即发★✿',
      '凯时k8官网',
      '凯发k8官网 beat365官方入口 澳门金沙博彩',
      '空标签 id：h4sia、fwlom',
    ]);
  });

  it('precision: the look-alike fixture gives nothing', () => {
    const built = modelFromHtml(readFileSync(path.join(FIX, 'clean.html'), 'utf8'), 'https://www.spam-test.gov.cn/clean.html');
    expect(run(built.model)).toEqual([]);
  });
});

describe('security.spam-text on a real spam-injected copy of a 通报 (tests/fixtures/real/seeds)', () => {
  it('finds every inserted brand, with the evidence on the brand, not on the words around it', () => {
    const text = readFileSync(path.join(REAL, 'seeds/000_8eb78d712953baf5.txt'), 'utf8');
    const fs = run(page(text));
    const joined = fs.map((f) => f.evidence).join(' | ');
    expect(joined.match(/凯发K8一触即发/g)).toHaveLength(2);
    expect(joined.match(/凯时k8官网/g)).toHaveLength(2);
    for (const f of fs) {
      expect(text.slice(f.start, f.end)).toMatch(/^(凯发K8一触即发|凯时k8官网)/);
      expect(text.slice(f.start, f.end)).toMatch(/(凯发K8一触即发|凯时k8官网)$/);
    }
  });
});
