// Application shell: session check, hash routing, header and navigation.
// The citizens' pages (#/cong-dan...) need no login.
import { useEffect, useRef, useState } from 'preact/hooks';
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
import { lazyPage } from './lazy.jsx';

const reception = () => import('./pages/Reception.jsx');
const petitions = () => import('./pages/Petitions.jsx');
const publicPages = () => import('./pages/Public.jsx');
const config = () => import('./pages/Config.jsx');
const dialogues = () => import('./pages/Dialogues.jsx');
const dvk = () => import('./pages/Dvk.jsx');
const emulation = () => import('./pages/Emulation.jsx');
const supervision = () => import('./pages/Supervision.jsx');
const directives = () => import('./pages/Directives.jsx');
const campaigns = () => import('./pages/Campaigns.jsx');
const democracy = () => import('./pages/Democracy.jsx');
const reports = () => import('./pages/Reports.jsx');

const SessionsPage = lazyPage(reception, 'SessionsPage');
const SessionFormPage = lazyPage(reception, 'SessionFormPage');
const SessionPage = lazyPage(reception, 'SessionPage');
const RegisterPage = lazyPage(reception, 'RegisterPage');
const SchedulesPage = lazyPage(reception, 'SchedulesPage');
const CompliancePage = lazyPage(reception, 'CompliancePage');
const PetitionsPage = lazyPage(petitions, 'PetitionsPage');
const PetitionNewPage = lazyPage(petitions, 'PetitionNewPage');
const PetitionPage = lazyPage(petitions, 'PetitionPage');
const StatsPage = lazyPage(() => import('./pages/Stats.jsx'), 'StatsPage');
const IndicatorsPage = lazyPage(() => import('./pages/Indicators.jsx'), 'IndicatorsPage');
const ReportsPage = lazyPage(reports, 'ReportsPage');
const ReportNewPage = lazyPage(reports, 'ReportNewPage');
const ReportPage = lazyPage(reports, 'ReportPage');
const ReportTemplatesPage = lazyPage(reports, 'ReportTemplatesPage');
const DeadlineRulesPage = lazyPage(config, 'DeadlineRulesPage');
const CalendarPage = lazyPage(config, 'CalendarPage');
const SettingsPage = lazyPage(config, 'SettingsPage');
const DialoguesPage = lazyPage(dialogues, 'DialoguesPage');
const DialogueFormPage = lazyPage(dialogues, 'DialogueFormPage');
const DialoguePage = lazyPage(dialogues, 'DialoguePage');
const OpinionsPage = lazyPage(dialogues, 'OpinionsPage');
const DialogueRequirementsPage = lazyPage(dialogues, 'DialogueRequirementsPage');
const DvkPage = lazyPage(dvk, 'DvkPage');
const DvkModelFormPage = lazyPage(dvk, 'DvkModelFormPage');
const DvkModelPage = lazyPage(dvk, 'DvkModelPage');
const BreakthroughPage = lazyPage(dvk, 'BreakthroughPage');
const EmulationPage = lazyPage(emulation, 'EmulationPage');
const EmulationSetPage = lazyPage(emulation, 'EmulationSetPage');
const EmulationBlocPage = lazyPage(emulation, 'EmulationBlocPage');
const SupervisionPage = lazyPage(supervision, 'SupervisionPage');
const SupervisionFormPage = lazyPage(supervision, 'SupervisionFormPage');
const SupervisionDetailPage = lazyPage(supervision, 'SupervisionDetailPage');
const CriticismPage = lazyPage(supervision, 'CriticismPage');
const CriticismFormPage = lazyPage(supervision, 'CriticismFormPage');
const CriticismDetailPage = lazyPage(supervision, 'CriticismDetailPage');
const PartyBuildingPage = lazyPage(supervision, 'PartyBuildingPage');
const SupervisionStatsPage = lazyPage(supervision, 'SupervisionStatsPage');
const DemocracyPage = lazyPage(democracy, 'DemocracyPage');
const DemocracyVotesPage = lazyPage(democracy, 'DemocracyVotesPage');
const DemocracyDisclosuresPage = lazyPage(democracy, 'DemocracyDisclosuresPage');
const DemocracyVillagesPage = lazyPage(democracy, 'DemocracyVillagesPage');
const DemocracyBoxesPage = lazyPage(democracy, 'DemocracyBoxesPage');
const DemocracyBoardsPage = lazyPage(democracy, 'DemocracyBoardsPage');
const DemocracyBoardPage = lazyPage(democracy, 'DemocracyBoardPage');
const DirectivesPage = lazyPage(directives, 'DirectivesPage');
const DirectiveFormPage = lazyPage(directives, 'DirectiveFormPage');
const DirectivePage = lazyPage(directives, 'DirectivePage');
const CampaignsPage = lazyPage(campaigns, 'CampaignsPage');
const OrgChangesPage = lazyPage(campaigns, 'OrgChangesPage');
const PublicSendPage = lazyPage(publicPages, 'PublicSendPage');
const PublicTrackPage = lazyPage(publicPages, 'PublicTrackPage');

