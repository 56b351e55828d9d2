#include "assess/model.h"

#include <regex>
#include <unordered_map>

#include "common/text.h"
#include "common/vocabulary.h"

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
  // The stored codes as they are (every answer read back from the database).
  for (Status st : all_statuses())
    if (raw == to_string(st)) return st;
  // Every accepted word folded once, not at every call (a sheet asks for each of its rows).
  struct Words {
    std::unordered_map<std::string, Status> marks, words;
  };
  static const Words w = [] {
    Words out;
    for (const auto& m : status_marks()) out.marks.emplace(text::fold(m.mark), m.status);
    // Compared after spaces and hyphens became underscores; the first word listed wins.
    const std::pair<const char*, Status> words[] = {
        {"unanswered", Status::unanswered},
        {"未回答", Status::unanswered},
        // The document answer scale (current / outdated / missing) shares the same states.
        {"current", Status::implemented},
        {"最新", Status::implemented},
        {"outdated", Status::partial},
        {"要更新", Status::partial},
        {"missing", Status::not_implemented},
        {"未作成", Status::not_implemented},
        {"implemented", Status::implemented},
        {"yes", Status::implemented},
        {"実施済", Status::implemented},
        {"実施済み", Status::implemented},
        {"○", Status::implemented},
        {"partial", Status::partial},
        {"partially_implemented", Status::partial},
        {"partiallyimplemented", Status::partial},
        {"一部実施", Status::partial},
        {"not_implemented", Status::not_implemented},
        {"notimplemented", Status::not_implemented},
        {"no", Status::not_implemented},
        {"未実施", Status::not_implemented},
        {"not_applicable", Status::not_applicable},
        {"notapplicable", Status::not_applicable},
        {"n/a", Status::not_applicable},
        {"na", Status::not_applicable},
        {"対象外", Status::not_applicable}};
    for (const auto& [word, st] : words) out.words.emplace(text::fold(word), st);
    return out;
  }();
  std::string s = text::fold(raw);  // width- and case-insensitive, spaces removed
  if (auto it = w.marks.find(s); it != w.marks.end()) return it->second;
  for (char& c : s) if (c == ' ' || c == '-') c = '_';
  if (s.empty()) return Status::unanswered;
  if (auto it = w.words.find(s); it != w.words.end()) return it->second;
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

Invalid framework_not_loaded(const std::string& framework, const std::string& version) {
  const std::string fv = framework + "@" + version;
  return Invalid("framework",
                 "この自己点検の安全基準（" + fv +
                     "）はカタログに読み込まれていません。カタログの配置を確認してください。",
                 "The assessment's framework " + fv +
                     " is not in the loaded catalog; check the catalogs folder.",
                 "not_found", "framework " + fv + " is not in the catalog");
}

Invalid status_refused(const std::string& field, bool with_unanswered, const std::string& what) {
  std::vector<std::string> codes = {"implemented", "partial", "not_implemented", "not_applicable"};
  if (with_unanswered) codes.push_back("unanswered");
  return Invalid(
      field, "実施状況は一覧から選んでください（" + vocab::labels("status", codes, "ja") + "）。",
      "Choose the status from the list (" + vocab::labels("status", codes, "en") + ").",
      "not_in_list", what);
}

}  // namespace anzen::assess
