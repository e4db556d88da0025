// Emulation (thi đua, issue 4): versioned criteria sets, emulation blocs and
// their members, self-assessment / appraisal points of one organisation, and
// the bloc's ranking with prizes (print A4, XLSX export).
import { useState } from 'preact/hooks';
import { api, download } from '../api.js';
import { formatDateTime, formatNumber, todayDay } from '../format.js';
import { Alert, Field, fieldError, useLoader, usePageTitle } from '../components/ui.jsx';
import { MapSelect, OrgPicker } from '../components/forms.jsx';

const canManage = (user) => !!user && ['sysadmin', 'unit_admin', 'leader'].includes(user.role);
const n = (x) => formatNumber(x || 0);
const SET_STATUS = { draft: 'Dự thảo', published: 'Đã ban hành' };
const KIND_LABELS = { score: 'Tiêu chí chấm điểm', deduction: 'Điểm trừ', bonus: 'Điểm thưởng' };
const numOrUndef = (s) => (String(s).trim() === '' ? undefined : Number(String(s).trim().replace(',', '.')));

function SetBadge({ status }) {
	return <span class={`status status-${status === 'published' ? 'ok' : 'open'}`} data-status={status}>{SET_STATUS[status] || status}</span>;
}

/* ---------------------------------------------------------------------- */
/* Sets and blocs                                                          */

