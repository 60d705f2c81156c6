import type { PageModel } from '../types';
import { defineRule, type DefinedRule, type Detection } from './define';
import { clusters, findHits, SPAM_THRESHOLD, type Cluster } from './spam-match';
import vocab from '../data/spam-vocabulary.json';
import { stripZeroWidth } from '../text/normalise';

const MAX_FINDINGS = 30;
const EVIDENCE_CHARS = 60;
const SUGGESTION = '核查网站是否被篡改或植入内容，删除后排查后台与服务器安全';

function evidenceOf(text: string, c: Cluster): string {
  const raw = stripZeroWidth(text.slice(c.start, Math.min(c.end, c.start + EVIDENCE_CHARS))).text;
  return raw.replace(/\s+/g, ' ') + (c.end - c.start > EVIDENCE_CHARS ? '…' : '');
}

function message(evidence: string, zw: boolean, where = ''): string {
  const base = `${where}疑似被植入博彩/色情内容：“${evidence}”`;
  return zw ? `${base}（词中夹有零宽字符，疑为刻意躲避检查）` : base;
}

/** Junk scaffolding from the DOM probe: enough groups, or one big group. */
function junkFinding(page: PageModel): Detection | null {
  const junk = page.spamProbe?.junk ?? [];
  const j = vocab.junk;
  if (junk.length < j.minGroups && !junk.some((g) => g.count >= j.bigGroup)) return null;
  const total = junk.reduce((s, g) => s + g.count, 0);
  const g = junk[0]!;
  const example = g.tags.slice(0, 3).map((t) => `<${t} id="${g.id}">`).join('');
  return {
    message: `页面含 ${junk.length} 组共 ${total} 个共用同一随机 id 的空标签（如 ${example}），是站群/暗链植入的典型痕迹`,
    evidence: `空标签 id：${junk.slice(0, 5).map((x) => x.id).join('、')}`,
    suggestion: SUGGESTION,
  };
}

export const spamTextRule: DefinedRule = defineRule({
  id: 'security.spam-text',
  family: 'spam',
  title: '疑似被植入博彩色情内容',
  category: 'security',
  severities: ['veto'],
  indicator: { kind: 'veto', item: '安全、泄密事故等严重问题', point: '发布或链接反动、暴力、色情等内容；内容被篡改' },
  vetoPhrase: '存在违法违规信息',
  examples: {
    fires: ['<p>各单位要加强信息发布审核凯时k8官网，严格落实“先审后发”制度。</p>'],
    silent: ['<p>依法打击网络赌博、博彩网站和网上赌场。</p>'],
  },
  check(page) {
    const out: Detection[] = [];
    // not page.folded: the spam words need only letters and digits folded, and on a long page with
    // none full-width (lib/text/census) the text itself is that fold, with no page-sized copy
    for (const c of clusters(page.text, findHits(page.text))) {
      if (c.score < SPAM_THRESHOLD) continue;
      if (out.length >= MAX_FINDINGS) break;
      const evidence = evidenceOf(page.text, c);
      out.push({
        message: message(evidence, c.zw),
        evidence,
        suggestion: SUGGESTION,
        start: c.start,
        end: c.end,
      });
    }
    for (const c of clusters(page.title)) {
      if (c.score < SPAM_THRESHOLD) continue;
      const evidence = evidenceOf(page.title, c);
      out.push({
        message: message(evidence, c.zw, '网页标题'),
        evidence: `标题：${evidence}`,
        suggestion: SUGGESTION,
      });
      break;
    }
    const junk = junkFinding(page);
    if (junk) out.push(junk);
    return out;
  },
});

export const spamRules: DefinedRule[] = [spamTextRule];
