#include "common/date.h"

#include <cstdio>
#include <stdexcept>
#include <vector>

#include "common/invalid.h"
#include "common/text.h"

namespace anzen::date {

std::string Ymd::iso() const {
  char b[16];
  std::snprintf(b, sizeof b, "%04d-%02d-%02d", y, m, d);
  return b;
}

int days_in_month(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

namespace {

const char* const kMonthNames[] = {"January",   "February", "March",    "April",
                                   "May",       "June",     "July",     "August",
                                   "September", "October",  "November", "December"};

// Why y-m-d is not a date, or empty when it is one.
std::string invalid_reason(int y, int m, int d) {
  if (y < 1 || y > 9999) return "year " + std::to_string(y) + " is out of range";
  if (m < 1 || m > 12) return "there is no month " + std::to_string(m);
  int dim = days_in_month(y, m);
  if (d < 1 || d > dim)
    return std::string(kMonthNames[m - 1]) + " " + std::to_string(y) + " has " +
           std::to_string(dim) + " days";
  return {};
}

Parsed checked(int y, int m, int d) {
  std::string why = invalid_reason(y, m, d);
  if (!why.empty()) {
    std::string ja = y < 1 || y > 9999 ? std::to_string(y) + "年は範囲外です"
                     : m < 1 || m > 12 ? std::to_string(m) + "月はありません"
                                       : std::to_string(y) + "年" + std::to_string(m) + "月は" +
                                             std::to_string(days_in_month(y, m)) + "日までです";
    return {std::nullopt, why, ja};
  }
  return {Ymd{y, m, d}, {}};
}

// The Japanese eras a date may be written in: first day, and the letters and names used.
struct Era {
  const char* name;
  const char* letter;
  Ymd first;
  Ymd last;
};
const Era kEras[] = {{"令和", "R", {2019, 5, 1}, {9999, 12, 31}},
                     {"平成", "H", {1989, 1, 8}, {2019, 4, 30}},
                     {"昭和", "S", {1926, 12, 25}, {1989, 1, 7}}};

// Splits text into runs of ASCII digits and the separators between them; full-width digits
// and letters are folded first (text::fold also removes spaces and lower-cases ASCII).
struct Tokens {
  std::string prefix;             // text before the first digit
  std::vector<std::string> nums;  // digit runs
  std::vector<std::string> seps;  // separator after each digit run (the last may be empty)
};

Tokens tokenize(const std::string& s) {
  Tokens t;
  size_t i = 0;
  while (i < s.size() && !(s[i] >= '0' && s[i] <= '9')) t.prefix += s[i++];
  while (i < s.size()) {
    std::string n;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') n += s[i++];
    std::string sep;
    while (i < s.size() && !(s[i] >= '0' && s[i] <= '9')) sep += s[i++];
    t.nums.push_back(n);
    t.seps.push_back(sep);
  }
  return t;
}

int to_int(const std::string& digits) {
  if (digits.empty() || digits.size() > 4) return -1;
  return std::stoi(digits);
}

}  // namespace

std::optional<Ymd> parse_iso(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  }
  auto num = [&](size_t at, size_t n) { return std::stoi(std::string(s.substr(at, n))); };
  return checked(num(0, 4), num(5, 2), num(8, 2)).value;
}

std::string japanese(const Ymd& d) {
  return std::to_string(d.y) + "年" + std::to_string(d.m) + "月" + std::to_string(d.d) + "日";
}

const char* expected_forms() {
  return "a date such as 2026-03-31, 2026/3/31, 2026年3月31日, 令和8年3月31日 or R8.3.31";
}

Parsed parse(std::string_view text) {
  std::string s = text::fold(text);  // full-width digits and letters to ASCII, spaces removed
  if (s.empty()) return {std::nullopt, "it is empty"};
  // 元年 is year 1 of an era.
  if (size_t p = s.find("元年"); p != std::string::npos)
    s.replace(p, std::string("元年").size(), "1年");
  Tokens t = tokenize(s);
  const Parsed not_a_date{std::nullopt, "not a date form we read"};
  if (t.nums.size() != 3) return not_a_date;
  const Era* era = nullptr;
  if (!t.prefix.empty()) {
    for (const auto& e : kEras) {
      if (t.prefix == e.name || t.prefix == text::fold(e.letter)) era = &e;
    }
    if (!era) return not_a_date;
  }
  // Separators: all the same of - / . or the kanji 年 月 (日 optional at the end).
  const std::string& a = t.seps[0];
  const std::string& b = t.seps[1];
  const std::string& c = t.seps[2];
  bool kanji = a == "年" && b == "月" && (c == "日" || c.empty());
  bool punct = a == b && (a == "-" || a == "/" || a == ".") && c.empty();
  if (!kanji && !punct) return not_a_date;
  if (t.nums[0].size() > 4 || t.nums[1].size() > 2 || t.nums[2].size() > 2) return not_a_date;
  int y = to_int(t.nums[0]), m = to_int(t.nums[1]), d = to_int(t.nums[2]);
  if (!era) {
    if (t.nums[0].size() != 4) return not_a_date;  // two-digit years are ambiguous
    return checked(y, m, d);
  }
  if (y < 1 || t.nums[0].size() > 2)
    return {std::nullopt, "year " + t.nums[0] + " of " + era->name + " is out of range",
            std::string(era->name) + t.nums[0] + "年は範囲外です"};
  int gy = era->first.y + y - 1;
  Parsed p = checked(gy, m, d);
  if (!p.value) return p;
  if (*p.value < era->first || *p.value > era->last) {
    return {std::nullopt,
            std::string(era->name) + " runs from " + era->first.iso() +
                (era->last.y == 9999 ? "" : " to " + era->last.iso()),
            std::string(era->name) + "は" + era->first.iso() + "から" +
                (era->last.y == 9999 ? "" : era->last.iso() + "まで") + "です"};
  }
  return p;
}

std::optional<Ymd> from_excel_serial(std::string_view number) {
  std::string n(number);
  size_t dot = n.find('.');
  std::string whole = n.substr(0, dot);
  if (whole.empty() || whole.size() > 7) return std::nullopt;
  for (char ch : whole) {
    if (ch < '0' || ch > '9') return std::nullopt;
  }
  if (dot != std::string::npos) {
    for (size_t i = dot + 1; i < n.size(); ++i) {
      if (n[i] < '0' || n[i] > '9') return std::nullopt;
    }
  }
  long serial = std::stol(whole);
  // Serials up to 2958465 (9999-12-31). Serial 60 is Excel's non-existent 1900-02-29.
  if (serial < 1 || serial > 2958465 || serial == 60) return std::nullopt;
  if (serial < 60) ++serial;
  // Days since 1970-01-01 (serial 25569), then Howard Hinnant's civil_from_days.
  long z = serial - 25569 + 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  int y = static_cast<int>(yoe + era * 400 + (m <= 2));
  return Ymd{y, m, d};
}

std::string require(std::string_view field, std::string_view value) {
  std::string v = text::trim(value);
  if (v.empty()) return v;
  Parsed p = parse(v);
  if (!p.value) {
    std::string en = "'" + v + "' is not a date (" + p.why + "); expected " + expected_forms();
    std::string name(field.substr(0, field.find(" (")));
    throw Invalid(name,
                  "「" + v + "」は日付として読めません" +
                      (p.why_ja.empty() ? "" : "（" + p.why_ja + "）") +
                      "。2026-03-31、2026/3/31、2026年3月31日、令和8年3月31日 "
                      "のように入力してください。",
                  en, "not_a_date", std::string(field) + ": " + en);
  }
  return p.value->iso();
}

}  // namespace anzen::date

