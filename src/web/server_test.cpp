// Real HTTP against the real server on a free loopback port, with a real SQLite file.
#include "web/server.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <ctime>
#include <filesystem>
#include <thread>

#include "assess/repo.h"
#include "catalog/catalog_dir.h"
#include "incident/register.h"
#include "store/db.h"
#include "web/accounts.h"
#include "web/html.h"
#include "testing/orgs.h"
#include "testing/temp_db.h"

namespace anzen::web {
namespace {

class WebTest : public ::testing::Test {
 protected:
  void SetUp() override {
    tmp_ = std::make_unique<anzen::testing::TempDb>();
    path_ = tmp_->path;
    store::Db db(path_);
    db.migrate();
    org_a_ = testing_create_org(db, "株式会社テスト通信");
    org_b_ = testing_create_org(db, "別組織");
    Accounts acc(db);
    acc.create_user(org_a_, "alice", Role::admin, "correct horse", "test");
    acc.create_user(org_a_, "victor", Role::viewer, "viewer pass", "test");
    acc.create_user(org_b_, "bob", Role::admin, "bob password", "test");
    ServerOptions opt;
    opt.db_path = path_;
    opt.port = 0;
    opt.threads = 2;
    app_ = std::make_unique<WebApp>(opt);
    port_ = app_->bind();
    ASSERT_GT(port_, 0);
    thread_ = std::thread([this] { app_->run(); });
  }
  void TearDown() override {
    app_->stop();
    thread_.join();
    app_.reset();
    tmp_.reset();
  }

  httplib::Client client() {
    httplib::Client c("127.0.0.1", port_);
    c.set_follow_location(false);
    return c;
  }

  // Logs in through the form; returns the session cookie ("anzen_session=...").
  std::string login(const std::string& name, const std::string& pw, int* status = nullptr) {
    auto c = client();
    auto page = c.Get("/login");
    std::string set = page->get_header_value("Set-Cookie");
    std::string tok = cookie_value(set.substr(0, set.find(';')), "anzen_login_csrf");
    httplib::Headers h = {{"Cookie", "anzen_login_csrf=" + tok}};
    auto res = c.Post("/login", h, "name=" + url_encode(name) + "&password=" + url_encode(pw) + "&_login_csrf=" + tok,
                      "application/x-www-form-urlencoded");
    if (status) *status = res->status;
    std::string cookie = res->get_header_value("Set-Cookie");
    if (cookie.rfind("anzen_session=", 0) != 0) return {};
    last_set_cookie_ = cookie;
    return cookie.substr(0, cookie.find(';'));
  }

  std::string csrf_of(const std::string& cookie) {
    auto res = client().Get("/", {{"Cookie", cookie}});
    auto p = res->body.find("name=\"_csrf\" value=\"");
    if (p == std::string::npos) return {};
    p += 20;
    return res->body.substr(p, res->body.find('"', p) - p);
  }