export function EmulationPage({ user }) {
	usePageTitle('Thi đua');
	const sets = useLoader(() => api.get('/emulation/sets', { limit: 200 }), []);
	const blocs = useLoader(() => api.get('/emulation/blocs', { limit: 200 }), []);
	const thisYear = Number(todayDay().slice(0, 4));
	const [s, setS] = useState({ name: '', year: String(thisYear), min_total: '', min_activity: '', flag_min: '', merit_count: '' });
	const [sErr, setSErr] = useState(null);
	const [b, setB] = useState({ name: '', set_id: '' });
	const [bErr, setBErr] = useState(null);
	const [busy, setBusy] = useState(false);

	async function createSet(e) {
		e.preventDefault();
		setSErr(null);
		if (!s.name.trim()) return setSErr({ field: 'name', message: 'Vui lòng nhập tên bộ tiêu chí.' });
		const body = { name: s.name.trim(), year: Number(s.year) };
		for (const k of ['min_total', 'min_activity', 'flag_min', 'merit_count']) {
			const v = numOrUndef(s[k]);
			if (v !== undefined) {
				if (!Number.isFinite(v)) return setSErr({ field: k, message: 'Vui lòng nhập một số.' });
				body[k] = v;
			}
		}
		setBusy(true);
		try {
			const r = await api.post('/emulation/sets', body);
			window.location.hash = `#/emulation/sets/${r.set.id}`;
		} catch (err) { setSErr(err); } finally { setBusy(false); }
	}
	async function createBloc(e) {
		e.preventDefault();
		setBErr(null);
		if (!b.name.trim()) return setBErr({ field: 'name', message: 'Vui lòng nhập tên khối thi đua.' });
		if (!b.set_id) return setBErr({ field: 'set_id', message: 'Vui lòng chọn bộ tiêu chí.' });
		setBusy(true);
		try {
			const r = await api.post('/emulation/blocs', { name: b.name.trim(), set_id: Number(b.set_id) });
			window.location.hash = `#/emulation/blocs/${r.bloc.id}`;
		} catch (err) { setBErr(err); } finally { setBusy(false); }
	}
	const setItems = (sets.data && sets.data.items) || [];
	const setMap = Object.fromEntries(setItems.map((x) => [String(x.id), `${x.name} (${x.year}, phiên bản ${x.version})`]));
	return (
		<section class="page">
			<h1>Thi đua</h1>
			<div class="card">
				<h2>Bộ tiêu chí, thang điểm</h2>
				{sets.error ? <Alert kind="error">{sets.error.message}</Alert> : null}
				<div class="table-wrap">
					<table class="table" data-testid="emu-set-table">
						<thead><tr><th>Tên bộ tiêu chí</th><th class="num">Năm</th><th class="num">Phiên bản</th><th>Tình trạng</th><th>Cập nhật</th></tr></thead>
						<tbody>
							{setItems.map((x) => (
								<tr key={x.id} data-testid={`emu-set-row-${x.id}`}>
									<td><a href={`#/emulation/sets/${x.id}`}>{x.name}</a></td><td class="num">{x.year}</td>
									<td class="num">{x.version}</td><td><SetBadge status={x.status} /></td><td class="nowrap">{formatDateTime(x.updated_at)}</td>
								</tr>
							))}
							{sets.data && !setItems.length ? <tr><td colSpan={5} class="empty">Chưa có bộ tiêu chí nào.</td></tr> : null}
							{!sets.data && sets.loading ? <tr><td colSpan={5} class="empty">Đang tải…</td></tr> : null}
						</tbody>
					</table>
				</div>
				{canManage(user) ? (
					<form onSubmit={createSet} noValidate data-testid="emu-set-form">
						<h3>Thêm bộ tiêu chí</h3>
						<Alert kind="error">{sErr && !['name', 'year', 'min_total', 'min_activity', 'flag_min', 'merit_count'].includes(sErr.field) ? sErr.message : null}</Alert>
						<div class="form-grid">
							<Field label="Tên bộ tiêu chí" required wide error={fieldError(sErr, 'name')}>
								<input class="input" maxLength={300} value={s.name} onInput={(e) => setS({ ...s, name: e.currentTarget.value })} data-testid="emu-set-name" />
							</Field>
							<Field label="Năm" required error={fieldError(sErr, 'year')}>
								<input class="input" inputMode="numeric" value={s.year} onInput={(e) => setS({ ...s, year: e.currentTarget.value })} data-testid="emu-set-year" />
							</Field>
							<Field label="Tổng điểm tối thiểu để xét thưởng" error={fieldError(sErr, 'min_total')}>
								<input class="input" inputMode="decimal" value={s.min_total} onInput={(e) => setS({ ...s, min_total: e.currentTarget.value })} />
							</Field>
							<Field label="Số hoạt động tối thiểu trong năm" error={fieldError(sErr, 'min_activity')}>
								<input class="input" inputMode="numeric" value={s.min_activity} onInput={(e) => setS({ ...s, min_activity: e.currentTarget.value })} />
							</Field>
							<Field label="Cờ thi đua từ tổng điểm" error={fieldError(sErr, 'flag_min')}>
								<input class="input" inputMode="decimal" value={s.flag_min} onInput={(e) => setS({ ...s, flag_min: e.currentTarget.value })} />
							</Field>
							<Field label="Số Bằng khen" error={fieldError(sErr, 'merit_count')}>
								<input class="input" inputMode="numeric" value={s.merit_count} onInput={(e) => setS({ ...s, merit_count: e.currentTarget.value })} />
							</Field>
						</div>
						<div class="form-actions"><button type="submit" class="btn btn-primary" disabled={busy} data-testid="emu-set-submit">Thêm bộ tiêu chí</button></div>
					</form>
				) : null}
			</div>

			<div class="card">
				<h2>Khối thi đua</h2>
				{blocs.error ? <Alert kind="error">{blocs.error.message}</Alert> : null}
				<div class="table-wrap">
					<table class="table" data-testid="emu-bloc-table">
						<thead><tr><th>Khối thi đua</th><th>Bộ tiêu chí</th><th class="num">Số thành viên</th></tr></thead>
						<tbody>
							{blocs.data && blocs.data.items.map((x) => (
								<tr key={x.id} data-testid={`emu-bloc-row-${x.id}`}>
									<td><a href={`#/emulation/blocs/${x.id}`}>{x.name}</a></td>
									<td>{x.set ? `${x.set.name} (${x.set.year}, phiên bản ${x.set.version})` : ''}</td>
									<td class="num">{n(x.member_count)}</td>
								</tr>
							))}
							{blocs.data && !blocs.data.items.length ? <tr><td colSpan={3} class="empty">Chưa có khối thi đua nào.</td></tr> : null}
							{!blocs.data && blocs.loading ? <tr><td colSpan={3} class="empty">Đang tải…</td></tr> : null}
						</tbody>
					</table>
				</div>
				{canManage(user) ? (
					<form onSubmit={createBloc} noValidate data-testid="emu-bloc-form">
						<h3>Thêm khối thi đua</h3>
						<Alert kind="error">{bErr && !['name', 'set_id'].includes(bErr.field) ? bErr.message : null}</Alert>
						<div class="form-grid">
							<Field label="Tên khối" required error={fieldError(bErr, 'name')}>
								<input class="input" maxLength={300} value={b.name} onInput={(e) => setB({ ...b, name: e.currentTarget.value })} data-testid="emu-bloc-name" />
							</Field>
							<Field label="Bộ tiêu chí" required error={fieldError(bErr, 'set_id')}>
								<MapSelect map={setMap} value={b.set_id} onChange={(v) => setB({ ...b, set_id: v })} empty="— Chọn bộ tiêu chí —" testid="emu-bloc-set" />
							</Field>
						</div>
						<div class="form-actions"><button type="submit" class="btn btn-primary" disabled={busy} data-testid="emu-bloc-submit">Thêm khối</button></div>
					</form>
				) : null}
			</div>
		</section>
	);
}

