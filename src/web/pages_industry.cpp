// The industry benchmark, operator side: the profile, a preview of exactly what leaves, the
// signed submission download, and the comparison with a published benchmark (box plots with
// the own score marked).
#include "catalog/catalog_dir.h"
#include "common/clock.h"
#include "industry/crypto.h"
#include "industry/key_file.h"
#include "industry/profile.h"
#include "industry/service.h"
#include "store/audit.h"
#include "web/assess_view.h"
#include "web/html.h"
#include "web/layout.h"
#include "web/router.h"
#include "web/svg.h"

namespace anzen::web {
using nlohmann::json;

namespace {

industry::IndustryService service(Ctx& c) {
  std::string path = c.db.path();
  return industry::IndustryService(
      c.db, c.catalogs.catalog(), [path] { return industry::load_or_create_kek(path); },
      utc_now_iso, c.actor());
}

// Refused input is the caller's to fix: 400 with the reason.
template <class F>
auto bad_request_on_refusal(F&& f) {
  try {
    return f();
  } catch (const industry::IndustryError& e) {
    throw HttpError(400, e.what());
  } catch (const industry::DocumentError& e) {
    throw HttpError(400, e.what());
  }
}

std::string pct(const json& v) {
  if (!v.is_number()) return "–";
  char b[16];
  std::snprintf(b, sizeof b, "%.1f%%", v.get<double>() * 100);
  return b;
}

std::string base(int64_t id) { return "/assessments/" + std::to_string(id) + "/industry"; }

std::string profile_html(Ctx& c, industry::IndustryService& svc, const assess::Assessment& a) {
  bool en = c.lang == "en";
  std::string b = "<h2>" +
                  std::string(en ? "Profile sent with the scores" : "スコアと共に送る組織区分") +
                  "</h2>";
  try {
    auto p = svc.profile(a.org_id);
    const auto* band = industry::size_band(p.size_band);
    std::string services;
    for (const auto& s : p.services)
      services += (services.empty() ? "" : (en ? ", " : "、")) + industry::service_label(s, c.lang);
    b += "<table><tbody><tr><th>" + std::string(en ? "Role" : "区分") + "</th><td>" +
         esc(industry::role_label(p.role, c.lang)) + "</td></tr><tr><th>" +
         (en ? "Size band (users)" : "規模（利用者数）") + "</th><td>" +
         esc(en ? band->en : band->ja) + "</td></tr><tr><th>" +
         (en ? "Service categories" : "サービス区分") + "</th><td>" + esc(services) +
         "</td></tr></tbody></table>";
  } catch (const industry::IndustryError&) {
    b += "<p class=\"error\">" +
         std::string(en ? "The size band is not set: enter the number of users under "
                          "Administration, or run `anzen org profile`."
                        : "規模が未設定です。管理画面で利用者数を入力するか、`anzen org profile` "
                          "で設定してください。") +
         "</p>";
  }
  return b;
}

std::string preview_page(Ctx& c, const assess::Assessment& a) {
  bool en = c.lang == "en";
  auto svc = service(c);
  std::string sid = c.param("submitter_id");
  std::string b = "<h1>" + std::string(en ? "Industry benchmark" : "業界ベンチマーク") + " — " +
                  esc(a.period) + "</h1><p>" +
                  (en ? "Only the scores below leave Anzen: no answer, comment, evidence, person's "
                        "or organisation's name."
                      : "送信されるのは下記のスコアだけです。回答・コメント・証跡・担当者名・組織名"
                        "は含まれません。") +
                  "</p>";
  b += profile_html(c, svc, a);
  b += "<form method=\"get\" action=\"" + base(a.id) + "\"><label for=\"sid\">" +
       (en ? "Submitter id (given by the aggregator)" : "提出者 ID（集計機関が登録時に付与）") +
       "</label><input type=\"number\" min=\"1\" id=\"sid\" name=\"submitter_id\" value=\"" +
       esc(sid) + "\" required> <button type=\"submit\">" + (en ? "Preview" : "プレビュー") +
       "</button></form>";
  if (!sid.empty()) {
    int64_t id = 0;
    try {
      id = std::stoll(sid);
    } catch (const std::exception&) {
      throw HttpError(400, "submitter_id: expected a number");
    }
    auto preview = bad_request_on_refusal([&] { return svc.preview_json(a, id); });
    b += "<h2>" + std::string(en ? "Exactly what leaves" : "送信される内容（そのまま）") +
         "</h2><table><thead><tr><th>" + (en ? "Figure" : "指標") + "</th><th class=\"num\">" +
         (en ? "Coverage" : "充足率") + "</th></tr></thead><tbody>";
    for (const auto& m : industry::metrics_of(c.catalogs.catalog(), framework_of(c, a))) {
      b += "<tr><td>" + esc(m.label.in(c.lang)) + "</td><td class=\"num\">" +
           pct(preview["scores"][m.id]) + "</td></tr>";
    }
    b += "</tbody></table><details><summary>JSON</summary><pre id=\"submission-json\">" +
         esc(preview.dump(2)) + "</pre></details>";
    b += "<p class=\"muted\">" +
         std::string(
             en ? "The file gets a fresh random nonce and the signing time, and is signed with the "
                  "organisation's key."
                : "ファイルには新しい乱数（nonce）と署名時刻が入り、組織の鍵で署名されます。") +
         "</p>";
    if (c.user && can_edit(c.user->role)) {
      b += "<form method=\"post\" action=\"" + base(a.id) + "/submission\">" + csrf_field(c) +
           "<input type=\"hidden\" name=\"submitter_id\" value=\"" + std::to_string(id) +
           "\"><button type=\"submit\">" +
           (en ? "Download the signed submission" : "署名済み提出ファイルをダウンロード") +
           "</button></form>";
    }
  }
  b += "<h2>" +
       std::string(en ? "Compare with a published benchmark" : "公表されたベンチマークと比較") +
       "</h2><form method=\"post\" enctype=\"multipart/form-data\" action=\"" + base(a.id) +
       "/compare\">" + csrf_field(c) + "<label for=\"bm\">" +
       (en ? "Benchmark file (signed JSON)" : "ベンチマークファイル（署名付き JSON）") +
       "</label><input type=\"file\" id=\"bm\" name=\"benchmark\" "
       "accept=\".json,application/json\" required><p><button type=\"submit\">" +
       (en ? "Compare" : "比較する") + "</button></p></form>";
  return b;
}

std::string compare_page(Ctx& c, const assess::Assessment& a, const json& cmp) {
  bool en = c.lang == "en";
  std::string b = "<h1>" + std::string(en ? "Position among peers" : "業界内の位置") + " — " +
                  esc(a.period) + "</h1>";
  if (cmp["synthetic"].get<bool>())
    b += "<p class=\"error\">" +
         std::string(en ? "Synthetic benchmark: for tests only."
                        : "合成データによるベンチマークです（試験専用）。") +
         "</p>";
  b += "<p class=\"muted\">" + std::string(en ? "Benchmark " : "ベンチマーク ") +
       esc(cmp["period"].get<std::string>()) + "、k = " + std::to_string(cmp["k"].get<int>()) +
       (en ? ". Boxes: first to third quartile, line: median; the red marker is your score. Minima "
             "and maxima are not published."
           : "。箱は第1〜第3四分位、線は中央値、赤い印が自組織のスコアです。最小値・最大値は公表さ"
             "れません。") +
       "</p>";
  b += "<table><thead><tr><th>" + std::string(en ? "Figure" : "指標") + "</th><th class=\"num\">" +
       (en ? "Own" : "自組織") + "</th><th class=\"num\">" +
       (en ? "Sector median [Q1–Q3]" : "業界中央値 [Q1–Q3]") + "</th><th class=\"num\">" +
       (en ? "Own group median" : "同規模群の中央値") + "</th><th>" + (en ? "Band" : "位置") +
       "</th><th class=\"num\">" + (en ? "T-score" : "偏差値") + "</th><th class=\"num\">" +
       (en ? "Change vs. last period" : "前期比") + "</th></tr></thead><tbody>";
  for (const auto& m : cmp["metrics"]) {
    const auto& s = m["sector"];
    std::string change = "–";
    if (!m["history"].empty() && m["history"][0]["change"].is_number()) {
      double d = m["history"][0]["change"].get<double>() * 100;
      char buf[32];
      std::snprintf(buf, sizeof buf, "%+.1f pt", d);
      change = buf;
    }
    b += "<tr><td>" + esc(m["label"][c.lang].get<std::string>()) + "</td><td class=\"num\">" +
         pct(m["own"]) + "</td><td class=\"num\">" +
         (s.is_object() ? pct(s["median"]) + " [" + pct(s["q1"]) + "–" + pct(s["q3"]) + "]"
                        : (en ? "withheld" : "秘匿")) +
         "</td><td class=\"num\">" + (m["group"].is_object() ? pct(m["group"]["median"]) : "–") +
         "</td><td>" +
         (m.contains("quartile_band_label")
              ? esc(m["quartile_band_label"][c.lang].get<std::string>())
              : "–") +
         "</td><td class=\"num\">" +
         (m.contains("deviation_score") ? esc(json(m["deviation_score"]).dump()) : "–") +
         "</td><td class=\"num\">" + change + "</td></tr>";
  }
  b += "</tbody></table><h2>" + std::string(en ? "Box plots" : "箱ひげ図（箱のみ）") + "</h2>";
  for (const auto& m : cmp["metrics"]) {
    std::string id = m["id"];
    if (id != "overall" && id.rfind("chapter:", 0) != 0 && id.rfind("area:", 0) != 0) continue;
    std::vector<BoxRow> rows;
    for (const char* which : {"sector", "group"}) {
      const auto& s = m[which];
      if (!s.is_object()) continue;
      std::string label = std::string(which) == "sector"
                              ? (en ? "Whole sector" : "業界全体")
                              : m["group_label"][c.lang].get<std::string>();
      rows.push_back({label, s["q1"], s["median"], s["q3"],
                      "n=" + std::to_string(s["count"].get<int>()) + ", " +
                          (en ? "median " : "中央値 ") + pct(s["median"])});
    }
    if (rows.empty()) continue;
    std::optional<double> own;
    if (m["own"].is_number()) own = m["own"].get<double>();
    b += "<h3>" + esc(m["label"][c.lang].get<std::string>()) + "</h3><div class=\"boxplot\">" +
         box_plot_svg(m["label"][c.lang].get<std::string>(), rows, own,
                      en ? "Own score" : "自組織") +
         "</div>";
  }
  return b;
}

}  // namespace

void mount_industry_pages(Router& r) {
  r.get("/industry", [](Ctx& c) {
    auto latest = latest_assessment(c);
    if (!latest)
      return c.html(layout(c, "業界ベンチマーク", "<p>" + esc(c.t("dash.no_assessment")) + "</p>"));
    c.redirect(base(latest->id));
  });
  r.get(R"(/assessments/(\d+)/industry)", [](Ctx& c) {
    auto a = need_assessment(c, c.path_id(1));
    c.html(
        layout(c, c.lang == "en" ? "Industry benchmark" : "業界ベンチマーク", preview_page(c, a)));
  });
  r.post(R"(/assessments/(\d+)/industry/submission)", [](Ctx& c) {
    c.require_edit();
    auto a = need_assessment(c, c.path_id(1));
    auto svc = service(c);
    std::string doc = bad_request_on_refusal([&] {
      svc.keygen(a.org_id);
      return svc.sign_submission(a, c.id_param("submitter_id"));
    });
    c.db.transaction([&] {
      store::audit_append(c.db, {c.actor(),
                                 a.org_id,
                                 "industry_submission",
                                 std::to_string(a.id),
                                 "sign",
                                 nullptr,
                                 {{"period", a.period}}});
    });
    c.res.set_header("Content-Disposition",
                     "attachment; filename=\"anzen-submission-" + a.period + ".json\"");
    c.res.set_content(doc, "application/json");
  });
  r.post(R"(/assessments/(\d+)/industry/compare)", [](Ctx& c) {
    auto a = need_assessment(c, c.path_id(1));
    std::string text = c.param("benchmark");
    if (text.size() > industry::kMaxBenchmarkBytes)
      throw HttpError(400, "benchmark: larger than 16 MiB");
    auto svc = service(c);
    auto cmp = bad_request_on_refusal([&] { return svc.compare(a, text, ""); });
    c.html(layout(c, c.lang == "en" ? "Position among peers" : "業界内の位置",
                  compare_page(c, a, cmp)));
  });
}

}  // namespace anzen::web