/* Navigation: `section` marks the entry active for every page below it. */
const NAV = [
	{ path: '/', label: 'Trang chủ', id: 'home' },
	{ path: '/reception', label: 'Tiếp công dân', id: 'reception', section: true },
	{ path: '/petitions', label: 'Đơn thư', id: 'petitions', section: true },
	{ path: '/dialogues', label: 'Đối thoại', id: 'dialogues', section: true, also: ['/opinions'] },
	{ path: '/dvk', label: 'Dân vận khéo', id: 'dvk', section: true },
	{ path: '/emulation', label: 'Thi đua', id: 'emulation', section: true },
	{ path: '/supervision', label: 'Giám sát – phản biện', id: 'supervision', section: true },
	{ path: '/democracy', label: 'Dân chủ ở cơ sở', id: 'democracy', section: true },
	{ path: '/directives', label: 'Văn bản chỉ đạo', id: 'directives', section: true },
	{ path: '/campaigns', label: 'Phong trào, vận động', id: 'campaigns', section: true },
	{ path: '/stats', label: 'Thống kê', id: 'stats', section: true },
	{ path: '/indicators', label: 'Chỉ tiêu, báo cáo', id: 'indicators', section: true, also: ['/reports'] },
	{ path: '/units', label: 'Đơn vị hành chính', id: 'units' },
	{ path: '/organizations', label: 'Tổ chức', id: 'organizations' },
	{ path: '/users', label: 'Người dùng', id: 'users', admin: true },
	{ path: '/audit', label: 'Nhật ký hệ thống', id: 'audit', admin: true },
	{ path: '/admin/deadline-rules', label: 'Thời hạn, lịch, cài đặt', id: 'config', sysadmin: true, prefix: '/admin' },
	{ path: '/account', label: 'Tài khoản', id: 'account' },
];

