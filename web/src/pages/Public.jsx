// Citizens' pages, no login: send a recommendation or reflection (kiến nghị,
// phản ánh) to a commune of the 2025 structure, and follow a letter by its
// tracking code.  Phone first (390 px wide).  The tracking page shows no
// personal data: the API sends none.
import { useEffect, useRef, useState } from 'preact/hooks';
import { publicApi } from '../api.js';
import { formatDay, formatNumber } from '../format.js';
import { STATUS_LABELS, label, statusTone } from '../labels.js';
import { Alert, Field, fieldError, usePageTitle } from '../components/ui.jsx';

const PUBLIC_KINDS = [
	{ value: 'recommendation', label: 'Kiến nghị', hint: 'Đề xuất cách làm, chính sách, việc cần làm.' },
	{ value: 'reflection', label: 'Phản ánh', hint: 'Báo cho cơ quan biết một việc chưa đúng, chưa hợp lý.' },
];

/** Turn what was typed into the canonical "ABCD-EFGH-JKMN" (Crockford base32). */
export function normalizeCode(text) {
	const raw = String(text || '').toUpperCase().replace(/[\s\-_.]/g, '')
		.replace(/O/g, '0').replace(/[IL]/g, '1');
	if (raw.length !== 12) return String(text || '').trim().toUpperCase();
	return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8, 12)}`;
}

const CODE_RE = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

function tooMany(e) {
	if (e.status !== 429) return e.message;
	const mins = e.retryAfter ? Math.max(1, Math.ceil(e.retryAfter / 60)) : null;
	return `${e.message}${mins ? ` Vui lòng thử lại sau khoảng ${formatNumber(mins)} phút.` : ''}`;
}

/* ---------------------------------------------------------------------- */

function useUnits(parent) {
	const [state, setState] = useState({ items: [], loading: false, error: null });
	useEffect(() => {
		if (parent === undefined) return undefined;
		let live = true;
		setState({ items: [], loading: true, error: null });
		publicApi.get('/units', parent ? { parent } : {}).then(
			(r) => { if (live) setState({ items: r.items || [], loading: false, error: null }); },
			(e) => { if (live) setState({ items: [], loading: false, error: e.message }); },
		);
		return () => { live = false; };
	}, [parent]);
	return state;
}

function CopyButton({ text }) {
	const [done, setDone] = useState(false);
	async function copy() {
		let ok = false;
		try {
			if (navigator.clipboard && window.isSecureContext) {
				await navigator.clipboard.writeText(text);
				ok = true;
			}
		} catch { /* fall back below */ }
		if (!ok) {
			const ta = document.createElement('textarea');
			ta.value = text;
			ta.setAttribute('readonly', '');
			ta.style.position = 'fixed';
			ta.style.opacity = '0';
			document.body.appendChild(ta);
			ta.select();
			try { ok = document.execCommand('copy'); } catch { ok = false; }
			document.body.removeChild(ta);
		}
		setDone(ok ? 'ok' : 'fail');
		setTimeout(() => setDone(false), 2500);
	}
	return (
		<button type="button" class="btn btn-primary" onClick={copy} data-testid="public-copy">
			{done === 'ok' ? 'Đã sao chép ✓' : done === 'fail' ? 'Hãy chép tay mã trên' : 'Sao chép mã'}
		</button>
	);
}

function Sent({ result, onAgain }) {
	const ref = useRef(null);
	useEffect(() => { if (ref.current) ref.current.focus(); }, []);
	return (
		<div class="card public-card public-sent" data-testid="public-sent">
			<h1 tabIndex={-1} ref={ref}>Đã gửi thành công</h1>
			<p>Mã tra cứu đơn của bạn:</p>
			<p class="tracking-code" data-testid="public-tracking-code">{result.tracking_code}</p>
			<div class="public-actions">
				<CopyButton text={result.tracking_code} />
			</div>
			<p class="alert alert-info"><strong>Lưu lại mã này để tra cứu</strong> kết quả giải quyết (chép lại hoặc chụp màn hình).</p>
			{result.received_day ? <p class="muted">Ngày tiếp nhận: {formatDay(result.received_day)}</p> : null}
			<div class="public-actions">
				<a class="btn" href={`#/cong-dan/tra-cuu?ma=${encodeURIComponent(result.tracking_code)}`} data-testid="public-sent-track">
					Tra cứu đơn này
				</a>
				<button type="button" class="btn" onClick={onAgain}>Gửi kiến nghị khác</button>
			</div>
		</div>
	);
}

const SEND_FIELDS = ['unit', 'classification', 'name', 'address', 'phone', 'subject', 'content'];

