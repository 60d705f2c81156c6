/**
 * interaction.* — 留言 answered late or not at all (RULES.md §5). Working days follow the official
 * calendar (lib/timeliness/workdays, chinese-days). Only what the page itself shows is judged:
 * a question counts as unanswered only when its item says so (未回复/待回复…).
 */
import type { Rule, RuleFinding } from '../types';
import { daysBetween, todayIso } from '../settings';
import data from '../data/interaction.json';
import { findLetters, isLetterPage } from '../timeliness/letters';
import { addMonths, workdaysBetween } from '../timeliness/workdays';

const replyLate: Rule = {
  id: 'interaction.reply-late',
  title: '留言答复超时',
  category: 'interaction',
  severity: 'deduct',
  check(page) {
    if (!isLetterPage(page)) return [];
    const out: RuleFinding[] = [];
    for (const l of findLetters(page)) {
      if (!l.replied || l.replied.date < l.asked.date) continue;
      const n = workdaysBetween(l.asked.date, l.replied.date, data.replyWorkdays + 1);
      if (n <= data.replyWorkdays) continue;
      const full = workdaysBetween(l.asked.date, l.replied.date);
      out.push({
        ruleId: this.id,
        severity: 'deduct',
        category: 'interaction',
        message: `留言于 ${l.asked.date} 提出，${l.replied.date} 才答复，用时 ${full} 个工作日（超过 ${data.replyWorkdays} 个工作日）`,
        evidence: l.replied.raw,
        suggestion: `网民留言应在 ${data.replyWorkdays} 个工作日内答复`,
        start: l.replied.start,
        end: l.replied.end,
      });
    }
    return out;
  },
};

const unanswered: Rule = {
  id: 'interaction.unanswered',
  title: '留言长期未答复',
  category: 'interaction',
  severity: 'veto',
  check(page, settings) {
    if (!isLetterPage(page)) return [];
    const today = todayIso(settings);
    const out: RuleFinding[] = [];
    for (const l of findLetters(page)) {
      if (l.replied || !l.unanswered) continue;
      const age = daysBetween(l.asked.date, today);
      // only 留言 from the past year count, and only once they have waited more than 3 months
      if (age > data.unansweredWindowDays || addMonths(l.asked.date, data.unansweredMonths) >= today) continue;
      out.push({
        ruleId: this.id,
        severity: 'veto',
        category: 'interaction',
        message: `留言于 ${l.asked.date} 提出，至今 ${age} 天仍显示“${l.unanswered.raw}”（超过 ${data.unansweredMonths} 个月未答复）`,
        evidence: `${l.asked.raw} ${l.unanswered.raw}`,
        suggestion: '及时答复网民留言；超过 3 个月未答复属单项否决',
        start: l.asked.start,
        end: l.asked.end,
      });
    }
    return out;
  },
};

export const interactionRules: Rule[] = [replyLate, unanswered];
