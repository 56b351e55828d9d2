// Scoring and gap analysis (pure: catalog + answers in, figures out).
#pragma once
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "assess/model.h"
#include "catalog/model.h"

namespace anzen::assess {

struct ScoringConfig {
  // coverage = (w_implemented × implemented + w_partial × partial) / (questions − not applicable)
  double w_implemented = 1.0;
  double w_partial = 0.5;
  int target_maturity = 3;  // the gap list counts the distance to this level (the scale's target)
};

struct Tally {
  int questions = 0, answered = 0, implemented = 0, partial = 0, not_implemented = 0,
      not_applicable = 0, unanswered = 0;
  double maturity_sum = 0;
  int maturity_count = 0;
  void add(const Answer* a);
  // Adds another tally's counts (a check's questions into its chapter, say).
  Tally& operator+=(const Tally& o);
  // nullopt when every question is not applicable (nothing to cover).
  std::optional<double> coverage(const ScoringConfig& c) const;
  std::optional<double> mean_maturity() const;
  nlohmann::json json(const ScoringConfig& c) const;
};

struct Score {
  Tally overall, recommended, reference;
  std::map<std::string, Tally> by_chapter, by_section, by_item, by_row, by_threat;
  nlohmann::json json(const ScoringConfig& c, const catalog::Framework& fw) const;
};

using AnswerMap = std::map<std::string, Answer>;  // by question id

// Which recommendation mark applies to the role: the maker column for makers, else operators'.
bool recommended_for(const catalog::Item& check, std::string_view role);

// Which tallies score() fills besides the three totals: all of them, or only the chapters (what
// the stored score keeps; the rows, sections, items and threats cost most of the time).
enum class Breakdown { all, chapters };

Score score(const catalog::Framework& fw, std::string_view role, const AnswerMap& answers,
            const ScoringConfig& cfg = {}, Breakdown breakdown = Breakdown::all);

struct Gap {
  std::string question_id;
  std::string check_id;
  std::string chapter_id;
  Status status;
  int priority = 0;
  std::vector<std::pair<std::string, std::string>> reasons;  // (en, ja) with their points
};

// Every question not fully implemented (not applicable excluded), highest priority first.
// Priority (docs/assessment.md): recommended for the role +40 (reference only +10);
// not implemented or unanswered +20, partial +10; maturity below target +5 per level;
// the item quotes a legal obligation +15; each linked risk +5 (at most +20); due date passed
// +15, within 30 days +10, within 90 days +5. Ties keep checklist order.
std::vector<Gap> gaps(const catalog::Framework& fw, std::string_view role, const AnswerMap& answers,
                      const std::map<std::string, int>& linked_risks, const std::string& today,
                      const ScoringConfig& cfg = {});

// Days from a to b (YYYY-MM-DD); used for due-date urgency.
int days_between(const std::string& a, const std::string& b);

}  // namespace anzen::assess
