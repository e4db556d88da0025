// Small shared pieces: messages, form fields, debouncing, page titles.
import { useEffect, useRef, useState } from 'preact/hooks';

/** A message box.  kind: 'error' | 'success' | 'info'. */
export function Alert({ kind = 'info', children, testid }) {
	if (!children) return null;
	return (
		<div
			class={`alert alert-${kind}`}
			role={kind === 'error' ? 'alert' : 'status'}
			data-testid={testid}
		>
			{children}
		</div>
	);
}

/** A labelled form field; `error` is shown under it. */
export function Field({ label, hint, error, children, required, wide }) {
	return (
		<label class={`field${wide ? ' field-wide' : ''}${error ? ' field-invalid' : ''}`}>
			<span class="field-label">
				{label}
				{required ? <span class="req" aria-hidden="true"> *</span> : null}
			</span>
			{children}
			{hint && !error ? <span class="field-hint">{hint}</span> : null}
			{error ? <span class="field-error">{error}</span> : null}
		</label>
	);
}

/** `value` after it has not changed for `delay` ms. */
export function useDebounced(value, delay = 250) {
	const [v, setV] = useState(value);
	useEffect(() => {
		const t = setTimeout(() => setV(value), delay);
		return () => clearTimeout(t);
	}, [value, delay]);
	return v;
}

export function usePageTitle(title) {
	useEffect(() => {
		document.title = title ? `${title} — danvan` : 'danvan — Công tác dân vận';
	}, [title]);
}

/**
 * Run an async loader whenever `deps` change; stale answers are dropped.
 * Returns { data, error, loading, reload }.
 */
export function useLoader(fn, deps) {
	const [state, setState] = useState({ data: null, error: null, loading: true });
	const seq = useRef(0);
	const [tick, setTick] = useState(0);
	useEffect(() => {
		const my = ++seq.current;
		setState((s) => ({ data: s.data, error: null, loading: true }));
		fn().then(
			(data) => { if (my === seq.current) setState({ data, error: null, loading: false }); },
			(error) => { if (my === seq.current) setState({ data: null, error, loading: false }); },
		);
	}, [...deps, tick]); // eslint-disable-line react-hooks/exhaustive-deps
	return { ...state, reload: () => setTick((t) => t + 1) };
}

/**
 * A button that asks for confirmation in place (no browser dialog):
 * the first click shows "question [Yes] [No]".
 */
export function ConfirmButton({ label, question, confirmLabel, onConfirm, testid, danger = true, disabled }) {
	const [asking, setAsking] = useState(false);
	const [busy, setBusy] = useState(false);
	if (!asking) {
		return (
			<button
				type="button"
				class={`btn btn-small${danger ? ' btn-danger-outline' : ''}`}
				data-testid={testid}
				disabled={disabled}
				onClick={() => setAsking(true)}
			>
				{label}
			</button>
		);
	}
	return (
		<span class="confirm" role="group" aria-label={question}>
			<span class="confirm-q">{question}</span>
			<button
				type="button"
				class={`btn btn-small${danger ? ' btn-danger' : ' btn-primary'}`}
				data-testid={testid ? `${testid}-yes` : undefined}
				disabled={busy}
				onClick={async () => {
					setBusy(true);
					try {
						await onConfirm();
					} finally {
						setBusy(false);
						setAsking(false);
					}
				}}
			>
				{confirmLabel || label}
			</button>
			<button
				type="button"
				class="btn btn-small"
				data-testid={testid ? `${testid}-no` : undefined}
				onClick={() => setAsking(false)}
			>
				Huỷ
			</button>
		</span>
	);
}

/** Error of a given field from an ApiError (or null). */
export function fieldError(err, name) {
	return err && err.field === name ? err.message : null;
}
