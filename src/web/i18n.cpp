#include "web/i18n.h"

#include "common/vocabulary.h"

#include <map>
#include <utility>

namespace anzen::web {
namespace {

using Pair = std::pair<std::string, std::string>;

using Table = std::map<std::string, Pair, std::less<>>;

// The page texts, plus every code of the one vocabulary as "domain.code" (status.partial …).
Table with_vocabulary(Table t) {
  for (const auto& term : vocab::terms()) {
    t.emplace(std::string(term.domain) + "." + std::string(term.code), Pair{std::string(term.ja), std::string(term.en)});
  }
  return t;
}

const Table& table() {
  static const Table t = with_vocabulary({
      {"app.name", {"Anzen 安全", "Anzen 安全"}},
      {"app.tagline",
       {"電気通信分野サイバーセキュリティ安全基準の自己点検",
        "Self-assessment for the telecom cybersecurity safety standard"}},
      {"nav.dashboard", {"ダッシュボード", "Dashboard"}},
      {"nav.assessments", {"自己点検", "Self-assessments"}},
      {"nav.gaps", {"差異分析", "Gaps"}},
      {"nav.plan", {"リスク対応計画", "Treatment plan"}},
      {"nav.risks", {"リスク", "Risks"}},
      {"nav.reports", {"報告書", "Reports"}},
      {"nav.industry", {"業界ベンチマーク", "Industry benchmark"}},
      {"nav.suppliers", {"委託先", "Suppliers"}},
      {"plan.planned", {"計画", "planned"}},
      {"plan.in_progress", {"実施中", "in progress"}},
      {"plan.done", {"完了", "done"}},
      {"plan.cancelled", {"中止", "cancelled"}},
      {"nav.incidents", {"電気通信事故", "Telecom accidents"}},
      {"ops.integrations", {"監視連携", "Monitoring integrations"}},
      {"ops.notifications", {"通知設定", "Notification settings"}},
      {"ops.congestion", {"輻そう・通信制限の履歴", "Congestion: restriction history"}},
      {"ops.congestion_measures",
       {"輻そう対策（ネットワークのIP化に対応した安全・信頼性対策）",
        "Congestion measures (council report on IP-based networks)"}},
      {"ops.congestion_threat", {"安全基準の対象脅威", "Threat of the safety standard"}},
      {"ops.congestion_threat_checks", {"この脅威に対する対策項目", "Checks against this threat"}},
      {"ops.congestion_help",
       {"重要通信を確保するための通信の制限の記録（サービス別）。予見できない理由による制限は分析・"
        "検証の報告（様式第26の3）の草案を出力できます。",
        "Traffic restrictions to secure important communications, per service. For unforeseen "
        "restrictions a draft of the traffic-analysis review (Form 26-3) can be downloaded."}},
      {"ops.failed_deliveries", {"配信に失敗した通知", "Failed notification deliveries"}},
      {"ops.when", {"日時", "When"}},
      {"ops.occasion", {"契機", "Occasion"}},
      {"ops.subject", {"件名", "Subject"}},
      {"ops.attempts", {"試行回数", "Attempts"}},
      {"ops.error", {"エラー", "Error"}},
      {"ops.kind", {"種類", "Kind"}},
      {"ops.kind.alertmanager", {"Prometheus Alertmanager", "Prometheus Alertmanager"}},
      {"ops.kind.webhook", {"汎用 Webhook (JSON)", "Generic webhook (JSON)"}},
      {"ops.channel.email", {"電子メール (SMTP)", "Email (SMTP)"}},
      {"ops.channel.webhook", {"Webhook (JSON)", "Webhook (JSON)"}},
      {"ops.channel.chat", {"チャット (Slack 互換)", "Chat (Slack-compatible)"}},
      {"ops.event.reportable", {"報告対象の判定", "Became reportable"}},
      {"ops.event.due_7", {"期限 7 日前", "7 days before the deadline"}},
      {"ops.event.due_3", {"期限 3 日前", "3 days before the deadline"}},
      {"ops.event.due_1", {"期限 1 日前", "1 day before the deadline"}},
      {"ops.event.overdue", {"期限超過", "Overdue"}},
      {"ops.event.test", {"テスト", "Test"}},
      {"ops.status.pending", {"送信待ち", "pending"}},
      {"ops.status.sent", {"送信済", "sent"}},
      {"ops.status.failed", {"失敗", "failed"}},
      {"ops.enabled", {"有効", "enabled"}},
      {"ops.disabled", {"無効", "disabled"}},
      {"ops.disable", {"無効にする", "Disable"}},
      {"ops.new_integration", {"監視連携の追加", "Add an integration"}},
      {"ops.rules", {"対応付けルール (YAML)", "Mapping rules (YAML)"}},
      {"ops.hmac", {"HMAC 署名の共有鍵（任意）", "HMAC signing secret (optional)"}},
      {"ops.rules_help",
       {"ルールの書式は docs/ops.md を参照してください。行番号付きで検証されます。",
        "See docs/ops.md for the rules format; it is validated with line numbers."}},
      {"ops.token_once",
       {"このトークンは一度だけ表示されます。Authorization: Bearer ヘッダーで送信してください。",
        "This token is shown once. Send it in the Authorization: Bearer header."}},
      {"ops.target", {"宛先（メールアドレスまたは URL）", "Recipient (mail address or URL)"}},
      {"ops.smtp", {"SMTP サーバー（ホスト:ポート）", "SMTP server (host:port)"}},
      {"ops.lang", {"言語", "Language"}},
      {"ops.quiet", {"通知を控える時間帯（日本時間）", "Quiet hours (JST)"}},
      {"ops.send_test", {"テスト通知を送信", "Send a test notification"}},
      {"ops.new_channel", {"通知先の追加", "Add a channel"}},
      {"ops.recent", {"最近の通知", "Recent notifications"}},
      {"ops.start", {"開始", "Start"}},
      {"ops.end", {"終了", "End"}},
      {"ops.users_restricted", {"制限を受けた利用者数", "Users restricted"}},
      {"ops.share", {"制限の割合", "Share restricted"}},
      {"ops.unforeseen", {"予見できない理由", "Unforeseen"}},
      {"ops.reason", {"理由", "Reason"}},
      {"ops.classification", {"判定", "Classification"}},
      {"ops.review", {"分析・検証（草案）", "Review (draft)"}},
      {"ops.yes", {"はい", "yes"}},
      {"ops.no", {"いいえ", "no"}},
      {"nav.catalog", {"安全基準", "Frameworks"}},
      {"nav.admin", {"管理", "Administration"}},
      {"nav.audit", {"監査証跡", "Audit trail"}},
      {"nav.logout", {"ログアウト", "Log out"}},
      {"nav.skip", {"本文へ移動", "Skip to content"}},
      // Short English words for the navigation bar (one row at 1366 px); the pages keep the long
      // ones.
      {"navshort.dashboard", {"ダッシュボード", "Dashboard"}},
      {"navshort.assessments", {"自己点検", "Assessments"}},
      {"navshort.gaps", {"差異分析", "Gaps"}},
      {"navshort.plan", {"リスク対応計画", "Plan"}},
      {"navshort.risks", {"リスク", "Risks"}},
      {"navshort.incidents", {"電気通信事故", "Accidents"}},
      {"navshort.reports", {"報告書", "Reports"}},
      {"navshort.suppliers", {"委託先", "Suppliers"}},
      {"navshort.industry", {"業界ベンチマーク", "Benchmark"}},
      {"navshort.catalog", {"安全基準", "Frameworks"}},
      {"navshort.admin", {"管理", "Admin"}},
      {"navshort.audit", {"監査証跡", "Audit"}},
      {"lang.switch", {"English", "日本語"}},
      {"login.title", {"ログイン", "Log in"}},
      {"login.name", {"ユーザー名", "User name"}},
      {"login.password", {"パスワード", "Password"}},
      {"login.submit", {"ログイン", "Log in"}},
      {"login.failed",
       {"ユーザー名またはパスワードが正しくありません。", "Wrong user name or password."}},
      {"login.throttled",
       {"ログインの失敗が続いたため、しばらくお待ちください。",
        "Too many failed logins; please wait before trying again."}},
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
      {"common.unauthenticated",
       {"認証が必要です。ログインするか、API トークンを Authorization: Bearer で送ってください。",
        "Authentication required: sign in, or send an API token as Authorization: Bearer."}},
      {"common.internal",
       {"サーバーで内部エラーが起きました。変更は保存されていません。",
        "An internal error occurred on the server; nothing was changed."}},
      {"http.bad_request", {"要求の形式が正しくありません。", "The request is malformed."}},
      {"http.timeout", {"要求が時間内に届きませんでした。", "The request did not arrive in time."}},
      {"http.too_large",
       {"送信されたデータが大きすぎます（ログイン前は 64 KB、ログイン後と回答用リンクは 32 MB "
        "まで）。",
        "The data sent is too large (64 KB before login, 32 MB after it and on questionnaire "
        "links)."}},
      {"http.encoding",
       {"圧縮された要求は受け付けません。", "Compressed requests are not accepted."}},
      {"http.head_too_large",
       {"要求ヘッダーが大きすぎます（16 KB まで）。",
        "The request headers are too large (16 KB at most)."}},
      {"http.too_many",
       {"このリンクへのアクセスが多すぎます。1 分ほどしてから再度お試しください。",
        "Too many requests on this link; please try again in a minute."}},
      {"http.busy",
       {"混雑しています。しばらくしてから再度お試しください。",
        "The server is busy; please try again shortly."}},
      {"common.when", {"日時", "When"}},
      {"common.who", {"実行者", "Who"}},
      {"common.what", {"内容", "What"}},
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
      {"catalog.search_hint",
       {"キーワード（日本語・英語、かな・全角半角を区別しません）",
        "Keywords (Japanese or English; kana and width insensitive)"}},
      {"catalog.mappings", {"他の基準との対応", "Mappings to other frameworks"}},
      {"catalog.source", {"出典", "Source"}},
      {"catalog.questions", {"確認項目", "Check questions"}},
      {"catalog.references", {"参照", "References"}},
      {"admin.users", {"ユーザー", "Users"}},
      {"admin.role", {"ロール", "Role"}},
      {"admin.new_user", {"ユーザーを追加", "Add a user"}},
      {"admin.org", {"組織", "Organisation"}},
      {"admin.accounts", {"アカウントの状態", "Accounts"}},
      {"admin.state", {"状態", "State"}},
      {"admin.enabled", {"有効", "enabled"}},
      {"admin.disabled", {"無効", "disabled"}},
      {"admin.enable", {"有効にする", "Enable"}},
      {"admin.disable", {"無効にする", "Disable"}},
      {"admin.delete", {"削除", "Delete"}},
      {"admin.new_password", {"新しいパスワード", "New password"}},
      {"admin.password_rule",
       {"パスワードは 10 文字以上、ユーザー名を含まず、よく使われるパスワードは使えません。",
        "Passwords have at least 10 characters, do not contain the user name and are not among the "
        "most common passwords."}},
      {"admin.tokens", {"API トークン", "API tokens"}},
      {"admin.revoke", {"失効させる", "Revoke"}},
      {"admin.revoked", {"失効済み", "revoked"}},
      {"audit.verify_ok",
       {"監査証跡のハッシュチェーンは正常です。", "The audit trail's hash chain is intact."}},
      {"audit.verify_bad",
       {"監査証跡が改ざんされています。最初の不整合:",
        "The audit trail was altered. First broken row:"}},
  });
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
