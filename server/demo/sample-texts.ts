import type { Category } from '../../shared/domain/categories';
import type { Force } from '../../shared/domain/forces';
import type { Outcome } from '../../shared/domain/outcomes';
import type { PlaceType } from '../../shared/domain/place-types';

/**
 * What the demo's sample reports say (issue #7). Places are real communes and well-known landmarks
 * (markets, border gates, national roads); people, shops and phone numbers are invented: no name of a
 * real person, shop URLs under a `demo` handle, plates only partly remembered.
 */

/** Where a report can be about: a commune, a place type there, and how a reporter names it. */
export interface Site {
  provinceCode: string;
  communeCode: string;
  placeType: PlaceType;
  /** The form's "address or landmark". */
  address: string;
  /** How the description names it ("chợ Trùng Khánh"). */
  where: string;
  /** Licence plates of the province, for vehicles seen there. */
  plate: string;
  /** A border area is crossed on foot, by river or by sea: not every story fits every place. */
  terrain?: Terrain;
}

export type Terrain = 'land' | 'river' | 'sea';

const CB = (communeCode: string, placeType: PlaceType, address: string, where: string, terrain?: Terrain): Site => ({
  provinceCode: '04',
  communeCode,
  placeType,
  address,
  where,
  plate: '11',
  terrain,
});
const DT = (communeCode: string, placeType: PlaceType, address: string, where: string, terrain?: Terrain): Site => ({
  provinceCode: '82',
  communeCode,
  placeType,
  address,
  where,
  plate: '66',
  terrain,
});

/** Cao Bằng (04): the provincial capital's wards, the border gates and the border communes with demo units. */
export const CAO_BANG_SITES: Site[] = [
  CB('01273', 'market', 'Chợ Xanh, phường Thục Phán', 'chợ Xanh'),
  CB('01273', 'market', 'Phố Vườn Cam, phường Thục Phán', 'phố Vườn Cam'),
  CB('01273', 'transport_route', 'Quốc lộ 3, đoạn qua phường Thục Phán', 'Quốc lộ 3 đoạn vào thành phố'),
  CB('01279', 'market', 'Khu chợ đêm phường Nùng Trí Cao', 'khu chợ đêm'),
  CB('01288', 'market', 'Chợ Tân Giang', 'chợ Tân Giang'),
  CB('01288', 'production_site', 'Tổ dân phố 5, phường Tân Giang', 'một ngõ nhỏ ở tổ dân phố 5'),
  CB('01654', 'transport_route', 'Quốc lộ 34, đoạn qua xã Hòa An', 'Quốc lộ 34'),
  CB('01654', 'production_site', 'Xóm Nà Rụa, xã Hòa An', 'xóm Nà Rụa'),
  CB('01477', 'market', 'Chợ Trùng Khánh', 'chợ Trùng Khánh'),
  CB('01477', 'border_area', 'Khu vực gần thác Bản Giốc, xã Trùng Khánh', 'đường mòn gần thác Bản Giốc', 'land'),
  CB('01477', 'transport_route', 'Tỉnh lộ 206, đoạn qua xã Trùng Khánh', 'tỉnh lộ 206'),
  CB('01447', 'border_gate', 'Cửa khẩu Trà Lĩnh', 'cửa khẩu Trà Lĩnh'),
  CB(
    '01447',
    'border_area',
    'Lối mòn phía sau bãi xe cửa khẩu Trà Lĩnh',
    'lối mòn sau bãi xe cửa khẩu Trà Lĩnh',
    'land',
  ),
  CB('01447', 'transport_route', 'Quốc lộ 34B, đoạn qua xã Trà Lĩnh', 'Quốc lộ 34B'),
  CB('01648', 'border_gate', 'Cửa khẩu quốc tế Tà Lùng', 'cửa khẩu Tà Lùng'),
  CB('01648', 'market', 'Chợ Tà Lùng, xã Phục Hòa', 'chợ Tà Lùng'),
  CB('01648', 'transport_route', 'Quốc lộ 3, đoạn qua xã Phục Hòa', 'Quốc lộ 3 đoạn Tà Lùng'),
  CB('01438', 'border_gate', 'Cửa khẩu Sóc Giang, xã Hà Quảng', 'cửa khẩu Sóc Giang'),
  CB('01438', 'border_area', 'Khu vực biên giới xã Hà Quảng', 'khu vực biên giới xã Hà Quảng', 'land'),
  CB('01558', 'border_gate', 'Cửa khẩu Lý Vạn, xã Hạ Lang', 'cửa khẩu Lý Vạn'),
  CB('01558', 'border_area', 'Đường mòn biên giới xã Hạ Lang', 'đường mòn biên giới xã Hạ Lang', 'land'),
  CB('01501', 'border_area', 'Bờ sông Quây Sơn, xã Đàm Thủy', 'bờ sông Quây Sơn', 'river'),
  CB('01489', 'border_area', 'Khu vực biên giới xã Đình Phong', 'khu vực biên giới xã Đình Phong', 'land'),
  CB('01576', 'market', 'Chợ Quảng Uyên', 'chợ Quảng Uyên'),
  CB('01576', 'production_site', 'Xóm Pác Rằng, xã Quảng Uyên', 'xóm Pác Rằng'),
];