  std::unique_ptr<anzen::testing::TempDb> tmp_;
  std::string path_;
  int64_t org_a_ = 0, org_b_ = 0;
  int port_ = 0;
  std::unique_ptr<WebApp> app_;
  std::thread thread_;
  std::string last_set_cookie_;
};

TEST_F(WebTest, WithoutCredentialsOnlyLoginOr401) {
  auto c = client();
  auto home = c.Get("/");
  EXPECT_EQ(home->status, 303);
  EXPECT_EQ(home->get_header_value("Location"), "/login");
  for (const char* p : {"/catalog", "/admin", "/audit", "/catalog/tcs-2023"}) {
    auto r = c.Get(p);
    EXPECT_EQ(r->status, 303) << p;
    EXPECT_EQ(r->get_header_value("Location").rfind("/login", 0), 0u) << p;
  }
  auto api = c.Get("/api/v1/frameworks");
  EXPECT_EQ(api->status, 401);
  EXPECT_EQ(c.Get("/api/v1/frameworks", {{"Authorization", "Bearer nope"}})->status, 401);
  EXPECT_EQ(c.Get("/login")->status, 200);
}

TEST_F(WebTest, LoginSetsAStrictHttpOnlySession) {
  std::string cookie = login("alice", "correct horse");
  ASSERT_FALSE(cookie.empty());
  EXPECT_NE(last_set_cookie_.find("HttpOnly"), std::string::npos);
  EXPECT_NE(last_set_cookie_.find("SameSite=Strict"), std::string::npos);
  auto home = client().Get("/", {{"Cookie", cookie}});
  EXPECT_EQ(home->status, 200);
  EXPECT_NE(home->body.find("alice"), std::string::npos);
}

TEST_F(WebTest, WrongPasswordIsRefusedAndRepeatedFailuresAreThrottled) {
  int status = 0;
  EXPECT_TRUE(login("alice", "wrong", &status).empty());
  EXPECT_EQ(status, 401);
  for (int i = 1; i < Accounts::kFreeFailures; ++i) login("alice", "wrong", &status);
  // This client must now wait before its next try for alice (a delay, doubling per failure)...
  EXPECT_TRUE(login("alice", "correct horse", &status).empty());
  EXPECT_EQ(status, 429);
  // ...other users are not delayed by alice's failures...
  EXPECT_FALSE(login("bob", "bob password").empty());
  // ...and alice is not locked out: from another client the right password works at once.
  store::Db db(path_);
  EXPECT_EQ(Accounts(db).login("alice", "correct horse", "192.0.2.44").result, Accounts::LoginResult::ok);
}

TEST_F(WebTest, FailuresFromManyClientsDelayTheAccountButNeverLockItOut) {
  store::Db db(path_);
  Accounts acc(db);
  for (int i = 0; i < Accounts::kFreeAccountFailures; ++i)
    EXPECT_EQ(acc.login("alice", "wrong", "198.51.100." + std::to_string(i)).result,
              Accounts::LoginResult::bad_credentials);
  // A client never seen before, with the right password, must wait: the name's own count...
  auto fresh = acc.login("alice", "correct horse", "203.0.113.1");
  EXPECT_EQ(fresh.result, Accounts::LoginResult::throttled);
  EXPECT_GT(fresh.retry_after_seconds, 0);
  EXPECT_LE(fresh.retry_after_seconds, Accounts::kMaxAccountDelaySeconds);
  std::string scope;
  int64_t now = std::time(nullptr);
  EXPECT_GT(acc.throttle_wait("alice", "203.0.113.1", now, &scope), 0);
  EXPECT_EQ(scope, "account");
  // ...only for a while, so its owner gets in after the delay; other names are not delayed.
  EXPECT_EQ(acc.throttle_wait("alice", "203.0.113.1", now + Accounts::kMaxAccountDelaySeconds + 1),
            0);
  EXPECT_EQ(acc.login("bob", "bob password", "203.0.113.1").result, Accounts::LoginResult::ok);
}

TEST_F(WebTest, StateChangesNeedTheCsrfToken) {
  std::string cookie = login("alice", "correct horse");
  std::string csrf = csrf_of(cookie);
  ASSERT_FALSE(csrf.empty());
  auto c = client();
  std::string form = "name=carol&password=carol-pass-1&role=viewer";
  auto no = c.Post("/admin/users", {{"Cookie", cookie}}, form, "application/x-www-form-urlencoded");
  EXPECT_EQ(no->status, 403);
  auto wrong = c.Post("/admin/users", {{"Cookie", cookie}}, form + "&_csrf=x" + csrf, "application/x-www-form-urlencoded");
  EXPECT_EQ(wrong->status, 403);
  auto ok = c.Post("/admin/users", {{"Cookie", cookie}}, form + "&_csrf=" + url_encode(csrf),
                   "application/x-www-form-urlencoded");
  EXPECT_EQ(ok->status, 303);
  store::Db db(path_);
  EXPECT_TRUE(Accounts(db).find_user("carol").has_value());
}

TEST_F(WebTest, RolesAreEnforced) {
  std::string cookie = login("victor", "viewer pass");
  std::string csrf = csrf_of(cookie);
  auto c = client();
  EXPECT_EQ(c.Get("/admin", {{"Cookie", cookie}})->status, 403);
  EXPECT_EQ(c.Get("/audit", {{"Cookie", cookie}})->status, 403);
  auto r = c.Post("/admin/users", {{"Cookie", cookie}}, "name=x&password=xxxxxxxx&role=admin&_csrf=" + url_encode(csrf),
                  "application/x-www-form-urlencoded");
  EXPECT_EQ(r->status, 403);
}

TEST_F(WebTest, AdminsCannotTouchAnotherOrganisationsUsers) {
  std::string cookie = login("bob", "bob password");
  std::string csrf = csrf_of(cookie);
  store::Db db(path_);
  auto alice = Accounts(db).find_user("alice");
  auto r = client().Post("/admin/users/" + std::to_string(alice->id) + "/role", {{"Cookie", cookie}},
                         "role=viewer&_csrf=" + url_encode(csrf), "application/x-www-form-urlencoded");
  EXPECT_EQ(r->status, 404);
  EXPECT_EQ(Accounts(db).find_user("alice")->role, Role::admin);
  auto page = client().Get("/admin", {{"Cookie", cookie}});
  EXPECT_EQ(page->body.find("alice"), std::string::npos);
}

TEST_F(WebTest, BearerTokensReachTheApiWithoutCsrf) {
  store::Db db(path_);
  Accounts acc(db);
  std::string tok = acc.create_token(acc.find_user("alice")->id, "test", "test");
  auto r = client().Get("/api/v1/frameworks", {{"Authorization", "Bearer " + tok}});
  EXPECT_EQ(r->status, 200);
  auto j = nlohmann::json::parse(r->body);
  EXPECT_FALSE(j["frameworks"].empty());
  auto spec = client().Get("/api/v1/openapi.json");
  ASSERT_EQ(spec->status, 200);
  auto s = nlohmann::json::parse(spec->body);
  EXPECT_EQ(s["openapi"], "3.0.3");
  EXPECT_TRUE(s["paths"].contains("/api/v1/frameworks"));
}

TEST_F(WebTest, AnotherOrganisationsAssessmentsAndIncidentsAre404) {
  store::Db db(path_);
  assess::AssessRepo repo(db, "test");
  const auto& fw = *catalog::shipped_catalog().find("tcs-2023");
  auto mine = repo.create(org_a_, fw, "operator", "FY2026", "");
  auto theirs = repo.create(org_b_, fw, "maker", "FY2026", "");
  incident::Register reg(db, "test");
  auto inc = reg.create(org_b_, "他社の事故", "", {{"event_type", "outage"}, {"affected_users", 5}, {"started_at", "2026-01-05T10:00:00+09:00"},
                                                  {"ended_at", "2026-01-05T10:10:00+09:00"}}, 0);
  Accounts acc(db);
  std::string tok = acc.create_token(acc.find_user("alice")->id, "t", "test");
  httplib::Headers bearer = {{"Authorization", "Bearer " + tok}};
  auto c = client();
  EXPECT_EQ(c.Get("/api/v1/assessments/" + std::to_string(mine.id), bearer)->status, 200);
  EXPECT_EQ(c.Get("/api/v1/assessments/" + std::to_string(theirs.id), bearer)->status, 404);
  EXPECT_EQ(c.Get("/api/v1/assessments/" + std::to_string(theirs.id) + "/score", bearer)->status, 404);
  EXPECT_EQ(c.Get("/api/v1/incidents/" + std::to_string(inc.id), bearer)->status, 404);
  auto put = c.Put("/api/v1/assessments/" + std::to_string(theirs.id) + "/answers/T2-001.1", bearer, R"({"status":"implemented"})", "application/json");
  EXPECT_EQ(put->status, 404);
  EXPECT_TRUE(repo.answers(theirs.id).empty()) << "nothing written to the other organisation";
  std::string cookie = login("alice", "correct horse");
  EXPECT_EQ(c.Get("/assessments/" + std::to_string(theirs.id), {{"Cookie", cookie}})->status, 404);
  EXPECT_EQ(c.Get("/incidents/" + std::to_string(inc.id), {{"Cookie", cookie}})->status, 404);
  // The owner's own API answer works and is scored.
  auto ok = c.Put("/api/v1/assessments/" + std::to_string(mine.id) + "/answers/T2-001.1", bearer, R"({"status":"implemented","maturity":4})", "application/json");
  ASSERT_EQ(ok->status, 200);
  auto score = nlohmann::json::parse(c.Get("/api/v1/assessments/" + std::to_string(mine.id) + "/score", bearer)->body);
  EXPECT_EQ(score["overall"]["implemented"], 1);
}

TEST_F(WebTest, ChecklistRowsTakeAStatusWithCsrf) {
  store::Db db(path_);
  assess::AssessRepo repo(db, "test");
  auto a = repo.create(org_a_, *catalog::shipped_catalog().find("tcs-2023"), "operator", "FY2026", "");
  std::string cookie = login("alice", "correct horse");
  std::string csrf = csrf_of(cookie);
  std::string url = "/assessments/" + std::to_string(a.id) + "/questions/T2-002.1/status";
  auto c = client();
  EXPECT_EQ(c.Post(url, {{"Cookie", cookie}}, "status=partial", "application/x-www-form-urlencoded")->status, 403);
  auto r = c.Post(url, {{"Cookie", cookie}}, "status=partial&_csrf=" + url_encode(csrf), "application/x-www-form-urlencoded");
  EXPECT_EQ(r->status, 303);
  EXPECT_EQ(repo.answers(a.id).at("T2-002.1").status, assess::Status::partial);
  auto page = c.Get("/assessments/" + std::to_string(a.id) + "?status=partial", {{"Cookie", cookie}});
  EXPECT_NE(page->body.find("T2-002.1"), std::string::npos);
  EXPECT_EQ(page->body.find(">T2-003.1<"), std::string::npos) << "the status filter applies";
}

TEST_F(WebTest, AdminsEditTheirOrganisation) {
  std::string cookie = login("alice", "correct horse");
  std::string csrf = csrf_of(cookie);
  auto r = client().Post("/admin/org", {{"Cookie", cookie}},
                         "name=" + url_encode("株式会社新名称") + "&services=mobile&services=cloud&users=250000&prefectures=" + url_encode("東京都、大阪府") +
                             "&_csrf=" + url_encode(csrf),
                         "application/x-www-form-urlencoded");
  EXPECT_EQ(r->status, 303);
  store::Db db(path_);
  auto o = *assess::AssessRepo(db, "t").org(org_a_);
  EXPECT_EQ(o.name, "株式会社新名称");
  EXPECT_EQ(o.services, (std::vector<std::string>{"mobile", "cloud"}));
  EXPECT_EQ(o.prefectures, (std::vector<std::string>{"東京都", "大阪府"}));
  EXPECT_EQ(*o.users, 250000);
}

TEST_F(WebTest, RiskRegisterHeatMapAndAcceptanceRule) {
  std::string cookie = login("alice", "correct horse");
  std::string csrf = csrf_of(cookie);
  auto c = client();
  std::string form = "title=" + url_encode("DDoS による停止") + "&threat=cyber_attack&inherent_l=4&inherent_i=5&current_l=3&current_i=5&residual_l=2&residual_i=3&treatment=accept&_csrf=" + url_encode(csrf);
  auto refused = c.Post("/risks", {{"Cookie", cookie}}, form, "application/x-www-form-urlencoded");
  EXPECT_EQ(refused->status, 400);
  EXPECT_NE(refused->body.find("approver"), std::string::npos);
  auto ok = c.Post("/risks", {{"Cookie", cookie}}, form + "&approver=CISO&justification=x&expiry=2027-03-31", "application/x-www-form-urlencoded");
  EXPECT_EQ(ok->status, 303);
  auto page = c.Get("/risks", {{"Cookie", cookie}});
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("<svg"), std::string::npos);
  EXPECT_NE(page->body.find("DDoS による停止"), std::string::npos);
  EXPECT_EQ(c.Get("/plan", {{"Cookie", cookie}})->status, 200);
  // Bob's organisation sees none of it.
  std::string bob = login("bob", "bob password");
  EXPECT_EQ(c.Get("/risks", {{"Cookie", bob}})->body.find("DDoS による停止"), std::string::npos);
}

// Issue 16 (8): the one date parser answers web forms and the API: impossible dates are a 400
// naming the field; Japanese forms are read.
TEST_F(WebTest, ImpossibleDatesAre400NamingTheField) {
  std::string cookie = login("alice", "correct horse");
  std::string csrf = csrf_of(cookie);
  auto c = client();
  std::string form = "title=" + url_encode("停電") + "&threat=failure_disaster&inherent_l=2&inherent_i=2&current_l=2&current_i=2&residual_l=1&residual_i=1"
                     "&treatment=accept&approver=CISO&justification=x&_csrf=" + url_encode(csrf);
  auto bad = c.Post("/risks", {{"Cookie", cookie}}, form + "&expiry=2026-02-31", "application/x-www-form-urlencoded");
  EXPECT_EQ(bad->status, 400);
  EXPECT_NE(bad->body.find("acceptance_expiry"), std::string::npos) << bad->body;
  EXPECT_NE(bad->body.find("February 2026 has 28 days"), std::string::npos) << bad->body;
  store::Db db(path_);
  assess::AssessRepo repo(db, "test");
  auto a = repo.create(org_a_, *catalog::shipped_catalog().find("tcs-2023"), "operator", "FY2026", "");
  Accounts acc(db);
  httplib::Headers bearer = {{"Authorization", "Bearer " + acc.create_token(acc.find_user("alice")->id, "t", "test")}};
  std::string url = "/api/v1/assessments/" + std::to_string(a.id) + "/answers/T2-001.1";
  auto api = c.Put(url, bearer, R"({"status":"partial","due":"2026-13-01"})", "application/json");
  EXPECT_EQ(api->status, 400);
  EXPECT_NE(api->body.find("due"), std::string::npos) << api->body;
  EXPECT_TRUE(repo.answers(a.id).empty()) << "nothing saved";
  ASSERT_EQ(c.Put(url, bearer, R"({"status":"partial","due":"令和8年3月31日"})", "application/json")->status, 200);
  EXPECT_EQ(repo.answers(a.id).at("T2-001.1").due, "2026-03-31");
}

TEST_F(WebTest, RegisterAndPlanExportAndImportAllOrNothing) {
  std::string cookie = login("alice", "correct horse");
  std::string csrf = csrf_of(cookie);
  auto c = client();
  auto upload = [&](const std::string& path, const std::string& body) {
    httplib::MultipartFormDataItems items = {{"file", body, "risks.csv", "text/csv"}, {"_csrf", csrf, "", ""}};
    return c.Post(path, {{"Cookie", cookie}}, items);
  };
  auto bad = upload("/risks/import", "リスク,脅威,固有リスク,現在のリスク,残留リスク\n停電,故障・災害等,2×2,2×2,1×1\n輻そう,隕石,1×1,1×1,1×1\n");
  EXPECT_EQ(bad->status, 422);
  EXPECT_NE(bad->body.find("row 3, column 脅威"), std::string::npos) << bad->body;
  EXPECT_EQ(c.Get("/risks/export.csv", {{"Cookie", cookie}})->body.find("停電"), std::string::npos) << "nothing from the refused file";
  auto good = upload("/risks/import", "リスク,脅威,固有リスク,現在のリスク,残留リスク\n停電,故障・災害等,2×2,2×2,1×1\n");
  EXPECT_EQ(good->status, 200);
  auto csv = c.Get("/risks/export.csv", {{"Cookie", cookie}});
  EXPECT_NE(csv->body.find("停電"), std::string::npos);
  auto xlsx = c.Get("/risks/export.xlsx", {{"Cookie", cookie}});
  EXPECT_EQ(xlsx->body.rfind("PK\x03\x04", 0), 0u) << "a zip (XLSX) archive";
  EXPECT_NE(c.Get("/risks/export.svg", {{"Cookie", cookie}})->body.find("<svg"), std::string::npos);
  EXPECT_EQ(c.Get("/plan/export.svg", {{"Cookie", cookie}})->status, 404);
  auto plan = upload("/plan/import", "目標とする将来像,実施事項,責任者,達成期限,結果の評価方法\n停電時も継続,発電機,設備部,2027-03-31,訓練\n");
  EXPECT_EQ(plan->status, 200);
  // Progress is edited on the plan page; another organisation cannot touch the item.
  EXPECT_EQ(c.Post("/plan/1", {{"Cookie", cookie}}, "status=in_progress&progress=60&_csrf=" + url_encode(csrf), "application/x-www-form-urlencoded")->status, 303);
  EXPECT_NE(c.Get("/plan/export.csv", {{"Cookie", cookie}})->body.find("in_progress,60"), std::string::npos);
  std::string bob = login("bob", "bob password");
  std::string bob_csrf = csrf_of(bob);
  EXPECT_EQ(c.Post("/plan/1", {{"Cookie", bob}}, "status=done&progress=100&_csrf=" + url_encode(bob_csrf), "application/x-www-form-urlencoded")->status, 404);
  EXPECT_EQ(c.Get("/plan/export.csv", {{"Cookie", bob}})->body.find("停電時も継続"), std::string::npos);
}

TEST_F(WebTest, ReportsDownloadAndDecisionsAreKeptPerOrganisation) {
  int64_t aid = 0;
  {
    store::Db db(path_);
    assess::AssessRepo repo(db, "t");
    const auto& fw = *catalog::shipped_catalog().find("tcs-2023");
    auto a = repo.create(org_a_, fw, "operator", "FY2026", "");
    assess::Answer x;
    x.question_id = "T2-001.1";
    x.status = assess::Status::implemented;
    repo.set_answer(a, fw, x);
    aid = a.id;
  }
  std::string cookie = login("alice", "correct horse");
  std::string csrf = csrf_of(cookie);
  auto c = client();
  std::string base = "/assessments/" + std::to_string(aid);
  auto page = c.Get(base + "/reports", {{"Cookie", cookie}});
  ASSERT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("適用宣言書"), std::string::npos);
  auto pdf = c.Get(base + "/reports/management.pdf", {{"Cookie", cookie}});
  EXPECT_EQ(pdf->status, 200);
  EXPECT_EQ(pdf->body.rfind("%PDF-", 0), 0u);
  EXPECT_EQ(pdf->get_header_value("Content-Type"), "application/pdf");
  EXPECT_EQ(c.Get(base + "/reports/gaps.xlsx", {{"Cookie", cookie}})->body.rfind("PK\x03\x04", 0), 0u);
  EXPECT_EQ(c.Get(base + "/reports/management.xlsx", {{"Cookie", cookie}})->status, 400) << "a format the report does not come in";
  EXPECT_NE(c.Get(base + "/oscal.json", {{"Cookie", cookie}})->body.find("assessment-results"), std::string::npos);
  auto post = [&](const std::string& path, const std::string& form) {
    return c.Post(path, {{"Cookie", cookie}}, form + "&_csrf=" + url_encode(csrf), "application/x-www-form-urlencoded");
  };
  EXPECT_EQ(post(base + "/soa", "item=3.1.10&adopted=no&reason=")->status, 400) << "non-adoption needs a reason";
  EXPECT_EQ(post(base + "/soa", "item=3.1.10&adopted=no&reason=" + url_encode("対象外の環境"))->status, 303);
  EXPECT_EQ(post(base + "/disclosure", "sec-4=" + url_encode("責任者は CISSP を保有"))->status, 303);
  auto html = c.Get(base + "/reports/disclosure.html", {{"Cookie", cookie}});
  EXPECT_NE(html->body.find("責任者は CISSP を保有"), std::string::npos);
  EXPECT_NE(c.Get(base + "/reports/soa.csv", {{"Cookie", cookie}})->body.find("対象外の環境"), std::string::npos);
  // Another organisation sees none of it, and cannot write to it.
  std::string bob = login("bob", "bob password");
  EXPECT_EQ(c.Get(base + "/reports", {{"Cookie", bob}})->status, 404);
  EXPECT_EQ(c.Get(base + "/reports/management.pdf", {{"Cookie", bob}})->status, 404);
  EXPECT_EQ(c.Post(base + "/soa", {{"Cookie", bob}}, "item=3.1.10&adopted=yes&_csrf=" + url_encode(csrf_of(bob)), "application/x-www-form-urlencoded")->status, 404);
  // A viewer may download but not decide.
  std::string viewer = login("victor", "viewer pass");
  EXPECT_EQ(c.Get(base + "/reports/soa.html", {{"Cookie", viewer}})->status, 200);
  EXPECT_EQ(c.Post(base + "/soa", {{"Cookie", viewer}}, "item=3.1.10&adopted=yes&_csrf=" + url_encode(csrf_of(viewer)), "application/x-www-form-urlencoded")->status, 403);
}

