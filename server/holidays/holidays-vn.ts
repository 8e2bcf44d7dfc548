/**
 * Vietnam's public holidays (Labour Code 2019, art. 112) for 2025–2027, as the first content of the
 * holiday calendar that coordinators maintain (SPEC.md §5: data, not code). `workday` marks a
 * Saturday worked in exchange for a bridge day off.
 *
 * 2025 and 2026 follow the government's announcements; 2027 is worked out from the Labour Code and
 * the lunar calendar (Tết on 6 February 2027) and is provisional until the announcement, when a
 * coordinator corrects it.
 */
export interface HolidaySeed {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
}

const span = (from: string, to: string, name: string): HolidaySeed[] => {
  const days: HolidaySeed[] = [];
  for (
    let d = new Date(`${from}T00:00:00Z`);
    d <= new Date(`${to}T00:00:00Z`);
    d = new Date(d.getTime() + 86_400_000)
  ) {
    days.push({ date: d.toISOString().slice(0, 10), kind: 'holiday', name });
  }
  return days;
};

export const VIETNAM_HOLIDAYS: HolidaySeed[] = [
  { date: '2025-01-01', kind: 'holiday', name: 'Tết Dương lịch' },
  ...span('2025-01-25', '2025-02-02', 'Tết Nguyên đán Ất Tỵ'),
  { date: '2025-04-07', kind: 'holiday', name: 'Giỗ Tổ Hùng Vương' },
  { date: '2025-04-26', kind: 'workday', name: 'Làm bù cho ngày 02/5' },
  { date: '2025-04-30', kind: 'holiday', name: 'Ngày Giải phóng miền Nam' },
  { date: '2025-05-01', kind: 'holiday', name: 'Ngày Quốc tế Lao động' },
  { date: '2025-05-02', kind: 'holiday', name: 'Nghỉ hoán đổi (làm bù 26/4)' },
  { date: '2025-09-01', kind: 'holiday', name: 'Quốc khánh' },
  { date: '2025-09-02', kind: 'holiday', name: 'Quốc khánh' },
  { date: '2026-01-01', kind: 'holiday', name: 'Tết Dương lịch' },
  ...span('2026-02-14', '2026-02-22', 'Tết Nguyên đán Bính Ngọ'),
  { date: '2026-04-27', kind: 'holiday', name: 'Nghỉ bù Giỗ Tổ Hùng Vương (26/4 là Chủ nhật)' },
  { date: '2026-04-30', kind: 'holiday', name: 'Ngày Giải phóng miền Nam' },
  { date: '2026-05-01', kind: 'holiday', name: 'Ngày Quốc tế Lao động' },
  { date: '2026-09-01', kind: 'holiday', name: 'Quốc khánh' },
  { date: '2026-09-02', kind: 'holiday', name: 'Quốc khánh' },
  { date: '2027-01-01', kind: 'holiday', name: 'Tết Dương lịch' },
  ...span('2027-02-05', '2027-02-10', 'Tết Nguyên đán Đinh Mùi (dự kiến)'),
  { date: '2027-04-16', kind: 'holiday', name: 'Giỗ Tổ Hùng Vương' },
  { date: '2027-04-30', kind: 'holiday', name: 'Ngày Giải phóng miền Nam' },
  { date: '2027-05-03', kind: 'holiday', name: 'Nghỉ bù Ngày Quốc tế Lao động (1/5 là thứ Bảy)' },
  { date: '2027-09-02', kind: 'holiday', name: 'Quốc khánh' },
  { date: '2027-09-03', kind: 'holiday', name: 'Quốc khánh' },
];
