#include "industry/publication.h"

#include <cstdio>

#include "common/xlsx_table.h"
#include "report/pdf.h"

namespace anzen::industry {
using nlohmann::json;

std::string japanese_date(const std::string& iso) {
  if (iso.size() < 10) return iso;
  return iso.substr(0, 4) + "年" + std::to_string(std::stoi(iso.substr(5, 2))) + "月" +
         std::to_string(std::stoi(iso.substr(8, 2))) + "日";
}

namespace {

std::string pct(const json& v) {
  if (!v.is_number()) return "";
  char b[16];
  std::snprintf(b, sizeof b, "%.1f%%", v.get<double>() * 100);
  return b;
}

const char* kSuppressed = "秘匿";

std::string synthetic_note(const json& p) {
  return p.value("synthetic", false)
             ? "【合成データ：試験・性能測定専用であり、実在の事業者の数値ではありません】"
             : "";
}

}  // namespace

std::string benchmark_xlsx(const json& p) {
  XlsxSheet about{"概要", {{"項目", "内容"}}, {28, 90}};
  about.rows.push_back({"年度", p["period"]});
  about.rows.push_back({"基準", p["framework"].get<std::string>() + " 版 " +
                                    p["framework_version"].get<std::string>()});
  about.rows.push_back({"作成日", japanese_date(p.value("generated_at", ""))});
  about.rows.push_back({"秘匿の閾値 k", std::to_string(p["k"].get<int>())});
  about.rows.push_back(
      {"四分位・中央値",
       "順位間の線形補間 h=(n−1)p（Hyndman-Fan 第7法、Excel QUARTILE.INC と同じ）"});
  about.rows.push_back({"標準偏差", "母標準偏差（n で割る）"});
  about.rows.push_back({"秘匿",
                        "提出者が k "
                        "未満の区分と、差し引きで復元できないよう追加で秘匿した区分は「秘匿」。最小"
                        "値・最大値は公表しない。"});
  if (p.value("synthetic", false)) about.rows.push_back({"注意", synthetic_note(p)});
  XlsxSheet stats{"統計",
                  {{"区分", "区分キー", "指標", "観点", "提出者数", "平均", "標準偏差", "第1四分位",
                    "中央値", "第3四分位"}},
                  {36, 30, 40, 10, 10, 10, 10, 10, 10, 10}};
  for (const auto& g : p["groups"]) {
    std::string label = g["label"]["ja"];
    if (g.value("suppressed", false)) {
      stats.rows.push_back({label, g["key"], "（全指標）", "", kSuppressed, "", "", "", "", ""});
      continue;
    }
    for (const auto& m : p["metrics"]) {
      const auto& st = g["stats"][m["id"].get<std::string>()];
      std::string view = m["view"] == "survey" ? "調査7分野" : "安全基準";
      if (st.is_null()) {
        stats.rows.push_back(
            {label, g["key"], m["label"]["ja"], view, kSuppressed, "", "", "", "", ""});
      } else {
        stats.rows.push_back({label, g["key"], m["label"]["ja"], view,
                              std::to_string(st["count"].get<int>()), pct(st.value("mean", json())),
                              pct(st.value("sd", json())), pct(st.value("q1", json())),
                              pct(st.value("median", json())), pct(st.value("q3", json()))});
      }
    }
  }
  return xlsx_workbook_bytes({about, stats});
}

std::string benchmark_pdf(const json& p) {
  report::Pdf pdf("業界ベンチマーク " + p["period"].get<std::string>());
  pdf.heading("電気通信分野 サイバーセキュリティ対策 業界ベンチマーク（" +
                  p["period"].get<std::string>() + "）",
              16);
  if (p.value("synthetic", false)) pdf.paragraph(synthetic_note(p), 10, 0, "#d1242f");
  const json* sector = nullptr;
  for (const auto& g : p["groups"]) {
    if (g["key"] == "sector") sector = &g;
  }
  std::string n = sector && !sector->value("suppressed", true)
                      ? std::to_string((*sector)["count"].get<int>()) + " 者"
                      : kSuppressed;
  pdf.paragraph("作成日 " + japanese_date(p.value("generated_at", "")) + "　提出者数 " + n +
                "　秘匿の閾値 k = " + std::to_string(p["k"].get<int>()));
  pdf.paragraph(
      "数値は各事業者の対策チェックシートの充足率（実施済 1、一部実施 0.5、対象外を除く）で、Anzen "
      "の採点と同じ計算です。箱は第1四分位から第3四分位、"
      "太線は中央値、細線は平均 ± 標準偏差（母標準偏差）。四分位は順位間の線形補間（Hyndman-Fan "
      "第7法）。提出者が k 未満の区分と、"
      "ほかの公表値から差し引きで復元できる区分は秘匿し、最小値・最大値は公表しません。",
      8.5f);
  // Per chapter: the sector, each size band and each role.
  std::vector<const json*> shown;
  for (const auto& g : p["groups"]) {
    const auto& d = g["dimensions"];
    if (g["key"] == "sector" || (d.size() == 1 && (d.contains("size_band") || d.contains("role"))))
      shown.push_back(&g);
  }
  for (const auto& m : p["metrics"]) {
    std::string id = m["id"];
    if (id != "overall" && id.rfind("chapter:", 0) != 0) continue;
    pdf.heading(m["label"]["ja"].get<std::string>(), 11, 130);
    std::vector<report::Pdf::Box> boxes;
    for (const auto* g : shown) {
      report::Pdf::Box b;
      b.label = (*g)["label"]["ja"];
      if (!g->value("suppressed", false) && !(*g)["stats"][id].is_null() &&
          (*g)["stats"][id]["count"].get<int>() > 0) {
        const auto& st = (*g)["stats"][id];
        b.q1 = st["q1"], b.median = st["median"], b.q3 = st["q3"], b.mean = st["mean"],
        b.sd = st["sd"];
        b.note = "n=" + std::to_string(st["count"].get<int>()) + " 中央値 " + pct(st["median"]);
      }
      boxes.push_back(b);
    }
    pdf.box_plots(boxes, kSuppressed);
  }
  pdf.heading("脅威別・調査7分野別（業界全体）", 11, 130);
  std::vector<std::vector<std::string>> rows;
  for (const auto& m : p["metrics"]) {
    std::string id = m["id"];
    if (id == "overall" || id.rfind("chapter:", 0) == 0) continue;
    const json* st =
        sector && !sector->value("suppressed", true) && !(*sector)["stats"][id].is_null()
            ? &(*sector)["stats"][id]
            : nullptr;
    rows.push_back({m["label"]["ja"], st ? std::to_string((*st)["count"].get<int>()) : kSuppressed,
                    st ? pct((*st)["q1"]) : "", st ? pct((*st)["median"]) : "",
                    st ? pct((*st)["q3"]) : "", st ? pct((*st)["mean"]) : ""});
  }
  pdf.table({"指標", "提出者数", "第1四分位", "中央値", "第3四分位", "平均"}, rows,
            {215, 60, 60, 60, 60, 60});
  return pdf.bytes();
}

}  // namespace anzen::industry
