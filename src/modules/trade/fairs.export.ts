// The columns of the fairs' and livestream spreadsheets (Vietnamese headers, like the registry's exports).
import type { EventOut, RegistrationOut, SessionOut } from './fairs.contract.js';
import { EVENT_STATUS_VI, KIND_VI, LEVEL_VI, PLATFORM_VI, REGISTRATION_STATUS_VI } from './fairs.labels.js';
import type { SheetColumn, SheetRow } from './sheet.js';

export const EVENT_LABELS: SheetColumn[] = [
  { key: 'name', header: 'Tên sự kiện', width: 40 }, { key: 'kind', header: 'Loại' }, { key: 'level', header: 'Cấp tổ chức', width: 12 },
  { key: 'scope', header: 'Tỉnh / xã tổ chức', width: 24 }, { key: 'organiser', header: 'Đơn vị tổ chức', width: 30 }, { key: 'venue', header: 'Địa điểm', width: 30 },
  { key: 'country', header: 'Quốc gia', width: 9 }, { key: 'venueProvince', header: 'Tỉnh nơi tổ chức', width: 20 },
  { key: 'startsOn', header: 'Từ ngày', kind: 'date', width: 12 }, { key: 'endsOn', header: 'Đến ngày', kind: 'date', width: 12 },
  { key: 'registrationDeadline', header: 'Hạn đăng ký', kind: 'date', width: 12 }, { key: 'booths', header: 'Số gian hàng', kind: 'number', width: 10 },
  { key: 'participants', header: 'Chủ thể tham gia', kind: 'number', width: 10 }, { key: 'status', header: 'Trạng thái', width: 12 },
];
export const eventRow = (e: EventOut): SheetRow => ({
  name: e.name, kind: KIND_VI[e.kind], level: LEVEL_VI[e.level], scope: e.commune?.name ?? e.province?.name ?? '', organiser: e.organiser, venue: e.venue,
  country: e.country, venueProvince: e.venueProvince?.name ?? '', startsOn: e.startsOn, endsOn: e.endsOn, registrationDeadline: e.registrationDeadline,
  booths: e.booths, participants: e.participants, status: EVENT_STATUS_VI[e.status],
});

export const REGISTRATION_LABELS: SheetColumn[] = [
  { key: 'event', header: 'Sự kiện', width: 36 }, { key: 'startsOn', header: 'Từ ngày', kind: 'date', width: 12 }, { key: 'entity', header: 'Chủ thể', width: 32 },
  { key: 'products', header: 'Sản phẩm', width: 40 }, { key: 'status', header: 'Trạng thái', width: 12 }, { key: 'booth', header: 'Gian hàng', width: 10 },
  { key: 'salesVnd', header: 'Doanh số (đồng)', kind: 'number', width: 16 }, { key: 'contracts', header: 'Hợp đồng ký kết', kind: 'number', width: 10 },
  { key: 'newPartners', header: 'Đối tác mới', kind: 'number', width: 10 }, { key: 'province', header: 'Mã tỉnh', width: 8 }, { key: 'commune', header: 'Mã xã', width: 8 },
];
export const registrationRow = (r: RegistrationOut): SheetRow => ({
  event: r.event.name, startsOn: r.event.startsOn, entity: r.entity.name, products: r.products.map((p) => p.name).join('; '), status: REGISTRATION_STATUS_VI[r.status],
  booth: r.booth, salesVnd: r.results?.salesVnd, contracts: r.results?.contracts, newPartners: r.results?.newPartners, province: r.provinceCode, commune: r.communeCode,
});

export const SESSION_LABELS: SheetColumn[] = [
  { key: 'heldOn', header: 'Ngày', kind: 'date', width: 12 }, { key: 'entity', header: 'Chủ thể', width: 32 }, { key: 'platform', header: 'Nền tảng', width: 12 },
  { key: 'title', header: 'Tiêu đề', width: 30 }, { key: 'host', header: 'Người dẫn', width: 20 }, { key: 'products', header: 'Sản phẩm', width: 40 },
  { key: 'viewers', header: 'Lượt xem', kind: 'number', width: 10 }, { key: 'orders', header: 'Đơn hàng', kind: 'number', width: 10 },
  { key: 'salesVnd', header: 'Doanh số (đồng)', kind: 'number', width: 16 }, { key: 'event', header: 'Thuộc sự kiện', width: 30 }, { key: 'url', header: 'Đường dẫn', width: 30 },
];
export const sessionRow = (s: SessionOut): SheetRow => ({
  heldOn: s.heldOn, entity: s.entity.name, platform: PLATFORM_VI[s.platform], title: s.title, host: s.host, products: s.products.map((p) => p.name).join('; '),
  viewers: s.viewers, orders: s.orders, salesVnd: s.salesVnd, event: s.event?.name ?? '', url: s.url,
});