/* Pages.  `:name` matches one path segment (params.name). */
const ROUTES = [
	{ path: '/', page: HomePage, label: 'Trang chủ' },
	{ path: '/units', page: UnitsPage, label: 'Đơn vị hành chính' },
	{ path: '/organizations', page: OrganizationsPage, label: 'Tổ chức' },
	{ path: '/users', page: UsersPage, admin: true, label: 'Người dùng' },
	{ path: '/audit', page: AuditPage, admin: true, label: 'Nhật ký hệ thống' },
	{ path: '/account', page: AccountPage, label: 'Tài khoản' },
	{ path: '/reception', page: SessionsPage, label: 'Tiếp công dân' },
	{ path: '/reception/new', page: SessionFormPage, label: 'Thêm buổi tiếp công dân' },
	{ path: '/reception/sessions/:id', page: SessionPage, label: 'Buổi tiếp công dân' },
	{ path: '/reception/sessions/:id/edit', page: SessionFormPage, label: 'Sửa buổi tiếp công dân' },
	{ path: '/reception/register', page: RegisterPage, label: 'Sổ tiếp công dân' },
	{ path: '/reception/schedules', page: SchedulesPage, label: 'Lịch tiếp công dân của lãnh đạo' },
	{ path: '/reception/schedules/:id', page: CompliancePage, label: 'Việc thực hiện lịch tiếp công dân' },
	{ path: '/petitions', page: PetitionsPage, label: 'Đơn thư' },
	{ path: '/petitions/new', page: PetitionNewPage, label: 'Ghi nhận đơn' },
	{ path: '/petitions/:id', page: PetitionPage, label: 'Đơn thư' },
	{ path: '/stats', page: StatsPage, label: 'Thống kê' },
	{ path: '/indicators', page: IndicatorsPage, label: 'Chỉ tiêu, báo cáo' },
	{ path: '/reports', page: ReportsPage, label: 'Báo cáo định kỳ' },
	{ path: '/reports/new', page: ReportNewPage, label: 'Lập báo cáo' },
	{ path: '/reports/templates', page: ReportTemplatesPage, label: 'Mẫu báo cáo' },
	{ path: '/reports/:id', page: ReportPage, label: 'Báo cáo' },
	{ path: '/dialogues', page: DialoguesPage, label: 'Đối thoại' },
	{ path: '/dialogues/new', page: DialogueFormPage, label: 'Thêm hội nghị đối thoại' },
	{ path: '/dialogues/requirements', page: DialogueRequirementsPage, label: 'Quy định đối thoại' },
	{ path: '/dialogues/:id', page: DialoguePage, label: 'Hội nghị đối thoại' },
	{ path: '/dialogues/:id/edit', page: DialogueFormPage, label: 'Sửa hội nghị đối thoại' },
	{ path: '/opinions', page: OpinionsPage, label: 'Ý kiến, kiến nghị của Nhân dân' },
	{ path: '/dvk', page: DvkPage, label: 'Dân vận khéo' },
	{ path: '/dvk/new', page: DvkModelFormPage, label: 'Đăng ký mô hình' },
	{ path: '/dvk/breakthrough', page: BreakthroughPage, label: 'Nhiệm vụ đột phá' },
	{ path: '/dvk/:id', page: DvkModelPage, label: 'Mô hình Dân vận khéo' },
	{ path: '/dvk/:id/edit', page: DvkModelFormPage, label: 'Sửa mô hình' },
	{ path: '/emulation', page: EmulationPage, label: 'Thi đua' },
	{ path: '/directives', page: DirectivesPage, label: 'Văn bản chỉ đạo' },
	{ path: '/directives/new', page: DirectiveFormPage, label: 'Thêm văn bản chỉ đạo' },
	{ path: '/directives/:id', page: DirectivePage, label: 'Văn bản chỉ đạo' },
	{ path: '/directives/:id/edit', page: DirectiveFormPage, label: 'Sửa văn bản chỉ đạo' },
	{ path: '/campaigns', page: CampaignsPage, label: 'Phong trào, vận động' },
	{ path: '/campaigns/org-changes', page: OrgChangesPage, label: 'Kiện toàn chức danh' },
	{ path: '/supervision', page: SupervisionPage, label: 'Giám sát – phản biện' },
	{ path: '/supervision/new', page: SupervisionFormPage, label: 'Thêm cuộc giám sát' },
	{ path: '/supervision/criticism', page: CriticismPage, label: 'Phản biện xã hội' },
	{ path: '/supervision/criticism/new', page: CriticismFormPage, label: 'Ghi nhận dự thảo phản biện' },
	{ path: '/supervision/criticism/:id', page: CriticismDetailPage, label: 'Dự thảo được phản biện' },
	{ path: '/supervision/criticism/:id/edit', page: CriticismFormPage, label: 'Sửa dự thảo' },
	{ path: '/supervision/party-building', page: PartyBuildingPage, label: 'Góp ý xây dựng Đảng, xây dựng chính quyền' },
	{ path: '/supervision/stats', page: SupervisionStatsPage, label: 'Thống kê giám sát, phản biện' },
	{ path: '/supervision/:id', page: SupervisionDetailPage, label: 'Cuộc giám sát' },
	{ path: '/supervision/:id/edit', page: SupervisionFormPage, label: 'Sửa cuộc giám sát' },
	{ path: '/democracy', page: DemocracyPage, label: 'Dân chủ ở cơ sở' },
	{ path: '/democracy/votes', page: DemocracyVotesPage, label: 'Bàn và quyết định, lấy ý kiến' },
	{ path: '/democracy/disclosures', page: DemocracyDisclosuresPage, label: 'Công khai thông tin' },
	{ path: '/democracy/villages', page: DemocracyVillagesPage, label: 'Thôn, tổ dân phố' },
	{ path: '/democracy/boxes', page: DemocracyBoxesPage, label: 'Hòm thư góp ý' },
	{ path: '/democracy/boards', page: DemocracyBoardsPage, label: 'Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng' },
	{ path: '/democracy/boards/:id', page: DemocracyBoardPage, label: 'Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng' },
	{ path: '/emulation/sets/:id', page: EmulationSetPage, label: 'Bộ tiêu chí thi đua' },
	{ path: '/emulation/blocs/:id', page: EmulationBlocPage, label: 'Khối thi đua' },
	{ path: '/admin/deadline-rules', page: DeadlineRulesPage, sysadmin: true, label: 'Thời hạn xử lý, giải quyết' },
	{ path: '/admin/calendar', page: CalendarPage, sysadmin: true, label: 'Lịch làm việc' },
	{ path: '/admin/settings', page: SettingsPage, sysadmin: true, label: 'Cài đặt' },
].map((r) => ({
	...r,
	re: new RegExp('^' + r.path.replace(/:([a-z]+)/g, '(?<$1>[^/]+)') + '/?$'),
}));