TEST_F(WebTest, LanguageSwitchesToEnglish) {
  std::string cookie = login("alice", "correct horse");
  auto ja = client().Get("/catalog", {{"Cookie", cookie}});
  EXPECT_NE(ja->body.find("安全基準"), std::string::npos);
  auto en = client().Get("/catalog?lang=en", {{"Cookie", cookie}});
  EXPECT_NE(en->body.find("Frameworks"), std::string::npos);
  EXPECT_NE(en->get_header_value("Set-Cookie").find("anzen_lang=en"), std::string::npos);
}

TEST_F(WebTest, SecurityHeadersAreSet) {
  auto r = client().Get("/login");
  EXPECT_EQ(r->get_header_value("X-Frame-Options"), "DENY");
  EXPECT_NE(r->get_header_value("Content-Security-Policy").find("default-src 'self'"), std::string::npos);
}

// Issue 15 (3): a rejected answer comes back with what was typed, the error next to its field in
// the user's language; 対象外 from a checklist row without a reason shows the same error.
TEST_F(WebTest, FormErrorsKeepTheTypedInputAndSitNextToTheField) {
  store::Db db(path_);
  assess::AssessRepo repo(db, "test");
  auto a =
      repo.create(org_a_, *catalog::shipped_catalog().find("tcs-2023"), "operator", "FY2026", "");
  std::string cookie = login("alice", "correct horse");
  std::string csrf = csrf_of(cookie);
  std::string url = "/assessments/" + std::to_string(a.id) + "/questions/T2-002.1";
  auto c = client();
  auto r =
      c.Post(url, {{"Cookie", cookie}},
             "status=not_applicable&na_reason=&owner=" + url_encode("情報セキュリティ室 山田") +
                 "&comment=" + url_encode("書きかけのコメント") + "&_csrf=" + url_encode(csrf),
             "application/x-www-form-urlencoded");
  EXPECT_EQ(r->status, 400);
  EXPECT_NE(r->body.find("value=\"情報セキュリティ室 山田\""), std::string::npos)
      << "the typed owner is kept";
  EXPECT_NE(r->body.find("書きかけのコメント</textarea>"), std::string::npos);
  EXPECT_NE(r->body.find("<option value=\"not_applicable\" selected>"), std::string::npos);
  auto err = r->body.find("id=\"na_reason-error\"");
  ASSERT_NE(err, std::string::npos);
  EXPECT_LT(err, r->body.find("id=\"na_reason\""));
  EXPECT_NE(r->body.find("対象外を選ぶときは理由を入力してください"), std::string::npos);
  EXPECT_NE(r->body.find("aria-describedby=\"na_reason-error\""), std::string::npos);
  EXPECT_TRUE(repo.answers(a.id).empty()) << "nothing saved";
  // The checklist row: no jump to another page, the error is shown with 対象外 kept.
  auto row = c.Post(url + "/status", {{"Cookie", cookie}},
                    "status=not_applicable&_csrf=" + url_encode(csrf),
                    "application/x-www-form-urlencoded");
  EXPECT_EQ(row->status, 400);
  EXPECT_NE(row->body.find("<option value=\"not_applicable\" selected>"), std::string::npos);
  EXPECT_NE(row->body.find("id=\"na_reason-error\""), std::string::npos);
  // In English.
  auto en = c.Post(url + "?lang=en", {{"Cookie", cookie}},
                   "status=not_applicable&_csrf=" + url_encode(csrf),
                   "application/x-www-form-urlencoded");
  EXPECT_NE(en->body.find("Enter a reason when choosing not applicable."), std::string::npos);
}

