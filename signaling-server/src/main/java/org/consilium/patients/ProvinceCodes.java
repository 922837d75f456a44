package org.consilium.patients;

import java.util.Map;
import java.util.TreeMap;

/**
 * The province codes that open a citizen identity number (digits 1-3), from the annex of Circular
 * 07/2016/TT-BCA (the provinces' administrative codes, zero-padded). Numbers keep their code for life, so the
 * 63 codes stay valid after the 2025 merger of provinces; a code outside this list is a typing error.
 */
final class ProvinceCodes {

  private static final Map<String, String> NAMES = new TreeMap<>();

  static {
    add("001", "Hà Nội"); add("002", "Hà Giang"); add("004", "Cao Bằng"); add("006", "Bắc Kạn");
    add("008", "Tuyên Quang"); add("010", "Lào Cai"); add("011", "Điện Biên"); add("012", "Lai Châu");
    add("014", "Sơn La"); add("015", "Yên Bái"); add("017", "Hòa Bình"); add("019", "Thái Nguyên");
    add("020", "Lạng Sơn"); add("022", "Quảng Ninh"); add("024", "Bắc Giang"); add("025", "Phú Thọ");
    add("026", "Vĩnh Phúc"); add("027", "Bắc Ninh"); add("030", "Hải Dương"); add("031", "Hải Phòng");
    add("033", "Hưng Yên"); add("034", "Thái Bình"); add("035", "Hà Nam"); add("036", "Nam Định");
    add("037", "Ninh Bình"); add("038", "Thanh Hóa"); add("040", "Nghệ An"); add("042", "Hà Tĩnh");
    add("044", "Quảng Bình"); add("045", "Quảng Trị"); add("046", "Thừa Thiên Huế"); add("048", "Đà Nẵng");
    add("049", "Quảng Nam"); add("051", "Quảng Ngãi"); add("052", "Bình Định"); add("054", "Phú Yên");
    add("056", "Khánh Hòa"); add("058", "Ninh Thuận"); add("060", "Bình Thuận"); add("062", "Kon Tum");
    add("064", "Gia Lai"); add("066", "Đắk Lắk"); add("067", "Đắk Nông"); add("068", "Lâm Đồng");
    add("070", "Bình Phước"); add("072", "Tây Ninh"); add("074", "Bình Dương"); add("075", "Đồng Nai");
    add("077", "Bà Rịa - Vũng Tàu"); add("079", "Hồ Chí Minh"); add("080", "Long An"); add("082", "Tiền Giang");
    add("083", "Bến Tre"); add("084", "Trà Vinh"); add("086", "Vĩnh Long"); add("087", "Đồng Tháp");
    add("089", "An Giang"); add("091", "Kiên Giang"); add("092", "Cần Thơ"); add("093", "Hậu Giang");
    add("094", "Sóc Trăng"); add("095", "Bạc Liêu"); add("096", "Cà Mau");
  }

  private ProvinceCodes() {
  }

  private static void add(String code, String name) {
    NAMES.put(code, name);
  }

  static boolean isProvince(String code) {
    return NAMES.containsKey(code);
  }
}
