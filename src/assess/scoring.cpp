#include "assess/scoring.h"

#include <algorithm>
#include <cmath>
#include <ctime>

namespace anzen::assess {
using nlohmann::json;

void Tally::add(const Answer* a) {
  ++questions;
  Status s = a ? a->status : Status::unanswered;
  switch (s) {
    case Status::implemented: ++implemented; break;
    case Status::partial: ++partial; break;
    case Status::not_implemented: ++not_implemented; break;
    case Status::not_applicable: ++not_applicable; break;
    case Status::unanswered: ++unanswered; break;
  }
  if (s != Status::unanswered) ++answered;
  if (a && a->maturity && s != Status::not_applicable) {
    maturity_sum += *a->maturity;
    ++maturity_count;
  }
}

Tally& Tally::operator+=(const Tally& o) {
  questions += o.questions;
  answered += o.answered;
  implemented += o.implemented;
  partial += o.partial;
  not_implemented += o.not_implemented;
  not_applicable += o.not_applicable;
  unanswered += o.unanswered;
  maturity_sum += o.maturity_sum;
  maturity_count += o.maturity_count;
  return *this;
}

std::optional<double> Tally::coverage(const ScoringConfig& c) const {
  int denom = questions - not_applicable;
  if (denom <= 0) return std::nullopt;
  return (c.w_implemented * implemented + c.w_partial * partial) / denom;
}

std::optional<double> Tally::mean_maturity() const {
  if (maturity_count == 0) return std::nullopt;
  return maturity_sum / maturity_count;
}

json Tally::json(const ScoringConfig& c) const {
  auto cov = coverage(c);
  auto mat = mean_maturity();
  return {{"questions", questions},         {"answered", answered},
          {"implemented", implemented},     {"partial", partial},
          {"not_implemented", not_implemented}, {"not_applicable", not_applicable},
          {"unanswered", unanswered},
          {"coverage", cov ? nlohmann::json(std::round(*cov * 10000) / 10000) : nlohmann::json()},
          {"mean_maturity", mat ? nlohmann::json(std::round(*mat * 100) / 100) : nlohmann::json()}};
}

bool recommended_for(const catalog::Item& check, std::string_view role) {
  auto mark = role == "maker" ? check.maker_rec : check.operator_rec;
  return mark == catalog::Recommendation::recommended;
}

Score score(const catalog::Framework& fw, std::string_view role, const AnswerMap& answers,
            const ScoringConfig&, Breakdown breakdown) {
  const bool all = breakdown == Breakdown::all;
  Score s;
  for (const catalog::Item* c : fw.checks()) {
    if (c->questions.empty()) continue;  // counts in no total
    // Ancestors: item/sub-item, section, chapter (whatever the framework's tree holds).
    std::vector<const catalog::Item*> chain;
    for (const catalog::Item* p = fw.find(c->parent); p; p = p->parent.empty() ? nullptr : fw.find(p->parent)) {
      chain.push_back(p);
    }
    // A check's questions are tallied once, then added to every total the check belongs to
    // (a map lookup per check, not per question).
    Tally row;
    for (const auto& q : c->questions) {
      auto it = answers.find(q.id);
      row.add(it == answers.end() ? nullptr : &it->second);
    }
    s.overall += row;
    (recommended_for(*c, role) ? s.recommended : s.reference) += row;
    if (all) s.by_row[c->id] += row;
    for (const auto* p : chain) {
      if (p->kind == "chapter")
        s.by_chapter[p->id] += row;
      else if (!all)
        continue;
      else if (p->kind == "section")
        s.by_section[p->id] += row;
      else
        s.by_item[p->id] += row;
    }
    if (all)
      for (const auto& t : c->threats) s.by_threat[t] += row;
  }
  return s;
}

json Score::json(const ScoringConfig& c, const catalog::Framework& fw) const {
  nlohmann::json chapters = nlohmann::json::array();
  for (const auto& it : fw.items) {
    if (it.kind != "chapter") continue;
    auto f = by_chapter.find(it.id);
    if (f == by_chapter.end()) continue;
    auto j = f->second.json(c);
    j["id"] = it.id;
    j["title"] = {{"ja", it.title.ja}, {"en", it.title.en}};
    chapters.push_back(j);
  }
  nlohmann::json threats = nlohmann::json::object();
  for (const auto& [t, tally] : by_threat) threats[t] = tally.json(c);
  nlohmann::json sections = nlohmann::json::object();
  for (const auto& [id, tally] : by_section) sections[id] = tally.json(c);
  return {{"overall", overall.json(c)},
          {"recommended", recommended.json(c)},
          {"reference", reference.json(c)},
          {"chapters", chapters},
          {"sections", sections},
          {"threats", threats},
          {"weights", {{"implemented", c.w_implemented}, {"partial", c.w_partial}}}};
}

int days_between(const std::string& a, const std::string& b) {
  auto parse = [](const std::string& d) {
    std::tm tm{};
    tm.tm_year = std::stoi(d.substr(0, 4)) - 1900;
    tm.tm_mon = std::stoi(d.substr(5, 2)) - 1;
    tm.tm_mday = std::stoi(d.substr(8, 2));
    tm.tm_hour = 12;
    return timegm(&tm);
  };
  return static_cast<int>(std::lround(std::difftime(parse(b), parse(a)) / 86400.0));
}

std::vector<Gap> gaps(const catalog::Framework& fw, std::string_view role, const AnswerMap& answers,
                      const std::map<std::string, int>& linked_risks, const std::string& today,
                      const ScoringConfig& cfg) {
  std::vector<Gap> out;
  for (const catalog::Item* c : fw.checks()) {
    bool obligation = false;
    std::string chapter;
    for (const catalog::Item* p = fw.find(c->parent); p; p = p->parent.empty() ? nullptr : fw.find(p->parent)) {
      auto a = p->attributes.find("strength");
      obligation = obligation || (a != p->attributes.end() && a->second == "obligation");
      if (p->kind == "chapter") chapter = p->id;
    }
    bool rec = recommended_for(*c, role);
    for (const auto& q : c->questions) {
      auto it = answers.find(q.id);
      const Answer* a = it == answers.end() ? nullptr : &it->second;
      Status st = a ? a->status : Status::unanswered;
      if (st == Status::implemented || st == Status::not_applicable) continue;
      Gap g{q.id, c->id, chapter, st, 0, {}};
      auto add = [&](int pts, const std::string& en, const std::string& ja) {
        g.priority += pts;
        g.reasons.emplace_back("+" + std::to_string(pts) + " " + en, "+" + std::to_string(pts) + " " + ja);
      };
      if (rec) add(40, "recommended for this role (○)", "推奨区分 ○（実施が望ましい）");
      else add(10, "reference only for this role (－)", "推奨区分 －（参考）");
      if (st == Status::partial) add(10, "partially implemented", "一部実施");
      else add(20, st == Status::unanswered ? "not yet answered" : "not implemented",
               st == Status::unanswered ? "未回答" : "未実施");
      int mat = a && a->maturity ? *a->maturity : 0;
      if (mat < cfg.target_maturity) {
        add(5 * (cfg.target_maturity - mat), "maturity " + std::to_string(mat) + " below target " + std::to_string(cfg.target_maturity),
            "成熟度 " + std::to_string(mat) + "（目標 " + std::to_string(cfg.target_maturity) + "）");
      }
      if (obligation) add(15, "the measure quotes a legal obligation", "法令上の義務を含む対策");
      auto lr = linked_risks.find(q.id);
      if (lr != linked_risks.end() && lr->second > 0) {
        add(std::min(20, 5 * lr->second), std::to_string(lr->second) + " linked risk(s)", "関連リスク " + std::to_string(lr->second) + " 件");
      }
      if (a && !a->due.empty() && !today.empty()) {
        int d = days_between(today, a->due);
        if (d < 0) add(15, "due date passed (" + a->due + ")", "期限超過（" + a->due + "）");
        else if (d <= 30) add(10, "due within 30 days (" + a->due + ")", "30日以内に期限（" + a->due + "）");
        else if (d <= 90) add(5, "due within 90 days (" + a->due + ")", "90日以内に期限（" + a->due + "）");
      }
      out.push_back(std::move(g));
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Gap& x, const Gap& y) { return x.priority > y.priority; });
  return out;
}

}  // namespace anzen::assess
