import { foldForSearch, inSentence } from '../../../shared/domain/text';
import { formatPhone } from '../../../shared/i18n/format';
import { normalisePhone } from '../../../shared/phone';
import { sellerKey, urlKey } from '../../../shared/url-key';

describe('foldForSearch', () => {
  it.each([
    ['Xã Trùng Khánh', 'xa trung khanh'],
    ['Phường Đống Đa', 'phuong dong da'],
    ['  Đặc khu   Côn Đảo ', 'dac khu con dao'],
    ['Xã Tân Phước 1', 'xa tan phuoc 1'],
  ])('%s → %s', (input, folded) => {
    expect(foldForSearch(input)).toBe(folded);
  });
});

describe('inSentence', () => {
  it.each([
    ['Xã Trà Lĩnh', 'xã Trà Lĩnh'],
    ['Tỉnh Cao Bằng', 'tỉnh Cao Bằng'],
    ['Đặc khu Côn Đảo', 'đặc khu Côn Đảo'],
  ])('%s → %s', (name, inside) => {
    expect(inSentence(name)).toBe(inside);
  });
});

describe('Vietnamese phone numbers (SPEC.md §8)', () => {
  it.each([
    ['0981.389.389', '0981389389'],
    ['0981 389 389', '0981389389'],
    ['+84981389389', '0981389389'],
    ['(+84) 981-389-389', '0981389389'],
    ['0084 961 389 389', '0961389389'],
    ['0203 3852 111', '02033852111'],
  ])('%s is normalised to %s', (input, normalised) => {
    expect(normalisePhone(input)).toBe(normalised);
  });

  it.each(['12345', '0981.389.38', '+1 202 555 0100', 'không có', '09813893890'])('%s is refused', (input) => {
    expect(normalisePhone(input)).toBeUndefined();
  });

  it('writes a mobile number the way the hotline is printed', () => {
    expect(formatPhone('0981389389')).toBe('0981.389.389');
  });
});

describe('sellerKey (issue #14: the same seller written another way)', () => {
  it.each([
    ['Zalo 0912.345.678', 'zalo0912345678'],
    ['zalo +84 912 345 678', 'zalo0912345678'],
    ['Shop Mỹ Phẩm Đẹp', 'shopmyphamdep'],
    ['@kem.trang-da_99', 'kemtrangda99'],
  ])('%s → %s', (handle, key) => {
    expect(sellerKey(handle)).toBe(key);
  });

  it('has no key for a handle of punctuation only', () => {
    expect(sellerKey(' -- . ')).toBeUndefined();
  });
});

describe('urlKey', () => {
  it('keeps a shop whose path has a stray % (no escape), and gives no key for a path that decodes to NUL', () => {
    expect(urlKey('https://www.Shop.vn/50%-off/x/')).toBe('shop.vn/50%-off/x');
    expect(urlKey('https://shop.vn/a%20b')).toBe('shop.vn/a b');
    expect(urlKey('https://shop.vn/a%00b')).toBeUndefined();
  });
});