namespace anzen::date {
namespace {
int64_t days_from_civil_utc(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}
Ymd civil_from_days(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(yoe + era * 400 + (m <= 2)), m, d};
}
bool digits(std::string_view s, size_t pos, size_t n) {
  if (s.size() < pos + n) return false;
  for (size_t i = pos; i < pos + n; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}
int num(std::string_view s, size_t pos, size_t n) {
  return std::stoi(std::string(s.substr(pos, n)));
}
std::string two(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }
}  // namespace

namespace {
// Seconds since the epoch of a stored moment (ISO 8601 with Z or an offset, or
// "YYYY-MM-DD HH:MM[:SS]" as UTC), or nothing when the text is not one.
std::optional<int64_t> moment(std::string_view text) {
  // YYYY-MM-DDTHH:MM[:SS[.fff]][Z|±HH:MM]
  if (text.size() < 16 || (text[10] != 'T' && text[10] != ' ') || text[13] != ':' ||
      !digits(text, 11, 2) || !digits(text, 14, 2))
    return std::nullopt;
  auto day = parse_iso(text.substr(0, 10));
  if (!day) return std::nullopt;
  size_t pos = 16;
  int sec = 0;
  if (pos < text.size() && text[pos] == ':' && digits(text, pos + 1, 2)) {
    sec = num(text, pos + 1, 2);
    pos += 3;
    if (pos < text.size() && text[pos] == '.') {
      ++pos;
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
    }
  }
  int offset_min = 0;  // no offset: UTC, as stored timestamps are
  if (pos < text.size()) {
    if (text[pos] == 'Z' && pos + 1 == text.size()) {
    } else if ((text[pos] == '+' || text[pos] == '-') && text.size() == pos + 6 &&
               digits(text, pos + 1, 2) && text[pos + 3] == ':' && digits(text, pos + 4, 2)) {
      offset_min =
          (num(text, pos + 1, 2) * 60 + num(text, pos + 4, 2)) * (text[pos] == '-' ? -1 : 1);
    } else {
      return std::nullopt;
    }
  }
  return days_from_civil_utc(day->y, day->m, day->d) * 86400 + num(text, 11, 2) * 3600 +
         num(text, 14, 2) * 60 + sec - offset_min * 60;
}

// The JST calendar day and seconds into it.
std::pair<Ymd, int64_t> in_jst(int64_t t) {
  int64_t jst = t + 9 * 3600;
  int64_t days = jst >= 0 ? jst / 86400 : (jst - 86399) / 86400;
  return {civil_from_days(days), jst - days * 86400};
}
}  // namespace

std::string display_time(std::string_view text, std::string_view lang) {
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  auto show_date = [&](const Ymd& d) {
    return lang == "en" ? std::to_string(d.d) + " " + kMonths[d.m - 1] + " " + std::to_string(d.y)
                        : japanese(d);
  };
  if (text.size() == 10) {
    if (auto d = parse_iso(text)) return show_date(*d);
    return std::string(text);
  }
  auto t = moment(text);
  if (!t) return std::string(text);
  auto [day, rest] = in_jst(*t);
  std::string hm =
      two(static_cast<int>(rest / 3600)) + ":" + two(static_cast<int>(rest % 3600 / 60));
  return show_date(day) + " " + hm + (lang == "en" ? " JST" : "");
}

std::string iso_jst(std::string_view text) {
  auto t = moment(text);
  if (!t) return std::string(text);
  auto [day, rest] = in_jst(*t);
  return day.iso() + "T" + two(static_cast<int>(rest / 3600)) + ":" +
         two(static_cast<int>(rest % 3600 / 60)) + ":" + two(static_cast<int>(rest % 60)) +
         "+09:00";
}

}  // namespace anzen::date
