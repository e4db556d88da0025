// A bar chart drawn by Chart.js (only the bar pieces are registered, so the
// rest of the library is left out of the bundle).  The canvas is an image for
// screen readers: the page shows the same figures as a table next to it.
//
// props: labels [text], datasets [{label, data [number|null], color}],
//        horizontal (bars along x: long names, many units), height (px),
//        integer (whole-number ticks), tooltip (number → text),
//        onBarClick(index),
//        ariaLabel, testid
import { useEffect, useRef } from 'preact/hooks';
import {
	BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip,
} from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

const tickFmt = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

export const CHART_COLORS = ['#a61b1b', '#1a56a8', '#8c959f', '#1d6b35', '#b7791f'];

/** A label cut to `max` characters for an axis (the full text is in the tooltip and the table). */
const cut = (s, max) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

export function BarChart({
	labels, datasets, horizontal = false, height = 280, integer = false, tooltip, onBarClick, ariaLabel, testid,
}) {
	const canvas = useRef(null);
	const chart = useRef(null);
	const click = useRef(onBarClick);
	click.current = onBarClick;

	useEffect(() => {
		const narrow = window.innerWidth < 640;
		const max = horizontal ? (narrow ? 18 : 34) : (narrow ? 12 : 24);
		const valueAxis = {
			beginAtZero: true,
			ticks: { callback: (v) => tickFmt.format(v), maxTicksLimit: narrow ? 4 : 8, precision: integer ? 0 : undefined },
		};
		const catAxis = {
			ticks: {
				autoSkip: false,
				callback(v) { return cut(String(this.getLabelForValue(v)), max); },
			},
		};
		const config = {
			type: 'bar',
			data: {
				labels,
				datasets: datasets.map((d, i) => ({
					label: d.label,
					data: d.data,
					backgroundColor: d.color || CHART_COLORS[i % CHART_COLORS.length],
					borderWidth: 0,
					maxBarThickness: 36,
				})),
			},
			options: {
				indexAxis: horizontal ? 'y' : 'x',
				responsive: true,
				maintainAspectRatio: false,
				animation: false,
				locale: 'vi-VN',
				scales: horizontal ? { x: valueAxis, y: catAxis } : { x: catAxis, y: valueAxis },
				plugins: {
					legend: { display: datasets.length > 1, position: 'bottom' },
					tooltip: {
						callbacks: {
							title: (items) => (items.length ? labels[items[0].dataIndex] : ''),
							label: (item) => `${item.dataset.label}: ${item.raw === null ? 'chưa có số liệu' : (tooltip || tickFmt.format)(item.raw)}`,
						},
					},
				},
				onClick: (_e, els) => {
					if (click.current && els.length) click.current(els[0].index);
				},
				onHover: (e, els) => {
					if (e.native && e.native.target) {
						e.native.target.style.cursor = click.current && els.length ? 'pointer' : 'default';
					}
				},
			},
		};
		chart.current = new Chart(canvas.current, config);
		return () => {
			chart.current.destroy();
			chart.current = null;
		};
	}, [JSON.stringify(labels), JSON.stringify(datasets), horizontal]); // eslint-disable-line react-hooks/exhaustive-deps

	return (
		<div class="chart-box" style={{ height: `${height}px` }} data-testid={testid}>
			<canvas ref={canvas} role="img" aria-label={ariaLabel} data-testid={testid ? `${testid}-canvas` : undefined}>
				{ariaLabel}
			</canvas>
		</div>
	);
}
