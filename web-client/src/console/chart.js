import { svg } from '/shared/dom.js';

const ROW = 34;
const LABEL_WIDTH = 210;
const BAR_WIDTH = 330;
const WIDTH = LABEL_WIDTH + BAR_WIDTH + 110;

/**
 * Dimension scores as a horizontal bar chart (0-5), drawn as inline SVG so it needs no chart library and prints
 * sharply. A dimension without evidence gets an outlined empty bar that says "not assessed" rather than a bar
 * that could be read as a score. The numbers are also in the table beside it, for screen readers.
 */
export function dimensionChart(dimensions) {
  const height = dimensions.length * ROW + 28;
  const x = (score) => LABEL_WIDTH + (score / 5) * BAR_WIDTH;
  const grid = [0, 1, 2, 3, 4, 5].map((tick) => [
    svg('line', { x1: x(tick), x2: x(tick), y1: 0, y2: height - 22, class: 'grid' }),
    svg('text', { x: x(tick), y: height - 6, 'text-anchor': 'middle', class: 'tick' }, tick),
  ]);
  const rows = dimensions.map((d, i) => {
    const y = i * ROW + 6;
    const assessed = d.score !== null && d.score !== undefined;
    return svg('g', { class: assessed ? `bar ${band(d.percent)}` : 'bar none' },
      svg('text', { x: LABEL_WIDTH - 10, y: y + 16, 'text-anchor': 'end', class: 'label' }, `${d.name} (${d.weight}%)`),
      assessed
        ? svg('rect', { x: LABEL_WIDTH, y, width: Math.max(2, x(d.score) - LABEL_WIDTH), height: 22, rx: 3 })
        : svg('rect', { x: LABEL_WIDTH, y, width: BAR_WIDTH, height: 22, rx: 3, class: 'empty' }),
      svg('text', { x: (assessed ? x(d.score) : LABEL_WIDTH) + 8, y: y + 16, class: 'value' },
        assessed ? `${d.score.toFixed(1)} · ${d.label}` : 'not assessed'));
  });
  const summary = dimensions.map((d) => `${d.name}: ${d.score == null ? 'not assessed' : `${d.score.toFixed(1)} of 5`}`).join('; ');
  return svg('svg', { viewBox: `0 0 ${WIDTH} ${height}`, class: 'chart', role: 'img', 'aria-label': `Dimension scores. ${summary}` },
    svg('title', {}, 'Dimension scores out of 5'), ...grid.flat(), ...rows);
}

/** Colour bands, always paired with the number and label in text. */
function band(percent) {
  return percent >= 70 ? 'high' : percent >= 45 ? 'mid' : 'low';
}
