// System administration of the petition rules (sysadmin): legal time limits
// (deadline rules, status C/U/P with their source), the government's yearly
// calendar decisions (swap days) and the settings.
import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { formatDateTime, formatDay, formatNumber, todayDay } from '../format.js';
import {
	CALENDAR_KIND_LABELS, DAY_UNIT_LABELS, RULE_STATUS_LABELS, SETTING_LABELS, START_EVENT_LABELS, WEEKDAY_LABELS,
	label,
} from '../labels.js';
import { Alert, ConfirmButton, Field, fieldError, useLoader, usePageTitle } from '../components/ui.jsx';
import { DayField, MapSelect, TabLinks } from '../components/forms.jsx';

const TABS = [
	{ id: 'rules', href: '#/admin/deadline-rules', label: 'Thời hạn xử lý, giải quyết' },
	{ id: 'calendar', href: '#/admin/calendar', label: 'Lịch làm việc' },
	{ id: 'settings', href: '#/admin/settings', label: 'Cài đặt' },
];

function Head({ current }) {
	return (
		<>
			<h1>Thời hạn, lịch làm việc, cài đặt</h1>
			<TabLinks items={TABS} current={current} testid="config-tabs" />
		</>
	);
}

/* ---------------------------------------------------------------------- */
/* Deadline rules                                                          */

const AMOUNTS = [
	['amount', 'Thời hạn'],
	['complex_amount', 'Phức tạp'],
	['especially_complex_amount', 'Đặc biệt phức tạp'],
	['remote_amount', 'Vùng sâu, vùng xa'],
	['remote_complex_amount', 'Vùng sâu, phức tạp'],
];

const dayUnit = (r) => r.day_unit || r.unit;

function RuleForm({ rule, onSaved, onCancel }) {
	const [v, setV] = useState(() => {
		const o = { day_unit: dayUnit(rule) };
		for (const [k] of AMOUNTS) o[k] = rule[k] === null || rule[k] === undefined ? '' : String(rule[k]);
		return o;
	});
	const [error, setError] = useState(null);
	const [busy, setBusy] = useState(false);

	async function submit(e) {
		e.preventDefault();
		setError(null);
		const body = {};
		for (const [k, name] of AMOUNTS) {
			const t = v[k].trim();
			if (k === 'amount' && !t) return setError({ field: k, message: 'Thời hạn không được để trống.' });
			if (t && (!/^\d+$/.test(t) || Number(t) < 1 || Number(t) > 365)) {
				return setError({ field: k, message: `${name}: số ngày từ 1 đến 365 (để trống nếu không có).` });
			}
			const val = t ? Number(t) : 0;
			const old = rule[k] === null || rule[k] === undefined ? 0 : Number(rule[k]);
			if (val !== old) body[k] = val;
		}
		if (v.day_unit !== dayUnit(rule)) body.day_unit = v.day_unit;
		if (!Object.keys(body).length) return onCancel();
		setBusy(true);
		try {
			const r = await api.patch(`/deadline-rules/${encodeURIComponent(rule.id)}`, body);
			onSaved(r.rule || r);
		} catch (ex) {
			setError(ex);
		} finally {
			setBusy(false);
		}
	}

	const general = error && !AMOUNTS.some(([k]) => k === error.field) && error.field !== 'day_unit' ? error.message : null;
	return (
		<form class="card form-card" onSubmit={submit} noValidate data-testid="rule-form">
			<h2>Sửa thời hạn {rule.id}</h2>
			<p>{rule.name}</p>
			{rule.status === 'C' ? (
				<Alert kind="info">Quy định này đã được xác nhận theo văn bản pháp luật ({rule.source}); chỉ sửa khi văn bản thay đổi.</Alert>
			) : null}
			<Alert kind="error" testid="rule-form-error">{general}</Alert>
			<div class="form-grid">
				{AMOUNTS.map(([k, name]) => (
					<Field key={k} label={`${name} (số ngày)`} required={k === 'amount'} error={fieldError(error, k)}
						hint={k === 'amount' ? null : 'Để trống nếu không có.'}>
						<input class="input" inputMode="numeric" value={v[k]} data-testid={`rule-${k}`}
							onInput={(e) => { const t = e.currentTarget.value; setV((x) => ({ ...x, [k]: t })); }} />
					</Field>
				))}
				<Field label="Cách tính ngày" error={fieldError(error, 'day_unit')}>
					<MapSelect map={{ calendar: 'Ngày (theo lịch)', working: 'Ngày làm việc' }} value={v.day_unit}
						onChange={(x) => setV((o) => ({ ...o, day_unit: x }))} testid="rule-day-unit" />
				</Field>
			</div>
			<div class="form-actions">
				<button type="submit" class="btn btn-primary" disabled={busy} data-testid="rule-submit">{busy ? 'Đang lưu…' : 'Lưu'}</button>
				<button type="button" class="btn" onClick={onCancel}>Huỷ</button>
			</div>
		</form>
	);
}

