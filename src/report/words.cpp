#include <map>

#include "common/vocabulary.h"
#include "report/management.h"

namespace anzen::report {

std::string word(const std::string& key, const std::string& lang) {
  static const std::map<std::string, std::pair<const char*, const char*>> w = {
      {"management", {"経営層向け報告", "Management report"}},
      {"coverage", {"対策実施率", "Coverage"}},
      {"overall", {"総合", "Overall"}},
      {"by_chapter", {"章別の対策実施率", "Coverage by chapter"}},
      {"by_threat", {"脅威別の対策実施率", "Coverage by threat"}},
      {"gaps", {"優先度の高い差異", "Top gaps by priority"}},
      {"question", {"確認項目", "Question"}},
      {"status", {"回答", "Answer"}},
      {"priority", {"優先度", "Priority"}},
      {"why", {"理由", "Why"}},
      {"risks", {"リスク", "Risks"}},
      {"heat_map", {"リスクヒートマップ（現在のリスク）", "Risk heat map (current level)"}},
      {"expired", {"有効期限切れのリスク受容", "Expired risk acceptances"}},
      {"plan", {"リスク対応計画の進捗", "Treatment plan progress"}},
      {"overdue", {"期限超過の計画項目", "Overdue plan items"}},
      {"incidents", {"当年度の事故と法定報告", "Accidents and legal reports of the fiscal year"}},
      {"obligations", {"報告期限", "Reporting deadlines"}},
      {"trend", {"期間ごとの推移", "Trend across periods"}},
      {"period", {"対象期間", "Period"}},
      {"framework", {"基準", "Framework"}},
      {"made", {"作成日", "Made on"}},
      {"none", {"なし", "None"}},
      {"answers", {"回答状況", "Answers"}},
      {"title", {"件名", "Title"}},
      {"started", {"発生日時", "Started"}},
      {"class", {"区分", "Classification"}},
      {"due", {"期限", "Due"}},
      {"form", {"様式", "Form"}},
      {"owner", {"責任者", "Owner"}},
      {"deadline", {"達成期限", "Deadline"}},
      {"target", {"目標とする将来像", "Target state"}},
      {"progress", {"進捗", "Progress"}},
      {"level", {"レベル", "Level"}},
      {"count", {"件数", "Count"}},
      {"items", {"項目", "Items"}},
      {"state", {"状態", "Status"}},
      {"late", {"期限超過", "overdue"}},
  };
  auto it = w.find(key);
  if (it == w.end()) {
    // Answer and plan statuses are codes: their names come from the one vocabulary.
    for (const char* domain : {"status", "planstatus"}) {
      if (auto l = vocab::label(domain, key, lang)) return *l;
    }
    return key;
  }
  return lang == "en" ? it->second.second : it->second.first;
}

}  // namespace anzen::report