export function PublicSendPage() {
	usePageTitle('Gửi kiến nghị, phản ánh');
	const provinces = useUnits(null);
	const [province, setProvince] = useState('');
	const communes = useUnits(province || undefined);
	const [v, setV] = useState({ commune: '', classification: 'recommendation', name: '', address: '', phone: '', subject: '', content: '' });
	const [error, setError] = useState(null);
	const [busy, setBusy] = useState(false);
	const [result, setResult] = useState(null);
	const set = (k) => (e) => setV((x) => ({ ...x, [k]: e.currentTarget.value }));

	async function submit(e) {
		e.preventDefault();
		setError(null);
		const err = (!province && { field: 'province', message: 'Vui lòng chọn tỉnh, thành phố.' })
			|| (!v.commune && { field: 'unit', message: 'Vui lòng chọn xã, phường, đặc khu.' })
			|| (!v.name.trim() && { field: 'name', message: 'Vui lòng nhập họ và tên.' })
			|| (!v.address.trim() && { field: 'address', message: 'Vui lòng nhập địa chỉ.' })
			|| (v.phone.trim() && !/^[0-9+ .()-]{6,20}$/.test(v.phone.trim()) && { field: 'phone', message: 'Số điện thoại chỉ gồm chữ số (tối đa 20 ký tự).' })
			|| (!v.subject.trim() && { field: 'subject', message: 'Vui lòng nhập tiêu đề.' })
			|| (!v.content.trim() && { field: 'content', message: 'Vui lòng nhập nội dung.' });
		if (err) {
			setError(err);
			return;
		}
		const body = {
			unit: { structure: 2025, code: v.commune },
			classification: v.classification,
			name: v.name.trim(),
			address: v.address.trim(),
			subject: v.subject.trim(),
			content: v.content.trim(),
		};
		if (v.phone.trim()) body.phone = v.phone.trim();
		setBusy(true);
		try {
			const r = await publicApi.post('/petitions', body);
			setResult(r);
			window.scrollTo(0, 0);
		} catch (ex) {
			setError({ field: ex.field, message: tooMany(ex) });
		} finally {
			setBusy(false);
		}
	}

	if (result) {
		return (
			<section class="public-page">
				<Sent result={result} onAgain={() => { setResult(null); setV((x) => ({ ...x, subject: '', content: '' })); }} />
			</section>
		);
	}

	const general = error && !SEND_FIELDS.includes(error.field) && error.field !== 'province' ? error.message : null;
	const fe = (k) => fieldError(error, k);
	return (
		<section class="public-page">
			<form class="card public-card" onSubmit={submit} noValidate data-testid="public-form">
				<h1>Gửi kiến nghị, phản ánh</h1>
				<p class="muted">
					Gửi đến Ủy ban nhân dân xã, phường nơi bạn muốn kiến nghị, phản ánh. Sau khi gửi, bạn nhận được
					mã để tra cứu kết quả. Khiếu nại, tố cáo xin gửi trực tiếp hoặc qua bưu chính theo quy định.
				</p>
				<Alert kind="error" testid="public-form-error">{general}</Alert>
				<div class="form-stack">
					<Field label="Tỉnh, thành phố" required error={fe('province')}>
						<select class="input" value={province} data-testid="public-province"
							onChange={(e) => { setProvince(e.currentTarget.value); setV((x) => ({ ...x, commune: '' })); }}>
							<option value="">{provinces.loading ? 'Đang tải…' : '— Chọn tỉnh, thành phố —'}</option>
							{provinces.items.map((u) => <option key={u.code} value={u.code}>{u.name}</option>)}
						</select>
					</Field>
					{provinces.error ? <p class="field-error">{provinces.error}</p> : null}
					<Field label="Xã, phường, đặc khu" required error={fe('unit')}>
						<select class="input" value={v.commune} disabled={!province} data-testid="public-commune" onChange={set('commune')}>
							<option value="">
								{!province ? 'Chọn tỉnh, thành phố trước' : communes.loading ? 'Đang tải…' : '— Chọn xã, phường —'}
							</option>
							{communes.items.map((u) => <option key={u.code} value={u.code}>{u.name}</option>)}
						</select>
					</Field>
					{communes.error ? <p class="field-error">{communes.error}</p> : null}
					<fieldset class="fieldset radio-group" data-testid="public-kind">
						<legend>Loại đơn <span class="req" aria-hidden="true">*</span></legend>
						{PUBLIC_KINDS.map((k) => (
							<label key={k.value} class="radio-card">
								<input type="radio" name="classification" value={k.value} checked={v.classification === k.value}
									data-testid={`public-kind-${k.value}`} onChange={set('classification')} />
								<span><strong>{k.label}</strong><span class="muted small block">{k.hint}</span></span>
							</label>
						))}
					</fieldset>
					<Field label="Họ và tên" required error={fe('name')}>
						<input class="input" maxLength={200} value={v.name} autocomplete="name" data-testid="public-name" onInput={set('name')} />
					</Field>
					<Field label="Địa chỉ" required error={fe('address')}>
						<input class="input" maxLength={500} value={v.address} autocomplete="street-address" data-testid="public-address"
							onInput={set('address')} />
					</Field>
					<Field label="Số điện thoại" error={fe('phone')} hint="Không bắt buộc; để cơ quan liên hệ khi cần.">
						<input class="input" type="tel" maxLength={20} value={v.phone} autocomplete="tel" inputMode="tel"
							data-testid="public-phone" onInput={set('phone')} />
					</Field>
					<Field label="Tiêu đề" required error={fe('subject')}>
						<input class="input" maxLength={500} value={v.subject} data-testid="public-subject" onInput={set('subject')} />
					</Field>
					<Field label="Nội dung" required error={fe('content')} hint={`${formatNumber(v.content.length)}/5.000 ký tự`}>
						<textarea class="input" rows={7} maxLength={5000} value={v.content} data-testid="public-content" onInput={set('content')} />
					</Field>
					<p class="small muted">
						Họ tên, địa chỉ, số điện thoại chỉ cơ quan giải quyết được xem; trang tra cứu không hiển thị các thông tin này.
					</p>
					<button type="submit" class="btn btn-primary btn-block btn-large" disabled={busy} data-testid="public-submit">
						{busy ? 'Đang gửi…' : 'Gửi'}
					</button>
				</div>
			</form>
		</section>
	);
}