/** Đồng Tháp (82): Cao Lãnh, Sa Đéc, Mỹ Tho, Hồng Ngự, the gates Dinh Bà and Thường Phước, the Gò Công coast. */
export const DONG_THAP_SITES: Site[] = [
  DT('29869', 'market', 'Chợ Cao Lãnh', 'chợ Cao Lãnh'),
  DT('29869', 'production_site', 'Khóm 3, phường Cao Lãnh', 'một cơ sở trong khóm 3'),
  DT('29869', 'port_airport', 'Cảng Cao Lãnh', 'cảng Cao Lãnh'),
  DT('29884', 'transport_route', 'Quốc lộ 30, đoạn qua phường Mỹ Ngãi', 'Quốc lộ 30'),
  DT('29888', 'market', 'Chợ Mỹ Trà', 'chợ Mỹ Trà'),
  DT('29905', 'market', 'Chợ Sa Đéc', 'chợ Sa Đéc'),
  DT('29905', 'production_site', 'Làng nghề bột Sa Đéc', 'làng nghề bột'),
  DT('29905', 'port_airport', 'Cảng Sa Đéc', 'cảng Sa Đéc'),
  DT('28261', 'market', 'Chợ Mỹ Tho', 'chợ Mỹ Tho'),
  DT('28261', 'transport_route', 'Quốc lộ 1, đoạn qua phường Mỹ Tho', 'Quốc lộ 1 đoạn qua Mỹ Tho'),
  DT('28273', 'market', 'Đường Ấp Bắc, phường Mỹ Phong', 'đường Ấp Bắc'),
  DT('29955', 'market', 'Chợ Hồng Ngự', 'chợ Hồng Ngự'),
  DT('29955', 'transport_route', 'Quốc lộ 30, đoạn qua phường Hồng Ngự', 'Quốc lộ 30 đoạn Hồng Ngự'),
  DT('29929', 'border_gate', 'Cửa khẩu quốc tế Dinh Bà', 'cửa khẩu Dinh Bà'),
  DT('29929', 'border_area', 'Kênh biên giới ấp Gò Chai, xã Tân Hộ Cơ', 'kênh biên giới ấp Gò Chai', 'river'),
  DT('29971', 'border_gate', 'Cửa khẩu quốc tế Thường Phước', 'cửa khẩu Thường Phước'),
  DT(
    '29971',
    'border_area',
    'Sông Tiền, đoạn giáp biên giới xã Thường Phước',
    'đoạn sông Tiền giáp biên giới',
    'river',
  ),
  DT('29926', 'border_area', 'Cánh đồng giáp biên, xã Tân Hồng', 'cánh đồng giáp biên xã Tân Hồng', 'land'),
  DT('29938', 'border_area', 'Khu vực biên giới xã Tân Thành', 'khu vực biên giới xã Tân Thành', 'land'),
  DT(
    '28747',
    'border_area',
    'Vùng biển ngoài cửa sông Soài Rạp, xã Gò Công Đông',
    'vùng biển ngoài cửa Soài Rạp',
    'sea',
  ),
  DT('29978', 'market', 'Chợ Thường Lạc', 'chợ Thường Lạc'),
];

