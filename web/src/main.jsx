import { render } from 'preact';
import { App } from './App.jsx';
import './styles.css';

const root = document.getElementById('app');
root.textContent = ''; // the "Đang tải…" of index.html: Preact does not always reuse it
render(<App />, root);
