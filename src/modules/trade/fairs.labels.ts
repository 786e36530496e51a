// Vietnamese names of the fairs' and tourism codes, for the spreadsheets (the web app has its own i18n files).
export const KIND_VI: Record<string, string> = { fair: 'Hội chợ', exhibition: 'Triển lãm', trade_mission: 'Đoàn xúc tiến thương mại', livestream_day: 'Ngày hội bán hàng livestream' };
export const LEVEL_VI: Record<string, string> = { national: 'Trung ương', province: 'Tỉnh', commune: 'Xã' };
export const EVENT_STATUS_VI: Record<string, string> = { draft: 'Bản nháp', published: 'Đã công bố', cancelled: 'Đã hủy' };
export const REGISTRATION_STATUS_VI: Record<string, string> = { pending: 'Chờ duyệt', approved: 'Đã duyệt', rejected: 'Bị từ chối' };
export const PLATFORM_VI: Record<string, string> = { tiktok: 'TikTok', facebook: 'Facebook', shopee: 'Shopee', lazada: 'Lazada', youtube: 'YouTube', zalo: 'Zalo', other: 'Khác' };
export const DESTINATION_KIND_VI: Record<string, string> = { community: 'Du lịch cộng đồng', eco: 'Du lịch sinh thái', site: 'Điểm du lịch' };
export const SERVICE_VI: Record<string, string> = {
  homestay: 'Lưu trú tại nhà dân', food: 'Ẩm thực địa phương', guide: 'Hướng dẫn viên địa phương', craft: 'Trải nghiệm làng nghề', trekking: 'Đi bộ, leo núi',
  boat: 'Thuyền, bè', camping: 'Cắm trại', farm: 'Trải nghiệm nông nghiệp', culture: 'Văn nghệ, lễ hội', shop: 'Bán sản phẩm OCOP, đặc sản',
};
