// Pages loaded on first use (separate files built by Vite), so that the
// first screen - the login page or the citizens' page on a phone - stays
// small.
import { useEffect, useState } from 'preact/hooks';

/**
 * lazyPage(() => import('./pages/X.jsx'), 'XPage') → a component that
 * shows "Đang tải…" until the module is there, then renders its export.
 */
export function lazyPage(load, name) {
	let Comp = null;
	let promise = null;
	const get = () => {
		if (!promise) {
			promise = load().then((m) => { Comp = m[name]; return Comp; });
			promise.catch(() => { promise = null; });
		}
		return promise;
	};
	function LazyPage(props) {
		const [, setReady] = useState(!!Comp);
		const [error, setError] = useState(null);
		useEffect(() => {
			if (Comp) return undefined;
			let live = true;
			get().then(() => { if (live) setReady(true); }, (e) => { if (live) setError(e); });
			return () => { live = false; };
		}, []);
		if (Comp) return <Comp {...props} />;
		if (error) {
			return (
				<section class="page">
					<div class="alert alert-error" role="alert">
						Không tải được trang. Vui lòng kiểm tra mạng rồi{' '}
						<button type="button" class="btn-link" onClick={() => window.location.reload()}>tải lại trang</button>.
					</div>
				</section>
			);
		}
		return <p class="boot" role="status">Đang tải…</p>;
	}
	LazyPage.preload = get;
	return LazyPage;
}
