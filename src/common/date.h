// The one date parser: every command, web form and import reads a date through here.
// Dates are civil dates (no time zone); the canonical form stored everywhere is YYYY-MM-DD.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace anzen::date {

struct Ymd {
  int y = 0, m = 0, d = 0;
  auto operator<=>(const Ymd&) const = default;
  std::string iso() const;  // YYYY-MM-DD
};

// Days in a month of the proleptic Gregorian calendar (0 for a month outside 1-12).
int days_in_month(int y, int m);

// Strict ISO 8601 calendar date (YYYY-MM-DD) that exists: 2026-02-30 and 2026-13-01 are not.
std::optional<Ymd> parse_iso(std::string_view s);

// The outcome of reading a date someone typed or a spreadsheet holds.
struct Parsed {
  std::optional<Ymd> value;
  std::string why;  // when there is no value: why not, in English, e.g. "February 2026 has 28 days"
  std::string why_ja = {};  // the same in Japanese when known, e.g. "2026年2月は28日までです"
};

// Accepts the forms Japanese users and spreadsheet programs write (docs/spreadsheets.md):
// 2026-03-31, 2026/3/31, 2026.3.31, 2026-3-31, 2026年3月31日, 令和8年3月31日, 令和元年5月1日,
// R8.3.31 / R8/3/31 (R, H, S for 令和, 平成, 昭和), full-width digits, surrounding spaces.
// A date the calendar does not have (or outside its era) is refused with the reason.
Parsed parse(std::string_view text);

// An Excel/LibreOffice date serial (1 = 1900-01-01, with Excel's 1900 leap-year quirk; a
// fractional part is a time of day and ignored). Only for cells the workbook stores as numbers.
std::optional<Ymd> from_excel_serial(std::string_view number);

// 2026年3月31日: how dates are shown in Japanese reports.
std::string japanese(const Ymd& d);

// The expected forms, for error messages.
const char* expected_forms();

// Reads a date field: empty stays empty; anything else becomes YYYY-MM-DD or throws
// std::invalid_argument("FIELD: 'TEXT' is not a date (WHY); expected …").
std::string require(std::string_view field, std::string_view text);

}  // namespace anzen::date

namespace anzen::date {

// How every screen shows a moment: in Japan Standard Time, "2026年11月27日 09:00" in Japanese,
// "27 Nov 2026 09:00 JST" in English. Takes ISO 8601 times with any offset or Z (stored
// timestamps), "YYYY-MM-DD HH:MM[:SS]" as UTC, and bare dates (shown without a time). Text that
// is not a time comes back unchanged, so a caller never loses what it had.
std::string display_time(std::string_view text, std::string_view lang);

// The same moment as ISO 8601 in Japan Standard Time ("2026-11-27T09:00:00+09:00"), for exports
// that keep machine-readable times (CSV, XLSX). Text that is not a time comes back unchanged.
std::string iso_jst(std::string_view text);

}  // namespace anzen::date