export function DeadlineRulesPage() {
	usePageTitle('Thời hạn xử lý, giải quyết');
	const list = useLoader(() => api.get('/deadline-rules'), []);
	const [edit, setEdit] = useState(null);
	const [message, setMessage] = useState(null);
	const items = (list.data && list.data.items) || [];
	return (
		<section class="page">
			<Head current="rules" />
			<p class="muted">
				Thời hạn theo luật là dữ liệu: khi văn bản được làm rõ hoặc thay đổi, sửa ở đây, không cần cài lại phần mềm.
				Tình trạng: <strong>C</strong> — {RULE_STATUS_LABELS.C}; <strong>U</strong> — {RULE_STATUS_LABELS.U};
				{' '}<strong>P</strong> — {RULE_STATUS_LABELS.P}.
			</p>
			{edit ? (
				<RuleForm key={edit.id} rule={edit} onCancel={() => setEdit(null)}
					onSaved={() => { setMessage(`Đã lưu thời hạn ${edit.id}.`); setEdit(null); list.reload(); }} />
			) : null}
			<Alert kind="success" testid="rule-message">{message}</Alert>
			{list.error ? <Alert kind="error">{list.error.message}</Alert> : null}
			<div class="table-wrap" tabIndex={0} aria-label="Thời hạn xử lý, giải quyết">
				<table class="table" data-testid="rules-table">
					<thead>
						<tr>
							<th>Mã</th>
							<th>Nội dung</th>
							<th>Thời hạn</th>
							<th>Biến thể</th>
							<th>Tình trạng</th>
							<th>Căn cứ</th>
							<th class="col-actions">Thao tác</th>
						</tr>
					</thead>
					<tbody>
						{items.map((r) => (
							<tr key={r.id} data-testid={`rule-row-${r.id}`}>
								<td class="mono nowrap">{r.id}</td>
								<td>{r.name}<span class="muted small block">{label(START_EVENT_LABELS, r.start_event)}</span></td>
								<td class="nowrap">{formatNumber(r.amount)} {label(DAY_UNIT_LABELS, dayUnit(r))}</td>
								<td class="small">
									{AMOUNTS.slice(1).filter(([k]) => r[k]).map(([k, name]) => (
										<span key={k} class="block">{name}: {formatNumber(r[k])}</span>
									))}
								</td>
								<td><span class={`rule-status rule-status-${r.status}`} title={label(RULE_STATUS_LABELS, r.status)}>{r.status}</span>
									<span class="muted small block">{label(RULE_STATUS_LABELS, r.status)}</span></td>
								<td class="small">{r.source}{r.updated_at && r.updated_at !== '1970-01-01T00:00:00Z' ? <span class="muted block">Sửa {formatDateTime(r.updated_at)}</span> : null}</td>
								<td class="col-actions">
									<button type="button" class="btn btn-small" data-testid={`rule-edit-${r.id}`}
										onClick={() => { setEdit(r); setMessage(null); window.scrollTo(0, 0); }}>
										Sửa
									</button>
								</td>
							</tr>
						))}
						{list.loading && !items.length ? <tr><td colSpan={7} class="empty">Đang tải…</td></tr> : null}
					</tbody>
				</table>
			</div>
		</section>
	);
}

/* ---------------------------------------------------------------------- */
/* Calendar                                                                 */

function weekday(day) {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day || '');
	if (!m) return '';
	const w = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay();
	return WEEKDAY_LABELS[w === 0 ? 7 : w];
}