/* ---------------------------------------------------------------------- */
/* One set: criteria, publish, new version                                 */

export function EmulationSetPage({ user, params }) {
	usePageTitle('Bộ tiêu chí thi đua');
	const r = useLoader(() => api.get(`/emulation/sets/${params.id}`), [params.id]);
	const [c, setC] = useState({ group_name: '', code: '', name: '', max_points: '', kind: 'score', evidence_required: false });
	const [err, setErr] = useState(null);
	const [msg, setMsg] = useState(null);
	const [busy, setBusy] = useState(false);
	if (!r.data) {
		return <section class="page"><h1>Bộ tiêu chí thi đua</h1>{r.error ? <Alert kind="error">{r.error.message}</Alert> : <p class="muted" role="status">Đang tải…</p>}</section>;
	}
	const set = r.data.set;
	const criteria = r.data.criteria || [];
	const draft = set.status === 'draft';
	async function act(fn) {
		setErr(null); setMsg(null); setBusy(true);
		try { await fn(); } catch (e) { setErr(e); } finally { setBusy(false); }
	}
	const addCriterion = (e) => {
		e.preventDefault();
		if (!c.group_name.trim()) return setErr({ field: 'group_name', message: 'Vui lòng nhập nhóm tiêu chí.' });
		if (!c.code.trim()) return setErr({ field: 'code', message: 'Vui lòng nhập mã tiêu chí.' });
		if (!c.name.trim()) return setErr({ field: 'name', message: 'Vui lòng nhập nội dung tiêu chí.' });
		if (!/^\d+$/.test(c.max_points.trim())) return setErr({ field: 'max_points', message: 'Điểm tối đa là số nguyên từ 1 đến 100.000.' });
		return act(async () => {
			await api.post(`/emulation/sets/${set.id}/criteria`, {
				group_name: c.group_name.trim(), code: c.code.trim(), name: c.name.trim(), max_points: Number(c.max_points),
				kind: c.kind, evidence_required: c.evidence_required, sort: criteria.length + 1,
			});
			setC({ ...c, code: '', name: '', max_points: '' });
			r.reload();
		});
	};
	return (
		<section class="page">
			<p class="no-print"><a href="#/emulation">‹ Thi đua</a></p>
			<div class="page-head">
				<h1>{set.name} <SetBadge status={set.status} /></h1>
				{canManage(user) ? (
					<div>
						{draft ? <button type="button" class="btn btn-primary" disabled={busy} data-testid="emu-publish"
							onClick={() => act(async () => { await api.post(`/emulation/sets/${set.id}/publish`); setMsg('Đã ban hành bộ tiêu chí.'); r.reload(); })}>Ban hành</button> : null}
						{' '}
						<button type="button" class="btn" disabled={busy} data-testid="emu-new-version"
							onClick={() => act(async () => { const x = await api.post(`/emulation/sets/${set.id}/new-version`); window.location.hash = `#/emulation/sets/${x.set.id}`; })}>Tạo phiên bản mới</button>
					</div>
				) : null}
			</div>
			<p class="muted">Năm {set.year} · phiên bản {set.version}
				{set.min_total !== null && set.min_total !== undefined ? ` · tổng điểm tối thiểu ${n(set.min_total)}` : ''}
				{set.min_activity ? ` · tối thiểu ${n(set.min_activity)} hoạt động` : ''}
				{set.flag_min !== null && set.flag_min !== undefined ? ` · Cờ thi đua từ ${n(set.flag_min)} điểm` : ''}
				{set.merit_count ? ` · ${n(set.merit_count)} Bằng khen` : ''}</p>
			<Alert kind="success">{msg}</Alert>
			<Alert kind="error" testid="emu-set-error">{err && !['group_name', 'code', 'name', 'max_points'].includes(err.field) ? err.message : null}</Alert>
			<div class="table-wrap">
				<table class="table" data-testid="emu-criteria">
					<thead><tr><th>Nhóm</th><th>Mã</th><th>Tiêu chí</th><th>Loại</th><th class="num">Điểm tối đa</th><th>Minh chứng</th></tr></thead>
					<tbody>
						{criteria.map((x) => (
							<tr key={x.id}><td>{x.group_name}</td><td>{x.code}</td><td>{x.name}</td><td>{KIND_LABELS[x.kind] || x.kind}</td>
								<td class="num">{n(x.max_points)}</td><td>{x.evidence_required ? 'Bắt buộc' : ''}</td></tr>
						))}
						{!criteria.length ? <tr><td colSpan={6} class="empty">Chưa có tiêu chí nào.</td></tr> : null}
					</tbody>
					{criteria.length ? <tfoot><tr><th colSpan={4}>Tổng điểm tối đa (tiêu chí chấm điểm)</th>
						<th class="num">{n(criteria.filter((x) => x.kind === 'score').reduce((a, x) => a + x.max_points, 0))}</th><th /></tr></tfoot> : null}
				</table>
			</div>
			{canManage(user) && draft ? (
				<form class="card form-card" onSubmit={addCriterion} noValidate data-testid="emu-criterion-form">
					<h2>Thêm tiêu chí</h2>
					<div class="form-grid">
						<Field label="Nhóm tiêu chí" required error={fieldError(err, 'group_name')}>
							<input class="input" maxLength={300} value={c.group_name} onInput={(e) => setC({ ...c, group_name: e.currentTarget.value })} data-testid="emu-crit-group" />
						</Field>
						<Field label="Mã" required error={fieldError(err, 'code')}>
							<input class="input" maxLength={40} value={c.code} onInput={(e) => setC({ ...c, code: e.currentTarget.value })} data-testid="emu-crit-code" />
						</Field>
						<Field label="Nội dung tiêu chí" required wide error={fieldError(err, 'name')}>
							<textarea class="input" rows={2} maxLength={1000} value={c.name} onInput={(e) => setC({ ...c, name: e.currentTarget.value })} data-testid="emu-crit-name" />
						</Field>
						<Field label="Điểm tối đa" required error={fieldError(err, 'max_points')}>
							<input class="input" inputMode="numeric" value={c.max_points} onInput={(e) => setC({ ...c, max_points: e.currentTarget.value })} data-testid="emu-crit-max" />
						</Field>
						<Field label="Loại"><MapSelect map={KIND_LABELS} value={c.kind} onChange={(v) => setC({ ...c, kind: v })} testid="emu-crit-kind" /></Field>
						<label class="check"><input type="checkbox" checked={c.evidence_required} onChange={(e) => setC({ ...c, evidence_required: e.currentTarget.checked })} /><span>Bắt buộc minh chứng</span></label>
					</div>
					<div class="form-actions"><button type="submit" class="btn btn-primary" disabled={busy} data-testid="emu-crit-submit">Thêm tiêu chí</button></div>
				</form>
			) : null}
		</section>
	);
}

