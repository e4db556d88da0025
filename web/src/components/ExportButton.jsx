// "Xuất Excel": exports the whole filtered list (every page, not just the
// shown one) to an XLSX file through POST /exports, polling
// GET /exports/<token> meanwhile for the progress bar.
//
// spec: { path: '/petitions' (as for api.get; sent as /api/v1/petitions), query: {…the list's filters…},
//         columns: [{ key: 'status', label: 'Trạng thái', values: STATUS_LABELS }, …],
//         title: 'Danh sách đơn thư', filename: 'don-thu' }
import { useEffect, useRef, useState } from 'preact/hooks';
import { apiUrl, exportList, exportProgress, saveBlob } from '../api.js';
import { formatNumber, todayDay } from '../format.js';

const POLL_MS = 400;
const TOKEN_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const MAX_VALUES = 200;

/** A random progress token: 24 characters of [A-Za-z0-9_-]. */
function newToken() {
	const bytes = new Uint8Array(24);
	crypto.getRandomValues(bytes);
	let s = '';
	for (const b of bytes) s += TOKEN_CHARS[b & 63];
	return s;
}

/** The list's filters as strings, without the empty ones and the paging. */
export function exportQuery(params) {
	const q = {};
	for (const [k, v] of Object.entries(params || {})) {
		if (v === undefined || v === null || v === '' || k === 'limit' || k === 'offset') continue;
		q[k] = String(v);
	}
	return q;
}

/** A values map {code: name} from a list of objects (e.g. the petition fields). */
export function valueMap(items, key = 'code', name = 'name') {
	const m = {};
	for (const x of items || []) if (x && x[key] !== undefined && x[key] !== null) m[x[key]] = x[name];
	return m;
}

/** The file name: safe characters, today's day, ".xlsx". */
function fileName(base) {
	const safe = String(base || 'danh-sach').replace(/\.xlsx$/i, '').replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 80) || 'danh-sach';
	return `${safe}-${todayDay()}.xlsx`;
}

/** The columns as the server takes them: values maps with string labels, at most 200 entries. */
function exportColumns(columns) {
	return columns.filter(Boolean).slice(0, 60).map((c) => {
		const col = { key: c.key, label: c.label };
		if (c.values) {
			const values = {};
			for (const [k, v] of Object.entries(c.values).slice(0, MAX_VALUES)) {
				if (v !== undefined && v !== null) values[k] = String(v);
			}
			col.values = values;
		}
		return col;
	});
}

/** Rows in the finished file, from the last progress seen (null: unknown). */
function doneRows(p) {
	if (!p) return null;
	if (p.state === 'done' && Number.isFinite(p.done)) return p.done;
	return p.total >= 0 ? p.total : null;
}

function progressText(p) {
	if (!p || p.total === undefined || p.total < 0) return 'Đang đếm…';
	const done = Math.max(0, Math.min(p.done || 0, p.total));
	const pct = p.total > 0 ? Math.floor((done * 100) / p.total) : 100;
	return `Đang xuất ${formatNumber(done)} / ${formatNumber(p.total)} dòng (${pct}%)`;
}

export function ExportButton({ spec, testid = 'export', label = 'Xuất Excel' }) {
	// run: null | { phase: 'running', progress } | { phase: 'done', rows }
	const [run, setRun] = useState(null);
	const [error, setError] = useState(null);
	const alive = useRef(true);
	useEffect(() => () => { alive.current = false; }, []);

	async function start() {
		if (run && run.phase === 'running') return;
		const token = newToken();
		const filename = fileName(spec.filename);
		let last = null;
		let polling = true;
		setError(null);
		setRun({ phase: 'running', progress: null });

		const poll = async () => {
			while (polling && alive.current) {
				await new Promise((r) => setTimeout(r, POLL_MS));
				if (!polling || !alive.current) break;
				const p = await exportProgress(token);
				if (p && polling && alive.current) {
					last = p;
					setRun({ phase: 'running', progress: p });
				}
			}
		};
		poll();
		try {
			const body = {
				path: spec.path.startsWith('/api/') ? spec.path : apiUrl(spec.path),
				query: exportQuery(spec.query),
				columns: exportColumns(spec.columns),
				token,
				filename,
			};
			if (spec.title) body.title = spec.title;
			const blob = await exportList(body);
			polling = false;
			if (!alive.current) return;
			const p = await exportProgress(token);
			if (p) last = p;
			saveBlob(blob, filename);
			if (alive.current) setRun({ phase: 'done', rows: doneRows(last) });
		} catch (e) {
			polling = false;
			if (!alive.current) return;
			setRun(null);
			setError(e);
		}
	}

	const running = !!run && run.phase === 'running';
	const p = running ? run.progress : null;
	const known = !!p && p.total >= 0;
	return (
		<div class="export" data-testid={testid}>
			<button
				type="button"
				class="btn btn-small"
				onClick={start}
				disabled={running}
				aria-busy={running ? 'true' : 'false'}
				title="Xuất toàn bộ danh sách đang lọc (mọi trang) ra tệp Excel"
				data-testid={`${testid}-button`}
			>
				{running ? 'Đang xuất…' : label}
			</button>
			<span class="export-status" role="status" aria-live="polite" data-testid={`${testid}-status`}
				data-state={running ? 'running' : run ? 'done' : error ? 'failed' : 'idle'}>
				{running ? (
					<>
						<progress
							class="export-progress"
							max={known ? Math.max(1, p.total) : undefined}
							value={known ? Math.min(p.done || 0, p.total) : undefined}
							aria-label="Tiến độ xuất Excel"
							data-testid={`${testid}-progress`}
						/>
						<span class="export-text">{progressText(p)}</span>
					</>
				) : run ? (
					<span class="export-text">
						{run.rows === null ? 'Đã xuất xong.' : `Đã xuất xong ${formatNumber(run.rows)} dòng.`}
					</span>
				) : null}
			</span>
			{error ? (
				<div class="alert alert-error export-error" role="alert" data-testid={`${testid}-error`}>{error.message}</div>
			) : null}
		</div>
	);
}