export function CalendarPage() {
	usePageTitle('Lịch làm việc');
	const thisYear = Number(todayDay().slice(0, 4));
	const [year, setYear] = useState(thisYear);
	const cal = useLoader(() => api.get('/calendar', { year }), [year]);
	const [day, setDay] = useState('');
	const [working, setWorking] = useState('false');
	const [name, setName] = useState('');
	const [error, setError] = useState(null);
	const [message, setMessage] = useState(null);
	const [busy, setBusy] = useState(false);
	const days = (cal.data && cal.data.days) || [];
	const years = [];
	for (let y = thisYear + 2; y >= thisYear - 5; y--) years.push(y);

	async function add(e) {
		e.preventDefault();
		setError(null);
		setMessage(null);
		if (!day) return setError({ field: 'day', message: 'Vui lòng nhập ngày (dd/mm/yyyy).' });
		if (!name.trim()) return setError({ field: 'name', message: 'Vui lòng nhập tên, căn cứ của ngày điều chỉnh.' });
		setBusy(true);
		try {
			await api.put(`/calendar/days/${day}`, { working: working === 'true', name: name.trim() });
			setMessage(`Đã lưu ngày ${formatDay(day)}.`);
			setName('');
			if (Number(day.slice(0, 4)) !== year) setYear(Number(day.slice(0, 4)));
			else cal.reload();
		} catch (ex) {
			setError(ex);
		} finally {
			setBusy(false);
		}
	}

	async function remove(d) {
		setError(null);
		setMessage(null);
		try {
			await api.del(`/calendar/days/${d}`);
			setMessage(`Đã bỏ điều chỉnh ngày ${formatDay(d)}.`);
			cal.reload();
		} catch (ex) {
			setError(ex);
		}
	}

	const general = error && error.field !== 'day' && error.field !== 'name' ? error.message : null;
	return (
		<section class="page">
			<Head current="calendar" />
			<p class="muted">
				Ngày lễ, Tết và ngày nghỉ bù được tính sẵn theo Bộ luật Lao động. Ở đây nhập các quyết định hằng năm của
				Chính phủ: ngày nghỉ thêm và ngày thứ Bảy làm việc bù. Thời hạn tính theo ngày làm việc dùng lịch này.
			</p>
			<form class="card form-card" onSubmit={add} noValidate data-testid="calendar-form">
				<h2>Thêm ngày điều chỉnh</h2>
				<Alert kind="error" testid="calendar-error">{general}</Alert>
				<Alert kind="success" testid="calendar-message">{message}</Alert>
				<div class="form-grid">
					<DayField label="Ngày" value={day} onChange={setDay} required testid="calendar-day" error={fieldError(error, 'day')} />
					<Field label="Loại" required>
						<select class="input" value={working} data-testid="calendar-working" onChange={(e) => setWorking(e.currentTarget.value)}>
							<option value="false">Ngày nghỉ (theo quyết định)</option>
							<option value="true">Ngày làm việc bù</option>
						</select>
					</Field>
					<Field label="Tên, căn cứ" required error={fieldError(error, 'name')}>
						<input class="input" maxLength={200} value={name} placeholder="Ví dụ: Nghỉ Tết theo Thông báo số …"
							data-testid="calendar-name" onInput={(e) => setName(e.currentTarget.value)} />
					</Field>
				</div>
				<div class="form-actions">
					<button type="submit" class="btn btn-primary" disabled={busy} data-testid="calendar-submit">{busy ? 'Đang lưu…' : 'Lưu ngày'}</button>
				</div>
			</form>
			<div class="toolbar">
				<Field label="Năm">
					<select class="input" value={String(year)} data-testid="calendar-year" onChange={(e) => setYear(Number(e.currentTarget.value))}>
						{years.map((y) => <option key={y} value={String(y)}>{y}</option>)}
					</select>
				</Field>
			</div>
			{cal.error ? <Alert kind="error">{cal.error.message}</Alert> : null}
			<div class="table-wrap" tabIndex={0} aria-label={`Ngày nghỉ, ngày làm bù năm ${year}`}>
				<table class="table" data-testid="calendar-table">
					<thead><tr><th>Ngày</th><th>Thứ</th><th>Tên</th><th>Loại</th><th class="col-actions">Thao tác</th></tr></thead>
					<tbody>
						{days.map((d) => (
							<tr key={d.day} data-testid={`calendar-row-${d.day}`}>
								<td class="nowrap">{formatDay(d.day)}</td>
								<td class="nowrap">{weekday(d.day)}</td>
								<td>{d.name}</td>
								<td><span class={`cal-kind cal-kind-${d.kind}`}>{label(CALENDAR_KIND_LABELS, d.kind)}</span></td>
								<td class="col-actions">
									{d.kind === 'off' || d.kind === 'work' ? (
										<ConfirmButton label="Bỏ" question="Bỏ điều chỉnh ngày này?" confirmLabel="Bỏ"
											testid={`calendar-delete-${d.day}`} onConfirm={() => remove(d.day)} />
									) : <span class="muted small">Tính sẵn</span>}
								</td>
							</tr>
						))}
						{cal.data && !days.length ? <tr><td colSpan={5} class="empty">Không có ngày nghỉ nào.</td></tr> : null}
						{cal.loading && !cal.data ? <tr><td colSpan={5} class="empty">Đang tải…</td></tr> : null}
					</tbody>
				</table>
			</div>
		</section>
	);
}