/** Lạng Sơn (20): its gates are led by customs region VI, whose demo officer also serves Cao Bằng. */
export const LANG_SON_SITES: Site[] = [
  {
    provinceCode: '20',
    communeCode: '06184',
    placeType: 'border_gate',
    address: 'Cửa khẩu quốc tế Hữu Nghị, xã Đồng Đăng',
    where: 'cửa khẩu Hữu Nghị',
    plate: '12',
  },
  {
    provinceCode: '20',
    communeCode: '06154',
    placeType: 'border_gate',
    address: 'Cửa khẩu Tân Thanh, xã Văn Lãng',
    where: 'cửa khẩu Tân Thanh',
    plate: '12',
  },
];

/** Provinces without demo staff: their reports wait for a unit nobody signs in to (the coordinator's escalation list). */
export const UNSTAFFED_SITES: Site[] = [
  {
    provinceCode: '01',
    communeCode: '00070',
    placeType: 'market',
    address: 'Phố Hàng Bồ, phường Hoàn Kiếm',
    where: 'phố Hàng Bồ',
    plate: '29',
  },
  {
    provinceCode: '79',
    communeCode: '27343',
    placeType: 'market',
    address: 'Chợ Bình Tây, phường Chợ Lớn',
    where: 'chợ Bình Tây',
    plate: '51',
  },
  {
    provinceCode: '79',
    communeCode: '26743',
    placeType: 'market',
    address: 'Khu vực chợ Bến Thành',
    where: 'khu vực chợ Bến Thành',
    plate: '51',
  },
  {
    provinceCode: '22',
    communeCode: '06712',
    placeType: 'border_area',
    address: 'Bờ sông Ka Long, phường Móng Cái 1',
    where: 'bờ sông Ka Long',
    plate: '14',
    terrain: 'river',
  },
  {
    provinceCode: '48',
    communeCode: '20242',
    placeType: 'market',
    address: 'Chợ Hàn, phường Hải Châu',
    where: 'chợ Hàn',
    plate: '43',
  },
];

/** Online sellers: the seller's commune when the reporter knows it (SPEC.md §4), else where the reporter lives. */
export const ONLINE_SITES: Site[] = [
  CB('01273', 'online', 'Trang bán hàng trên mạng xã hội, người bán ở phường Thục Phán', 'trang này'),
  CB('01288', 'online', 'Tài khoản bán hàng, kho hàng ở phường Tân Giang', 'tài khoản này'),
  DT('29869', 'online', 'Gian hàng trên sàn thương mại điện tử, kho ở phường Cao Lãnh', 'gian hàng này'),
  DT('29905', 'online', 'Trang bán hàng, giao từ phường Sa Đéc', 'trang này'),
  DT('28261', 'online', 'Kênh livestream bán hàng, người bán ở phường Mỹ Tho', 'kênh này'),
];

/** Invented shop addresses under a `demo` handle, so that none is a real seller's. */
export const SHOP_URLS = [
  'https://www.facebook.com/demo.myphamxachtay.caobang',
  'https://www.facebook.com/demo.hanghieugiare',
  'https://shopee.vn/demo.donghothoitrang',
  'https://shopee.vn/demo.thucphamchucnang.dt',
  'https://www.tiktok.com/@demo.livestream.hangsi',
  'https://www.tiktok.com/@demo.kemtrangda',
  'https://www.lazada.vn/shop/demo-sach-giao-khoa',
  'https://zalo.me/g/demo-cho-online-sadec',
];

export interface Slots {
  where: string;
  /** "khoảng 5 giờ sáng", from the time the reporter saw it. */
  when: string;
  /** A partly remembered licence plate of the province ("11C-2x.xxx"). */
  plate: string;
  pick: <T>(items: readonly T[]) => T;
  between: (min: number, max: number) => number;
}

export interface DescriptionTemplate {
  category: Category;
  placeTypes: PlaceType[];
  /** For border areas: the terrains the story fits (any when absent). */
  terrain?: Terrain[];
  write: (s: Slots) => string;
}

const goodsAcrossTheBorder = [
  'thuốc lá điếu nhập lậu',
  'đường kính trắng',
  'pháo hoa',
  'quần áo may sẵn không nhãn mác',
  'nội tạng động vật đông lạnh',
];

