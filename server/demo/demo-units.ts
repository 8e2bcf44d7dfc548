import type { Force } from '../../shared/domain/forces';
import type { PlaceType } from '../../shared/domain/place-types';

/**
 * Demo data, not an official register. The 20 regional customs branches follow the 2025
 * reorganisation of Vietnam Customs into "Chi cục Hải quan khu vực I–XX"; which provinces each
 * covers is our approximation mapped onto the 34 provinces and must be checked against the
 * Ministry of Finance decision before real use (docs/demo-data.md).
 */
export const CUSTOMS_REGIONS: { numeral: string; provinces: string[] }[] = [
  { numeral: 'I', provinces: ['01', '25'] },
  { numeral: 'II', provinces: ['79'] },
  { numeral: 'III', provinces: ['31'] },
  { numeral: 'IV', provinces: ['33', '37'] },
  { numeral: 'V', provinces: ['24', '19'] },
  { numeral: 'VI', provinces: ['04', '20'] },
  { numeral: 'VII', provinces: ['15', '08'] },
  { numeral: 'VIII', provinces: ['22'] },
  { numeral: 'IX', provinces: ['38'] },
  { numeral: 'X', provinces: ['40', '42'] },
  { numeral: 'XI', provinces: ['44', '46'] },
  { numeral: 'XII', provinces: ['48', '51'] },
  { numeral: 'XIII', provinces: ['56', '68'] },
  { numeral: 'XIV', provinces: ['52', '66'] },
  { numeral: 'XV', provinces: ['75'] },
  { numeral: 'XVI', provinces: ['80'] },
  // Issue #18: the Đồng Tháp plan (Nghị quyết 397/NQ-CP) names "Chi cục Hải quan khu vực XX" for Đồng Tháp.
  { numeral: 'XVII', provinces: ['11', '12', '14'] },
  { numeral: 'XVIII', provinces: ['92', '96'] },
  { numeral: 'XIX', provinces: ['91'] },
  { numeral: 'XX', provinces: ['82', '86'] },
];

interface LocalUnitSpec {
  code: string;
  force: Force;
  name: string;
  communes: string[];
  /** Absent: every place type; a customs office at a gate covers only `border_gate`. */
  placeTypes?: PlaceType[];
}

/** Tỉnh Cao Bằng (04), on the border with China: commune-level units with realistic names (SPEC.md §2). */
const CAO_BANG: LocalUnitSpec[] = [
  { code: 'police-04-trung-khanh', force: 'police', name: 'Công an xã Trùng Khánh', communes: ['01477'] },
  { code: 'police-04-tra-linh', force: 'police', name: 'Công an xã Trà Lĩnh', communes: ['01447'] },
  { code: 'police-04-phuc-hoa', force: 'police', name: 'Công an xã Phục Hòa', communes: ['01648'] },
  { code: 'police-04-ha-quang', force: 'police', name: 'Công an xã Hà Quảng', communes: ['01438'] },
  { code: 'police-04-thuc-phan', force: 'police', name: 'Công an phường Thục Phán', communes: ['01273'] },
  {
    code: 'market-04-doi-1',
    force: 'market',
    name: 'Đội Quản lý thị trường số 1',
    communes: ['01273', '01279', '01288', '01654'],
  },
  {
    code: 'market-04-doi-2',
    force: 'market',
    name: 'Đội Quản lý thị trường số 2',
    communes: ['01477', '01447', '01501', '01489', '01456', '01465', '01438', '01393'],
  },
  {
    code: 'market-04-doi-3',
    force: 'market',
    name: 'Đội Quản lý thị trường số 3',
    communes: ['01648', '01576', '01558', '01561', '01594', '01618'],
  },
  // Issue #18: the Trùng Khánh commune plan names Đồn Biên phòng Ngọc Chung as its partner: it covers xã Trùng Khánh.
  {
    code: 'border-04-ngoc-chung',
    force: 'border',
    name: 'Đồn Biên phòng Ngọc Chung',
    communes: ['01477', '01501', '01489'],
  },
  { code: 'border-04-tra-linh', force: 'border', name: 'Đồn Biên phòng Trà Lĩnh', communes: ['01447', '01456'] },
  { code: 'border-04-ta-lung', force: 'border', name: 'Đồn Biên phòng Tà Lùng', communes: ['01648'] },
  { code: 'border-04-soc-giang', force: 'border', name: 'Đồn Biên phòng Sóc Giang', communes: ['01438', '01393'] },
  { code: 'border-04-ly-van', force: 'border', name: 'Đồn Biên phòng Lý Vạn', communes: ['01558', '01561'] },
  {
    code: 'customs-04-tra-linh',
    force: 'customs',
    name: 'Hải quan cửa khẩu Trà Lĩnh',
    communes: ['01447'],
    placeTypes: ['border_gate'],
  },
  {
    code: 'customs-04-ta-lung',
    force: 'customs',
    name: 'Hải quan cửa khẩu Tà Lùng',
    communes: ['01648'],
    placeTypes: ['border_gate'],
  },
  {
    code: 'customs-04-soc-giang',
    force: 'customs',
    name: 'Hải quan cửa khẩu Sóc Giang',
    communes: ['01438'],
    placeTypes: ['border_gate'],
  },
  {
    code: 'customs-04-ly-van',
    force: 'customs',
    name: 'Hải quan cửa khẩu Lý Vạn',
    communes: ['01558'],
    placeTypes: ['border_gate'],
  },
];

