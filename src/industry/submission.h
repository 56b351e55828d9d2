// What an operator sends to the industry aggregator (pure: no I/O). Scores only — never an
// answer, comment, evidence, name of a person or of the organisation. Every score is taken from
// assess::score (the one scoring rule), rounded as its JSON rounds it.
#pragma once
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "assess/scoring.h"
#include "catalog/model.h"

namespace anzen::industry {

inline constexpr const char* kSubmissionFormat = "anzen-industry-submission/1";
inline constexpr const char* kBenchmarkFormat = "anzen-industry-benchmark/1";
inline constexpr const char* kSurveyFramework = "mic-survey-2021";

// One figure of the benchmark: "overall", "chapter:<id>", "threat:<tag>", "area:<id>".
struct Metric {
  std::string id;
  std::string view;  // standard | survey (the ministry survey's seven areas, a second view)
  catalog::Text label;
};
// The metrics of a framework, in display order.
std::vector<Metric> metrics_of(const catalog::Catalog& cat, const catalog::Framework& fw);

struct ScoreSet {
  std::map<std::string, std::optional<double>> values;  // metric id -> coverage 0..1
  std::optional<double> value(const std::string& metric) const;
};

// Coverage per metric from one assessment: overall, chapter and threat tallies of
// assess::score; a survey area is the coverage of the summed tallies of the chapters it maps to.
ScoreSet scores_of(const catalog::Catalog& cat, const catalog::Framework& fw,
                   const assess::Score& sc);

struct Submission {
  bool synthetic = false;
  int64_t submitter_id = 0;
  std::string nonce, created_at, period, framework, framework_version, role, size_band;
  std::vector<std::string> services;
  ScoreSet scores;
  std::map<std::string, double>
      maturity_distribution;  // level ("0".."5") -> share of rated answers
  double answered_share = 0;
};

// The submission of an assessment (nonce and time given by the caller).
Submission make_submission(const catalog::Catalog& cat, const catalog::Framework& fw,
                           const assess::Score& sc, const assess::AnswerMap& answers,
                           std::string role, std::string size_band,
                           std::vector<std::string> services);

nlohmann::json to_json(const Submission& s, const catalog::Catalog& cat,
                       const catalog::Framework& fw);
// Validates every field against the framework; throws DocumentError naming the field.
Submission submission_from_json(const nlohmann::json& j, const catalog::Catalog& cat);

// Fiscal years: FY2026 runs 2026-04-01 … 2027-03-31. A submission for FYyyyy is accepted when
// signed between yyyy-04-01 and (yyyy+2)-03-31: the year itself and the year after, when the
// assessment is finished and reviewed.
std::pair<std::string, std::string> submission_window(const std::string& period);
std::string fiscal_year_of(const std::string& iso_date);  // "2026-11-30…" -> FY2026

double round4(double v);

}  // namespace anzen::industry