/** About forty ways a reporter tells what they saw, by category and where it can happen. */
export const DESCRIPTIONS: DescriptionTemplate[] = [
  {
    category: 'smuggling',
    placeTypes: ['border_area'],
    terrain: ['land'],
    write: (s) =>
      `Lúc ${s.when}, tôi thấy một nhóm khoảng ${s.between(5, 12)} người gùi hàng theo ${s.where} từ phía bên kia biên giới sang. Hàng đóng trong bao tải dứa, nghi là ${s.pick(goodsAcrossTheBorder)}. Bên này có mấy xe máy chờ sẵn, nhận hàng xong chạy về hướng trung tâm xã.`,
  },
  {
    category: 'smuggling',
    placeTypes: ['border_gate', 'port_airport'],
    write: (s) =>
      `Tại ${s.where}, xe tải biển số ${s.plate} khai báo chở ${s.pick(['hoa quả tươi', 'hạt dẻ', 'gỗ ván ép'])} nhưng khi bốc xếp tôi thấy có thêm nhiều thùng ${s.pick(['điện thoại cũ', 'linh kiện điện tử', 'mỹ phẩm', 'thuốc lá'])} giấu phía trong. Việc bốc xếp diễn ra lúc ${s.when}, ở góc bãi xe chờ thông quan.`,
  },
  {
    category: 'smuggling',
    placeTypes: ['transport_route'],
    write: (s) =>
      `Xe khách giường nằm chạy trên ${s.where} thường xuyên chở hàng lậu trong cốp xe: ${s.pick(goodsAcrossTheBorder)}, có khi cả chục bao. Hàng được bốc lên ven đường lúc ${s.when}, xuống ở các cửa hàng trong thành phố. Tôi đi xe này nhiều lần nên biết.`,
  },
  {
    category: 'smuggling',
    placeTypes: ['border_area'],
    terrain: ['river'],
    write: (s) =>
      `Ở ${s.where}, ban đêm có xuồng máy chở ${s.pick(['đường cát', 'thuốc lá', 'bia lon', 'xăng dầu'])} từ bên kia biên giới sang, cập bến nhà dân rồi chuyển lên xe ba gác. Tuần này tôi thấy ít nhất ${s.between(3, 7)} chuyến, thường vào lúc ${s.when}.`,
  },
  {
    category: 'smuggling',
    placeTypes: ['border_area'],
    terrain: ['sea'],
    write: (s) =>
      `Ở ${s.where} có tàu vỏ gỗ neo ngoài xa, bơm dầu sang các ghe nhỏ lúc ${s.when}. Người trong xóm nói dầu mua của tàu nước ngoài ngoài khơi, không có hóa đơn, sau đó bán lại cho các cây xăng nhỏ và tàu cá.`,
  },
  {
    category: 'illegal_transport',
    placeTypes: ['border_area'],
    terrain: ['land', 'river'],
    write: (s) =>
      `Có người thuê dân địa phương chuyển gia cầm (gà, vịt thải loại) qua biên giới tại ${s.where}, không kiểm dịch. Mỗi lần khoảng ${s.between(200, 600)} con nhốt trong lồng tre, chuyển lúc ${s.when}. Tôi lo dịch bệnh lây sang đàn gà của bà con.`,
  },
  {
    category: 'illegal_transport',
    placeTypes: ['transport_route'],
    write: (s) =>
      `Xe tải biển số ${s.plate} chở lợn không có giấy kiểm dịch, chạy từ hướng biên giới về theo ${s.where}. Xe dừng đổ hàng ở một lò mổ ven đường lúc ${s.when}, tuần nào cũng vài lần.`,
  },
  {
    category: 'illegal_transport',
    placeTypes: ['border_area'],
    terrain: ['land'],
    write: (s) =>
      `Một nhóm dùng xe máy độ lùa trâu bò từ bên kia biên giới vào qua ${s.where}, không qua cửa khẩu, không kiểm dịch. Họ thường đi lúc ${s.when}, có người đứng cảnh giới ở đầu dốc.`,
  },
  {
    category: 'counterfeit',
    placeTypes: ['market'],
    write: (s) =>
      `Cửa hàng mỹ phẩm ở ${s.where} bán kem dưỡng da, son môi mang nhãn hiệu các hãng Hàn Quốc, Pháp với giá chỉ bằng một phần ba giá chính hãng. Bao bì in mờ, tem chống giả bóc ra được, không có nhãn phụ tiếng Việt.`,
  },
  {
    category: 'counterfeit',
    placeTypes: ['market'],
    write: (s) =>
      `Đại lý vật tư nông nghiệp ở ${s.where} bán phân bón NPK nghi giả: bao bì giống sản phẩm quen thuộc nhưng màu in khác, hạt phân tan rất nhanh. Nhiều hộ bón xong lúa, ngô không lên, đã ${s.between(5, 15)} nhà báo nhau không mua nữa.`,
  },
  {
    category: 'counterfeit',
    placeTypes: ['production_site'],
    write: (s) =>
      `Tại ${s.where} có cơ sở đóng ${s.pick(['nước mắm', 'dầu ăn', 'bột ngọt', 'nước rửa chén'])} vào chai, gói mang nhãn hiệu quen thuộc. Tôi thấy xe chở vỏ chai, nhãn in sẵn vào lúc ${s.when}, bên trong có tiếng máy đóng nắp chạy cả đêm.`,
  },
  {
    category: 'counterfeit',
    placeTypes: ['market'],
    write: (s) =>
      `Nhà thuốc gần ${s.where} bán thuốc kháng sinh, thuốc giảm đau vỉ in chữ nước ngoài, không có số đăng ký, giá rẻ bất thường. Người bán nói là hàng xách tay, mua nhiều thì bớt thêm.`,
  },
  {
    category: 'counterfeit',
    placeTypes: ['online'],
    write: (s) =>
      `${s.pick(['Trang', 'Tài khoản'])} bán hàng này livestream bán đồng hồ, túi xách "hàng hiệu" giá vài trăm nghìn, nói là hàng chính hãng thanh lý. Tôi đã mua một chiếc, nhận về là hàng giả, không có hóa đơn, nhắn lại thì bị chặn.`,
  },
  {
    category: 'counterfeit',
    placeTypes: ['market'],
    write: (s) =>
      `Cửa hàng phụ tùng xe máy ở ${s.where} bán bugi, má phanh, dầu nhớt nghi giả nhãn hiệu của các hãng xe lớn, bao bì giống thật nhưng giá thấp hơn nhiều. Tôi thay dầu ở đó xong xe bị nóng máy, mang đi hãng thì họ nói dầu không phải hàng thật.`,
  },
  {
    category: 'ip_infringement',
    placeTypes: ['market'],
    write: (s) =>
      `Mấy sạp quần áo ở ${s.where} bán áo thun, giày thể thao in logo các thương hiệu thể thao nổi tiếng, giá ${s.between(80, 150)} nghìn đồng một món, bày bán số lượng lớn. Hàng về theo bao tải, không có hóa đơn chứng từ.`,
  },
  {
    category: 'ip_infringement',
    placeTypes: ['online'],
    write: (s) =>
      `${s.pick(['Trang', 'Gian hàng'])} này bán sách giáo khoa, sách tham khảo in lậu: giấy mỏng, chữ mờ, giá rẻ hơn một nửa. Họ nhận đặt số lượng cho cả lớp và giao khắp tỉnh.`,
  },
  {
    category: 'ip_infringement',
    placeTypes: ['market'],
    write: (s) =>
      `Cửa hàng máy tính ở ${s.where} cài phần mềm không bản quyền cho máy bán ra, còn bán đầu thu truyền hình đã bẻ khóa để xem các kênh trả phí, quảng cáo công khai trên biển hiệu.`,
  },
  {
    category: 'trade_fraud',
    placeTypes: ['market'],
    write: (s) =>
      `Sạp thịt ở ${s.where} dùng cân điện tử đã chỉnh: tôi mua 1 kg về cân lại chỉ được khoảng ${s.between(780, 880)} gam. Nhiều người mua ở đó cũng phản ánh như vậy, nhất là vào lúc ${s.when} khi chợ đông.`,
  },
  {
    category: 'trade_fraud',
    placeTypes: ['transport_route'],
    write: (s) =>
      `Cây xăng trên ${s.where} có đồng hồ bơm chạy nhanh bất thường: tôi đổ 200 nghìn mà bình xe chỉ được khoảng hai phần ba so với mọi lần. Hỏi lại thì nhân viên nói do giá tăng.`,
  },
  {
    category: 'trade_fraud',
    placeTypes: ['market'],
    write: (s) =>
      `Mấy đại lý ở ${s.where} thu mua ${s.pick(['hồng', 'xoài', 'quýt', 'hạt dẻ'])} nhập từ nơi khác rồi dán tem, đóng thùng ghi là đặc sản địa phương để bán giá cao. Tôi thấy họ thay thùng lúc ${s.when}.`,
  },
  {
    category: 'trade_fraud',
    placeTypes: ['border_gate', 'port_airport'],
    write: (s) =>
      `Tại ${s.where} có doanh nghiệp khai xuất xứ Việt Nam cho lô ${s.pick(['nông sản', 'vải may mặc', 'đồ gỗ'])} nhưng tôi thấy hàng được đưa đến bằng xe biển số nước ngoài, thay bao bì ngay tại bãi rồi mới làm tờ khai.`,
  },
  {
    category: 'trade_fraud',
    placeTypes: ['market'],
    write: (s) =>
      `Quán ăn và cửa hàng quanh ${s.where} niêm yết giá một đằng, thu tiền một nẻo vào dịp lễ, tính gấp đôi với khách du lịch và không xuất hóa đơn. Tôi có giữ lại tờ giấy ghi tiền.`,
  },
  {
    category: 'banned_goods',
    placeTypes: ['market'],
    write: (s) =>
      `Gần Tết, vài nhà gần ${s.where} bán pháo nổ, pháo hoa loại cấm, cất trong kho phía sau nhà, khách quen gọi điện là giao tận nơi. Trẻ con trong xóm mua được.`,
  },
  {
    category: 'banned_goods',
    placeTypes: ['online'],
    write: (s) =>
      `${s.pick(['Trang', 'Tài khoản'])} này rao bán thuốc lá điện tử, thuốc lá nung nóng và tinh dầu nhiều mùi, giao tận nơi kể cả cho học sinh. Họ nói có kho hàng trong tỉnh, giao trong hai giờ.`,
  },
  {
    category: 'banned_goods',
    placeTypes: ['market'],
    write: (s) =>
      `Cửa hàng thuốc bảo vệ thực vật ở ${s.where} bán thuốc diệt cỏ nhãn chữ nước ngoài, không có trong danh mục được phép sử dụng, bán cho cả người không đọc được hướng dẫn.`,
  },
  {
    category: 'banned_goods',
    placeTypes: ['transport_route'],
    write: (s) =>
      `Xe ô tô con biển số ${s.plate} chở nhiều bao tải nghi là pháo nổ, chạy trên ${s.where} lúc ${s.when}. Xe chạy rất nhanh, kính dán tối màu, phía sau có xe máy đi kèm.`,
  },
  {
    category: 'banned_goods',
    placeTypes: ['border_area'],
    terrain: ['land', 'river'],
    write: (s) =>
      `Ở ${s.where} có người thu mua động vật hoang dã (rùa, tê tê, chim rừng) rồi chuyển qua biên giới. Tôi thấy lồng sắt chất trên xe máy lúc ${s.when}, phủ bạt kín.`,
  },
  {
    category: 'poor_quality',
    placeTypes: ['market'],
    write: (s) =>
      `Ở ${s.where} có mấy sạp bán chân gà, nội tạng đông lạnh không nhãn mác, không rõ nguồn gốc, thùng xốp để ngoài trời, bốc mùi. Hàng về lúc ${s.when} bằng xe tải nhỏ biển số ${s.plate}.`,
  },
  {
    category: 'poor_quality',
    placeTypes: ['production_site'],
    write: (s) =>
      `Cơ sở làm bún, bánh phở ở ${s.where} làm trong điều kiện mất vệ sinh, nghi dùng hóa chất tẩy trắng: sợi bún dai bất thường, để hai ngày không hỏng. Nước thải chảy thẳng ra mương.`,
  },
  {
    category: 'poor_quality',
    placeTypes: ['market'],
    write: (s) =>
      `Cửa hàng tạp hóa gần trường học ở ${s.where} bán bánh kẹo, đồ ăn vặt không có nhãn phụ tiếng Việt, nhiều gói đã quá hạn sử dụng. Học sinh mua rất nhiều vào giờ tan học.`,
  },
  {
    category: 'poor_quality',
    placeTypes: ['production_site'],
    write: (s) =>
      `Một xưởng nhỏ ở ${s.where} pha rượu từ cồn công nghiệp rồi đóng can bán cho các quán, ghi là rượu ngô đặc sản. Mùi cồn rất nồng, xe chở can ra vào lúc ${s.when}.`,
  },
  {
    category: 'ecommerce',
    placeTypes: ['online'],
    write: (s) =>
      `Gian hàng này bán ${s.pick(['thực phẩm chức năng', 'mỹ phẩm', 'sữa bột'])} không có giấy phép, dùng hình ảnh người nổi tiếng để quảng cáo. Hàng gửi từ một kho trong tỉnh, không có hóa đơn, đổi trả không được.`,
  },
  {
    category: 'ecommerce',
    placeTypes: ['online'],
    write: (s) =>
      `Kênh này livestream bán hàng mỗi tối lúc ${s.when}, mỗi buổi vài trăm đơn, nhưng không đăng ký kinh doanh, không xuất hóa đơn, bán cả hàng không rõ nguồn gốc. Người xem hỏi giấy tờ thì bị xóa bình luận.`,
  },
  {
    category: 'ecommerce',
    placeTypes: ['online'],
    write: (s) =>
      `Nhóm "chợ online" này bán thịt trâu gác bếp, lạp xưởng tự làm không nhãn mác, không có giấy chứng nhận an toàn thực phẩm, nhận giao toàn quốc. Mỗi ngày đăng ${s.between(10, 30)} bài.`,
  },
  {
    category: 'false_advertising',
    placeTypes: ['online'],
    write: () =>
      'Trang này quảng cáo viên uống "chữa khỏi tiểu đường, huyết áp sau 30 ngày", "thay thế thuốc tây", kèm lời chứng của một người xưng là bác sĩ nhưng không rõ ở đâu. Bố tôi đã mua và bỏ thuốc bác sĩ kê.',
  },
  {
    category: 'false_advertising',
    placeTypes: ['market'],
    write: (s) =>
      `Một nhóm tổ chức "hội thảo sức khỏe" tặng quà cho người cao tuổi ở ${s.where}, giới thiệu máy lọc nước, nồi điện "chữa bệnh", bán giá gấp nhiều lần và ép ký hợp đồng trả góp. Buổi tiếp theo họ hẹn vào lúc ${s.when}.`,
  },
  {
    category: 'false_advertising',
    placeTypes: ['online'],
    write: () =>
      'Quảng cáo kem trộn "trắng da sau 7 ngày, cam kết hoàn tiền", không có phiếu công bố mỹ phẩm. Trong nhóm có nhiều người dùng bị kích ứng, nổi mẩn đỏ, người bán vẫn quảng cáo tiếp.',
  },
];

