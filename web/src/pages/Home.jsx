import { api } from '../api.js';
import { formatNumber, isAdmin, roleLabel, structureShort } from '../format.js';
import { useLoader, usePageTitle } from '../components/ui.jsx';

function Stat({ label, value, href, testid }) {
	return (
		<a class="stat card" href={href} data-testid={testid}>
			<span class="stat-value">{value === null || value === undefined ? '…' : formatNumber(value)}</span>
			<span class="stat-label">{label}</span>
		</a>
	);
}

export function HomePage({ user }) {
	usePageTitle('Trang chủ');
	const admin = isAdmin(user);
	const structure = user.unit ? Number(user.unit.structure) : 2025;
	const { data } = useLoader(async () => {
		const total = (p) => p.then((r) => r.total, () => null);
		const [overdue, soon, orgs, units, users, audit] = await Promise.all([
			total(api.get('/petitions', { due: 'overdue', limit: 1 })),
			total(api.get('/petitions', { due: 'soon', limit: 1 })),
			total(api.get('/organizations', { limit: 1 })),
			total(api.get('/units', user.unit
				? { structure, parent: user.unit.code, limit: 1 }
				: { structure, level: 'commune', limit: 1 })),
			admin ? total(api.get('/users', { limit: 1 })) : null,
			admin ? total(api.get('/audit', { limit: 1 })) : null,
		]);
		return { overdue, soon, orgs, units, users, audit };
	}, [user.id]);

	return (
		<section class="page">
			<h1>Xin chào, {user.full_name || user.username}</h1>
			<p class="lead">
				Bạn đang đăng nhập với vai trò <strong>{roleLabel(user.role)}</strong>
				{user.unit
					? <> của <strong>{user.unit.name}</strong> ({structureShort(user.unit.structure)}).</>
					: <>, phạm vi toàn quốc.</>}
			</p>
			<div class="stats" data-testid="home-stats">
				<Stat label="Đơn quá hạn" value={data && data.overdue} href="#/petitions?due=overdue" testid="stat-overdue" />
				<Stat label="Đơn sắp đến hạn" value={data && data.soon} href="#/petitions?due=soon" testid="stat-soon" />
				<Stat label="Tổ chức trong phạm vi" value={data && data.orgs} href="#/organizations" testid="stat-orgs" />
				<Stat
					label={user.unit ? 'Đơn vị trực thuộc' : 'Đơn vị cấp xã (cơ cấu 2025)'}
					value={data && data.units}
					href="#/units"
					testid="stat-units"
				/>
				{admin ? <Stat label="Người dùng" value={data && data.users} href="#/users" testid="stat-users" /> : null}
				{admin ? <Stat label="Mục nhật ký" value={data && data.audit} href="#/audit" testid="stat-audit" /> : null}
			</div>
			<div class="card">
				<h2>Các phân hệ</h2>
				<p>
					Hiện có: <a href="#/reception">tiếp công dân</a> (buổi tiếp, sổ tiếp công dân, lịch tiếp của lãnh đạo),
					{' '}<a href="#/petitions">đơn thư</a> (tiếp nhận, phân loại, chuyển, giải quyết, theo dõi thời hạn),
					{' '}<a href="#/stats">thống kê</a>; tra cứu <a href="#/units">đơn vị hành chính</a> theo cơ cấu 3 cấp
					(trước 01/7/2025) và 2 cấp (từ 01/7/2025), quản lý <a href="#/organizations">tổ chức</a>
					{admin ? <>, <a href="#/users">người dùng</a> và <a href="#/audit">nhật ký hệ thống</a></> : null}.
				</p>
				<p>
					Công dân gửi kiến nghị, phản ánh và tra cứu đơn không cần đăng nhập tại
					{' '}<a href="#/cong-dan">trang dành cho công dân</a>.
				</p>
				<p>
					Số liệu các chỉ tiêu của báo cáo định kỳ theo đơn vị và kỳ, so sánh với kỳ trước và cùng kỳ, biểu đồ:
					{' '}<a href="#/indicators">chỉ tiêu, báo cáo</a>.
				</p>
			</div>
		</section>
	);
}