/* ---------------------------------------------------------------------- */

function TrackResult({ r }) {
	const timeline = r.timeline || [];
	return (
		<div class="card public-card" data-testid="track-result" aria-live="polite">
			<p class="muted small">Mã tra cứu</p>
			<p class="tracking-code tracking-code-small">{r.tracking_code}</p>
			<p>
				<span class={`status status-${statusTone(r.status)} status-large`} data-testid="track-status">
					{label(STATUS_LABELS, r.status)}
				</span>
			</p>
			<dl class="deflist">
				<dt>Ngày tiếp nhận</dt><dd data-testid="track-received">{formatDay(r.received_day)}</dd>
				{r.due_day ? <><dt>Hạn giải quyết</dt><dd data-testid="track-due">{formatDay(r.due_day)}</dd></> : null}
				{r.resolved_day ? <><dt>Ngày có kết quả</dt><dd data-testid="track-resolved">{formatDay(r.resolved_day)}</dd></> : null}
			</dl>
			{r.result ? (
				<div class="public-result">
					<h2>Kết quả giải quyết</h2>
					<p class="pre" data-testid="track-result-text">{r.result}</p>
				</div>
			) : null}
			<h2>Quá trình xử lý</h2>
			{timeline.length ? (
				<ol class="timeline" data-testid="track-timeline">
					{timeline.map((t, i) => (
						<li key={i}>
							<div class="timeline-head">
								<strong>{formatDay(t.day)}</strong>
								<span> · {label(STATUS_LABELS, t.status)}</span>
							</div>
							{t.public_note ? <p class="small timeline-note">{t.public_note}</p> : null}
						</li>
					))}
				</ol>
			) : <p class="muted small">Chưa có thông tin.</p>}
		</div>
	);
}

export function PublicTrackPage({ query }) {
	usePageTitle('Tra cứu đơn');
	const initial = query && query.get('ma') ? normalizeCode(query.get('ma')) : '';
	const [code, setCode] = useState(initial);
	const [state, setState] = useState({ loading: false, error: null, data: null });

	async function lookup(c) {
		const norm = normalizeCode(c);
		setCode(norm);
		if (!CODE_RE.test(norm)) {
			setState({ loading: false, data: null, error: 'Mã tra cứu gồm 12 chữ và số, dạng ABCD-EFGH-JKMN.' });
			return;
		}
		setState({ loading: true, error: null, data: null });
		try {
			const r = await publicApi.get(`/petitions/${encodeURIComponent(norm)}`);
			setState({ loading: false, error: null, data: r });
		} catch (e) {
			setState({
				loading: false, data: null,
				error: e.status === 404 ? 'Không tìm thấy đơn với mã tra cứu này. Vui lòng kiểm tra lại mã.' : tooMany(e),
			});
		}
	}

	useEffect(() => { if (initial) lookup(initial); }, []); // eslint-disable-line react-hooks/exhaustive-deps

	return (
		<section class="public-page">
			<form class="card public-card" noValidate data-testid="track-form"
				onSubmit={(e) => { e.preventDefault(); lookup(code); }}>
				<h1>Tra cứu đơn</h1>
				<p class="muted">Nhập mã tra cứu bạn nhận được khi gửi đơn.</p>
				<Field label="Mã tra cứu">
					<input class="input input-code" value={code} placeholder="ABCD-EFGH-JKMN" autocomplete="off"
						autocapitalize="characters" spellcheck={false} maxLength={20} data-testid="track-code"
						onInput={(e) => setCode(e.currentTarget.value)} />
				</Field>
				<Alert kind="error" testid="track-error">{state.error}</Alert>
				<button type="submit" class="btn btn-primary btn-block btn-large" disabled={state.loading} data-testid="track-submit">
					{state.loading ? 'Đang tra cứu…' : 'Tra cứu'}
				</button>
			</form>
			{state.data ? <TrackResult r={state.data} /> : null}
		</section>
	);
}