/** Officers' questions to the reporter, the reporters' answers, and the words of staff actions. */
export const QUESTIONS = [
  'Bạn có thể cho biết thêm thời gian cụ thể (ngày, giờ) hàng hóa thường được chuyển đến không?',
  'Bạn có nhớ biển số đầy đủ, màu sơn hoặc loại xe không?',
  'Bạn có ảnh chụp sản phẩm hoặc hóa đơn mua hàng không? Nếu có, xin gửi kèm qua trang theo dõi.',
  'Cửa hàng ở số nhà nào hoặc gần mốc nào dễ nhận biết?',
  'Hoạt động này còn diễn ra không, và thường vào những ngày nào trong tuần?',
  'Bạn có thể gửi đường dẫn cụ thể đến bài đăng hoặc buổi livestream không?',
];

export const ANSWERS = [
  'Thường vào sáng sớm thứ Ba và thứ Sáu, khoảng 4 đến 5 giờ.',
  'Xe tải thùng màu xanh, biển số tôi chỉ nhớ mấy số đầu như đã báo.',
  'Tôi không chụp được ảnh vì sợ bị phát hiện. Cửa hàng ở ngay cạnh cây xăng, biển hiệu màu đỏ.',
  'Vẫn còn, tuần này tôi thấy thêm hai chuyến nữa.',
  'Bài đăng được ghim ở đầu trang, họ livestream lúc 8 giờ tối hằng ngày.',
  'Gần cổng chợ phía đông, sạp thứ ba tính từ cổng vào.',
];

