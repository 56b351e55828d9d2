#include "supplier/model.h"

#include "common/date.h"
#include "common/invalid.h"
#include "common/vocabulary.h"
#include "incident/calendar.h"

#include <cmath>
#include <functional>
#include <stdexcept>

namespace anzen::supplier {

Invalid unknown_supplier(int64_t supplier_id, const std::string& what) {
  std::string id = std::to_string(supplier_id);
  return Invalid("supplier", "ID " + id + " の委託先はこの組織にありません。",
                 "There is no supplier " + id + " in this organisation.", "not_found",
                 what.empty() ? "supplier: no supplier " + id + " in this organisation" : what);
}

std::string to_string(QStatus s) {
  switch (s) {
    case QStatus::sent:
      return "sent";
    case QStatus::in_progress:
      return "in_progress";
    case QStatus::submitted:
      return "submitted";
    case QStatus::returned:
      return "returned";
    case QStatus::accepted:
      return "accepted";
    case QStatus::rejected:
      return "rejected";
  }
  return "sent";
}

std::optional<QStatus> qstatus_from(std::string_view s) {
  for (auto q : {QStatus::sent, QStatus::in_progress, QStatus::submitted, QStatus::returned,
                 QStatus::accepted, QStatus::rejected}) {
    if (to_string(q) == s) return q;
  }
  return std::nullopt;
}

catalog::Text label(QStatus s) {
  return {vocab::label_or_code("qstatus", to_string(s), "ja"),
          vocab::label_or_code("qstatus", to_string(s), "en")};
}

bool answerable(QStatus s) {
  return s == QStatus::sent || s == QStatus::in_progress || s == QStatus::returned;
}

QStatus after_answer(QStatus s) {
  if (!answerable(s))
    throw Invalid("",
                  "この質問票は「" + vocab::label_or_code("qstatus", to_string(s), "ja") +
                      "」のため、回答できません。",
                  "The questionnaire is " + vocab::label_or_code("qstatus", to_string(s), "en") +
                      " and can no longer be answered.",
                  "wrong_state",
                  "the questionnaire is " + to_string(s) + " and can no longer be answered");
  return QStatus::in_progress;
}

void check_submit(QStatus s, const std::vector<std::string>& unanswered_ids) {
  if (!answerable(s))
    throw Invalid("",
                  "この質問票は「" + vocab::label_or_code("qstatus", to_string(s), "ja") +
                      "」のため、提出できません。",
                  "The questionnaire is " + vocab::label_or_code("qstatus", to_string(s), "en") +
                      " and cannot be submitted.",
                  "wrong_state",
                  "the questionnaire is " + to_string(s) + " and cannot be submitted");
  if (unanswered_ids.empty()) return;
  std::string list;
  for (size_t i = 0; i < unanswered_ids.size() && i < 5; ++i)
    list += (i ? ", " : "") + unanswered_ids[i];
  if (unanswered_ids.size() > 5) list += ", …";
  std::string n = std::to_string(unanswered_ids.size());
  throw Invalid(
      "",
      "未回答の質問が " + n + " 件あります（" + list + "）。すべてに回答してから提出してください。",
      n + " question(s) are unanswered: " + list + ".", "unanswered",
      n + " question(s) are unanswered: " + list);
}

std::optional<Verdict> verdict_from(std::string_view s) {
  if (s == "accept") return Verdict::accept;
  if (s == "return") return Verdict::ret;
  if (s == "reject") return Verdict::reject;
  return std::nullopt;
}

std::string to_string(Verdict v) {
  return v == Verdict::accept ? "accept" : v == Verdict::ret ? "return" : "reject";
}

QStatus after_review(QStatus s, Verdict v) {
  if (s != QStatus::submitted) {
    throw Invalid(
        "",
        "審査できるのは提出済の質問票だけです（この質問票は「" +
            vocab::label_or_code("qstatus", to_string(s), "ja") + "」）。",
        "Only a submitted questionnaire can be reviewed (this one is " +
            vocab::label_or_code("qstatus", to_string(s), "en") + ").",
        "wrong_state",
        "only a submitted questionnaire can be reviewed (this one is " + to_string(s) + ")");
  }
  return v == Verdict::accept ? QStatus::accepted
         : v == Verdict::ret  ? QStatus::returned
                              : QStatus::rejected;
}

bool unsatisfactory(assess::Status s) {
  return s == assess::Status::partial || s == assess::Status::not_implemented ||
         s == assess::Status::unanswered;
}

bool valid_corporate_number(std::string_view d) {
  if (d.size() != 13) return false;
  for (char ch : d) {
    if (ch < '0' || ch > '9') return false;
  }
  int sum = 0;
  for (int n = 1; n <= 12; ++n) {  // n counts from the last digit of the twelve
    int p = d[static_cast<size_t>(13 - n)] - '0';
    sum += p * (n % 2 == 1 ? 1 : 2);
  }
  return d[0] - '0' == 9 - sum % 9;
}

namespace {
std::string source_of(const catalog::SourceRef& s) {
  if (s.empty()) return "";
  return s.first == s.last || s.last == 0
             ? "line " + std::to_string(s.first)
             : "lines " + std::to_string(s.first) + "-" + std::to_string(s.last);
}

// Questions of one item's subtree, in catalog order.
void collect(const catalog::Framework& fw, size_t idx, bool has_checks,
             std::vector<Question>& out) {
  const auto& it = fw.items[idx];
  if (it.kind == "check") {
    for (const auto& q : it.questions)
      out.push_back({q.id, fw.id, it.id, q.text, source_of(q.source)});
    return;
  }
  for (size_t ch : it.children) collect(fw, ch, has_checks, out);
  // A framework without checks (controls, imported OSCAL catalogs): its leaves are the questions.
  if (!has_checks && it.children.empty()) {
    catalog::Text t{it.title.ja.empty() ? it.text.ja : it.title.ja,
                    it.title.en.empty() ? it.text.en : it.title.en};
    out.push_back({it.id, fw.id, it.id, t, source_of(it.source)});
  }
}
}  // namespace

namespace {
// The catalog lacks the standard (tcs-2023) or its chapter 10: the installation's catalogs.
Invalid tcs_missing(const std::string& field, const std::string& what) {
  return Invalid(
      field,
      "情報通信ネットワーク安全・信頼性基準（またはその第 10 章）が読み込まれていません。"
      "カタログの配置を確認してください。",
      "The catalog lacks the Telecommunications Safety and Reliability Standard "
      "(tcs-2023) or its chapter 10; check the catalogs folder.",
      "not_found", what);
}
}  // namespace

std::vector<Question> build_questions(const catalog::Catalog& cat, const std::string& tmpl) {
  std::vector<Question> out;
  if (tmpl == "maker") {
    const auto* fw = cat.find("tcs-2023");
    if (!fw) throw tcs_missing("template", "template maker: the tcs-2023 framework is not loaded");
    for (const auto* ch : fw->checks()) {
      if (ch->maker_rec != catalog::Recommendation::recommended) continue;
      for (const auto& q : ch->questions)
        out.push_back({q.id, fw->id, ch->id, q.text, source_of(q.source)});
    }
    return out;
  }
  auto colon = tmpl.find(':');
  std::string fw_id = tmpl.substr(0, colon);
  const auto* fw = cat.find(fw_id);
  if (!fw)
    throw Invalid(
        "template",
        "テンプレートの安全基準 " + fw_id +
            " は読み込まれていません。メーカー向けの質問票か、安全基準の ID（例: "
            "iso27002-2022:5.19）で指定してください。",
        "Unknown framework " + fw_id + " (expected maker or FRAMEWORK[:ITEM,…]).", "not_found",
        "template: unknown framework '" + fw_id + "' (expected maker or FRAMEWORK[:ITEM,…])");
  bool has_checks = !fw->checks().empty();
  if (colon == std::string::npos) {
    for (size_t i = 0; i < fw->items.size(); ++i) {
      if (fw->items[i].parent.empty()) collect(*fw, i, has_checks, out);
    }
  } else {
    std::string rest = tmpl.substr(colon + 1);
    size_t pos = 0;
    while (pos <= rest.size()) {
      size_t comma = rest.find(',', pos);
      std::string id =
          rest.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
      const auto* item = fw->find(id);
      if (!item)
        throw Invalid("template", "安全基準 " + fw_id + " に項目 " + id + " はありません。",
                      fw_id + " has no item " + id + ".", "not_found",
                      "template: " + fw_id + " has no item '" + id + "'");
      collect(*fw, static_cast<size_t>(item - fw->items.data()), has_checks, out);
      if (comma == std::string::npos) break;
      pos = comma + 1;
    }
  }
  // An item named twice, or inside another named item, is asked once.
  std::vector<Question> unique;
  for (auto& q : out) {
    bool seen = false;
    for (const auto& u : unique) seen = seen || u.id == q.id;
    if (!seen) unique.push_back(std::move(q));
  }
  if (unique.empty())
    throw Invalid("template", "テンプレート " + tmpl + " では質問が 1 つも選ばれません。",
                  "Template " + tmpl + " selects no questions.", "invalid",
                  "template " + tmpl + " selects no questions");
  return unique;
}

void add_custom(std::vector<Question>& qs, const std::vector<std::string>& texts) {
  int n = 0;
  for (const auto& t : texts) {
    if (t.empty())
      throw Invalid("custom", "追加の質問 " + std::to_string(n + 1) + " が空です。",
                    "Custom question " + std::to_string(n + 1) + " is empty.", "required",
                    "custom question " + std::to_string(n + 1) + " is empty");
    qs.push_back({"C" + std::to_string(++n), "", "", {t, ""}, ""});
  }
}

std::string to_string(Recurrence r) {
  return r == Recurrence::overdue ? "overdue" : r == Recurrence::due_soon ? "due_soon" : "ok";
}

void check_interval(int months) {
  if (months < 1 || months > 60)
    throw Invalid("interval", "再評価の間隔は 1〜60 か月で入力してください。",
                  "Enter an interval of 1 to 60 months.", "out_of_range",
                  "interval: expected 1 to 60 months, got " + std::to_string(months));
}

std::string add_months(const std::string& ymd, int months) {
  auto d = date::parse_iso(ymd);
  if (!d) throw std::invalid_argument("date: expected YYYY-MM-DD, got '" + ymd + "'");
  int total = d->y * 12 + (d->m - 1) + months;
  date::Ymd out{total / 12, total % 12 + 1, 0};
  out.d = std::min(d->d, date::days_in_month(out.y, out.m));
  return out.iso();
}

std::string next_assessment_due(const std::string& last_accepted, const std::string& registered,
                                int months) {
  return last_accepted.empty() ? registered.substr(0, 10)
                               : add_months(last_accepted.substr(0, 10), months);
}

Recurrence recurrence_state(const std::string& due, const std::string& today) {
  if (due < today) return Recurrence::overdue;
  auto t = incident::parse_date(today);
  if (!t) throw std::invalid_argument("today: expected YYYY-MM-DD, got '" + today + "'");
  return due <= incident::add_days(*t, kDueSoonDays).str() ? Recurrence::due_soon : Recurrence::ok;
}

std::pair<int, int> risk_position(assess::Status answer, std::string_view criticality,
                                  int likelihoods, int impacts) {
  auto scaled = [](int top, double share) {
    return std::max(1, static_cast<int>(std::ceil(top * share - 1e-9)));
  };
  int l = answer == assess::Status::not_implemented ? likelihoods : scaled(likelihoods, 0.6);
  int i = criticality == "high"  ? impacts
          : criticality == "low" ? scaled(impacts, 0.2)
                                 : scaled(impacts, 0.6);
  return {l, i};
}

std::vector<Clause> contract_clauses(const catalog::Catalog& cat) {
  const auto* fw = cat.find("tcs-2023");
  if (!fw) throw tcs_missing("contracts", "contracts: the tcs-2023 framework is not loaded");
  std::vector<Clause> out;
  std::function<void(size_t)> walk = [&](size_t idx) {
    const auto& it = fw->items[idx];
    bool leaf = true;
    for (size_t ch : it.children) {
      if (fw->items[ch].kind == "check") continue;
      leaf = false;
      walk(ch);
    }
    if (leaf && it.kind != "check") out.push_back({it.id, it.title, it.text, source_of(it.source)});
  };
  const auto* ch10 = fw->find("10");
  if (!ch10) throw tcs_missing("contracts", "contracts: tcs-2023 has no chapter 10");
  walk(static_cast<size_t>(ch10 - fw->items.data()));
  return out;
}

}  // namespace anzen::supplier
