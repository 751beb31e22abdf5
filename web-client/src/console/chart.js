import { h } from '/shared/dom.js';

/**
 * Dimension scores as horizontal bars (0-5) in HTML, so that names and numbers keep the page's text size on any
 * screen (an SVG scaled to a phone shrank them to about 7 px); on a phone the name sits above its bar. A dimension
 * without evidence gets an outlined empty track that says "not assessed" rather than a bar that could be read as a
 * score; a reviewer's override is a marker on the track and a number beside Viva's. Widths are set through the
 * CSSOM: the Content-Security-Policy allows no inline style attributes.
 */
export function dimensionChart(dimensions, overrides = []) {
  const rows = dimensions.map((d) => {
    const assessed = d.score !== null && d.score !== undefined;
    const override = overrides.find((o) => o.dimension === d.id);
    const bar = h('span', { class: 'chart-bar' });
    bar.style.width = `${assessed ? Math.max(1, (d.score / 5) * 100) : 0}%`;
    const marker = override ? h('span', { class: 'chart-override' }) : null;
    if (marker) marker.style.left = `${(override.score / 5) * 100}%`;
    return h('li', { class: `chart-row ${assessed ? band(d.percent) : 'none'}` },
      h('span', { class: 'chart-label' }, d.name, h('span', { class: 'muted' }, ` ${d.weight}%`)),
      h('span', { class: 'chart-track', 'aria-hidden': 'true' }, bar, marker),
      h('span', { class: 'chart-value' }, assessed ? `${d.score.toFixed(1)} · ${d.label}` : 'not assessed',
        override ? h('strong', { class: 'override' }, ` · reviewer ${override.score.toFixed(1)}`) : null));
  });
  return h('ul', { class: 'chart', 'aria-label': 'Dimension scores out of 5' }, rows);
}

/** Colour bands, always paired with the number and label in text. */
function band(percent) {
  return percent >= 70 ? 'high' : percent >= 45 ? 'mid' : 'low';
}
