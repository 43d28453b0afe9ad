// The banks a shop can be paid into by VietQR: NAPAS member BINs (Bank Identification Numbers, 6 digits) with the
// short name people know and the legal name. Source: the NAPAS VietQR member list as published with the
// vietnam-qr-pay package (v1.5.1), banks that were renamed kept once under their current name (LPBank, MBV, Vikki
// Bank). A shop whose bank is missing here cannot show a QR code until it is added: the BIN is what the customer's
// banking app routes the transfer by, so it is never typed freely.

export interface NapasBank {
  bin: string
  shortName: string
  name: string
}

export const NAPAS_BANKS: readonly NapasBank[] = [
  { bin: '970425', shortName: 'AB Bank', name: 'Ngân hàng TMCP An Bình' },
  { bin: '970416', shortName: 'ACB', name: 'Ngân hàng TMCP Á Châu' },
  { bin: '970405', shortName: 'Agribank', name: 'Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam' },
  { bin: '970409', shortName: 'BacA Bank', name: 'Ngân hàng TMCP Bắc Á' },
  { bin: '970438', shortName: 'BaoViet Bank', name: 'Ngân hàng TMCP Bảo Việt' },
  { bin: '970418', shortName: 'BIDV', name: 'Ngân hàng TMCP Đầu tư và Phát triển Việt Nam' },
  { bin: '970454', shortName: 'BVBank', name: 'Ngân hàng TMCP Bản Việt' },
  { bin: '546034', shortName: 'CAKE by VPBank', name: 'Ngân hàng số CAKE by VPBank - Ngân hàng TMCP Việt Nam Thịnh Vượng' },
  { bin: '970444', shortName: 'CB Bank', name: 'Ngân hàng Thương mại TNHH MTV Xây dựng Việt Nam' },
  { bin: '422589', shortName: 'CIMB Bank', name: 'Ngân hàng TNHH MTV CIMB Việt Nam' },
  { bin: '970446', shortName: 'Co-op Bank', name: 'Ngân hàng Hợp tác xã Việt Nam' },
  { bin: '796500', shortName: 'DBS Bank', name: 'NH TNHH MTV Phát triển Singapore - Chi nhánh TP. Hồ Chí Minh' },
  { bin: '970431', shortName: 'Eximbank', name: 'Ngân hàng TMCP Xuất Nhập khẩu Việt Nam' },
  { bin: '970408', shortName: 'GPBank', name: 'Ngân hàng Thương mại TNHH MTV Dầu Khí Toàn Cầu' },
  { bin: '970437', shortName: 'HDBank', name: 'Ngân hàng TMCP Phát triển TP. Hồ Chí Minh' },
  { bin: '970442', shortName: 'HongLeong Bank', name: 'Ngân hàng TNHH MTV Hong Leong Việt Nam' },
  { bin: '458761', shortName: 'HSBC Vietnam', name: 'Ngân hàng TNHH MTV HSBC (Việt Nam)' },
  { bin: '970456', shortName: 'IBK HCM', name: 'Ngân hàng Công nghiệp Hàn Quốc - Chi nhánh TP. Hồ Chí Minh' },
  { bin: '970455', shortName: 'IBK HN', name: 'Ngân hàng Công nghiệp Hàn Quốc - Chi nhánh Hà Nội' },
  { bin: '970434', shortName: 'Indovina Bank', name: 'Ngân hàng TNHH Indovina' },
  { bin: '668888', shortName: 'Kasikornbank', name: 'Ngân hàng Đại chúng TNHH KASIKORNBANK - CN TP. Hồ Chí Minh' },
  { bin: '970452', shortName: 'KienlongBank', name: 'Ngân hàng TMCP Kiên Long' },
  { bin: '970463', shortName: 'Kookmin Bank HCM', name: 'Ngân hàng Kookmin - Chi nhánh TP. Hồ Chí Minh' },
  { bin: '970462', shortName: 'Kookmin Bank HN', name: 'Ngân hàng Kookmin - Chi nhánh Hà Nội' },
  { bin: '963369', shortName: 'Liobank', name: 'Ngân hàng số Liobank - Ngân hàng TMCP Phương Đông' },
  { bin: '970449', shortName: 'LPBank', name: 'Ngân hàng TMCP Lộc Phát Việt Nam' },
  { bin: '970422', shortName: 'MB Bank', name: 'Ngân hàng TMCP Quân đội' },
  { bin: '970414', shortName: 'MBV', name: 'Ngân hàng TNHH MTV Việt Nam Hiện Đại' },
  { bin: '971025', shortName: 'MoMo', name: 'CTCP Dịch Vụ Di Động Trực Tuyến' },
  { bin: '970426', shortName: 'MSB', name: 'Ngân hàng TMCP Hàng Hải' },
  { bin: '970428', shortName: 'Nam A Bank', name: 'Ngân hàng TMCP Nam Á' },
  { bin: '970419', shortName: 'NCB Bank', name: 'Ngân hàng TMCP Quốc Dân' },
  { bin: '801011', shortName: 'Nonghyup Bank', name: 'Ngân hàng Nonghyup - Chi nhánh Hà Nội' },
  { bin: '970448', shortName: 'OCB Bank', name: 'Ngân hàng TMCP Phương Đông' },
  { bin: '970430', shortName: 'PG Bank', name: 'Ngân hàng TMCP Xăng dầu Petrolimex' },
  { bin: '970439', shortName: 'Public Bank Vietnam', name: 'Ngân hàng TNHH MTV Public Việt Nam' },
  { bin: '970412', shortName: 'PVcomBank', name: 'Ngân hàng TMCP Đại Chúng Việt Nam' },
  { bin: '970403', shortName: 'Sacombank', name: 'Ngân hàng TMCP Sài Gòn Thương Tín' },
  { bin: '970400', shortName: 'SaigonBank', name: 'Ngân hàng TMCP Sài Gòn Công Thương' },
  { bin: '970429', shortName: 'SCB', name: 'Ngân hàng TMCP Sài Gòn' },
  { bin: '970440', shortName: 'SeABank', name: 'Ngân hàng TMCP Đông Nam Á' },
  { bin: '970443', shortName: 'SHB', name: 'Ngân hàng TMCP Sài Gòn - Hà Nội' },
  { bin: '970424', shortName: 'Shinhan Bank', name: 'Ngân hàng TNHH MTV Shinhan Việt Nam' },
  { bin: '970410', shortName: 'Standard Chartered Vietnam', name: 'Ngân hàng TNHH MTV Standard Chartered Bank Việt Nam' },
  { bin: '970407', shortName: 'Techcombank', name: 'Ngân hàng TMCP Kỹ thương Việt Nam' },
  { bin: '963388', shortName: 'Timo', name: 'Ngân hàng số Timo by Bản Việt Bank' },
  { bin: '970423', shortName: 'TPBank', name: 'Ngân hàng TMCP Tiên Phong' },
  { bin: '546035', shortName: 'Ubank by VPBank', name: 'Ngân hàng số Ubank by VPBank - Ngân hàng TMCP Việt Nam Thịnh Vượng' },
  { bin: '970458', shortName: 'United Overseas Bank Vietnam', name: 'Ngân hàng United Overseas Bank Việt Nam' },
  { bin: '970441', shortName: 'VIB', name: 'Ngân hàng TMCP Quốc tế Việt Nam' },
  { bin: '970427', shortName: 'VietABank', name: 'Ngân hàng TMCP Việt Á' },
  { bin: '970433', shortName: 'VietBank', name: 'Ngân hàng TMCP Việt Nam Thương Tín' },
  { bin: '970436', shortName: 'Vietcombank', name: 'Ngân hàng TMCP Ngoại Thương Việt Nam' },
  { bin: '970415', shortName: 'VietinBank', name: 'Ngân hàng TMCP Công thương Việt Nam' },
  { bin: '970421', shortName: 'VietNgaBank', name: 'Ngân hàng Liên doanh Việt - Nga' },
  { bin: '970406', shortName: 'Vikki Bank', name: 'Ngân hàng TNHH MTV Số Vikki' },
  { bin: '970432', shortName: 'VPBank', name: 'Ngân hàng TMCP Việt Nam Thịnh Vượng' },
  { bin: '970457', shortName: 'Woori Bank', name: 'Ngân hàng TNHH MTV Woori Việt Nam' },
]

const BY_BIN = new Map(NAPAS_BANKS.map((bank) => [bank.bin, bank]))

/** The bank with this BIN, or undefined when it is not a known NAPAS member. */
export function napasBank(bin: string): NapasBank | undefined {
  return BY_BIN.get(bin)
}
