// Pagination: "Trang x / y", total count in vi-VN, previous / next; with
// `exportSpec` (see ExportButton.jsx) also "Xuất Excel" for the whole list.
import { formatNumber } from '../format.js';
import { ExportButton } from './ExportButton.jsx';

export function Pager({ total, limit, offset, onChange, testid = 'pager', noun = 'mục', exportSpec }) {
	const pages = Math.max(1, Math.ceil((total || 0) / limit));
	const page = Math.min(pages, Math.floor((offset || 0) / limit) + 1);
	const go = (p) => onChange(Math.max(0, (p - 1) * limit));
	return (
		<nav class="pager" aria-label="Phân trang" data-testid={testid}>
			<span class="pager-total" data-testid={`${testid}-total`}>
				Tổng số: <strong>{formatNumber(total || 0)}</strong> {noun}
			</span>
			{exportSpec && total > 0 ? <ExportButton spec={exportSpec} testid={`${testid}-export`} /> : null}
			<span class="pager-controls">
				<button
					type="button"
					class="btn btn-small"
					disabled={page <= 1}
					onClick={() => go(1)}
					aria-label="Trang đầu"
					title="Trang đầu"
				>
					«
				</button>
				<button
					type="button"
					class="btn btn-small"
					disabled={page <= 1}
					onClick={() => go(page - 1)}
					data-testid={`${testid}-prev`}
				>
					‹ Trước
				</button>
				<span class="pager-page" data-testid={`${testid}-page`}>
					Trang {formatNumber(page)} / {formatNumber(pages)}
				</span>
				<button
					type="button"
					class="btn btn-small"
					disabled={page >= pages}
					onClick={() => go(page + 1)}
					data-testid={`${testid}-next`}
				>
					Sau ›
				</button>
				<button
					type="button"
					class="btn btn-small"
					disabled={page >= pages}
					onClick={() => go(pages)}
					aria-label="Trang cuối"
					title="Trang cuối"
				>
					»
				</button>
			</span>
		</nav>
	);
}
