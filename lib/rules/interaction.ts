/**
 * interaction.* — 留言 answered late or not at all (docs/RULES.md). Working days follow the official
 * calendar (lib/timeliness/workdays, chinese-days). Only what the page itself shows is judged:
 * a question counts as unanswered only when its item says so (未回复/待回复…).
 */
import { defineRule, type DefinedRule, type Detection } from './define';
import { daysBetween, todayIso } from '../settings';
import data from '../data/interaction.json';
import { findLetters, isLetterPage } from '../timeliness/letters';
import { addMonths, workdaysBetween } from '../timeliness/workdays';

/** A 留言 list page of the examples (领导信箱), its footer, and letters in between. */
const letterPage = (...letters: string[]) => ({
  url: 'https://www.example.gov.cn/hdjl/ldxx/index.html',
  html: `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>领导信箱_示例市人民政府</title><meta name="ColumnName" content="领导信箱"></head><body>
<div class="crumb">当前位置：首页 &gt; 互动交流 &gt; 领导信箱</div>${letters.join('')}
<div class="footer"><p>主办单位：示例市人民政府办公室 网站标识码：3609990002</p></div></body></html>`,
});
const letter = (title: string, lines: string) => `<div class="letter"><h3>${title}</h3>${lines}</div>`;

const replyLate = defineRule({
  id: 'interaction.reply-late',
  family: 'interaction',
  title: '留言答复超时',
  category: 'interaction',
  severities: ['deduct'],
  indicator: { kind: 'deduct', item: '互动回应情况', point: '政务咨询类栏目：留言答复时效' },
  weight: { points: 1, cap: 10 },
  examples: {
    fires: [letterPage(letter('关于小区停车难的问题', '<p>留言时间：2026-10-09</p><p>回复时间：2026-10-30</p>'))],
    silent: [letterPage(letter('关于社保卡补办的咨询', '<p>留言时间：2026-11-02</p><p>回复时间：2026-11-06</p>'))],
  },
  check(page) {
    if (!isLetterPage(page)) return [];
    const out: Detection[] = [];
    for (const l of findLetters(page)) {
      if (!l.replied || l.replied.date < l.asked.date) continue;
      const n = workdaysBetween(l.asked.date, l.replied.date, data.replyWorkdays + 1);
      if (n <= data.replyWorkdays) continue;
      const full = workdaysBetween(l.asked.date, l.replied.date);
      out.push({
        message: `留言于 ${l.asked.date} 提出，${l.replied.date} 才答复，用时 ${full} 个工作日（超过 ${data.replyWorkdays} 个工作日）`,
        evidence: l.replied.raw,
        suggestion: `网民留言应在 ${data.replyWorkdays} 个工作日内答复`,
        start: l.replied.start,
        end: l.replied.end,
      });
    }
    return out;
  },
});

const unanswered = defineRule({
  id: 'interaction.unanswered',
  family: 'interaction',
  title: '留言长期未答复',
  category: 'interaction',
  severities: ['veto'],
  indicator: { kind: 'veto', item: '互动回应差', point: '监测时间点前 1 年内，政务咨询类栏目存在超过 3 个月未回应有效留言' },
  vetoPhrase: '网民留言长期未回复',
  examples: {
    fires: [letterPage(letter('关于农村自来水水压不足的反映', '<p>留言时间：2026-06-01</p><p>办理状态：未回复</p>'))],
    silent: [letterPage(letter('关于公交线路调整的咨询', '<p>留言时间：2026-10-20</p><p>办理状态：待回复</p>'))],
  },
  check(page, settings) {
    if (!isLetterPage(page)) return [];
    const today = todayIso(settings);
    const out: Detection[] = [];
    for (const l of findLetters(page)) {
      if (l.replied || !l.unanswered) continue;
      const age = daysBetween(l.asked.date, today);
      // only 留言 from the past year count, and only once they have waited more than 3 months
      if (age > data.unansweredWindowDays || addMonths(l.asked.date, data.unansweredMonths) >= today) continue;
      out.push({
        message: `留言于 ${l.asked.date} 提出，至今 ${age} 天仍显示“${l.unanswered.raw}”（超过 ${data.unansweredMonths} 个月未答复）`,
        evidence: `${l.asked.raw} ${l.unanswered.raw}`,
        suggestion: '及时答复网民留言；超过 3 个月未答复属单项否决',
        start: l.asked.start,
        end: l.asked.end,
      });
    }
    return out;
  },
});

export const interactionRules: DefinedRule[] = [replyLate, unanswered];
