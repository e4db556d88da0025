// Application shell: session check, hash routing, header and navigation.
import { useEffect, useState } from 'preact/hooks';
import { fetchMe, logout, onUnauthenticated } from './api.js';
import { isAdmin, navigate, roleLabel } from './format.js';
import { LoginPage } from './pages/Login.jsx';
import { HomePage } from './pages/Home.jsx';
import { UnitsPage } from './pages/Units.jsx';
import { OrganizationsPage } from './pages/Organizations.jsx';
import { UsersPage } from './pages/Users.jsx';
import { AuditPage } from './pages/Audit.jsx';
import { AccountPage } from './pages/Account.jsx';
import { Alert } from './components/ui.jsx';
import { clearUnitIndex } from './unitIndex.js';

const ROUTES = [
	{ path: '/', label: 'Trang chủ', id: 'home', page: HomePage },
	{ path: '/units', label: 'Đơn vị hành chính', id: 'units', page: UnitsPage },
	{ path: '/organizations', label: 'Tổ chức', id: 'organizations', page: OrganizationsPage },
	{ path: '/users', label: 'Người dùng', id: 'users', page: UsersPage, admin: true },
	{ path: '/audit', label: 'Nhật ký hệ thống', id: 'audit', page: AuditPage, admin: true },
	{ path: '/account', label: 'Tài khoản', id: 'account', page: AccountPage },
];

const COMING = [
	'Tiếp công dân',
	'Đơn thư',
	'Đối thoại',
	'Dân vận khéo',
	'Giám sát – phản biện',
	'Dân chủ ở cơ sở',
	'Báo cáo',
];

function currentPath() {
	const h = window.location.hash.replace(/^#/, '');
	const p = h.split('?')[0];
	return p && p.startsWith('/') ? p : '/';
}

function Header({ user, menuOpen, onMenu, onLogout }) {
	return (
		<header class="topbar">
			<button
				type="button"
				class="menu-button"
				aria-label={menuOpen ? 'Đóng menu' : 'Mở menu'}
				aria-expanded={String(menuOpen)}
				aria-controls="main-nav"
				data-testid="menu-button"
				onClick={onMenu}
			>
				<span class="menu-icon" aria-hidden="true" />
				<span class="menu-text">Menu</span>
			</button>
			<a class="brand" href="#/" data-testid="brand">
				<span class="brand-name">danvan</span>
				<span class="brand-sep"> — </span>
				<span class="brand-sub">Công tác dân vận</span>
			</a>
			{user ? (
				<div class="userbox" data-testid="header-user">
					<span class="userbox-text">
						<span class="userbox-name" data-testid="header-user-name">{user.full_name || user.username}</span>
						<span class="userbox-meta">
							<span data-testid="header-user-role">{roleLabel(user.role)}</span>
							{user.unit ? <span data-testid="header-user-unit"> · {user.unit.name}</span> : <span> · Toàn quốc</span>}
						</span>
					</span>
					<button type="button" class="btn btn-small btn-on-dark" data-testid="logout-button" onClick={onLogout}>
						Đăng xuất
					</button>
				</div>
			) : null}
		</header>
	);
}

function Nav({ user, path, open, onNavigate }) {
	const admin = isAdmin(user);
	return (
		<nav id="main-nav" class={`sidenav${open ? ' is-open' : ''}`} aria-label="Điều hướng chính" data-testid="nav">
			<div class="nav-user">
				<strong>{user.full_name || user.username}</strong>
				<span class="muted small block">
					{roleLabel(user.role)} · {user.unit ? user.unit.name : 'Toàn quốc'}
				</span>
			</div>
			<ul class="nav-list">
				{ROUTES.filter((r) => !r.admin || admin).map((r) => (
					<li key={r.id}>
						<a
							href={`#${r.path}`}
							class={`nav-link${path === r.path ? ' is-active' : ''}`}
							aria-current={path === r.path ? 'page' : undefined}
							data-testid={`nav-${r.id}`}
							onClick={onNavigate}
						>
							{r.label}
						</a>
					</li>
				))}
			</ul>
			<p class="nav-heading">Phân hệ sắp triển khai</p>
			<ul class="nav-list nav-coming" data-testid="nav-coming">
				{COMING.map((label) => (
					<li key={label}>
						<span class="nav-link is-disabled" aria-disabled="true">
							{label} <span class="soon">(sắp có)</span>
						</span>
					</li>
				))}
			</ul>
		</nav>
	);
}

export function App() {
	const [user, setUser] = useState(undefined); // undefined: checking; null: logged out
	const [path, setPath] = useState(currentPath());
	const [menuOpen, setMenuOpen] = useState(false);
	const [notice, setNotice] = useState(null);

	useEffect(() => {
		const onHash = () => {
			setPath(currentPath());
			setMenuOpen(false);
			window.scrollTo(0, 0);
		};
		window.addEventListener('hashchange', onHash);
		onUnauthenticated(() => {
			setUser(null);
			setNotice('Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.');
		});
		fetchMe().then(
			(u) => setUser(u),
			(e) => {
				setUser(null);
				if (e.status !== 401) setNotice(e.message);
			},
		);
		return () => window.removeEventListener('hashchange', onHash);
	}, []);

	useEffect(() => {
		if (user && path === '/login') navigate('/');
	}, [user, path]);

	// The units a user may see depend on who is logged in.
	useEffect(() => { clearUnitIndex(); }, [user && user.id]);

	if (user === undefined) {
		return <p class="boot">Đang tải…</p>;
	}

	if (user === null) {
		return (
			<div class="login-shell">
				<Header user={null} menuOpen={false} onMenu={() => {}} onLogout={() => {}} />
				<LoginPage
					notice={notice}
					onLoggedIn={(u) => {
						setNotice(null);
						setUser(u);
						if (currentPath() === '/login') navigate('/');
					}}
				/>
			</div>
		);
	}

	const route = ROUTES.find((r) => r.path === path);
	let content;
	if (!route) {
		content = (
			<section class="page">
				<h1>Không tìm thấy trang</h1>
				<p>Địa chỉ này không có trong hệ thống. <a href="#/">Về trang chủ</a>.</p>
			</section>
		);
	} else if (route.admin && !isAdmin(user)) {
		content = (
			<section class="page">
				<h1>{route.label}</h1>
				<Alert kind="error" testid="forbidden">Bạn không có quyền truy cập trang này.</Alert>
			</section>
		);
	} else {
		const Page = route.page;
		content = <Page key={route.id} user={user} onUserChange={setUser} />;
	}

	async function doLogout() {
		try {
			await logout();
		} catch {
			/* the session is gone either way */
		}
		setNotice(null);
		setUser(null);
		navigate('/login');
	}

	return (
		<div class={`shell${menuOpen ? ' menu-open' : ''}`}>
			<Header user={user} menuOpen={menuOpen} onMenu={() => setMenuOpen(!menuOpen)} onLogout={doLogout} />
			<div class="shell-body">
				<Nav user={user} path={path} open={menuOpen} onNavigate={() => setMenuOpen(false)} />
				{menuOpen ? <div class="nav-backdrop" aria-hidden="true" onClick={() => setMenuOpen(false)} /> : null}
				<main class="main" id="main">
					{content}
				</main>
			</div>
		</div>
	);
}