// Issue 15 (2): a filed report stops its own clock only; filing is audited, per organisation,
// needs an editing role and (in the browser) the CSRF token.
TEST_F(WebTest, FilingAReportStopsItsOwnClockOnly) {
  store::Db db(path_);
  incident::Register reg(db, "test");
  auto inc = reg.create(org_a_, "漏えい", "",
                        {{"event_type", "specified_user_info_leak"},
                         {"leaked_persons", 1500},
                         {"designated_operator", true},
                         {"started_at", "2026-11-20T09:00:00+09:00"},
                         {"ended_at", "2026-11-20T12:00:00+09:00"},
                         {"known_at", "2026-11-24T10:00:00+09:00"}},
                        0);
  Accounts acc(db);
  httplib::Headers alice = {
      {"Authorization", "Bearer " + acc.create_token(acc.find_user("alice")->id, "t", "test")}};
  httplib::Headers victor = {
      {"Authorization", "Bearer " + acc.create_token(acc.find_user("victor")->id, "t", "test")}};
  httplib::Headers bob = {
      {"Authorization", "Bearer " + acc.create_token(acc.find_user("bob")->id, "t", "test")}};
  std::string url = "/api/v1/incidents/" + std::to_string(inc.id) + "/reports";
  std::string body =
      R"({"report":"prompt","filed_at":"2026-11-24T15:00:00+09:00","reference":"総基安第123号","evidence":{"name":"速報.pdf","content_base64":"JVBERi0xLjQK"}})";
  auto c = client();
  EXPECT_EQ(c.Post(url, victor, body, "application/json")->status, 403) << "viewers may not file";
  EXPECT_EQ(c.Post(url, bob, body, "application/json")->status, 404)
      << "another organisation's incident";
  EXPECT_EQ(c.Get(url, bob)->status, 404);
  auto bad = c.Post(url, alice, R"({"report":"periodic","filed_at":"2026-11-24T15:00:00+09:00"})",
                    "application/json");
  EXPECT_EQ(bad->status, 400);
  EXPECT_NE(bad->body.find("report"), std::string::npos);
  auto ok = c.Post(url, alice, body, "application/json");
  ASSERT_EQ(ok->status, 201) << ok->body;
  auto j = nlohmann::json::parse(ok->body);
  EXPECT_EQ(j["filing"]["filed_by"], "alice");
  EXPECT_EQ(j["filing"]["evidence"]["bytes"], 9);
  auto listed = nlohmann::json::parse(c.Get(url, alice)->body)["reports"];
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_TRUE(listed[0]["filed"]);
  EXPECT_FALSE(listed[1]["filed"]);
  auto obs = reg.obligations(org_a_, *incident::parse_instant("2026-11-25T09:00:00+09:00"));
  ASSERT_EQ(obs.size(), 1u);
  EXPECT_EQ(obs[0].type, "detailed");
  EXPECT_EQ(c.Post(url, alice, body, "application/json")->status, 400) << "filed once only";
  // The browser form needs the CSRF token; the filed document downloads for the organisation only.
  std::string cookie = login("alice", "correct horse");
  auto page = c.Get("/incidents/" + std::to_string(inc.id), {{"Cookie", cookie}});
  EXPECT_NE(page->body.find("総基安第123号"), std::string::npos);
  EXPECT_EQ(c.Post("/incidents/" + std::to_string(inc.id) + "/reports", {{"Cookie", cookie}},
                   "report=specified_user_info_leak%2Fdetailed&filed_at=2026-11-30T10:00",
                   "application/x-www-form-urlencoded")
                ->status,
            403);
  int64_t fid = j["filing"]["id"];
  std::string doc =
      "/incidents/" + std::to_string(inc.id) + "/filings/" + std::to_string(fid) + "/document";
  auto got = c.Get(doc, {{"Cookie", cookie}});
  EXPECT_EQ(got->status, 200);
  EXPECT_EQ(got->body, "%PDF-1.4\n");
  EXPECT_EQ(c.Get(doc, {{"Cookie", login("bob", "bob password")}})->status, 404);
  // Closing asks first while the detailed report is due, and keeps its deadline.
  std::string csrf = csrf_of(cookie);
  auto ask = c.Post("/incidents/" + std::to_string(inc.id) + "/status", {{"Cookie", cookie}},
                    "status=closed&_csrf=" + url_encode(csrf), "application/x-www-form-urlencoded");
  EXPECT_EQ(ask->status, 200);
  EXPECT_NE(ask->body.find("id=\"confirm-close\""), std::string::npos);
  EXPECT_EQ(reg.get(org_a_, inc.id)->status, "open");
  auto closed = c.Post("/incidents/" + std::to_string(inc.id) + "/status", {{"Cookie", cookie}},
                       "status=closed&confirm=yes&_csrf=" + url_encode(csrf),
                       "application/x-www-form-urlencoded");
  EXPECT_EQ(closed->status, 303);
  EXPECT_EQ(reg.get(org_a_, inc.id)->status, "closed");
  EXPECT_EQ(reg.obligations(org_a_, *incident::parse_instant("2026-11-25T09:00:00+09:00")).size(),
            1u);
  // Audited.
  auto st =
      db.prepare("SELECT COUNT(*) FROM audit_log WHERE entity='incident_report' AND action='file'");
  ASSERT_TRUE(st.step());
  EXPECT_EQ(st.i64(0), 1);
}

}  // namespace
}  // namespace anzen::web
