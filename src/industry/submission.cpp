#include "industry/submission.h"

#include "common/clock.h"

#include <cmath>
#include <regex>
#include <set>

#include "assess/model.h"
#include "industry/crypto.h"
#include "industry/profile.h"

namespace anzen::industry {
using nlohmann::json;

double round4(double v) { return std::round(v * 10000) / 10000; }

std::vector<Metric> metrics_of(const catalog::Catalog& cat, const catalog::Framework& fw) {
  std::vector<Metric> out{{"overall", "standard", {"全体", "Overall"}}};
  for (const auto& it : fw.items) {
    if (it.kind == "chapter")
      out.push_back({"chapter:" + it.id,
                     "standard",
                     {it.label + " " + it.title.ja, it.label + " " + it.title.en}});
  }
  for (const auto& t : catalog::threat_tags())
    out.push_back({"threat:" + t, "standard", catalog::threat_label(t)});
  if (const auto* survey = cat.find(kSurveyFramework)) {
    for (const auto& it : survey->items) {
      if (it.kind != "area") continue;
      bool mapped = false;
      for (const auto& m : cat.mappings)
        mapped = mapped || (m.source_framework == survey->id && m.target_framework == fw.id &&
                            m.from == it.id);
      if (mapped)
        out.push_back({"area:" + it.id,
                       "survey",
                       {it.label + " " + it.title.ja, it.label + " " + it.title.en}});
    }
  }
  return out;
}

std::optional<double> ScoreSet::value(const std::string& metric) const {
  auto f = values.find(metric);
  return f == values.end() ? std::nullopt : f->second;
}

namespace {

std::optional<double> coverage_of(const assess::Tally& t) {
  // The figure exactly as assess::score publishes it (its JSON rounds coverage to 4 places).
  auto j = t.json(assess::ScoringConfig{})["coverage"];
  return j.is_null() ? std::nullopt : std::optional<double>(j.get<double>());
}

void add_tally(assess::Tally& sum, const assess::Tally& t) {
  sum.questions += t.questions;
  sum.answered += t.answered;
  sum.implemented += t.implemented;
  sum.partial += t.partial;
  sum.not_implemented += t.not_implemented;
  sum.not_applicable += t.not_applicable;
  sum.unanswered += t.unanswered;
  sum.maturity_sum += t.maturity_sum;
  sum.maturity_count += t.maturity_count;
}

[[noreturn]] void bad(const std::string& field, const std::string& what) {
  throw DocumentError(field + ": " + what);
}

double unit_interval(const json& j, const std::string& field) {
  if (!j.is_number()) bad(field, "expected a number between 0 and 1");
  double v = j.get<double>();
  if (!(v >= 0 && v <= 1)) bad(field, "expected a number between 0 and 1, got " + j.dump());
  return v;
}

std::string text(const json& j, const char* field) {
  if (!j.contains(field) || !j[field].is_string()) bad(field, "expected a string");
  return j[field].get<std::string>();
}

}  // namespace

ScoreSet scores_of(const catalog::Catalog& cat, const catalog::Framework& fw,
                   const assess::Score& sc) {
  ScoreSet s;
  for (const auto& m : metrics_of(cat, fw)) {
    std::optional<double> v;
    if (m.id == "overall") {
      v = coverage_of(sc.overall);
    } else if (m.id.rfind("chapter:", 0) == 0) {
      auto f = sc.by_chapter.find(m.id.substr(8));
      if (f != sc.by_chapter.end()) v = coverage_of(f->second);
    } else if (m.id.rfind("threat:", 0) == 0) {
      auto f = sc.by_threat.find(m.id.substr(7));
      if (f != sc.by_threat.end()) v = coverage_of(f->second);
    } else if (m.id.rfind("area:", 0) == 0) {
      assess::Tally sum;
      for (const auto& mp : cat.mappings) {
        if (mp.source_framework != kSurveyFramework || mp.target_framework != fw.id ||
            mp.from != m.id.substr(5))
          continue;
        auto f = sc.by_chapter.find(mp.to);
        if (f != sc.by_chapter.end()) add_tally(sum, f->second);
      }
      v = coverage_of(sum);
    }
    s.values[m.id] = v;
  }
  return s;
}

Submission make_submission(const catalog::Catalog& cat, const catalog::Framework& fw,
                           const assess::Score& sc, const assess::AnswerMap& answers,
                           std::string role, std::string size_band,
                           std::vector<std::string> services) {
  Submission s;
  s.framework = fw.id;
  s.framework_version = fw.version;
  s.role = std::move(role);
  s.size_band = std::move(size_band);
  s.services = std::move(services);
  std::sort(s.services.begin(), s.services.end());
  s.scores = scores_of(cat, fw, sc);
  std::map<int, int> levels;
  int rated = 0;
  for (const auto& [q, a] : answers) {
    if (!a.maturity || a.status == assess::Status::not_applicable || !fw.question(q)) continue;
    ++levels[*a.maturity];
    ++rated;
  }
  for (const auto& [level, n] : levels)
    s.maturity_distribution[std::to_string(level)] = round4(static_cast<double>(n) / rated);
  s.answered_share = sc.overall.questions
                         ? round4(static_cast<double>(sc.overall.answered) / sc.overall.questions)
                         : 0;
  return s;
}

json to_json(const Submission& s, const catalog::Catalog& cat, const catalog::Framework& fw) {
  json scores = json::object();
  for (const auto& m : metrics_of(cat, fw)) {
    auto v = s.scores.value(m.id);
    scores[m.id] = v ? json(*v) : json();
  }
  return {{"format", kSubmissionFormat},
          {"synthetic", s.synthetic},
          {"submitter_id", s.submitter_id},
          {"nonce", s.nonce},
          {"created_at", s.created_at},
          {"period", s.period},
          {"framework", s.framework},
          {"framework_version", s.framework_version},
          {"role", s.role},
          {"size_band", s.size_band},
          {"services", s.services},
          {"scores", scores},
          {"maturity_distribution", s.maturity_distribution},
          {"answered_share", s.answered_share}};
}

Submission submission_from_json(const json& j, const catalog::Catalog& cat) {
  static const std::set<std::string> fields = {
      "format",   "synthetic", "submitter_id",          "nonce",         "created_at",
      "period",   "framework", "framework_version",     "role",          "size_band",
      "services", "scores",    "maturity_distribution", "answered_share"};
  if (!j.is_object()) bad("payload", "expected an object");
  for (const auto& [k, v] : j.items()) {
    if (!fields.count(k)) bad(k, "unexpected field (a submission holds scores only)");
  }
  for (const auto& f : fields) {
    if (!j.contains(f)) bad(f, "missing");
  }
  if (j["format"] != kSubmissionFormat) bad("format", std::string("expected ") + kSubmissionFormat);
  Submission s;
  if (!j["synthetic"].is_boolean()) bad("synthetic", "expected true or false");
  s.synthetic = j["synthetic"].get<bool>();
  if (!j["submitter_id"].is_number_unsigned() || j["submitter_id"].get<int64_t>() <= 0)
    bad("submitter_id", "expected a positive integer");
  s.submitter_id = j["submitter_id"].get<int64_t>();
  static const std::regex hex32("^[0-9a-f]{32}$"), iso(R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$)");
  s.nonce = text(j, "nonce");
  if (!std::regex_match(s.nonce, hex32)) bad("nonce", "expected 32 lower-case hex digits");
  s.created_at = text(j, "created_at");
  if (!std::regex_match(s.created_at, iso)) bad("created_at", "expected YYYY-MM-DDTHH:MM:SSZ");
  s.period = text(j, "period");
  if (!assess::valid_period(s.period)) bad("period", "expected FY and a year, e.g. FY2026");
  s.framework = text(j, "framework");
  s.framework_version = text(j, "framework_version");
  const auto* fw = cat.find(s.framework, s.framework_version);
  if (!fw)
    bad("framework", s.framework + "@" + s.framework_version +
                         " is not a framework edition this aggregator knows");
  s.role = text(j, "role");
  if (s.role != "operator" && s.role != "maker") bad("role", "expected operator or maker");
  s.size_band = text(j, "size_band");
  if (!size_band(s.size_band)) bad("size_band", "unknown size band '" + s.size_band + "'");
  if (!j["services"].is_array()) bad("services", "expected an array");
  for (const auto& v : j["services"]) {
    if (!v.is_string() || !assess::valid_service(v.get<std::string>()))
      bad("services", "unknown service " + v.dump());
    s.services.push_back(v.get<std::string>());
  }
  if (std::set<std::string>(s.services.begin(), s.services.end()).size() != s.services.size())
    bad("services", "listed twice");
  const auto& sc = j["scores"];
  if (!sc.is_object()) bad("scores", "expected an object");
  auto ms = metrics_of(cat, *fw);
  if (sc.size() != ms.size())
    bad("scores", "expected exactly the " + std::to_string(ms.size()) + " figures of " + fw->key());
  for (const auto& m : ms) {
    if (!sc.contains(m.id)) bad("scores." + m.id, "missing");
    const auto& v = sc[m.id];
    s.scores.values[m.id] =
        v.is_null() ? std::nullopt : std::optional<double>(unit_interval(v, "scores." + m.id));
  }
  if (!j["maturity_distribution"].is_object()) bad("maturity_distribution", "expected an object");
  for (const auto& [k, v] : j["maturity_distribution"].items()) {
    if (k.size() != 1 || k[0] < '0' || k[0] > '9')
      bad("maturity_distribution." + k, "expected a maturity level");
    s.maturity_distribution[k] = unit_interval(v, "maturity_distribution." + k);
  }
  s.answered_share = unit_interval(j["answered_share"], "answered_share");
  return s;
}

std::pair<std::string, std::string> submission_window(const std::string& period) {
  int year = std::stoi(period.substr(2));
  return {std::to_string(year) + "-04-01", std::to_string(year + 2) + "-03-31"};
}

std::string fiscal_year_of(const std::string& iso_date) {
  return "FY" + std::to_string(anzen::fiscal_year_of(iso_date));
}

}  // namespace anzen::industry
