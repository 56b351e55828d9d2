#include "assess/stored_score.h"

#include <cstdio>
#include <mutex>
#include <unordered_map>

#include "assess/repo.h"

namespace anzen::assess {

namespace {
const bool kRegistered = (store::register_migrations({{150, "stored scores", R"(
CREATE TABLE assessment_scores (
  assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
  part TEXT NOT NULL,
  scoring_key TEXT NOT NULL,
  questions INTEGER NOT NULL,
  answered INTEGER NOT NULL,
  implemented INTEGER NOT NULL,
  partial INTEGER NOT NULL,
  not_implemented INTEGER NOT NULL,
  not_applicable INTEGER NOT NULL,
  unanswered INTEGER NOT NULL,
  maturity_sum INTEGER NOT NULL,
  maturity_count INTEGER NOT NULL,
  PRIMARY KEY (assessment_id, part)
);
)"}}),
                          true);

// Parts of an assessment's stored score: the three totals, and one per chapter.
constexpr const char* kOverall = "overall";
constexpr const char* kRecommended = "recommended";
constexpr const char* kReference = "reference";
const std::string kChapterPrefix = "chapter:";

void fnv(uint64_t& h, std::string_view s) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  h ^= 0xff;  // separator, so that "ab"+"c" and "a"+"bc" differ
  h *= 1099511628211ull;
}

std::string rec_mark(const std::optional<catalog::Recommendation>& r) {
  return r ? std::to_string(static_cast<int>(*r)) : "-";
}

// The chapters above a check (usually one), as score() finds them.
std::vector<std::string> chapters_of(const catalog::Framework& fw, const catalog::Item& check) {
  std::vector<std::string> out;
  for (const catalog::Item* p = fw.find(check.parent); p;
       p = p->parent.empty() ? nullptr : fw.find(p->parent))
    if (p->kind == "chapter") out.push_back(p->id);
  return out;
}

int64_t i64(int v) { return static_cast<int64_t>(v); }

void bind_tally(store::Stmt& st, int first, const Tally& t) {
  st.bind(first, i64(t.questions))
      .bind(first + 1, i64(t.answered))
      .bind(first + 2, i64(t.implemented))
      .bind(first + 3, i64(t.partial))
      .bind(first + 4, i64(t.not_implemented))
      .bind(first + 5, i64(t.not_applicable))
      .bind(first + 6, i64(t.unanswered))
      .bind(first + 7, static_cast<int64_t>(t.maturity_sum))
      .bind(first + 8, i64(t.maturity_count));
}

Tally read_tally(const store::Stmt& st, int first) {
  Tally t;
  auto n = [&](int i) { return static_cast<int>(st.i64(first + i)); };
  t.questions = n(0);
  t.answered = n(1);
  t.implemented = n(2);
  t.partial = n(3);
  t.not_implemented = n(4);
  t.not_applicable = n(5);
  t.unanswered = n(6);
  t.maturity_sum = static_cast<double>(st.i64(first + 7));
  t.maturity_count = n(8);
  return t;
}
}  // namespace

namespace {
std::string compute_scoring_key(const catalog::Framework& fw);
}  // namespace

std::string scoring_key(const catalog::Framework& fw) {
  // Kept per loaded framework: every answer saved asks for it, and hashing the whole tree was a
  // good part of a write. A framework is not changed once loaded; its address, item storage,
  // item count and key together name it (a framework loaded later at the same address with the
  // same storage and count but another tree would have to be the same edition).
  struct Seen {
    const catalog::Item* items;
    size_t count;
    std::string id, version, key;
  };
  static std::mutex mu;
  static std::unordered_map<const catalog::Framework*, Seen> seen;
  {
    std::lock_guard lock(mu);
    auto it = seen.find(&fw);
    if (it != seen.end() && it->second.items == fw.items.data() &&
        it->second.count == fw.items.size() && it->second.id == fw.id &&
        it->second.version == fw.version)
      return it->second.key;
  }
  std::string key = compute_scoring_key(fw);
  std::lock_guard lock(mu);
  seen[&fw] = {fw.items.data(), fw.items.size(), fw.id, fw.version, key};
  return key;
}

namespace {
std::string compute_scoring_key(const catalog::Framework& fw) {
  // Every item's place in the tree (which gives each check its chapters), and each check's
  // recommendation marks and questions: one pass, no lookups, because every answer saved asks
  // for it. Stricter than needed (a change elsewhere in the tree also recomputes the tallies).
  uint64_t h = 14695981039346656037ull;
  for (const catalog::Item& it : fw.items) {
    fnv(h, it.id);
    fnv(h, it.kind);
    fnv(h, it.parent);
    if (it.kind != "check") continue;
    fnv(h, rec_mark(it.operator_rec));
    fnv(h, rec_mark(it.maker_rec));
    for (const auto& q : it.questions) fnv(h, q.id);
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  return fw.key() + "#" + hex;
}
}  // namespace

void store_score(store::Db& db, const catalog::Framework& fw, const Assessment& a,
                 const AnswerMap& answers) {
  (void)kRegistered;
  Score s = score(fw, a.role, answers, {}, Breakdown::chapters);
  std::vector<std::pair<std::string, const Tally*>> parts = {
      {kOverall, &s.overall}, {kRecommended, &s.recommended}, {kReference, &s.reference}};
  for (const auto& [id, t] : s.by_chapter) parts.emplace_back(kChapterPrefix + id, &t);
  std::string key = scoring_key(fw);
  db.transaction([&] {
    db.prepare("DELETE FROM assessment_scores WHERE assessment_id=?").bind(1, a.id).send();
    std::string sql =
        "INSERT INTO assessment_scores(assessment_id, part, scoring_key, questions, answered, "
        "implemented, partial, "
        "not_implemented, not_applicable, unanswered, maturity_sum, maturity_count) VALUES ";
    for (size_t i = 0; i < parts.size(); ++i)
      sql += i ? ",(?,?,?,?,?,?,?,?,?,?,?,?)" : "(?,?,?,?,?,?,?,?,?,?,?,?)";
    auto st = db.prepare(sql);
    for (size_t i = 0; i < parts.size(); ++i) {
      int b = static_cast<int>(i) * 12;
      st.bind(b + 1, a.id).bind(b + 2, parts[i].first).bind(b + 3, key);
      bind_tally(st, b + 4, *parts[i].second);
    }
    st.send();
  });
}

void update_stored_score(store::Db& db, const catalog::Framework& fw, const Assessment& a,
                         const Answer* prev, const Answer& next) {
  const catalog::Item* check = fw.check_of_question(next.question_id);
  if (!check) return;  // a question of no check is in no tally (assess::score)
  // The difference the change makes to every tally the question counts in (questions: none).
  Tally before, after;
  before.add(prev);
  after.add(&next);
  std::vector<std::string> parts = {kOverall,
                                    recommended_for(*check, a.role) ? kRecommended : kReference};
  for (const auto& ch : chapters_of(fw, *check)) parts.push_back(kChapterPrefix + ch);
  std::string sql =
      "UPDATE assessment_scores SET answered=answered+?, implemented=implemented+?, "
      "partial=partial+?, "
      "not_implemented=not_implemented+?, not_applicable=not_applicable+?, "
      "unanswered=unanswered+?, "
      "maturity_sum=maturity_sum+?, maturity_count=maturity_count+? WHERE assessment_id=? AND "
      "scoring_key=? AND part IN (";
  for (size_t i = 0; i < parts.size(); ++i) sql += i ? ",?" : "?";
  sql += ")";
  auto st = db.prepare(sql);
  st.bind(1, i64(after.answered - before.answered))
      .bind(2, i64(after.implemented - before.implemented))
      .bind(3, i64(after.partial - before.partial))
      .bind(4, i64(after.not_implemented - before.not_implemented))
      .bind(5, i64(after.not_applicable - before.not_applicable))
      .bind(6, i64(after.unanswered - before.unanswered))
      .bind(7, static_cast<int64_t>(after.maturity_sum - before.maturity_sum))
      .bind(8, i64(after.maturity_count - before.maturity_count))
      .bind(9, a.id)
      .bind(10, scoring_key(fw));
  for (size_t i = 0; i < parts.size(); ++i) st.bind(11 + static_cast<int>(i), parts[i]);
  // Not waited for: whether it found the rows changes nothing here (see the header).
  st.send();
}

int refresh_stored_scores(store::Db& db, const catalog::Catalog& cat) {
  std::unordered_map<const catalog::Framework*, std::string> keys;
  std::vector<std::pair<int64_t, const catalog::Framework*>> stale;
  {
    auto st = db.prepare(
        "SELECT a.id, a.framework, a.framework_version, s.scoring_key FROM assessments a "
        "LEFT JOIN assessment_scores s ON s.assessment_id=a.id AND s.part='overall' ORDER BY a.id");
    while (st.step()) {
      const auto* fw = cat.find(st.str(1), st.str(2));
      if (!fw) continue;
      auto [it, fresh] = keys.try_emplace(fw);
      if (fresh) it->second = scoring_key(*fw);
      if (st.is_null(3) || st.str(3) != it->second) stale.emplace_back(st.i64(0), fw);
    }
  }
  AssessRepo repo(db, "system");
  // In slices, so that a database of many old assessments does not hold the write lock long.
  constexpr size_t kPerTransaction = 200;
  for (size_t done = 0; done < stale.size(); done += kPerTransaction) {
    db.transaction([&] {
      for (size_t i = done; i < std::min(stale.size(), done + kPerTransaction); ++i)
        store_score(db, *stale[i].second, *repo.get(stale[i].first), repo.answers(stale[i].first));
    });
  }
  return static_cast<int>(stale.size());
}

std::vector<StoredScore> stored_scores(store::Db& db, const catalog::Catalog& cat,
                                       std::optional<int64_t> org_id, const std::string& period) {
  refresh_stored_scores(db, cat);
  // Two narrow reads (the assessments, then their tallies) rather than one wide join: the
  // tallies are most of the rows, and each carries only numbers and its part.
  std::unordered_map<std::string, std::string> current;  // framework key -> scoring key
  for (const auto& fw : cat.frameworks) current[fw.key()] = scoring_key(fw);
  std::vector<StoredScore> out;
  std::unordered_map<int64_t, size_t> index;
  {
    auto st = db.prepare(
        "SELECT a.id, a.org_id, a.framework, a.framework_version, a.period, a.role, s.scoring_key "
        "FROM assessments a JOIN assessment_scores s ON s.assessment_id=a.id AND s.part='overall' "
        "WHERE (?1 IS NULL OR a.org_id=?1) AND (?2='' OR a.period=?2) ORDER BY a.id");
    st.bind(1, org_id).bind(2, period);
    while (st.step()) {
      // Tallies of a framework no longer loaded cannot be vouched for: left out. (The parts of
      // one assessment are always written together, with one key.)
      auto key = current.find(st.str(2) + "@" + st.str(3));
      if (key == current.end() || key->second != st.str(6)) continue;
      StoredScore s;
      s.assessment_id = st.i64(0);
      s.org_id = st.i64(1);
      s.framework = st.str(2);
      s.period = st.str(4);
      s.role = st.str(5);
      index[s.assessment_id] = out.size();
      out.push_back(std::move(s));
    }
  }
  auto st = db.prepare(
      "SELECT s.assessment_id, s.part, s.questions, s.answered, s.implemented, s.partial, "
      "s.not_implemented, s.not_applicable, s.unanswered, s.maturity_sum, s.maturity_count "
      "FROM assessment_scores s JOIN assessments a ON a.id=s.assessment_id "
      "WHERE (?1 IS NULL OR a.org_id=?1) AND (?2='' OR a.period=?2)");
  st.bind(1, org_id).bind(2, period);
  while (st.step()) {
    auto at = index.find(st.i64(0));
    if (at == index.end()) continue;
    StoredScore& s = out[at->second];
    std::string part = st.str(1);
    Tally t = read_tally(st, 2);
    if (part == kOverall)
      s.overall = t;
    else if (part == kRecommended)
      s.recommended = t;
    else if (part == kReference)
      s.reference = t;
    else if (part.rfind(kChapterPrefix, 0) == 0)
      s.by_chapter[part.substr(kChapterPrefix.size())] = t;
  }
  return out;
}

}  // namespace anzen::assess