/* ---------------------------------------------------------------------- */
/* One bloc: members, scoring, ranking                                      */

function Scoring({ bloc, criteria, user, onSaved }) {
	const members = bloc.members || [];
	const [chosen, setOrg] = useState('');
	// The chosen member, or the first one (members may arrive after the first render).
	const org = chosen && members.some((m) => String(m.id) === chosen) ? chosen : members.length ? String(members[0].id) : '';
	const [kind, setKind] = useState(user.role === 'sysadmin' ? 'appraisal' : 'self');
	const [vals, setVals] = useState({});
	const [msg, setMsg] = useState(null);
	const [err, setErr] = useState(null);
	const [busy, setBusy] = useState(false);
	async function save(e) {
		e.preventDefault();
		setMsg(null); setErr(null);
		const rows = criteria.filter((c) => vals[`${org}:${c.id}`] && String(vals[`${org}:${c.id}`].points).trim() !== '');
		if (!org) return setErr({ message: 'Vui lòng chọn tổ chức.' });
		if (!rows.length) return setErr({ message: 'Chưa nhập điểm tiêu chí nào.' });
		setBusy(true);
		try {
			for (const c of rows) {
				const v = vals[`${org}:${c.id}`];
				const points = Number(String(v.points).trim().replace(',', '.'));
				if (!Number.isFinite(points)) throw { message: `Điểm của tiêu chí ${c.code} không hợp lệ.` };
				const body = { org_id: Number(org), criterion_id: c.id, kind, points };
				if (v.note && v.note.trim()) body.note = v.note.trim();
				if (kind === 'self' && v.evidence && v.evidence.trim()) body.evidence = v.evidence.trim();
				try {
					await api.put('/emulation/scores', body);
				} catch (e2) {
					throw { message: `Tiêu chí ${c.code}: ${e2.message}` };
				}
			}
			setMsg(`Đã lưu điểm ${kind === 'self' ? 'tự chấm' : 'thẩm định'} của ${rows.length} tiêu chí.`);
			onSaved();
		} catch (e3) { setErr(e3); } finally { setBusy(false); }
	}
	const setV = (id, k) => (e) => setVals({ ...vals, [`${org}:${id}`]: { ...(vals[`${org}:${id}`] || {}), [k]: e.currentTarget.value } });
	return (
		<form class="card no-print" onSubmit={save} noValidate data-testid="emu-scoring">
			<h2>Chấm điểm</h2>
			<p class="muted small">Tự chấm: tài khoản thuộc đúng đơn vị của tổ chức. Thẩm định: tài khoản cấp trên của đơn vị đó.</p>
			<div class="form-grid">
				<Field label="Tổ chức">
					<MapSelect map={Object.fromEntries(members.map((m) => [String(m.id), m.name]))} value={org} onChange={setOrg}
						empty={members.length ? undefined : '— Khối chưa có thành viên —'} testid="emu-score-org" />
				</Field>
				<Field label="Loại điểm">
					<MapSelect map={{ self: 'Tự chấm', appraisal: 'Thẩm định' }} value={kind} onChange={setKind} testid="emu-score-kind" />
				</Field>
			</div>
			<Alert kind="error" testid="emu-score-error">{err ? err.message : null}</Alert>
			<Alert kind="success" testid="emu-score-ok">{msg}</Alert>
			<div class="table-wrap">
				<table class="table table-compact">
					<thead><tr><th>Tiêu chí</th><th class="num">Tối đa</th><th>Điểm</th><th>Ghi chú</th>{kind === 'self' ? <th>Minh chứng</th> : null}</tr></thead>
					<tbody>
						{criteria.map((c) => {
							const v = vals[`${org}:${c.id}`] || {};
							return (
								<tr key={c.id}>
									<td>{c.code}. {c.name}<span class="muted small block">{KIND_LABELS[c.kind]}{c.evidence_required ? ' · cần minh chứng' : ''}</span></td>
									<td class="num">{n(c.max_points)}</td>
									<td><input class="input input-points" inputMode="decimal" value={v.points || ''} onInput={setV(c.id, 'points')} data-testid={`emu-points-${c.id}`} aria-label={`Điểm tiêu chí ${c.code}`} /></td>
									<td><input class="input" maxLength={2000} value={v.note || ''} onInput={setV(c.id, 'note')} aria-label="Ghi chú" /></td>
									{kind === 'self' ? <td><input class="input" maxLength={2000} value={v.evidence || ''} onInput={setV(c.id, 'evidence')} aria-label="Minh chứng" /></td> : null}
								</tr>
							);
						})}
					</tbody>
				</table>
			</div>
			<div class="form-actions"><button type="submit" class="btn btn-primary" disabled={busy || !members.length} data-testid="emu-score-submit">{busy ? 'Đang lưu…' : 'Lưu điểm'}</button></div>
		</form>
	);
}