export const SUSPEND_REASONS = [
  'Chờ kết quả giám định mẫu hàng hóa của cơ quan chuyên môn.',
  'Chờ chủ sở hữu nhãn hiệu xác nhận hàng giả theo quy định.',
  'Người liên quan đang vắng mặt tại địa phương; tạm dừng chờ xác minh thêm.',
  'Chờ kết quả kiểm nghiệm mẫu thực phẩm.',
];

export const COORDINATION_REASONS = [
  'Đề nghị phối hợp kiểm tra phương tiện trên tuyến.',
  'Đề nghị phối hợp xác minh nguồn gốc hàng hóa qua biên giới.',
  'Đề nghị cử lực lượng hỗ trợ khi kiểm tra cơ sở.',
];

export const NOTES = [
  'Đã cử tổ công tác nắm tình hình tại địa bàn.',
  'Đã đối chiếu với các tin báo trước đây cùng địa điểm: có hai tin tương tự năm ngoái.',
  'Lập kế hoạch kiểm tra đột xuất trong tuần tới.',
  'Đã trao đổi với đồn biên phòng để nắm thông tin về lối mòn.',
  'Đã lấy mẫu gửi kiểm nghiệm, dự kiến có kết quả sau 10 ngày.',
];

export const EXTENSION_REASONS = [
  'Vụ việc phức tạp, cần trưng cầu giám định và xác minh ở nhiều địa bàn.',
  'Chờ kết quả phối hợp của đơn vị bạn; đề nghị gia hạn theo quy định.',
];