/** Tỉnh Đồng Tháp (82), on the border with Cambodia and with a short coast at Gò Công. */
const DONG_THAP: LocalUnitSpec[] = [
  { code: 'police-82-tan-ho-co', force: 'police', name: 'Công an xã Tân Hộ Cơ', communes: ['29929'] },
  { code: 'police-82-thuong-phuoc', force: 'police', name: 'Công an xã Thường Phước', communes: ['29971'] },
  { code: 'police-82-cao-lanh', force: 'police', name: 'Công an phường Cao Lãnh', communes: ['29869'] },
  { code: 'police-82-sa-dec', force: 'police', name: 'Công an phường Sa Đéc', communes: ['29905'] },
  { code: 'police-82-my-tho', force: 'police', name: 'Công an phường Mỹ Tho', communes: ['28261'] },
  {
    code: 'market-82-doi-1',
    force: 'market',
    name: 'Đội Quản lý thị trường số 1',
    communes: ['29869', '29884', '29888', '29905'],
  },
  {
    code: 'market-82-doi-2',
    force: 'market',
    name: 'Đội Quản lý thị trường số 2',
    communes: ['29955', '29954', '29978', '29971', '29929', '29926', '29938', '29944'],
  },
  {
    code: 'market-82-doi-3',
    force: 'market',
    name: 'Đội Quản lý thị trường số 3',
    communes: ['28261', '28249', '28270', '28285', '28273'],
  },
  {
    code: 'border-82-dinh-ba',
    force: 'border',
    name: 'Đồn Biên phòng Cửa khẩu quốc tế Dinh Bà',
    communes: ['29929', '29926'],
  },
  {
    code: 'border-82-thuong-phuoc',
    force: 'border',
    name: 'Đồn Biên phòng Cửa khẩu quốc tế Thường Phước',
    communes: ['29971', '29983'],
  },
  { code: 'border-82-thong-binh', force: 'border', name: 'Đồn Biên phòng Thông Bình', communes: ['29938', '29944'] },
  { code: 'border-82-go-cong', force: 'border', name: 'Đồn Biên phòng Gò Công', communes: ['28747', '28738', '28696'] },
  {
    code: 'customs-82-dinh-ba',
    force: 'customs',
    name: 'Hải quan cửa khẩu quốc tế Dinh Bà',
    communes: ['29929'],
    placeTypes: ['border_gate'],
  },
  {
    code: 'customs-82-thuong-phuoc',
    force: 'customs',
    name: 'Hải quan cửa khẩu quốc tế Thường Phước',
    communes: ['29971'],
    placeTypes: ['border_gate'],
  },
  {
    code: 'customs-82-cang-dong-thap',
    force: 'customs',
    name: 'Hải quan cảng Đồng Tháp',
    communes: ['29869', '29905'],
    placeTypes: ['port_airport'],
  },
];

export const DETAILED_PROVINCES: Record<string, LocalUnitSpec[]> = { '04': CAO_BANG, '82': DONG_THAP };

/**
 * Issue #18 (crime track): the investigating body of each detailed demo province, a police unit under the
 * province police with `investigates`, that reports with signs of a crime are handed to. It covers no
 * jurisdiction: routing never picks it as a lead.
 */
