// Vocabulary for believable demo and synthetic data: real OCOP specialty products per score sheet, entity names.

/** Specialty products by product set (score-sheet number); a place name is appended. */
export const PRODUCTS_BY_SHEET: Record<number, string[]> = {
  1: ['Cam sành', 'Bưởi da xanh', 'Vải thiều', 'Nhãn lồng', 'Xoài cát Hòa Lộc', 'Thanh long ruột đỏ', 'Chuối ngự', 'Dưa lưới', 'Hạt dẻ', 'Su su'],
  2: ['Thịt lợn đen', 'Gà đồi', 'Trứng gà ác', 'Sữa bò tươi', 'Tôm càng xanh', 'Cá lăng', 'Bò tơ', 'Vịt bầu'],
  3: ['Gạo ST25', 'Gạo nếp cái hoa vàng', 'Gạo Séng Cù', 'Gạo tám xoan', 'Đậu tương', 'Gạo lứt đỏ', 'Gạo Nàng Nhen'],
  4: ['Mật ong bạc hà', 'Mật ong hoa nhãn', 'Mật ong rừng', 'Mật hoa dừa', 'Nấm hương', 'Mộc nhĩ', 'Măng khô'],
  5: ['Bánh chưng', 'Nem chua', 'Chả cá', 'Xôi ngũ sắc', 'Giò bò', 'Bánh gai'],
  6: ['Bánh đa nem', 'Phở khô', 'Bún khô', 'Miến dong', 'Bánh tráng', 'Cốm', 'Bánh cuốn khô'],
  7: ['Mứt gừng', 'Ô mai mơ', 'Chuối sấy', 'Mít sấy', 'Hạt điều rang muối', 'Khoai lang sấy dẻo', 'Mơ muối'],
  8: ['Lạp xưởng', 'Ruốc cá', 'Chà bông', 'Khô bò', 'Cá khô', 'Thịt trâu gác bếp', 'Sữa chua'],
  9: ['Nước mắm', 'Tương bần', 'Mắm tôm', 'Mắm tép', 'Tương ớt', 'Mắm cá linh'],
  10: ['Muối tôm', 'Tiêu đen', 'Tỏi cô đơn', 'Hành tím', 'Muối hồng', 'Ớt bột'],
  11: ['Chè Shan tuyết', 'Chè búp', 'Trà xanh', 'Chè móc câu', 'Hồng trà'],
  12: ['Trà hoa vàng', 'Trà atiso', 'Trà gạo lứt', 'Trà hoa cúc', 'Trà sen', 'Trà giảo cổ lam'],
  13: ['Cà phê Robusta', 'Cà phê Arabica', 'Cà phê rang xay', 'Ca cao nguyên chất', 'Sô-cô-la'],
  14: ['Rượu ngô men lá', 'Rượu gạo', 'Rượu nếp cẩm', 'Rượu men lá', 'Rượu sắn'],
  15: ['Rượu vang sim', 'Rượu mơ', 'Rượu táo mèo', 'Rượu chuối hột', 'Rượu đinh lăng'],
  16: ['Nước khoáng thiên nhiên', 'Nước uống đóng chai'],
  17: ['Nước cốt chanh leo', 'Nước ép dứa', 'Nước dừa đóng chai', 'Sữa đậu nành', 'Nước mía'],
  18: ['Cao actiso', 'Viên nghệ mật ong', 'Đông trùng hạ thảo', 'Tinh bột nghệ', 'Sâm dây', 'Cao dược liệu'],
  19: ['Dầu gội bồ kết', 'Xà phòng thảo dược', 'Son dưỡng dầu dừa', 'Kem nghệ', 'Nước hoa bưởi'],
  20: ['Tinh dầu quế', 'Tinh dầu sả chanh', 'Tinh dầu tràm', 'Hoa hồi khô', 'Quế thanh', 'Tinh dầu bưởi'],
  21: ['Mây tre đan', 'Gốm', 'Nón lá', 'Chiếu cói', 'Đồ gỗ mỹ nghệ', 'Tranh dân gian', 'Sơn mài'],
  22: ['Thổ cẩm', 'Lụa tơ tằm', 'Khăn lụa', 'Vải lanh', 'Khăn thổ cẩm', 'Túi thổ cẩm'],
  23: ['Hoa lan hồ điệp', 'Hoa đào', 'Hoa cúc', 'Hoa hồng', 'Hoa ly'],
  24: ['Mai vàng', 'Cây bonsai', 'Quất cảnh', 'Sen đá', 'Tùng la hán'],
  25: ['Cá Koi', 'Chim chào mào', 'Cá cảnh', 'Gà Đông Tảo cảnh'],
  26: ['Du lịch cộng đồng bản', 'Điểm du lịch sinh thái', 'Homestay làng', 'Du lịch trải nghiệm làng nghề', 'Du lịch cộng đồng'],
};

export const ENTITY_PREFIX: Record<string, string[]> = {
  htx: ['HTX Nông nghiệp', 'HTX Dịch vụ nông nghiệp', 'HTX Sản xuất và Thương mại', 'HTX Nông sản sạch', 'HTX Chè', 'HTX Dược liệu'],
  to_hop_tac: ['Tổ hợp tác sản xuất', 'Tổ hợp tác làng nghề', 'Tổ hợp tác nuôi ong'],
  doanh_nghiep: ['Công ty TNHH Nông sản', 'Công ty Cổ phần Đặc sản', 'Công ty TNHH Thực phẩm', 'Công ty TNHH Thương mại'],
  trang_trai: ['Trang trại', 'Trang trại sinh thái', 'Trang trại hữu cơ'],
  ho_kinh_doanh: ['Hộ kinh doanh', 'Cơ sở sản xuất', 'Hộ sản xuất'],
};

export const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Vàng', 'Giàng', 'Lò', 'Hà', 'Sùng'];
export const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Thu', 'Hữu', 'Ngọc', 'Quang', 'Thanh', 'Mạnh'];
export const GIVEN = ['An', 'Bình', 'Châu', 'Dũng', 'Hà', 'Hải', 'Hương', 'Lan', 'Long', 'Mai', 'Nam', 'Nga', 'Phúc', 'Quân', 'Sơn', 'Thảo', 'Trang', 'Tuấn', 'Vân', 'Yến', 'Páo', 'Mỷ', 'Chứ'];
export const ETHNICITIES = ['Kinh', 'Kinh', 'Kinh', 'Kinh', 'Tày', 'Thái', 'Mường', 'Mông', 'Khmer', 'Dao', 'Ê Đê', 'Nùng'];

/** A small deterministic PRNG (mulberry32), so demo and synthetic data are the same on every machine. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
  };
}
