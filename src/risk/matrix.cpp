#include "risk/matrix.h"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "common/invalid.h"

namespace anzen::risk {

namespace {
// A matrix definition the organisation gave (CLI: risk matrix set FILE): what() stays the line
// the CLI printed before.
[[noreturn]] void bad_matrix(const std::string& ja, const std::string& en,
                             const std::string& what) {
  throw Invalid("matrix", ja, en, "invalid", what);
}
}  // namespace

void Matrix::validate() const {
  if (likelihoods < 2 || likelihoods > 10 || impacts < 2 || impacts > 10)
    bad_matrix("リスクマトリクスの発生可能性と影響度の段階数は、それぞれ 2〜10 にしてください。",
               "The matrix needs 2 to 10 likelihoods and 2 to 10 impacts.",
               "matrix: sizes must be 2-10");
  if (static_cast<int>(likelihood_labels.size()) != likelihoods)
    bad_matrix("発生可能性の名称は段階ごとに 1 つ、段階数と同じ数だけ指定してください。",
               "Give one likelihood label per row.", "matrix: one likelihood label per row");
  if (static_cast<int>(impact_labels.size()) != impacts)
    bad_matrix("影響度の名称は段階ごとに 1 つ、段階数と同じ数だけ指定してください。",
               "Give one impact label per column.", "matrix: one impact label per column");
  if (levels.empty() || levels.front().min_score != 1)
    bad_matrix("リスクレベルの最初の段階は点数 1 から始めてください。",
               "The first level must start at score 1.",
               "matrix: the first level must start at score 1");
  for (size_t i = 1; i < levels.size(); ++i) {
    if (levels[i].min_score <= levels[i - 1].min_score)
      bad_matrix("リスクレベルの下限の点数は、段階ごとに大きくなるように指定してください。",
                 "The levels' thresholds must ascend.", "matrix: level thresholds must ascend");
  }
  for (const auto& l : levels) {
    if (l.id.empty())
      bad_matrix("リスクレベルにはそれぞれ ID を指定してください。", "Every level needs an id.",
                 "matrix: every level needs an id");
    if (l.name.ja.empty() || l.name.en.empty())
      bad_matrix("リスクレベル「" + l.id + "」には日本語と英語の名称を指定してください。",
                 "Level “" + l.id + "” needs a Japanese and an English name.",
                 "matrix: level '" + l.id + "' needs ja and en names");
    if (l.colour.size() != 7 || l.colour[0] != '#' ||
        l.colour.find_first_not_of("0123456789abcdefABCDEF", 1) != std::string::npos) {
      bad_matrix(
          "リスクレベル「" + l.id + "」の色は #rrggbb の形（例: #d32f2f）で指定してください。",
          "Give level “" + l.id + "” a colour as #rrggbb (e.g. #d32f2f).",
          "matrix: level '" + l.id + "' colour must be #rrggbb, got '" + l.colour + "'");
    }
  }
  if (classification.size() < 2 || classification.size() > 10)
    bad_matrix("格付けの段階数は 2〜10 にしてください。",
               "The classification scale needs 2 to 10 levels.",
               "matrix: the classification scale needs 2-10 levels");
  for (const auto* labels : {&likelihood_labels, &impact_labels, &classification}) {
    for (const auto& t : *labels) {
      if (t.ja.empty() || t.en.empty())
        bad_matrix("発生可能性・影響度・格付けの名称には、それぞれ日本語と英語を指定してください。",
                   "Every likelihood, impact and classification label needs Japanese and English.",
                   "matrix: every likelihood and impact label needs ja and en");
    }
  }
}

const Level& Matrix::level(int l, int i) const {
  if (l < 1 || l > likelihoods) {
    throw Invalid("likelihood",
                  "発生可能性は 1〜" + std::to_string(likelihoods) + " の段階から選んでください。",
                  "Choose a likelihood from 1 to " + std::to_string(likelihoods) + ".",
                  "out_of_range", "likelihood: expected 1-" + std::to_string(likelihoods));
  }
  if (i < 1 || i > impacts) {
    throw Invalid("impact",
                  "影響度は 1〜" + std::to_string(impacts) + " の段階から選んでください。",
                  "Choose an impact from 1 to " + std::to_string(impacts) + ".", "out_of_range",
                  "impact: expected 1-" + std::to_string(impacts));
  }
  int score = l * i;
  const Level* best = &levels.front();
  for (const auto& lv : levels) if (score >= lv.min_score) best = &lv;
  return *best;
}

nlohmann::json matrix_to_json(const Matrix& m) {
  auto text = [](const catalog::Text& t) { return nlohmann::json{{"ja", t.ja}, {"en", t.en}}; };
  nlohmann::json j{{"id", m.id}, {"title", text(m.title)}, {"likelihood", nlohmann::json::array()}, {"impact", nlohmann::json::array()},
                   {"levels", nlohmann::json::array()}};
  for (const auto& t : m.likelihood_labels) j["likelihood"].push_back(text(t));
  for (const auto& t : m.impact_labels) j["impact"].push_back(text(t));
  j["classification"] = nlohmann::json::array();
  for (const auto& t : m.classification) j["classification"].push_back(text(t));
  for (const auto& l : m.levels) j["levels"].push_back({{"id", l.id}, {"name", text(l.name)}, {"colour", l.colour}, {"min_score", l.min_score}});
  return j;
}

Matrix matrix_from_json(const nlohmann::json& j) {
  auto text = [](const nlohmann::json& t) { return catalog::Text{t.value("ja", ""), t.value("en", "")}; };
  Matrix m;
  m.id = j.value("id", "");
  if (j.contains("title")) m.title = text(j["title"]);
  m.likelihood_labels.clear();
  m.impact_labels.clear();
  for (const auto& t : j.value("likelihood", nlohmann::json::array())) m.likelihood_labels.push_back(text(t));
  for (const auto& t : j.value("impact", nlohmann::json::array())) m.impact_labels.push_back(text(t));
  if (j.contains("classification")) {
    m.classification.clear();
    for (const auto& t : j["classification"]) m.classification.push_back(text(t));
  }
  m.likelihoods = static_cast<int>(m.likelihood_labels.size());
  m.impacts = static_cast<int>(m.impact_labels.size());
  for (const auto& l : j.value("levels", nlohmann::json::array())) {
    m.levels.push_back({l.value("id", ""), text(l.value("name", nlohmann::json::object())), l.value("colour", ""), l.value("min_score", 0)});
  }
  return m;
}

std::string heat_map_svg(const Matrix& m, const std::vector<std::pair<int, int>>& positions, const std::string& lang) {
  std::map<std::pair<int, int>, int> count;
  for (const auto& p : positions) ++count[p];
  const int cell = 56, left = 110, top = 24, legend_w = 170;
  int w = left + cell * m.impacts + 16 + legend_w,
      h = std::max(top + cell * m.likelihoods + 60,
                   top + 20 * static_cast<int>(m.levels.size()) + 30);
  std::string s = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 " + std::to_string(w) + " " + std::to_string(h) +
                  "\" width=\"100%\"><title>" + std::string(lang == "en" ? "Risk heat map" : "リスクヒートマップ") + "</title>";
  for (int l = m.likelihoods; l >= 1; --l) {
    int y = top + (m.likelihoods - l) * cell;
    s += "<text x=\"0\" y=\"" + std::to_string(y + cell / 2 + 4) + "\" font-size=\"11\">" + m.likelihood_labels[static_cast<size_t>(l - 1)].in(lang) + "</text>";
    for (int i = 1; i <= m.impacts; ++i) {
      int x = left + (i - 1) * cell;
      const Level& lv = m.level(l, i);
      int n = count.count({l, i}) ? count[{l, i}] : 0;
      s += "<rect x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y) + "\" width=\"" +
           std::to_string(cell - 2) + "\" height=\"" + std::to_string(cell - 2) + "\" fill=\"" +
           lv.colour + "\"><title>" + lv.name.in(lang) + ": " + std::to_string(n) +
           "</title></rect>";
      if (n) s += "<text x=\"" + std::to_string(x + cell / 2 - 6) + "\" y=\"" + std::to_string(y + cell / 2 + 6) + "\" font-size=\"18\" fill=\"#fff\">" + std::to_string(n) + "</text>";
    }
  }
  for (int i = 1; i <= m.impacts; ++i) {
    s += "<text x=\"" + std::to_string(left + (i - 1) * cell) + "\" y=\"" + std::to_string(top + cell * m.likelihoods + 16) + "\" font-size=\"11\">" +
         m.impact_labels[static_cast<size_t>(i - 1)].in(lang) + "</text>";
  }
  // Axis names and the legend: the levels with the colours the PDF report uses (the same Level).
  s += "<text x=\"0\" y=\"14\" font-size=\"12\" font-weight=\"600\">" +
       std::string(lang == "en" ? "Likelihood ↑" : "発生可能性 ↑") + "</text>";
  s += "<text x=\"" + std::to_string(left) + "\" y=\"" +
       std::to_string(top + cell * m.likelihoods + 36) +
       "\" font-size=\"12\" font-weight=\"600\">" +
       std::string(lang == "en" ? "Impact →" : "影響度 →") + "</text>";
  int lx = left + cell * m.impacts + 16, ly = top;
  s += "<g class=\"legend\"><text x=\"" + std::to_string(lx) + "\" y=\"" + std::to_string(ly + 10) +
       "\" font-size=\"12\" font-weight=\"600\">" +
       std::string(lang == "en" ? "Risk level" : "リスクレベル") + "</text>";
  for (const auto& lv : m.levels) {
    ly += 20;
    s += "<rect x=\"" + std::to_string(lx) + "\" y=\"" + std::to_string(ly) +
         "\" width=\"14\" height=\"14\" fill=\"" + lv.colour + "\"/><text x=\"" +
         std::to_string(lx + 20) + "\" y=\"" + std::to_string(ly + 12) + "\" font-size=\"12\">" +
         lv.name.in(lang) + "</text>";
  }
  s += "<text x=\"" + std::to_string(lx) + "\" y=\"" + std::to_string(ly + 34) +
       "\" font-size=\"11\" fill=\"#57606a\">" +
       std::string(lang == "en" ? "Number = risks in the cell" : "数字＝該当するリスクの件数") +
       "</text></g>";
  return s + "</svg>";
}

}  // namespace anzen::risk