/* Pages for citizens, without login. */
const PUBLIC_ROUTES = [
	{ path: '/cong-dan', page: PublicSendPage },
	{ path: '/cong-dan/tra-cuu', page: PublicTrackPage },
];

function parseHash() {
	const h = window.location.hash.replace(/^#/, '');
	const i = h.indexOf('?');
	const p = i >= 0 ? h.slice(0, i) : h;
	return {
		path: p && p.startsWith('/') ? p : '/',
		search: i >= 0 ? h.slice(i + 1) : '',
	};
}

function currentPath() {
	return parseHash().path;
}

function matchRoute(path) {
	for (const r of ROUTES) {
		const m = r.re.exec(path);
		if (m) return { route: r, params: { ...(m.groups || {}) } };
	}
	return null;
}

const isPublicPath = (path) => PUBLIC_ROUTES.some((r) => r.path === path.replace(/\/$/, ''));

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

const COMING = [];

function navActive(item, path) {
	if (item.prefix) return path === item.prefix || path.startsWith(item.prefix + '/');
	if (path === item.path) return true;
	if (item.also && item.also.some((a) => path === a || path.startsWith(a + '/'))) return true;
	return !!item.section && path.startsWith(item.path + '/');
}

function Nav({ user, path, open, onNavigate }) {
	const admin = isAdmin(user);
	const sys = user.role === 'sysadmin';
	return (
		<nav id="main-nav" class={`sidenav${open ? ' is-open' : ''}`} aria-label="Điều hướng chính" data-testid="nav">
			<div class="nav-user">
				<strong>{user.full_name || user.username}</strong>
				<span class="muted small block">
					{roleLabel(user.role)} · {user.unit ? user.unit.name : 'Toàn quốc'}
				</span>
			</div>
			<ul class="nav-list">
				{NAV.filter((r) => (!r.admin || admin) && (!r.sysadmin || sys)).map((r) => {
					const active = navActive(r, path);
					return (
						<li key={r.id}>
							<a
								href={`#${r.path}`}
								class={`nav-link${active ? ' is-active' : ''}`}
								aria-current={active ? 'page' : undefined}
								data-testid={`nav-${r.id}`}
								onClick={onNavigate}
							>
								{r.label}
							</a>
						</li>
					);
				})}
			</ul>
			{COMING.length ? (
				<>
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
				</>
			) : null}
		</nav>
	);
}

function PublicShell({ user, path, search }) {
	const r = PUBLIC_ROUTES.find((x) => x.path === path.replace(/\/$/, ''));
	const Page = r.page;
	return (
		<div class="public-shell">
			<header class="topbar public-topbar">
				<a class="brand" href="#/cong-dan" data-testid="brand">
					<span class="brand-name">danvan</span>
					<span class="brand-sep"> — </span>
					<span class="brand-sub">Kiến nghị, phản ánh của công dân</span>
				</a>
				<a class="btn btn-small btn-on-dark topbar-right" href="#/" data-testid="public-staff-link">
					{user ? 'Trang làm việc' : 'Cán bộ đăng nhập'}
				</a>
			</header>
			<nav class="public-nav" aria-label="Trang công dân">
				<a href="#/cong-dan" class={path === '/cong-dan' ? 'is-active' : ''}
					aria-current={path === '/cong-dan' ? 'page' : undefined} data-testid="public-nav-send">
					Gửi kiến nghị, phản ánh
				</a>
				<a href="#/cong-dan/tra-cuu" class={path === '/cong-dan/tra-cuu' ? 'is-active' : ''}
					aria-current={path === '/cong-dan/tra-cuu' ? 'page' : undefined} data-testid="public-nav-track">
					Tra cứu đơn
				</a>
			</nav>
			<main class="public-main" id="main">
				<Page key={path} query={new URLSearchParams(search)} />
			</main>
		</div>
	);
}

export function App() {
	const [user, setUser] = useState(undefined); // undefined: checking; null: logged out
	const [loc, setLoc] = useState(parseHash());
	const [menuOpen, setMenuOpen] = useState(false);
	const [notice, setNotice] = useState(null);
	const path = loc.path;

	useEffect(() => {
		const onHash = () => {
			const next = parseHash();
			setLoc((prev) => {
				if (prev.path !== next.path) window.scrollTo(0, 0);
				return next;
			});
			setMenuOpen(false);
		};
		window.addEventListener('hashchange', onHash);
		onUnauthenticated(() => {
			setUser(null);
			setNotice('Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.');
		});
		return () => window.removeEventListener('hashchange', onHash);
	}, []);

	// Who is logged in - asked once, and only outside the citizens' pages
	// (a citizen's browser has no session: no need for a refused request).
	const asked = useRef(false);
	useEffect(() => {
		if (asked.current || isPublicPath(path)) return;
		asked.current = true;
		fetchMe().then(
			(u) => setUser(u),
			(e) => {
				setUser(null);
				if (e.status !== 401) setNotice(e.message);
			},
		);
	}, [path]);

	useEffect(() => {
		if (user && path === '/login') navigate('/');
	}, [user, path]);

	// The units a user may see depend on who is logged in.
	useEffect(() => { clearUnitIndex(); }, [user && user.id]);

	// Citizens' pages: no login, whoever is (or is not) logged in.
	if (isPublicPath(path)) {
		return <PublicShell user={user} path={path.replace(/\/$/, '')} search={loc.search} />;
	}

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

	const found = matchRoute(path);
	let content;
	if (!found) {
		content = (
			<section class="page">
				<h1>Không tìm thấy trang</h1>
				<p>Địa chỉ này không có trong hệ thống. <a href="#/">Về trang chủ</a>.</p>
			</section>
		);
	} else if ((found.route.admin && !isAdmin(user)) || (found.route.sysadmin && user.role !== 'sysadmin')) {
		content = (
			<section class="page">
				<h1>{found.route.label}</h1>
				<Alert kind="error" testid="forbidden">Bạn không có quyền truy cập trang này.</Alert>
			</section>
		);
	} else {
		const Page = found.route.page;
		content = (
			<Page
				key={path}
				user={user}
				params={found.params}
				query={new URLSearchParams(loc.search)}
				onUserChange={setUser}
			/>
		);
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
