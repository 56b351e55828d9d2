#include "incident/register.h"

#include "common/clock.h"

#include <algorithm>

#include "common/csv.h"
#include "common/date.h"
#include "common/uuid.h"
#include "common/vocabulary.h"
#include "incident/missing.h"
#include "incident/timeline.h"
#include "store/audit.h"

namespace anzen::incident {
using nlohmann::json;

namespace {
const bool kRegistered = (store::register_migrations({{200, "incident register", R"(
CREATE TABLE incidents (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES organizations(id),
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','closed')),
  event_json TEXT NOT NULL,
  classification_json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX incidents_org ON incidents(org_id);
CREATE TABLE incident_timeline (
  id INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  text TEXT NOT NULL
);
)"},
                                                      {201, "incident details", R"(
ALTER TABLE incidents ADD COLUMN details_json TEXT NOT NULL DEFAULT '{}';
)"},
                                                      {220, "filed reports", R"(
CREATE TABLE incident_filings (
  id INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  org_id INTEGER NOT NULL REFERENCES organizations(id),
  kind TEXT NOT NULL,
  report_type TEXT NOT NULL,
  form TEXT NOT NULL,
  filed_at TEXT NOT NULL,
  filed_by TEXT NOT NULL,
  reference TEXT NOT NULL DEFAULT '',
  evidence_name TEXT NOT NULL DEFAULT '',
  evidence_sha256 TEXT NOT NULL DEFAULT '',
  evidence_size INTEGER NOT NULL DEFAULT 0,
  evidence BLOB,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  UNIQUE (incident_id, kind, report_type)
);
CREATE INDEX incident_filings_org ON incident_filings(org_id);
)"}}),
                          true);

Incident read(store::Stmt& st) {
  Incident i;
  i.id = st.i64(0);
  i.org_id = st.i64(1);
  i.title = st.str(2);
  i.description = st.str(3);
  i.status = st.str(4);
  i.event = json::parse(st.str(5));
  i.classification = json::parse(st.str(6));
  i.created_at = st.str(7);
  i.updated_at = st.str(8);
  i.details = json::parse(st.str(9));
  return i;
}
constexpr const char* kCols = "id, org_id, title, description, status, event_json, classification_json, created_at, updated_at, details_json";

// When to judge an ongoing incident: now, or later when its stored verdict was made later (a
// clock tick with a simulated time ahead of this process's clock) — time never runs backwards.
Instant judge_at(const json& stored, Instant now) {
  if (stored.value("ongoing", false) && stored.contains("as_of") && stored["as_of"].is_string()) {
    if (auto t = parse_instant(stored["as_of"].get<std::string>())) return std::max(now, *t);
  }
  return now;
}

void check_details(const json& d) {
  if (!d.is_object())
    throw InvalidEvent("details", "詳細はオブジェクトで指定してください。", "Expected an object.",
                       "wrong_type");
  for (const char* k : {"prefectures", "facility_functions"}) {
    if (d.contains(k) && !d[k].is_array()) {
      throw InvalidEvent(std::string("details.") + k, "文字列の一覧で指定してください。",
                         "Expected a list of text.", "wrong_type");
    }
  }
  for (const char* k : {"cause", "actions"}) {
    if (d.contains(k) && !d[k].is_string()) {
      throw InvalidEvent(std::string("details.") + k, "文字列で指定してください。",
                         "Expected text.", "wrong_type");
    }
  }
  if (d.contains("links") && !d["links"].is_object()) {
    throw InvalidEvent("details.links",
                       "関連は {assets, risks, questions} の形で指定してください。",
                       "Expected {assets, risks, questions}.", "wrong_type");
  }
}
}  // namespace

Incident Register::create(int64_t org_id, const std::string& title, const std::string& description, const json& event, Instant now,
                          const json& details) {
  check_details(details);
  (void)kRegistered;
  if (title.empty())
    throw InvalidEvent("title", "件名を入力してください。", "Enter a title.", "required",
                       "must not be empty");
  Event e = event_from_json(event);
  json verdict = verdict_json(classify(e, rules_, now));
  int64_t id = 0;
  db_.transaction([&] {
    std::string ts = utc_iso(now);
    db_.prepare(std::string("INSERT INTO incidents(org_id, title, description, event_json, classification_json, created_at, updated_at, details_json) VALUES (?,?,?,?,?,?,?,?)"))
        .bind(1, org_id).bind(2, title).bind(3, description).bind(4, event.dump()).bind(5, verdict.dump()).bind(6, ts).bind(7, ts).bind(8, details.dump()).run();
    id = db_.last_insert_id();
    add_timeline(db_, id, now, actor_, "登録 / registered");
    store::audit_append(db_, {actor_, org_id, "incident", std::to_string(id), "create", nullptr, {{"title", title}, {"event", event}}});
  });
  return *get(org_id, id);
}

Incident Register::update(int64_t org_id, int64_t id, const json& patch, const std::string& note, Instant now) {
  auto cur = get(org_id, id);
  if (!cur) throw std::out_of_range("no such incident");
  json event = cur->event;
  for (const auto& [k, v] : patch.items()) {
    if (k == "status" || k == "title" || k == "description" || k == "details") continue;
    event[k] = v;
  }
  Event e = event_from_json(event);
  json verdict = verdict_json(classify(e, rules_, judge_at(cur->classification, now)));
  std::string status = patch.value("status", cur->status);
  json details = cur->details;
  if (patch.contains("affected_users") && patch["affected_users"] != cur->event["affected_users"]) {
    details["user_estimates"].push_back({{"at", utc_iso(now)},
                                         {"by", actor_},
                                         {"from", cur->event["affected_users"]},
                                         {"to", patch["affected_users"]}});
  }
  if (patch.contains("details")) {
    check_details(patch["details"]);
    for (const auto& [k, v] : patch["details"].items()) details[k] = v;
  }
  if (status != "open" && status != "closed") {
    const std::vector<std::string> statuses = {"open", "closed"};
    throw InvalidEvent(
        "status",
        "状況は一覧から選んでください（" + vocab::labels("incidentstatus", statuses, "ja") + "）。",
        "Choose the status from the list (" + vocab::labels("incidentstatus", statuses, "en") +
            ").",
        "not_in_list", "expected open or closed");
  }
  db_.transaction([&] {
    std::string ts = utc_iso(now);
    db_.prepare("UPDATE incidents SET event_json=?, classification_json=?, status=?, updated_at=?, details_json=? WHERE id=? AND org_id=?")
        .bind(1, event.dump()).bind(2, verdict.dump()).bind(3, status).bind(4, ts).bind(5, details.dump()).bind(6, id).bind(7, org_id).run();
    std::string text = note.empty() ? "更新 / updated: " + patch.dump() : note + " (" + patch.dump() + ")";
    add_timeline(db_, id, now, actor_, text);
    store::audit_append(db_, {actor_, org_id, "incident", std::to_string(id), "update", cur->event, event});
  });
  return *get(org_id, id);
}

json to_json(const Incident& i) {
  return {{"id", i.id},
          {"org", i.org_id},
          {"title", i.title},
          {"description", i.description},
          {"status", i.status},
          {"event", i.event},
          {"details", i.details},
          {"classification", i.classification},
          {"created_at", i.created_at},
          {"updated_at", i.updated_at}};
}

json to_json(const Obligation& o) {
  return {{"incident", o.incident_id},
          {"title", o.incident_title},
          {"kind", o.kind},
          {"type", o.type},
          {"form", o.form},
          {"due", o.due ? json(o.due->str()) : json()},
          {"overdue", o.overdue}};
}

std::optional<int> fiscal_year_of(const Incident& i) {
  auto t = parse_instant(i.event.value("started_at", ""));
  if (!t) return std::nullopt;
  return anzen::fiscal_year_of(jst_day(*t));
}

std::vector<Incident> Register::periodic_of_year(int64_t org_id, int fy) {
  std::vector<Incident> out;
  for (const auto& i : list(org_id)) {
    if (fiscal_year_of(i) != fy) continue;
    for (const auto& c : i.classification["classifications"]) {
      if (c["kind"] == "periodic_report_accident" || c["kind"] == "serious_accident" ||
          c["kind"] == "facility_info_leak") {
        out.push_back(i);
        break;
      }
    }
  }
  std::reverse(out.begin(), out.end());
  return out;
}

std::string Register::periodic_csv(int64_t org_id, int fy) {
  auto s = [](const json& j) { return j.is_string() ? j.get<std::string>() : j.is_null() ? std::string() : j.dump(); };
  // const operator[] on a missing key is undefined behaviour in nlohmann::json; value() is not.
  auto ev = [](const Incident& i, const char* k) { return i.event.value(k, json()); };
  std::string out =
      "\xEF\xBB\xBF" + csv::export_row({"ID", "件名", "区分", "役務の区分", "影響利用者数", "発生日時",
                                 "復旧日時", "継続時間(分)", "設備", "都道府県", "原因", "措置",
                                 "様式", "報告期限", "未確認の値への依拠"});
  for (const auto& i : periodic_of_year(org_id, fy)) {
    std::string kinds, forms, dues, caveats;
    for (const auto& c : i.classification["classifications"]) {
      if (c["kind"] != "periodic_report_accident" && c["kind"] != "serious_accident" &&
          c["kind"] != "facility_info_leak")
        continue;
      kinds += (kinds.empty() ? "" : " ") + c["label"]["ja"].get<std::string>();
      if (c.contains("caveat"))
        caveats += (caveats.empty() ? "" : " ") + c["caveat"]["ja"].get<std::string>();
      for (const auto& r : c["reports"]) {
        if (r["due"].is_null()) continue;
        forms += (forms.empty() ? "" : " ") + r["form"].get<std::string>();
        dues += (dues.empty() ? "" : " ") + r["due"].get<std::string>();
      }
    }
    std::string prefs;
    for (const auto& p : i.details.value("prefectures", json::array())) prefs += (prefs.empty() ? "" : "・") + s(p);
    out += csv::export_row({std::to_string(i.id), i.title, kinds, s(ev(i, "service_category")),
                     s(ev(i, "affected_users")), s(ev(i, "started_at")), s(ev(i, "ended_at")),
                     std::to_string(i.classification.value("duration_minutes", 0)),
                     s(ev(i, "facility")), prefs, s(i.details.value("cause", json())),
                     s(i.details.value("actions", json())), forms, dues, caveats});
  }
  return out;
}

std::optional<Incident> Register::get(int64_t org_id, int64_t id) {
  auto st = db_.prepare(std::string("SELECT ") + kCols + " FROM incidents WHERE id=? AND org_id=?");
  st.bind(1, id).bind(2, org_id);
  if (!st.step()) return std::nullopt;
  Incident i = read(st);
  i.filings = filings_of(org_id, id);
  return i;
}

std::vector<Incident> Register::list(int64_t org_id) {
  std::vector<Incident> out;
  auto st = db_.prepare(std::string("SELECT ") + kCols + " FROM incidents WHERE org_id=? ORDER BY id DESC");
  st.bind(1, org_id);
  while (st.step()) out.push_back(read(st));
  auto filed = filings_of(org_id, std::nullopt);
  for (auto& i : out) {
    for (const auto& f : filed)
      if (f.incident_id == i.id) i.filings.push_back(f);
  }
  return out;
}

std::vector<Filing> Register::filings_of(int64_t org_id, std::optional<int64_t> incident_id,
                                         std::optional<int64_t> filing_id) {
  std::vector<Filing> out;
  auto st =
      db_.prepare(std::string("SELECT id, incident_id, kind, report_type, form, filed_at, "
                              "filed_by, reference, evidence_name, evidence_sha256, evidence_size, "
                              "recorded_at, recorded_by FROM incident_filings WHERE org_id=?") +
                  (incident_id ? " AND incident_id=?" : "") + (filing_id ? " AND id=?" : "") +
                  " ORDER BY id");
  int param = 1;
  st.bind(param++, org_id);
  if (incident_id) st.bind(param++, *incident_id);
  if (filing_id) st.bind(param++, *filing_id);
  while (st.step()) {
    out.push_back({st.i64(0), st.i64(1), st.str(2), st.str(3), st.str(4), st.str(5), st.str(6),
                   st.str(7), st.str(8), st.str(9), st.i64(10), st.str(11), st.str(12)});
  }
  return out;
}

std::vector<Register::TimelineEntry> Register::timeline(int64_t id) {
  std::vector<TimelineEntry> out;
  auto st = db_.prepare("SELECT at, actor, text FROM incident_timeline WHERE incident_id=? ORDER BY id");
  st.bind(1, id);
  while (st.step()) out.push_back({st.str(0), st.str(1), st.str(2)});
  return out;
}

json current_verdict(const Incident& i, const std::vector<RuleSet>& rules, Instant now) {
  bool settled = i.status != "open" || !i.event.value("ended_at", json()).is_null();
  json v = settled ? i.classification
                   : verdict_json(classify(event_from_json(i.event), rules,
                                           judge_at(i.classification, now)));
  for (auto& c : v["classifications"]) {
    for (auto& r : c["reports"]) {
      for (const auto& f : i.filings) {
        if (f.kind != c["kind"] || f.type != r["type"]) continue;
        r["filed"] = {{"id", f.id},
                      {"at", f.filed_at},
                      {"by", f.filed_by},
                      {"reference", f.reference},
                      {"recorded_by", f.recorded_by}};
        if (!f.evidence_name.empty())
          r["filed"]["evidence"] = {
              {"name", f.evidence_name}, {"sha256", f.evidence_sha256}, {"bytes", f.evidence_size}};
      }
    }
  }
  Instant at = judge_at(v, now);
  if (auto t = parse_instant(v.value("as_of", ""))) at = settled ? *t : at;
  v["missing_inputs"] = missing_inputs_json(missing_inputs(i.event, rules, at));
  return v;
}

std::vector<Unfiled> unfiled_reports(const json& verdict) {
  std::vector<Unfiled> out;
  for (const auto& c : verdict.value("classifications", json::array())) {
    for (const auto& r : c.value("reports", json::array())) {
      if (r.contains("filed")) continue;
      Unfiled u{c["kind"], r["type"], r["form"], std::nullopt};
      if (r["due"].is_string()) u.due = parse_date(r["due"].get<std::string>());
      out.push_back(u);
    }
  }
  return out;
}

Filing Register::file_report(int64_t org_id, int64_t id, const FilingInput& in, Instant now) {
  auto inc = current(org_id, id, now);
  if (!inc) throw std::out_of_range("no such incident");
  static const std::vector<std::string> kTypes = {"prompt", "detailed", "periodic", "review"};
  if (std::find(kTypes.begin(), kTypes.end(), in.type) == kTypes.end())
    throw InvalidEvent(
        "report",
        "報告の種類は一覧から選んでください（" + vocab::labels("report", kTypes, "ja") + "）。",
        "Choose the report from the list (" + vocab::labels("report", kTypes, "en") + ").",
        "not_in_list", "got '" + in.type + "', expected one of prompt, detailed, periodic, review");
  std::vector<std::pair<std::string, json>> found;  // (kind, report)
  std::string due_list;
  std::vector<std::string> due_types;
  for (const auto& c : inc->classification["classifications"]) {
    for (const auto& r : c["reports"]) {
      due_list += (due_list.empty() ? "" : ", ") + r["type"].get<std::string>() + " (" +
                  c["kind"].get<std::string>() + ")";
      due_types.push_back(r["type"].get<std::string>());
      if (r["type"] == in.type && (in.kind.empty() || c["kind"] == in.kind))
        found.emplace_back(c["kind"], r);
    }
  }
  const std::string type_ja = vocab::label_or_code("report", in.type, "ja");
  const std::string type_en = vocab::label_or_code("report", in.type, "en");
  if (found.empty())
    throw InvalidEvent(
        "report",
        "このインシデントに提出を要する" + type_ja + "はありません（必要な報告: " +
            (due_types.empty() ? "なし" : vocab::labels("report", due_types, "ja")) + "）。",
        "This incident has no " + type_en + " to file (its reports: " +
            (due_types.empty() ? "none" : vocab::labels("report", due_types, "en")) + ").",
        "not_found",
        "this incident has no " + in.type + " report" + (in.kind.empty() ? "" : " for " + in.kind) +
            " to file (its reports: " + (due_list.empty() ? "none" : due_list) + ")");
  if (found.size() > 1)
    throw InvalidEvent(
        "kind", "複数の分類に" + type_ja + "があります。どの分類の報告かを指定してください。",
        "Several classifications have a " + type_en + ": name one.", "ambiguous",
        "several classifications have a " + in.type + " report: name one (" + due_list + ")");
  // Named copies, not a structured binding: lambdas may not capture bindings before C++20's
  // P1091 (clang 14, which builds the fuzz targets, refuses them).
  const std::string kind = found.front().first;
  const json& report = found.front().second;
  if (report.contains("filed"))
    throw InvalidEvent("report",
                       "この" + type_ja + "は " +
                           date::display_time(report["filed"]["at"].get<std::string>(), "ja") +
                           " に " + report["filed"]["by"].get<std::string>() +
                           " が提出済みとして記録しています。",
                       "This " + type_en + " was already filed on " +
                           date::display_time(report["filed"]["at"].get<std::string>(), "en") +
                           " by " + report["filed"]["by"].get<std::string>() + ".",
                       "already_filed",
                       "already filed on " + report["filed"]["at"].get<std::string>() + " by " +
                           report["filed"]["by"].get<std::string>());
  if (in.filed_at > now)
    throw InvalidEvent("filed_at", "提出日時が未来になっています。",
                       "The filing time is in the future.", "in_future", "is in the future");
  if (in.filed_by.empty())
    throw InvalidEvent("filed_by", "提出者を入力してください。", "Enter who filed it.", "required",
                       "must not be empty");
  Filing f;
  db_.transaction([&] {
    std::string ts = utc_iso(now);
    std::string sha = in.evidence_name.empty() ? "" : sha256_hex(in.evidence_content);
    auto st = db_.prepare(
        "INSERT INTO incident_filings(incident_id, org_id, kind, report_type, form, filed_at, "
        "filed_by, reference, evidence_name, evidence_sha256, "
        "evidence_size, evidence, recorded_at, recorded_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    st.bind(1, id)
        .bind(2, org_id)
        .bind(3, kind)
        .bind(4, in.type)
        .bind(5, report["form"].get<std::string>())
        .bind(6, format_jst(in.filed_at));
    st.bind(7, in.filed_by).bind(8, in.reference).bind(9, in.evidence_name).bind(10, sha);
    st.bind(11, static_cast<int64_t>(in.evidence_name.empty() ? 0 : in.evidence_content.size()));
    if (in.evidence_name.empty())
      st.bind(12, nullptr);
    else
      st.bind_blob(12, in.evidence_content);
    st.bind(13, ts).bind(14, actor_).run();
    int64_t fid = db_.last_insert_id();
    std::string text = "報告の提出 / report filed: " + report["form"].get<std::string>() + " " +
                       vocab::label_or_code("report", in.type, "ja") + " / " +
                       vocab::label_or_code("report", in.type, "en") + "（" +
                       date::display_time(format_jst(in.filed_at), "ja") + "、" + in.filed_by +
                       (in.reference.empty() ? "" : "、" + in.reference) + "）";
    add_timeline(db_, id, now, actor_, text);
    json after = {{"kind", kind},
                  {"type", in.type},
                  {"form", report["form"]},
                  {"filed_at", format_jst(in.filed_at)},
                  {"filed_by", in.filed_by},
                  {"reference", in.reference}};
    if (!sha.empty())
      after["evidence"] = {
          {"name", in.evidence_name}, {"sha256", sha}, {"bytes", in.evidence_content.size()}};
    store::audit_append(
        db_, {actor_, org_id, "incident_report", std::to_string(id) + "/" + std::to_string(fid),
              "file", nullptr, after});
    f = filings_of(org_id, id).back();
  });
  return f;
}

std::optional<std::pair<Filing, std::string>> Register::filing_document(int64_t org_id,
                                                                        int64_t filing_id) {
  auto found = filings_of(org_id, std::nullopt, filing_id);
  if (found.empty() || found.front().evidence_name.empty()) return std::nullopt;
  auto st = db_.prepare("SELECT evidence FROM incident_filings WHERE id=? AND org_id=?");
  st.bind(1, filing_id).bind(2, org_id);
  if (!st.step()) return std::nullopt;
  return std::make_pair(found.front(), st.str(0));
}

std::vector<std::string> verdict_kinds(const json& verdict) {
  std::vector<std::string> out;
  for (const auto& c : verdict.value("classifications", json::array())) out.push_back(c.value("kind", ""));
  return out;
}

std::optional<Incident> Register::current(int64_t org_id, int64_t id, Instant now) {
  auto i = get(org_id, id);
  if (i) i->classification = current_verdict(*i, rules_, now);
  return i;
}

std::vector<Incident> Register::list_current(int64_t org_id, Instant now) {
  auto out = list(org_id);
  for (auto& i : out) i.classification = current_verdict(i, rules_, now);
  return out;
}

std::vector<Incident> Register::ongoing_all() {
  std::vector<Incident> out;
  auto st = db_.prepare(std::string("SELECT ") + kCols + " FROM incidents WHERE status='open' ORDER BY id");
  while (st.step()) {
    Incident i = read(st);
    if (i.event.value("ended_at", json()).is_null()) out.push_back(std::move(i));
  }
  return out;
}

bool Register::reclassify(int64_t org_id, int64_t id, Instant now) {
  auto cur = get(org_id, id);
  if (!cur) throw std::out_of_range("no such incident");
  json verdict = current_verdict(*cur, rules_, now);
  auto before = verdict_kinds(cur->classification), after = verdict_kinds(verdict);
  // Only a change of classification is stored: the same verdict at a later moment is what
  // current_verdict computes anyway, and rewriting every ongoing incident on every tick
  // would cost a write each.
  if (before == after) return false;
  db_.transaction([&] {
    db_.prepare("UPDATE incidents SET classification_json=?, updated_at=? WHERE id=? AND org_id=?")
        .bind(1, verdict.dump())
        .bind(2, utc_iso(now))
        .bind(3, id)
        .bind(4, org_id)
        .run();
    std::string why_ja, why_en, when;
    for (const auto& c : verdict["classifications"]) {
      why_ja += (why_ja.empty() ? "" : "・") + c["label"]["ja"].get<std::string>() + "（" +
                c["rule"].get<std::string>() +
                (c["threshold_label"]["ja"].get<std::string>().empty()
                     ? ""
                     : " " + c["threshold_label"]["ja"].get<std::string>()) +
                "）";
      why_en += (why_en.empty() ? "" : ", ") + c["label"]["en"].get<std::string>();
      for (const auto& r : c["reports"]) {
        if (r.contains("triggered_at") && when.empty()) when = r["triggered_at"].get<std::string>();
      }
    }
    std::string text =
        "判定の変更 / classification changed: " + why_ja + " / " + why_en +
        (when.empty() ? ""
                      : "。基準到達 " + date::display_time(when, "ja") +
                            "（速報はこの時点から） / threshold crossed at " +
                            date::display_time(when, "en") + " (prompt report due from then)");
    add_timeline(db_, id, now, actor_, text);
    store::audit_append(db_, {actor_, org_id, "incident", std::to_string(id), "reclassify", cur->classification, verdict});
  });
  return true;
}

std::vector<Obligation> Register::obligations(int64_t org_id, Instant now) {
  Date today = jst_date(now);
  std::vector<Obligation> out;
  for (const auto& inc : list_current(org_id, now)) {
    for (const auto& c : inc.classification["classifications"]) {
      for (const auto& r : c["reports"]) {
        if (r.contains("filed")) continue;
        Obligation o{inc.id, inc.title, c["kind"], r["type"], r["form"], std::nullopt, false};
        if (r["due"].is_string()) {
          o.due = parse_date(r["due"].get<std::string>());
          o.overdue = o.due && *o.due < today;
        }
        out.push_back(o);
      }
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Obligation& a, const Obligation& b) {
    auto key = [](const Obligation& o) { return std::make_tuple(o.overdue ? 0 : o.due ? 2 : 1, o.due.value_or(Date{})); };
    return key(a) < key(b);
  });
  return out;
}

}  // namespace anzen::incident
