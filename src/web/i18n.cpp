#include "web/i18n.h"

#include <map>
#include <utility>

namespace anzen::web {
namespace {

using Pair = std::pair<std::string, std::string>;

const std::map<std::string, Pair, std::less<>>& table() {
  static const std::map<std::string, Pair, std::less<>> t = {
      {"app.name", {"Anzen 安全", "Anzen 安全"}},
      {"app.tagline", {"電気通信分野サイバーセキュリティ安全基準の自己点検", "Self-assessment for the telecom cybersecurity safety standard"}},
      {"nav.dashboard", {"ダッシュボード", "Dashboard"}},
      {"nav.assessments", {"自己点検", "Self-assessments"}},
      {"nav.gaps", {"差異分析", "Gaps"}},
      {"nav.plan", {"リスク対応計画", "Treatment plan"}},
      {"nav.risks", {"リスク", "Risks"}},
      {"nav.reports", {"報告書", "Reports"}},
      {"nav.suppliers", {"委託先", "Suppliers"}},
      {"plan.planned", {"計画", "planned"}},
      {"plan.in_progress", {"実施中", "in progress"}},
      {"plan.done", {"完了", "done"}},
      {"plan.cancelled", {"中止", "cancelled"}},
      {"nav.incidents", {"電気通信事故", "Telecom accidents"}},
      {"nav.catalog", {"安全基準", "Frameworks"}},
      {"nav.admin", {"管理", "Administration"}},
      {"nav.audit", {"監査証跡", "Audit trail"}},
      {"nav.logout", {"ログアウト", "Log out"}},
      {"nav.skip", {"本文へ移動", "Skip to content"}},
      {"lang.switch", {"English", "日本語"}},
      {"login.title", {"ログイン", "Log in"}},
      {"login.name", {"ユーザー名", "User name"}},
      {"login.password", {"パスワード", "Password"}},
      {"login.submit", {"ログイン", "Log in"}},
      {"login.failed", {"ユーザー名またはパスワードが正しくありません。", "Wrong user name or password."}},
      {"login.throttled", {"ログインの失敗が続いたため、しばらくお待ちください。", "Too many failed logins; please wait before trying again."}},
      {"common.save", {"保存", "Save"}},
      {"common.search", {"検索", "Search"}},
      {"common.filter", {"絞り込み", "Filter"}},
      {"common.all", {"すべて", "All"}},
      {"common.none", {"なし", "None"}},
      {"common.print", {"印刷", "Print"}},
      {"common.back", {"戻る", "Back"}},
      {"common.create", {"作成", "Create"}},
      {"common.download", {"ダウンロード", "Download"}},
      {"common.id", {"ID", "ID"}},
      {"common.title", {"名称", "Title"}},
      {"common.status", {"状態", "Status"}},
      {"common.owner", {"担当者", "Owner"}},
      {"common.due", {"期限", "Due"}},
      {"common.comment", {"コメント", "Comment"}},
      {"common.updated", {"更新しました。", "Saved."}},
      {"common.not_found", {"見つかりません。", "Not found."}},
      {"common.forbidden", {"この操作の権限がありません。", "You are not allowed to do this."}},
      {"common.when", {"日時", "When"}},
      {"common.who", {"実行者", "Who"}},
      {"common.what", {"内容", "What"}},
      {"docstatus.implemented", {"最新", "Current"}},
      {"docstatus.partial", {"要更新", "Outdated"}},
      {"docstatus.not_implemented", {"未作成", "Missing"}},
      {"docstatus.not_applicable", {"対象外", "Not applicable"}},
      {"docstatus.unanswered", {"未回答", "Unanswered"}},
      {"status.implemented", {"実施済", "Implemented"}},
      {"status.partial", {"一部実施", "Partial"}},
      {"status.not_implemented", {"未実施", "Not implemented"}},
      {"status.not_applicable", {"対象外", "Not applicable"}},
      {"status.unanswered", {"未回答", "Unanswered"}},
      {"rec.recommended", {"○ 実施が望ましい", "○ recommended"}},
      {"rec.reference", {"－ 参考", "－ reference only"}},
      {"role.operator", {"電気通信事業者", "Telecom operator"}},
      {"role.maker", {"メーカー等", "Equipment maker"}},
      {"dash.coverage", {"対策実施率", "Coverage"}},
      {"dash.by_chapter", {"章別の対策実施率", "Coverage by chapter"}},
      {"dash.by_threat", {"脅威別の対策実施率", "Coverage by threat"}},
      {"dash.open_gaps", {"未対応の差異", "Open gaps"}},
      {"dash.deadlines", {"法定報告の期限", "Legal reporting deadlines"}},
      {"dash.trend", {"期間ごとの推移", "Trend across periods"}},
      {"dash.overdue", {"期限超過の計画項目", "Overdue plan items"}},
      {"dash.no_assessment", {"自己点検がまだありません。", "No self-assessment yet."}},
      {"threat.common", {"共通", "Common"}},
      {"threat.cyber_attack", {"サイバー攻撃", "Cyber attack"}},
      {"threat.congestion", {"ネットワーク輻そう", "Network congestion"}},
      {"threat.failure_disaster", {"故障・災害等", "Failures and disasters"}},
      {"threat.info_leak", {"重要情報漏えい", "Leak of critical information"}},
      {"threat.cloud_use", {"クラウドサービス利用時", "Cloud use"}},
      {"threat.cloud_provision", {"クラウドサービス提供時", "Cloud provision"}},
      {"catalog.search_hint", {"キーワード（日本語・英語、かな・全角半角を区別しません）", "Keywords (Japanese or English; kana and width insensitive)"}},
      {"catalog.mappings", {"他の基準との対応", "Mappings to other frameworks"}},
      {"catalog.source", {"出典", "Source"}},
      {"catalog.questions", {"確認項目", "Check questions"}},
      {"catalog.references", {"参照", "References"}},
      {"admin.users", {"ユーザー", "Users"}},
      {"admin.role", {"ロール", "Role"}},
      {"admin.new_user", {"ユーザーを追加", "Add a user"}},
      {"admin.org", {"組織", "Organisation"}},
      {"audit.verify_ok", {"監査証跡のハッシュチェーンは正常です。", "The audit trail's hash chain is intact."}},
      {"audit.verify_bad", {"監査証跡が改ざんされています。最初の不整合:", "The audit trail was altered. First broken row:"}},
  };
  return t;
}

}  // namespace

const std::string& tr(std::string_view lang, std::string_view key) {
  const auto& t = table();
  auto it = t.find(key);
  if (it == t.end()) {
    static thread_local std::string missing;
    missing = std::string(key);
    return missing;
  }
  return lang == "en" ? it->second.second : it->second.first;
}

}  // namespace anzen::web