export function EmulationBlocPage({ user, params }) {
	usePageTitle('Khối thi đua');
	const r = useLoader(() => api.get(`/emulation/blocs/${params.id}/ranking`), [params.id]);
	const setR = useLoader(() => (r.data ? api.get(`/emulation/sets/${r.data.set.id}`) : Promise.resolve(null)), [r.data && r.data.set.id]);
	const [org, setOrg] = useState('');
	const [err, setErr] = useState(null);
	const [busy, setBusy] = useState(false);
	if (!r.data) {
		return <section class="page"><h1>Khối thi đua</h1>{r.error ? <Alert kind="error">{r.error.message}</Alert> : <p class="muted" role="status">Đang tải…</p>}</section>;
	}
	const { bloc, set, rows } = r.data;
	async function addMember(e) {
		e.preventDefault();
		setErr(null);
		if (!org) return setErr({ message: 'Vui lòng chọn tổ chức.' });
		setBusy(true);
		try { await api.post(`/emulation/blocs/${bloc.id}/members`, { org_id: Number(org) }); setOrg(''); r.reload(); } catch (x) { setErr(x); } finally { setBusy(false); }
	}
	return (
		<section class="page print-ranking">
			<p class="no-print"><a href="#/emulation">‹ Thi đua</a></p>
			<div class="page-head">
				<h1>{bloc.name}</h1>
				<div class="no-print">
					<button type="button" class="btn" onClick={() => window.print()} data-testid="emu-print">In kết quả</button>{' '}
					<button type="button" class="btn" data-testid="emu-xlsx" onClick={async () => {
						setErr(null);
						try { await download(`/emulation/blocs/${bloc.id}/ranking`, { format: 'xlsx' }, 'ket-qua-thi-dua.xlsx'); } catch (x) { setErr(x); }
					}}>Xuất Excel</button>
				</div>
			</div>
			<p>Bộ tiêu chí: {set.name} — năm {set.year}, phiên bản {set.version} <SetBadge status={set.status} /></p>
			<Alert kind="error" testid="emu-bloc-error">{err ? err.message : null}</Alert>
			<h2>Bảng xếp hạng, đề nghị khen thưởng</h2>
			<div class="table-wrap">
				<table class="table" data-testid="emu-ranking">
					<thead><tr><th class="num">Hạng</th><th>Tổ chức</th><th class="num">Hoạt động</th><th class="num">Điểm tự chấm</th><th class="num">Điểm thẩm định</th><th>Khen thưởng</th><th>Ghi chú</th></tr></thead>
					<tbody>
						{rows.map((x) => (
							<tr key={x.org.id} data-testid={`emu-rank-${x.org.id}`}>
								<td class="num">{x.rank ?? '—'}</td><td>{x.org.name}</td><td class="num">{n(x.activity)}</td>
								<td class="num">{x.self_total === null || x.self_total === undefined ? '—' : n(x.self_total)}</td>
								<td class="num">{x.appraised_total === null || x.appraised_total === undefined ? '—' : n(x.appraised_total)}</td>
								<td><strong>{x.prize || ''}</strong></td><td>{x.note || ''}</td>
							</tr>
						))}
						{!rows.length ? <tr><td colSpan={7} class="empty">Khối chưa có thành viên.</td></tr> : null}
					</tbody>
				</table>
			</div>
			{canManage(user) ? (
				<form class="card no-print" onSubmit={addMember} noValidate data-testid="emu-member-form">
					<h2>Thêm thành viên</h2>
					<div class="form-grid">
						<Field label="Tổ chức" wide><OrgPicker value={org} onChange={(x) => setOrg(x)} testid="emu-member-org" /></Field>
					</div>
					<div class="form-actions"><button type="submit" class="btn btn-primary" disabled={busy} data-testid="emu-member-submit">Thêm vào khối</button></div>
				</form>
			) : null}
			{set.status === 'published' && user.role !== 'viewer' && setR.data ? (
				<Scoring bloc={{ members: rows.map((x) => x.org) }} criteria={setR.data.criteria || []} user={user} onSaved={r.reload} />
			) : set.status !== 'published' ? <p class="muted no-print">Bộ tiêu chí chưa ban hành: chưa chấm điểm được.</p> : null}
		</section>
	);
}
