// Statistics of reception and petitions for a unit and a reporting period
// (GET /stats/petitions), in the words of the reports: "tiếp 3.146 lượt với
// 3.896 người", on-time rate "99,74%".
import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { formatDay, formatNumber, formatRate } from '../format.js';
import { CLASSIFICATION_LABELS, STATUS_LABELS, label } from '../labels.js';
import { UnitField } from '../components/UnitPicker.jsx';
import { Alert, Field, useLoader, usePageTitle } from '../components/ui.jsx';
import { PeriodPicker, defaultPeriod, periodString } from '../components/forms.jsx';

const n = (x) => formatNumber(x || 0);

function share(count, total) {
	if (!total) return '—';
	return formatRate(Math.round((count / total) * 10000) / 100);
}

function Figure({ value, label: text, testid, rate }) {
	return (
		<div class="stat card" data-testid={testid}>
			<span class="stat-value">{rate ? formatRate(value) : n(value)}</span>
			<span class="stat-label">{text}</span>
		</div>
	);
}

function CountTable({ title, rows, total, testid, nameHead }) {
	return (
		<div class="card">
			<h2>{title}</h2>
			<div class="table-wrap">
				<table class="table table-compact" data-testid={testid}>
					<thead>
						<tr><th>{nameHead}</th><th class="num">Số đơn</th><th class="num">Tỷ lệ</th></tr>
					</thead>
					<tbody>
						{rows.map((r) => (
							<tr key={r.key} data-testid={`${testid}-${r.key}`}>
								<td>{r.name}</td>
								<td class="num">{n(r.count)}</td>
								<td class="num">{share(r.count, total)}</td>
							</tr>
						))}
						{!rows.length ? <tr><td colSpan={3} class="empty">Không có số liệu.</td></tr> : null}
					</tbody>
					{rows.length ? (
						<tfoot>
							<tr><th>Tổng số</th><th class="num">{n(rows.reduce((s, r) => s + (r.count || 0), 0))}</th><th /></tr>
						</tfoot>
					) : null}
				</table>
			</div>
		</div>
	);
}

/** {code: count} → rows in the order of a label map, then unknown codes. */
function mapRows(obj, labels) {
	const o = obj || {};
	const keys = [...Object.keys(labels).filter((k) => k in o), ...Object.keys(o).filter((k) => !(k in labels))];
	return keys.map((k) => ({ key: k, name: label(labels, k) || 'Chưa phân loại', count: o[k] }));
}

let saved = null;