/* ---------------------------------------------------------------------- */
/* Settings                                                                 */

export function SettingsPage() {
	usePageTitle('Cài đặt');
	const loaded = useLoader(() => api.get('/settings'), []);
	const [message, setMessage] = useState(null);
	const current = loaded.data ? (loaded.data.settings || loaded.data) : null;
	return (
		<section class="page">
			<Head current="settings" />
			{loaded.error ? <Alert kind="error">{loaded.error.message}</Alert> : null}
			<Alert kind="success" testid="settings-message">{message}</Alert>
			{current ? (
				<SettingsForm key={JSON.stringify(current)} current={current} setMessage={setMessage}
					onSaved={() => { setMessage('Đã lưu cài đặt.'); loaded.reload(); }} />
			) : (loaded.loading ? <p class="muted">Đang tải…</p> : null)}
		</section>
	);
}

function SettingsForm({ current, onSaved, setMessage }) {
	const keys = Object.keys(SETTING_LABELS).filter((k) => k in current);
	const [v, setV] = useState(() => Object.fromEntries(keys.map((k) => [k, String(current[k])])));
	const [error, setError] = useState(null);
	const [busy, setBusy] = useState(false);

	async function submit(e) {
		e.preventDefault();
		setError(null);
		setMessage(null);
		const body = {};
		for (const k of keys) {
			const t = v[k].trim();
			if (!/^\d+$/.test(t)) return setError({ field: k, message: 'Nhập một số nguyên không âm.' });
			if (k === 'report_cutoff_day' && (Number(t) === 1 || Number(t) > 28)) {
				return setError({ field: k, message: 'Ngày chốt số liệu là 0 (theo tháng dương lịch) hoặc từ 2 đến 28.' });
			}
			if (Number(t) !== Number(current[k])) body[k] = Number(t);
		}
		if (!Object.keys(body).length) return setMessage('Không có thay đổi.');
		setBusy(true);
		try {
			await api.patch('/settings', body);
			onSaved();
		} catch (ex) {
			setError(ex);
		} finally {
			setBusy(false);
		}
	}

	const general = error && !keys.includes(error.field) ? error.message : null;
	return (
		<form class="card form-card" onSubmit={submit} noValidate data-testid="settings-form">
			<Alert kind="error" testid="settings-error">{general}</Alert>
			<div class="form-grid">
				{keys.map((k) => (
					<Field key={k} label={SETTING_LABELS[k].label} hint={SETTING_LABELS[k].hint} error={fieldError(error, k)}>
						<input class="input" inputMode="numeric" value={v[k]} data-testid={`setting-${k}`}
							onInput={(e) => { const t = e.currentTarget.value; setV((x) => ({ ...x, [k]: t })); }} />
					</Field>
				))}
			</div>
			{!keys.length ? <p class="muted">Không có cài đặt nào.</p> : null}
			<div class="form-actions">
				<button type="submit" class="btn btn-primary" disabled={busy} data-testid="settings-submit">{busy ? 'Đang lưu…' : 'Lưu cài đặt'}</button>
			</div>
		</form>
	);
}
