import { useState } from 'preact/hooks';
import type { SiteStats } from '@/lib/store/stats';
import type { ScoreWeights } from '@/lib/verdict/score';

const BAR_H = 18;
const LABEL_W = 260;
const CHART_W = 460;
const SHOWN = 40;

/** Scores as horizontal bars, best first, like 附件1; plain SVG (text nodes only). */
export function ScoreChart({ stats, weights }: { stats: SiteStats[]; weights: ScoreWeights }) {
  const [all, setAll] = useState(false);
  const scored = stats.filter((s) => s.verdict.scored).sort((a, b) => b.verdict.score - a.verdict.score);
  if (!scored.length) return null;
  const list = all ? scored : scored.slice(0, SHOWN);
  const max = Math.max(weights.fullScore, ...list.map((s) => s.verdict.score));
  const x = (v: number) => LABEL_W + (v / max) * CHART_W;
  const h = list.length * BAR_H + 24;
  return (
    <section class="chart" data-testid="score-chart">
      <h2>得分（{scored.length} 个参与评分的网站）</h2>
      <svg width={LABEL_W + CHART_W + 60} height={h} role="img" aria-label="网站得分条形图">
        {list.map((s, i) => {
          const y = i * BAR_H + 4;
          const fail = s.verdict.score < weights.passScore;
          return (
            <g key={s.site.site} data-testid="chart-bar">
              <text x={LABEL_W - 6} y={y + 12} text-anchor="end" class="chart-label">
                {`${i + 1}. ${s.site.name || s.site.site}`.slice(0, 24)}
              </text>
              <rect x={LABEL_W} y={y} width={Math.max(1, x(s.verdict.score) - LABEL_W)} height={BAR_H - 5} class={fail ? 'bar fail' : 'bar'} />
              <text x={x(s.verdict.score) + 4} y={y + 12} class="chart-value">
                {s.verdict.score.toFixed(2)}
              </text>
            </g>
          );
        })}
        <line x1={x(weights.passScore)} x2={x(weights.passScore)} y1={0} y2={h - 18} class="pass-line" />
        <text x={x(weights.passScore)} y={h - 4} text-anchor="middle" class="chart-value">
          {`合格线 ${weights.passScore}`}
        </text>
      </svg>
      {scored.length > SHOWN && (
        <button onClick={() => setAll(!all)}>{all ? `只显示前 ${SHOWN} 个` : `显示全部 ${scored.length} 个`}</button>
      )}
    </section>
  );
}