export const INVESTIGATING_BODIES: { code: string; provinceCode: string; name: string }[] = [
  { code: 'police-04-csdt', provinceCode: '04', name: 'Cơ quan Cảnh sát điều tra Công an tỉnh Cao Bằng' },
  { code: 'police-82-csdt', provinceCode: '82', name: 'Cơ quan Cảnh sát điều tra Công an tỉnh Đồng Tháp' },
];

interface DemoStaffSpec {
  username: string;
  displayName: string;
  role: 'admin' | 'coordinator' | 'operator' | 'officer' | 'unit_lead' | 'commune_committee';
  /** Code of the unit an officer or unit lead belongs to. */
  unitCode?: string;
  scopeProvinceCode?: string;
  /** Issue #18: a commune Steering Committee 389's commune, and its name for the printed logins. */
  scopeCommune?: { code: string; name: string };
}

/** The demo accounts of issue #2, listed in the README. */
export const DEMO_STAFF: DemoStaffSpec[] = [
  { username: 'admin', displayName: 'Quản trị hệ thống', role: 'admin' },
  { username: 'coordinator', displayName: 'Cơ quan Thường trực BCĐ 389 quốc gia', role: 'coordinator' },
  {
    username: 'coordinator.cao-bang',
    displayName: 'Cơ quan Thường trực BCĐ 389 tỉnh Cao Bằng',
    role: 'coordinator',
    scopeProvinceCode: '04',
  },
  { username: 'operator', displayName: 'Điện thoại viên đường dây nóng 389', role: 'operator' },
  {
    username: 'police.cao-bang',
    displayName: 'Cán bộ Phòng Cảnh sát kinh tế Cao Bằng',
    role: 'officer',
    unitCode: 'police-04',
  },
  { username: 'market.cao-bang', displayName: 'Cán bộ Chi cục QLTT Cao Bằng', role: 'officer', unitCode: 'market-04' },
  {
    username: 'lead.market.cao-bang',
    displayName: 'Lãnh đạo Chi cục QLTT Cao Bằng',
    role: 'unit_lead',
    unitCode: 'market-04',
  },
  {
    username: 'border.cao-bang',
    displayName: 'Cán bộ BCH Bộ đội Biên phòng Cao Bằng',
    role: 'officer',
    unitCode: 'border-04',
  },
  {
    username: 'customs.cao-bang',
    displayName: 'Cán bộ Chi cục Hải quan khu vực VI',
    role: 'officer',
    unitCode: 'customs-region-vi',
  },
  {
    username: 'police.dong-thap',
    displayName: 'Cán bộ Phòng Cảnh sát kinh tế Đồng Tháp',
    role: 'officer',
    unitCode: 'police-82',
  },
  {
    username: 'market.dong-thap',
    displayName: 'Cán bộ Chi cục QLTT Đồng Tháp',
    role: 'officer',
    unitCode: 'market-82',
  },
  {
    username: 'border.dong-thap',
    displayName: 'Cán bộ BCH Bộ đội Biên phòng Đồng Tháp',
    role: 'officer',
    unitCode: 'border-82',
  },
  {
    username: 'customs.dong-thap',
    displayName: 'Cán bộ Chi cục Hải quan khu vực XX',
    role: 'officer',
    unitCode: 'customs-region-xx',
  },
  // Issue #18: a commune's Steering Committee 389, read-only (its reports without contacts, its figures).
  {
    username: 'committee.trung-khanh',
    displayName: 'Ban Chỉ đạo 389 xã Trùng Khánh',
    role: 'commune_committee',
    scopeCommune: { code: '01477', name: 'Xã Trùng Khánh, Tỉnh Cao Bằng' },
  },
  // Issue #18 (crime track): an officer of each investigating body.
  {
    username: 'investigator.cao-bang',
    displayName: 'Điều tra viên Cơ quan CSĐT Công an tỉnh Cao Bằng',
    role: 'officer',
    unitCode: 'police-04-csdt',
  },
  {
    username: 'investigator.dong-thap',
    displayName: 'Điều tra viên Cơ quan CSĐT Công an tỉnh Đồng Tháp',
    role: 'officer',
    unitCode: 'police-82-csdt',
  },
];