export const TRANSFER_REASONS: Record<Force, string> = {
  police: 'Có dấu hiệu tội phạm sản xuất, buôn bán hàng giả với quy mô lớn; đề nghị cơ quan công an chủ trì.',
  border: 'Vụ việc xảy ra trong khu vực biên giới, thuộc thẩm quyền của Bộ đội Biên phòng.',
  market: 'Hàng đã được tập kết và bày bán tại chợ trong xã, thuộc chức năng của Quản lý thị trường.',
  customs: 'Hàng hóa đang trong địa bàn hoạt động hải quan; đề nghị hải quan chủ trì.',
};

export const TRANSFER_REFUSAL =
  'Hàng được đưa qua lối mòn biên giới, không phải kinh doanh tại chợ; đề nghị Bộ đội Biên phòng tiếp tục chủ trì.';
export const REVEAL_REASON = 'Cần liên hệ người báo tin để xác định chính xác vị trí kho hàng.';
export const CALL_NOTES = [
  'Người gọi báo hoạt động vẫn tiếp diễn, tối qua có thêm một chuyến hàng.',
  'Người gọi hỏi tiến độ xử lý và cho biết địa điểm đã chuyển sang kho khác gần đó.',
];

/** SPEC.md §5: safe to show whoever holds the receipt, who may be the competitor of the person reported. */
export const PUBLIC_OUTCOMES: Record<Exclude<Outcome, 'duplicate'>, string[]> = {
  violation_handled: [
    'Đơn vị chức năng đã kiểm tra, lập biên bản và xử phạt vi phạm hành chính theo quy định. Cảm ơn bạn đã cung cấp thông tin.',
    'Qua kiểm tra đã phát hiện vi phạm; cơ sở vi phạm đã bị xử phạt hành chính. Cảm ơn bạn đã phản ánh.',
  ],
  goods_seized: [
    'Lực lượng chức năng đã kiểm tra và tạm giữ số hàng hóa không rõ nguồn gốc để xử lý theo quy định. Cảm ơn bạn.',
    'Hàng hóa vi phạm đã bị tịch thu và xử lý theo quy định. Cảm ơn bạn đã cung cấp thông tin kịp thời.',
  ],
  criminal_case: [
    'Vụ việc có dấu hiệu tội phạm; hồ sơ đã được chuyển cơ quan điều tra xử lý theo thẩm quyền. Cảm ơn bạn.',
  ],
  no_prosecution: [
    'Cơ quan có thẩm quyền đã xem xét và quyết định không khởi tố vụ án hình sự; vi phạm được xử lý theo quy định về xử phạt hành chính.',
  ],
  unfounded: [
    'Đơn vị đã kiểm tra, xác minh nhưng chưa phát hiện vi phạm như nội dung phản ánh. Nếu có thêm thông tin, bạn có thể gửi bổ sung bằng mã theo dõi.',
    'Kết quả xác minh không có cơ sở khẳng định vi phạm. Cảm ơn bạn đã quan tâm phản ánh.',
  ],
  out_of_scope: [
    'Nội dung phản ánh không thuộc phạm vi xử lý của lực lượng chống buôn lậu, gian lận thương mại; đã hướng dẫn chuyển đến cơ quan có thẩm quyền.',
  ],
};

/** Placeholders for the few reporters who leave a contact: the form's usual "Nguyễn Văn A", never a real name. */
export const CONTACT_NAMES = ['Nguyễn Văn A', 'Trần Thị B', 'Lê Văn C', 'Phạm Thị D', 'Hoàng Văn E'];
