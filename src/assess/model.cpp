#include "assess/model.h"

#include <regex>

#include "common/text.h"

namespace anzen::assess {

std::string to_string(Status s) {
  switch (s) {
    case Status::implemented: return "implemented";
    case Status::partial: return "partial";
    case Status::not_implemented: return "not_implemented";
    case Status::not_applicable: return "not_applicable";
    case Status::unanswered: return "unanswered";
  }
  return "unanswered";
}

std::string to_japanese(Status s) {
  switch (s) {
    case Status::implemented: return "実施済";
    case Status::partial: return "一部実施";
    case Status::not_implemented: return "未実施";
    case Status::not_applicable: return "対象外";
    case Status::unanswered: return "未回答";
  }
  return "未回答";
}

const std::vector<Status>& all_statuses() {
  static const std::vector<Status> v = {Status::implemented, Status::partial, Status::not_implemented,
                                        Status::not_applicable, Status::unanswered};
  return v;
}

const std::vector<StatusMark>& status_marks() {
  // － (and its look-alikes) is "not applicable / 該当なし" in Japanese checklists; a reason is
  // still required in 対象外の理由, as for 対象外.
  static const std::vector<StatusMark> m = {
      {"○", Status::implemented},     {"◯", Status::implemented},  {"〇", Status::implemented},  {"済", Status::implemented},
      {"済み", Status::implemented},   {"△", Status::partial},      {"一部", Status::partial},    {"×", Status::not_implemented},
      {"✕", Status::not_implemented}, {"未", Status::not_implemented}, {"－", Status::not_applicable}, {"ー", Status::not_applicable},
      {"―", Status::not_applicable},  {"-", Status::not_applicable}, {"該当なし", Status::not_applicable}};
  return m;
}

std::string status_words_expected() {
  std::string marks;
  for (const auto& m : status_marks()) marks += (marks.empty() ? "" : " ") + std::string(m.mark);
  return "実施済, 一部実施, 未実施, 対象外, 未回答 (or implemented, partial, not_implemented, not_applicable, unanswered; marks " + marks +
         " as in docs/spreadsheets.md)";
}

std::optional<Status> status_from(std::string_view raw) {
  std::string s = text::fold(raw);  // width- and case-insensitive, spaces removed
  for (const auto& m : status_marks()) {
    if (s == text::fold(m.mark)) return m.status;
  }
  for (char& c : s) if (c == ' ' || c == '-') c = '_';
  if (s.empty() || s == "unanswered" || s == text::fold("未回答")) return Status::unanswered;
  // The document answer scale (current / outdated / missing) shares the same states.
  if (s == "current" || s == text::fold("最新")) return Status::implemented;
  if (s == "outdated" || s == text::fold("要更新")) return Status::partial;
  if (s == "missing" || s == text::fold("未作成")) return Status::not_implemented;
  if (s == "implemented" || s == "yes" || s == text::fold("実施済") || s == text::fold("実施済み") || s == "○") return Status::implemented;
  if (s == "partial" || s == "partially_implemented" || s == "partiallyimplemented" || s == text::fold("一部実施")) return Status::partial;
  if (s == "not_implemented" || s == "notimplemented" || s == "no" || s == text::fold("未実施")) return Status::not_implemented;
  if (s == "not_applicable" || s == "notapplicable" || s == "n/a" || s == "na" || s == text::fold("対象外")) return Status::not_applicable;
  return std::nullopt;
}

bool valid_org_kind(std::string_view k) {
  return k == "operator_registered" || k == "operator_notified" || k == "maker";
}

bool valid_service(std::string_view s) {
  for (const char* v : {"voice_emergency", "voice_no_emergency", "mobile", "lpwa", "isp_data", "free_internet", "cloud"}) {
    if (s == v) return true;
  }
  return false;
}

bool valid_period(std::string_view p) {
  static const std::regex re("^FY(19|20)\\d\\d$");
  return std::regex_match(std::string(p), re);
}

}  // namespace anzen::assess
