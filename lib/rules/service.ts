/**
 * service.guide-elements — a 办事指南 page that lacks key elements (RULES.md §5): one finding per
 * page listing what is missing.
 */
import type { Rule } from '../types';
import { analyse } from '../timeliness/analyse';
import { checkGuide } from '../timeliness/guide';

const guideElements: Rule = {
  id: 'service.guide-elements',
  title: '办事指南要素缺失',
  category: 'service',
  severity: 'deduct',
  check(page, settings) {
    // a list of guides is a column, not a guide
    if (analyse(page, settings).pageType === 'column') return [];
    const g = checkGuide(page);
    if (!g.isGuide || g.missing.length === 0) return [];
    return [
      {
        ruleId: this.id,
        severity: 'deduct',
        category: 'service',
        message: `办事指南缺少 ${g.missing.length} 项要素：${g.missing.join('、')}`,
        evidence: `已有：${g.present.join('、')}`,
        suggestion: '按办事指南要素要求补全缺失内容',
      },
    ];
  },
};

export const serviceRules: Rule[] = [guideElements];