export function StatsPage({ user }) {
	usePageTitle('Thống kê');
	const [unit, setUnit] = useState(saved ? saved.unit : null);
	const [period, setPeriod] = useState(saved ? saved.period : defaultPeriod('year'));
	const [cutoff, setCutoff] = useState(saved ? saved.cutoff : '');
	saved = { unit, period, cutoff };
	const p = periodString(period);
	const st = useLoader(() => api.get('/stats/petitions', {
		structure: unit ? unit.structure : undefined,
		unit: unit ? unit.code : undefined,
		period: p,
		cutoff,
	}), [unit && unit.structure, unit && unit.code, p, cutoff]);
	const d = st.data;
	const rc = d && d.reception;
	const pt = d && d.petitions;
	const sessions = (rc && rc.sessions) || {};
	const scope = unit ? unit.name : user.unit ? user.unit.name : 'toàn quốc';

	return (
		<section class="page">
			<h1>Thống kê tiếp công dân, đơn thư</h1>
			<div class="card filters" data-testid="stats-filters">
				<UnitField label="Đơn vị (gồm cả đơn vị trực thuộc)" value={unit} onChange={setUnit} testid="stats-unit"
					defaultStructure={user.unit ? Number(user.unit.structure) : 2025}
					hint={unit ? null : `Mặc định: ${scope}.`} />
				<PeriodPicker value={period} onChange={setPeriod} testid="stats-period" />
				<Field label="Ngày chốt số liệu">
					<select class="input" value={cutoff} data-testid="stats-cutoff" onChange={(e) => setCutoff(e.currentTarget.value)}>
						<option value="">Theo cài đặt</option>
						<option value="15">Ngày 15 (TT 01/2024)</option>
						<option value="0">Theo tháng dương lịch</option>
					</select>
				</Field>
			</div>

			{st.error ? <Alert kind="error" testid="stats-error">{st.error.message}</Alert> : null}
			{st.loading && !d ? <p class="muted" role="status">Đang tổng hợp số liệu…</p> : null}
			{d ? (
				<div class={st.loading ? 'is-stale' : ''} aria-busy={st.loading ? 'true' : 'false'}>
					<p class="lead" data-testid="stats-period-text">
						<strong>{d.period && d.period.label ? d.period.label.charAt(0).toUpperCase() + d.period.label.slice(1) : p}</strong>
						{d.period && d.period.from ? <> — từ ngày {formatDay(d.period.from)} đến ngày {formatDay(d.period.to)}</> : null}
						{' '}· {scope}
					</p>

					<div class="card stats-summary" data-testid="stats-summary">
						<h2>Tóm tắt</h2>
						<ul>
							<li data-testid="stats-sentence-reception">
								Tổ chức {n(sessions.total)} buổi tiếp công dân ({n(sessions.regular)} thường xuyên,
								{' '}{n(sessions.periodic)} định kỳ, {n(sessions.ad_hoc)} đột xuất); tiếp {n(rc.visits)} lượt
								với {n(rc.persons)} người
								{rc.mass_visits ? <>, trong đó {n(rc.mass_visits)} đoàn đông người với {n(rc.mass_persons)} người</> : null}.
							</li>
							<li data-testid="stats-sentence-petitions">
								Tiếp nhận {n(pt.received)} đơn ({n(pt.eligible)} đơn đủ điều kiện xử lý, {n(pt.duplicates)} đơn trùng,
								{' '}{n(pt.anonymous)} đơn nặc danh); thụ lý {n(pt.accepted)} vụ việc.
							</li>
							<li data-testid="stats-sentence-resolved">
								Đã giải quyết {n(pt.resolved)} vụ việc, trong đó {n(pt.resolved_on_time)} đúng hạn;
								tỷ lệ giải quyết đúng hạn <strong data-testid="stats-on-time-rate">{formatRate(pt.on_time_rate)}</strong>.
								{pt.overdue_open ? <> Còn {n(pt.overdue_open)} vụ việc quá hạn chưa giải quyết.</> : null}
							</li>
							{d.mass_cases ? (
								<li data-testid="stats-sentence-mass">
									Vụ việc đông người, phức tạp, kéo dài: {n(d.mass_cases.total)}, đã giải quyết dứt điểm {n(d.mass_cases.settled)}.
								</li>
							) : null}
						</ul>
					</div>

					<div class="stats stats-6" data-testid="stats-figures">
						<Figure value={rc.visits} label="Lượt tiếp công dân" testid="stat-visits" />
						<Figure value={rc.persons} label="Người được tiếp" testid="stat-persons" />
						<Figure value={pt.received} label="Đơn tiếp nhận" testid="stat-received" />
						<Figure value={pt.resolved} label="Vụ việc đã giải quyết" testid="stat-resolved" />
						<Figure value={pt.on_time_rate} rate label="Tỷ lệ giải quyết đúng hạn" testid="stat-on-time" />
						<Figure value={pt.overdue_open} label="Quá hạn chưa giải quyết" testid="stat-overdue" />
					</div>

					<div class="grid-2">
						<CountTable title="Theo phân loại" nameHead="Phân loại" testid="stats-by-classification"
							rows={mapRows(pt.by_classification, CLASSIFICATION_LABELS)} total={pt.received} />
						<CountTable title="Theo trạng thái" nameHead="Trạng thái" testid="stats-by-status"
							rows={mapRows(pt.by_status, STATUS_LABELS)} total={pt.received} />
					</div>
					<CountTable title="Theo lĩnh vực" nameHead="Lĩnh vực" testid="stats-by-field"
						rows={(pt.by_field || []).map((r) => ({ key: r.code, name: r.name, count: r.count }))} total={pt.received} />
				</div>
			) : null}
		</section>
	);
}
