// Files attached to a record (petitions, dialogues): the list with download links and an upload
// with progress.  The server decides the type from the content; the size is checked here first.
import { useRef, useState } from 'preact/hooks';
import { apiUrl, upload } from '../api.js';
import { formatBytes, formatDateTime, formatNumber } from '../format.js';
import { Alert } from './ui.jsx';

const MAX_UPLOAD = 10 * 1024 * 1024;

export function Attachments({ uploadPath, downloadPath, items, writer, onUploaded, hint = 'Thêm bản quét, ảnh chụp' }) {
	const [progress, setProgress] = useState(null); // {name, sent, total}
	const [error, setError] = useState(null);
	const [message, setMessage] = useState(null);
	const inputRef = useRef(null);

	async function send(file) {
		setError(null);
		setMessage(null);
		if (!file) return;
		if (file.size > MAX_UPLOAD) {
			setError(`Tệp “${file.name}” quá lớn (${formatBytes(file.size)}); tối đa 10 MB.`);
			return;
		}
		if (file.size === 0) {
			setError('Tệp rỗng.');
			return;
		}
		setProgress({ name: file.name, sent: 0, total: file.size });
		try {
			await upload(`${uploadPath}?name=${encodeURIComponent(file.name)}`, file,
				(sent, total) => setProgress({ name: file.name, sent, total }));
			setMessage(`Đã tải lên “${file.name}”.`);
			onUploaded();
		} catch (e) {
			setError(e.message);
		} finally {
			setProgress(null);
			if (inputRef.current) inputRef.current.value = '';
		}
	}

	const pct = progress && progress.total ? Math.round((progress.sent / progress.total) * 100) : 0;
	return (
		<div class="card" data-testid="attachments">
			<h2>Tệp đính kèm</h2>
			{items.length ? (
				<ul class="file-list">
					{items.map((a) => (
						<li key={a.id} data-testid={`attachment-${a.id}`}>
							<a href={apiUrl(downloadPath(a.id))} download={a.name}>{a.name}</a>
							<span class="muted small"> — {formatBytes(a.size)}, {formatDateTime(a.created_at)}</span>
						</li>
					))}
				</ul>
			) : <p class="muted small">Chưa có tệp nào.</p>}
			{writer ? (
				<div class="upload">
					<p class="field-label">{hint}</p>
					<label class="file-pick">
						<input ref={inputRef} type="file" class="sr-only" accept=".pdf,.jpg,.jpeg,.png,.webp,.tif,.tiff,application/pdf,image/*"
							disabled={!!progress} data-testid="attachment-input"
							onChange={(e) => send(e.currentTarget.files && e.currentTarget.files[0])} />
						<span class="btn">Chọn tệp để tải lên…</span>
						<span class="field-hint">PDF, JPEG, PNG, WebP, TIFF; tối đa 10 MB</span>
					</label>
					{progress ? (
						<div class="progress-wrap" data-testid="attachment-progress">
							<progress max={100} value={pct} aria-label={`Đang tải lên ${progress.name}`} />
							<span class="small">Đang tải lên {progress.name}: {formatNumber(pct)}%</span>
						</div>
					) : null}
					<Alert kind="error" testid="attachment-error">{error}</Alert>
					<Alert kind="success" testid="attachment-message">{message}</Alert>
				</div>
			) : null}
		</div>
	);
}

