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
#include "testing/catalogs.h"
#include "testing/incidents.h"
#include "testing/orgs.h"
#include "testing/services.h"
#include "testing/temp_db.h"
#include "web/accounts.h"
#include "web/html.h"

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
    auto acc = anzen::testing::accounts(db);
    acc.create_user(org_a_, "alice", Role::admin, "correct horse", "test");
    acc.create_user(org_a_, "victor", Role::viewer, "viewer pass", "test");
    acc.create_user(org_b_, "bob", Role::admin, "bob password", "test");
    ServerOptions opt;
    opt.db_path = path_;
    opt.port = 0;
    opt.threads = 2;
    app_ = std::make_unique<WebApp>(opt, anzen::testing::tree_catalogs(),
                                    anzen::testing::system_clock());
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

  // The Authorization header of a new API token of `user`.
  httplib::Headers bearer_for(const std::string& user) {
    store::Db db(path_);
    auto acc = anzen::testing::accounts(db);
    return {{"Authorization", "Bearer " + acc.create_token(acc.find_user(user)->id, "t", "test")}};
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
  EXPECT_EQ(anzen::testing::accounts(db).login("alice", "correct horse", "192.0.2.44").result,
            Accounts::LoginResult::ok);
}

TEST_F(WebTest, FailuresFromManyClientsDelayTheAccountButNeverLockItOut) {
  store::Db db(path_);
  auto acc = anzen::testing::accounts(db);
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
  std::string form = "new_name=carol&new_password=carol-pass-1&new_role=viewer";
  auto no = c.Post("/admin/users", {{"Cookie", cookie}}, form, "application/x-www-form-urlencoded");
  EXPECT_EQ(no->status, 403);
  auto wrong = c.Post("/admin/users", {{"Cookie", cookie}}, form + "&_csrf=x" + csrf, "application/x-www-form-urlencoded");
  EXPECT_EQ(wrong->status, 403);
  auto ok = c.Post("/admin/users", {{"Cookie", cookie}}, form + "&_csrf=" + url_encode(csrf),
                   "application/x-www-form-urlencoded");
  EXPECT_EQ(ok->status, 303);
  store::Db db(path_);
  EXPECT_TRUE(anzen::testing::accounts(db).find_user("carol").has_value());
}

TEST_F(WebTest, RolesAreEnforced) {
  std::string cookie = login("victor", "viewer pass");
  std::string csrf = csrf_of(cookie);
  auto c = client();
  EXPECT_EQ(c.Get("/admin", {{"Cookie", cookie}})->status, 403);
  EXPECT_EQ(c.Get("/audit", {{"Cookie", cookie}})->status, 403);
  auto r = c.Post("/admin/users", {{"Cookie", cookie}},
                  "new_name=x&new_password=xxxxxxxx&new_role=admin&_csrf=" + url_encode(csrf),
                  "application/x-www-form-urlencoded");
  EXPECT_EQ(r->status, 403);
}

TEST_F(WebTest, AdminsCannotTouchAnotherOrganisationsUsers) {
  std::string cookie = login("bob", "bob password");
  std::string csrf = csrf_of(cookie);
  store::Db db(path_);
  auto alice = anzen::testing::accounts(db).find_user("alice");
  auto r = client().Post("/admin/users/" + std::to_string(alice->id) + "/role", {{"Cookie", cookie}},
                         "role=viewer&_csrf=" + url_encode(csrf), "application/x-www-form-urlencoded");
  EXPECT_EQ(r->status, 404);
  EXPECT_EQ(anzen::testing::accounts(db).find_user("alice")->role, Role::admin);
  auto page = client().Get("/admin", {{"Cookie", cookie}});
  EXPECT_EQ(page->body.find("alice"), std::string::npos);
}

TEST_F(WebTest, BearerTokensReachTheApiWithoutCsrf) {
  store::Db db(path_);
  auto acc = anzen::testing::accounts(db);
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
  const auto& fw = *anzen::testing::tree_catalog().find("tcs-2023");
  auto mine = repo.create(org_a_, fw, "operator", "FY2026", "");
  auto theirs = repo.create(org_b_, fw, "maker", "FY2026", "");
  incident::Register reg(db, anzen::testing::tree_rules(), "test");
  auto inc = reg.create(org_b_, "他社の事故", "", {{"event_type", "outage"}, {"affected_users", 5}, {"started_at", "2026-01-05T10:00:00+09:00"},
                                                  {"ended_at", "2026-01-05T10:10:00+09:00"}}, 0);
  auto acc = anzen::testing::accounts(db);
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

// The assessment list and the dashboard are kept per data revision: each read after a change,
// made by this server or by another connection (another server, the CLI), shows the change, and
// each organisation sees only its own.
TEST_F(WebTest, KeptAnswersFollowEveryChangeAndStayPerOrganisation) {
  store::Db db(path_);
  httplib::Headers alice = bearer_for("alice"), bob = bearer_for("bob");
  auto c = client();
  auto list = [&](const httplib::Headers& h) {
    auto r = c.Get("/api/v1/assessments", h);
    EXPECT_EQ(r->status, 200);
    std::vector<int64_t> ids;
    auto j = nlohmann::json::parse(r->body);
    for (const auto& a : j["assessments"]) ids.push_back(a["id"].get<int64_t>());
    return ids;
  };
  EXPECT_TRUE(list(alice).empty());
  EXPECT_TRUE(list(bob).empty());
  assess::AssessRepo repo(db, "test");
  const auto& fw = *anzen::testing::tree_catalog().find("tcs-2023");
  auto mine = repo.create(org_a_, fw, "operator", "FY2026", "");
  EXPECT_EQ(list(alice), std::vector<int64_t>{mine.id});
  EXPECT_TRUE(list(bob).empty());
  auto theirs = repo.create(org_b_, fw, "maker", "FY2026", "");
  EXPECT_EQ(list(bob), std::vector<int64_t>{theirs.id});
  EXPECT_EQ(list(alice), std::vector<int64_t>{mine.id});

  std::string cookie = login("alice", "correct horse");
  auto open_gaps = [&] {
    auto r = c.Get("/", {{"Cookie", cookie}});
    EXPECT_EQ(r->status, 200);
    auto p = r->body.find("id=\"open-gaps\">");
    EXPECT_NE(p, std::string::npos);
    return p == std::string::npos ? -1 : std::stoi(r->body.substr(p + 15));
  };
  int before = open_gaps();
  EXPECT_EQ(open_gaps(), before);  // the kept body
  auto put = c.Put("/api/v1/assessments/" + std::to_string(mine.id) + "/answers/T2-001.1", alice,
                   R"({"status":"implemented"})", "application/json");
  ASSERT_EQ(put->status, 200);
  EXPECT_EQ(open_gaps(), before - 1) << "a change through the API shows at once";
  assess::Answer next;
  next.question_id = fw.checks().at(1)->questions.at(0).id;  // another question than the PUT's
  next.status = assess::Status::implemented;
  ASSERT_TRUE(repo.set_answer(mine, fw, next));
  EXPECT_EQ(open_gaps(), before - 2) << "a change by another connection shows at once";
  // Each session gets its own page (name, role, CSRF token), even when the body is shared.
  std::string viewer = login("victor", "viewer pass");
  auto theirs_page = c.Get("/", {{"Cookie", viewer}});
  auto mine_page = c.Get("/", {{"Cookie", cookie}});
  EXPECT_NE(theirs_page->body.find("victor"), std::string::npos);
  EXPECT_EQ(theirs_page->body.find(csrf_of(cookie)), std::string::npos);
  EXPECT_NE(mine_page->body.find(csrf_of(cookie)), std::string::npos);
  EXPECT_EQ(mine_page->body.find("victor"), std::string::npos);
}

TEST_F(WebTest, ChecklistRowsTakeAStatusWithCsrf) {
  store::Db db(path_);
  assess::AssessRepo repo(db, "test");
  auto a = repo.create(org_a_, *anzen::testing::tree_catalog().find("tcs-2023"), "operator",
                       "FY2026", "");
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
  // Under the expiry field, in the page's language (issue 15: no English in a Japanese form).
  EXPECT_NE(
      bad->body.find(
          "<p class=\"field-error\" "
          "id=\"expiry-error\">「2026-02-31」は日付として読めません（2026年2月は28日までです）"),
      std::string::npos)
      << bad->body;
  EXPECT_EQ(bad->body.find("February 2026 has 28 days"), std::string::npos)
      << "English in the Japanese page";
  auto bad_en = c.Post("/risks?lang=en", {{"Cookie", cookie}}, form + "&expiry=2026-02-31",
                       "application/x-www-form-urlencoded");
  EXPECT_NE(bad_en->body.find("February 2026 has 28 days"), std::string::npos) << bad_en->body;
  store::Db db(path_);
  assess::AssessRepo repo(db, "test");
  auto a = repo.create(org_a_, *anzen::testing::tree_catalog().find("tcs-2023"), "operator",
                       "FY2026", "");
  auto acc = anzen::testing::accounts(db);
  httplib::Headers bearer = {{"Authorization", "Bearer " + acc.create_token(acc.find_user("alice")->id, "t", "test")}};
  std::string url = "/api/v1/assessments/" + std::to_string(a.id) + "/answers/T2-001.1";
  auto api = c.Put(url, bearer, R"({"status":"partial","due":"2026-13-01"})", "application/json");
  EXPECT_EQ(api->status, 400);
  EXPECT_NE(api->body.find("due"), std::string::npos) << api->body;
  auto why = nlohmann::json::parse(api->body);
  EXPECT_EQ(why["field"], "due") << api->body;
  EXPECT_EQ(why["code"], "not_a_date") << api->body;
  EXPECT_NE(why["message"].get<std::string>().find("13月はありません"), std::string::npos)
      << "the user's language (alice's is Japanese): " << api->body;
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
    const auto& fw = *anzen::testing::tree_catalog().find("tcs-2023");
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
  auto a = repo.create(org_a_, *anzen::testing::tree_catalog().find("tcs-2023"), "operator",
                       "FY2026", "");
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
  incident::Register reg(db, anzen::testing::tree_rules(), "test");
  auto inc = reg.create(org_a_, "漏えい", "",
                        anzen::testing::designated_leak_event(),
                        0);
  auto acc = anzen::testing::accounts(db);
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

// A filed report's record can be put right from the page and the API: editing roles of the
// organisation only, with the CSRF token in the browser, errors next to the field, audited.
TEST_F(WebTest, AFilingRecordIsCorrectedOrWithdrawnFromThePageAndTheApi) {
  store::Db db(path_);
  incident::Register reg(db, anzen::testing::tree_rules(), "test");
  auto inc = reg.create(org_a_, "漏えい", "",
                        anzen::testing::designated_leak_event(),
                        0);
  incident::FilingInput in;
  in.type = "prompt";
  in.filed_at = *incident::parse_instant("2026-11-24T15:00:00+09:00");
  in.filed_by = "法務部";
  in.reference = "総基安第12号";
  auto filed = reg.file_report(org_a_, inc.id, in, std::time(nullptr));
  std::string page =
      "/incidents/" + std::to_string(inc.id) + "/filings/" + std::to_string(filed.id);
  std::string api = "/api/v1" + page;
  auto acc = anzen::testing::accounts(db);
  auto bearer = [&](const char* who) {
    return httplib::Headers{
        {"Authorization", "Bearer " + acc.create_token(acc.find_user(who)->id, "t", "test")}};
  };
  auto c = client();
  const std::string form = "application/x-www-form-urlencoded";
  std::string cookie = login("alice", "correct horse");
  std::string csrf = "&_csrf=" + url_encode(csrf_of(cookie));
  // The incident page links to the correction page, which shows the record in JST.
  auto inc_page = c.Get("/incidents/" + std::to_string(inc.id), {{"Cookie", cookie}});
  EXPECT_NE(inc_page->body.find("href=\"" + page + "\""), std::string::npos);
  auto got = c.Get(page, {{"Cookie", cookie}});
  ASSERT_EQ(got->status, 200);
  EXPECT_NE(got->body.find("2026年11月24日 15:00"), std::string::npos);
  EXPECT_EQ(c.Get(page, {{"Cookie", login("bob", "bob password")}})->status, 404);
  EXPECT_EQ(c.Get(page, {{"Cookie", login("victor", "viewer pass")}})->status, 403);
  // Without a reason: 400, the typed reference kept, the error under the reason field.
  auto no_reason = c.Post(
      page, {{"Cookie", cookie}},
      "filed_at=2026-11-24T15:00&filed_by=x&reference=" + url_encode("総基安第999号") + csrf, form);
  EXPECT_EQ(no_reason->status, 400);
  EXPECT_NE(no_reason->body.find("総基安第999号"), std::string::npos);
  EXPECT_NE(no_reason->body.find("id=\"reason-error\""), std::string::npos);
  EXPECT_EQ(c.Post(page, {{"Cookie", cookie}},
                   "filed_at=2026-11-24T15:00&filed_by=x&reference=y&reason=z", form)
                ->status,
            403)
      << "no CSRF token";
  auto ok = c.Post(page, {{"Cookie", cookie}},
                   "filed_at=2026-11-24T14:30&filed_by=" + url_encode("法務部") + "&reference=" +
                       url_encode("総基安第123号") + "&reason=" + url_encode("転記誤り") + csrf,
                   form);
  EXPECT_EQ(ok->status, 303);
  EXPECT_EQ(reg.get(org_a_, inc.id)->filings[0].reference, "総基安第123号");
  // The API: PATCH corrects, viewers and other organisations are refused.
  EXPECT_EQ(c.Patch(api, bearer("victor"), R"({"reason":"r","reference":"v"})", "application/json")
                ->status,
            403);
  EXPECT_EQ(
      c.Patch(api, bearer("bob"), R"({"reason":"r","reference":"b"})", "application/json")->status,
      404);
  auto patched = c.Patch(api, bearer("alice"), R"({"reason":"再確認","filed_by":"法務部 佐藤"})",
                         "application/json");
  ASSERT_EQ(patched->status, 200) << patched->body;
  EXPECT_EQ(nlohmann::json::parse(patched->body)["filing"]["filed_by"], "法務部 佐藤");
  EXPECT_EQ(c.Patch(api, bearer("alice"), R"({"reference":"x"})", "application/json")->status, 400)
      << "a reason is required";
  // Withdrawing makes the prompt report due again.
  auto wd = c.Post(page + "/withdraw", {{"Cookie", cookie}},
                   "withdraw_reason=" + url_encode("取り違え") + csrf, form);
  EXPECT_EQ(wd->status, 303);
  EXPECT_TRUE(reg.get(org_a_, inc.id)->filings.empty());
  EXPECT_EQ(
      c.Post(api + "/withdraw", bearer("alice"), R"({"reason":"x"})", "application/json")->status,
      404)
      << "already withdrawn";
  auto st = db.prepare(
      "SELECT COUNT(*) FROM audit_log WHERE entity='incident_report' AND action IN "
      "('correct','withdraw')");
  ASSERT_TRUE(st.step());
  EXPECT_EQ(st.i64(0), 3);
}

// Issue 15 (6): risks, assets and plan items have pages to create, view and edit them; each is
// limited to the organisation (404 elsewhere), to roles that may change data (403) and to
// requests with the CSRF token; every change is audited.
TEST_F(WebTest, RecordPagesAreScopedByOrganisationRoleAndCsrf) {
  std::string cookie = login("alice", "correct horse");
  std::string csrf = "&_csrf=" + url_encode(csrf_of(cookie));
  auto c = client();
  const std::string form = "application/x-www-form-urlencoded";
  auto asset = c.Post(
      "/assets", {{"Cookie", cookie}},
      "name=" + url_encode("呼制御サーバ") + "&kind=facility&owner=x&c=3&i=2&a=3" + csrf, form);
  ASSERT_EQ(asset->status, 303);
  std::string asset_url = asset->get_header_value("Location");
  std::string risk_fields =
      std::string(
          "threat=cyber_attack&inherent_l=4&inherent_i=5&current_l=3&current_i=5&residual_l=2&"
          "residual_i=3") +
      "&treatment=reduce&asset_ids=" + asset_url.substr(asset_url.rfind('/') + 1);
  std::string risk_form = risk_fields + "&title=" + url_encode("DDoS");
  auto risk = c.Post("/risks", {{"Cookie", cookie}}, risk_form + csrf, form);
  ASSERT_EQ(risk->status, 303);
  std::string risk_url = risk->get_header_value("Location");
  auto plan = c.Post(
      "/plan", {{"Cookie", cookie}},
      "target_state=t&actions=" + url_encode("遮断契約") +
          "&owner=o&deadline=2027-03-31&evaluation_method=e&status=in_progress&progress=10" + csrf,
      form);
  ASSERT_EQ(plan->status, 303);
  std::string plan_url = plan->get_header_value("Location");
  auto view = c.Get(risk_url, {{"Cookie", cookie}});
  ASSERT_EQ(view->status, 200);
  EXPECT_NE(view->body.find("低減"), std::string::npos) << "the treatment's label, not its code";
  EXPECT_NE(view->body.find("呼制御サーバ"), std::string::npos) << "the risk names its asset";
  EXPECT_NE(c.Get(plan_url, {{"Cookie", cookie}})->body.find("実施中"), std::string::npos);
  // Editing: a bad value answers 400 with the form, what was typed and the message beside the
  // field.
  auto bad =
      c.Post(risk_url + "/edit", {{"Cookie", cookie}},
             risk_fields + "&title=" + url_encode("改名") + "&expiry=2026-02-30" + csrf, form);
  EXPECT_EQ(bad->status, 400);
  EXPECT_NE(bad->body.find("id=\"expiry-error\""), std::string::npos);
  EXPECT_NE(bad->body.find("value=\"改名\""), std::string::npos);
  auto edited =
      c.Post(risk_url + "/edit", {{"Cookie", cookie}}, risk_form + "&owner=CISO" + csrf, form);
  EXPECT_EQ(edited->status, 303);
  EXPECT_NE(c.Get(risk_url, {{"Cookie", cookie}})->body.find("CISO"), std::string::npos);
  // Without the CSRF token nothing changes.
  EXPECT_EQ(
      c.Post(risk_url + "/edit", {{"Cookie", cookie}}, risk_form + "&owner=nobody", form)->status,
      403);
  // Another organisation: every page and change is 404, and nothing changes.
  std::string bob = login("bob", "bob password");
  std::string bob_csrf = "&_csrf=" + url_encode(csrf_of(bob));
  for (const auto& url : {risk_url, asset_url, plan_url, risk_url + "/edit", asset_url + "/edit",
                          plan_url + "/edit"}) {
    EXPECT_EQ(c.Get(url, {{"Cookie", bob}})->status, 404) << url;
  }
  EXPECT_EQ(c.Post(risk_url + "/edit", {{"Cookie", bob}}, risk_form + "&owner=bob" + bob_csrf, form)
                ->status,
            404);
  EXPECT_EQ(c.Post(asset_url + "/edit", {{"Cookie", bob}},
                   "name=bob&kind=facility&c=1&i=1&a=1" + bob_csrf, form)
                ->status,
            404);
  EXPECT_EQ(c.Post(plan_url + "/edit", {{"Cookie", bob}},
                   "target_state=b&actions=b&owner=b&deadline=2027-01-01&evaluation_method=b&"
                   "status=done&progress=100" +
                       bob_csrf,
                   form)
                ->status,
            404);
  EXPECT_EQ(c.Get(risk_url, {{"Cookie", cookie}})->body.find("bob"), std::string::npos);
  // A viewer reads but may not open the forms or change anything.
  std::string victor = login("victor", "viewer pass");
  EXPECT_EQ(c.Get(risk_url, {{"Cookie", victor}})->status, 200);
  EXPECT_EQ(c.Get("/risks/new", {{"Cookie", victor}})->status, 403);
  EXPECT_EQ(c.Post(risk_url + "/edit", {{"Cookie", victor}},
                   risk_form + "&_csrf=" + url_encode(csrf_of(victor)), form)
                ->status,
            403);
  // Audited: the creation and the edit of the risk.
  store::Db db(path_);
  auto st = db.prepare("SELECT count(*) FROM audit_log WHERE entity='risk' AND org_id=?");
  st.bind(1, org_a_);
  ASSERT_TRUE(st.step());
  EXPECT_EQ(st.i64(0), 2);
}

// Issue 15 (remainder 5): what the API deletes, the pages delete too: a confirmation page, a POST
// with the CSRF token by an editor of the organisation (another organisation's id is 404, a viewer
// 403), refused with the referrers named while other records refer to the entry, and audited.
TEST_F(WebTest, RecordsAreDeletedAfterConfirmationByEditorsOfTheOrganisation) {
  std::string cookie = login("alice", "correct horse");
  std::string csrf = "_csrf=" + url_encode(csrf_of(cookie));
  auto c = client();
  const std::string form = "application/x-www-form-urlencoded";
  auto asset =
      c.Post("/assets", {{"Cookie", cookie}},
             "name=" + url_encode("交換機") + "&kind=facility&owner=x&c=3&i=2&a=3&" + csrf, form);
  ASSERT_EQ(asset->status, 303);
  std::string asset_url = asset->get_header_value("Location");
  auto risk = c.Post("/risks", {{"Cookie", cookie}},
                     "title=" + url_encode("停電") +
                         "&threat=failure_disaster&inherent_l=3&inherent_i=3&current_l=3&"
                         "current_i=3&residual_l=2&residual_i=2&treatment=reduce&asset_ids=" +
                         asset_url.substr(asset_url.rfind('/') + 1) + "&" + csrf,
                     form);
  ASSERT_EQ(risk->status, 303);
  std::string risk_url = risk->get_header_value("Location");
  // The record's page links to the confirmation, which deletes nothing by itself.
  EXPECT_NE(c.Get(asset_url, {{"Cookie", cookie}})->body.find(asset_url + "/delete"),
            std::string::npos);
  auto confirm = c.Get(asset_url + "/delete", {{"Cookie", cookie}});
  ASSERT_EQ(confirm->status, 200);
  EXPECT_NE(confirm->body.find("「<strong>交換機</strong>」を削除します"), std::string::npos);
  EXPECT_EQ(c.Get(asset_url, {{"Cookie", cookie}})->status, 200);
  // Referred to by the risk: refused, the risk named, nothing deleted.
  auto refused = c.Post(asset_url + "/delete", {{"Cookie", cookie}}, csrf, form);
  EXPECT_EQ(refused->status, 400);
  EXPECT_NE(refused->body.find("参照されているため削除できません"), std::string::npos);
  EXPECT_NE(refused->body.find("href=\"" + risk_url + "\">リスク #"), std::string::npos);
  EXPECT_EQ(c.Get(asset_url, {{"Cookie", cookie}})->status, 200);
  // Without the token, by a viewer or by another organisation: nothing happens.
  EXPECT_EQ(c.Post(risk_url + "/delete", {{"Cookie", cookie}}, "", form)->status, 403);
  std::string victor = login("victor", "viewer pass");
  EXPECT_EQ(c.Get(risk_url + "/delete", {{"Cookie", victor}})->status, 403);
  EXPECT_EQ(c.Post(risk_url + "/delete", {{"Cookie", victor}},
                   "_csrf=" + url_encode(csrf_of(victor)), form)
                ->status,
            403);
  EXPECT_EQ(c.Get(risk_url, {{"Cookie", victor}})->body.find(risk_url + "/delete"),
            std::string::npos)
      << "no delete link for a viewer";
  std::string bob = login("bob", "bob password");
  EXPECT_EQ(c.Get(risk_url + "/delete", {{"Cookie", bob}})->status, 404);
  EXPECT_EQ(
      c.Post(risk_url + "/delete", {{"Cookie", bob}}, "_csrf=" + url_encode(csrf_of(bob)), form)
          ->status,
      404);
  EXPECT_EQ(c.Get(risk_url, {{"Cookie", cookie}})->status, 200);
  // The risk, then the asset it held, are deleted; their pages are gone; both audited.
  auto gone = c.Post(risk_url + "/delete", {{"Cookie", cookie}}, csrf, form);
  EXPECT_EQ(gone->status, 303);
  EXPECT_EQ(gone->get_header_value("Location"), "/risks");
  EXPECT_EQ(c.Get(risk_url, {{"Cookie", cookie}})->status, 404);
  EXPECT_EQ(c.Post(asset_url + "/delete", {{"Cookie", cookie}}, csrf, form)->status, 303);
  EXPECT_EQ(c.Get(asset_url, {{"Cookie", cookie}})->status, 404);
  store::Db db(path_);
  auto st = db.prepare(
      "SELECT count(*) FROM audit_log WHERE action='delete' AND org_id=? AND entity IN "
      "('risk','asset')");
  st.bind(1, org_a_);
  ASSERT_TRUE(st.step());
  EXPECT_EQ(st.i64(0), 2);
}

// Issue 15 (5): without scripts a checklist row posts as a form; 対象外 without a reason comes
// back as 400 with the checklist, the typed values and the error on that row, and saves nothing.
TEST_F(WebTest, ChecklistRowFormKeepsInputAndShowsTheErrorOnTheRow) {
  store::Db db(path_);
  assess::AssessRepo repo(db, "test");
  auto a = repo.create(org_a_, *anzen::testing::tree_catalog().find("tcs-2023"), "operator",
                       "FY2026", "");
  std::string cookie = login("alice", "correct horse");
  std::string csrf = "&_csrf=" + url_encode(csrf_of(cookie));
  std::string url = "/assessments/" + std::to_string(a.id) + "/questions/T2-002.1/row?q=T2-002";
  auto c = client();
  const std::string form = "application/x-www-form-urlencoded";
  auto bad = c.Post(
      url, {{"Cookie", cookie}},
      "status=not_applicable&na_reason=&maturity=3&owner=" + url_encode("田中") + "&due=" + csrf,
      form);
  EXPECT_EQ(bad->status, 400);
  EXPECT_NE(bad->body.find("対象外とするには理由が必要です"), std::string::npos);
  EXPECT_NE(bad->body.find("value=\"田中\""), std::string::npos) << "the typed owner is kept";
  EXPECT_NE(bad->body.find("value=\"not_applicable\" selected"), std::string::npos)
      << "the typed status is kept";
  EXPECT_TRUE(repo.answers(a.id, "T2-002.1").empty()) << "nothing saved";
  auto ok = c.Post(url, {{"Cookie", cookie}},
                   "status=not_applicable&na_reason=" + url_encode("設備なし") +
                       "&maturity=3&owner=" + url_encode("田中") + "&due=2027-03-31" + csrf,
                   form);
  EXPECT_EQ(ok->status, 303);
  EXPECT_EQ(ok->get_header_value("Location"),
            "/assessments/" + std::to_string(a.id) + "?q=T2-002#row-T2-002.1")
      << "back to the filtered checklist";
  auto saved = repo.answers(a.id, "T2-002.1").at("T2-002.1");
  EXPECT_EQ(saved.owner, "田中");
  EXPECT_EQ(*saved.maturity, 3);
  EXPECT_EQ(saved.due, "2027-03-31");
  // Another organisation's administrator cannot post a row.
  std::string bob = login("bob", "bob password");
  EXPECT_EQ(
      c.Post(url, {{"Cookie", bob}}, "status=implemented&_csrf=" + url_encode(csrf_of(bob)), form)
          ->status,
      404);
  // The checklist is grouped: one collapsible section per chapter with its progress.
  auto page = c.Get("/assessments/" + std::to_string(a.id), {{"Cookie", cookie}});
  size_t chapters = 0;
  for (size_t p = page->body.find("<details class=\"chapter\""); p != std::string::npos;
       p = page->body.find("<details class=\"chapter\"", p + 1))
    ++chapters;
  EXPECT_EQ(chapters, 10u);
  EXPECT_NE(page->body.find("<progress"), std::string::npos);
}

// Issue 15 (5, 6): long tables sort and page on the server; the count says what is shown.
TEST_F(WebTest, TablesSortAndPageWithCountsOfWhatTheyShow) {
  store::Db db(path_);
  assess::AssessRepo repo(db, "test");
  const auto& fw = *anzen::testing::tree_catalog().find("tcs-2023");
  auto a = repo.create(org_a_, fw, "operator", "FY2026", "");
  int n = 0;
  for (const auto* chk : fw.checks()) {
    for (const auto& q : chk->questions) {
      assess::Answer x;
      x.question_id = q.id;
      x.status = n++ % 2 ? assess::Status::not_implemented : assess::Status::partial;
      repo.set_answer(a, fw, x);
    }
  }
  std::string cookie = login("alice", "correct horse");
  auto c = client();
  auto gaps = c.Get("/assessments/" + std::to_string(a.id) + "/gaps?page=2&sort=id&dir=desc",
                    {{"Cookie", cookie}});
  ASSERT_EQ(gaps->status, 200);
  EXPECT_NE(gaps->body.find("全 " + std::to_string(n) + " 件中 51–100 件を表示"),
            std::string::npos);
  size_t rows = 0;
  for (size_t p = gaps->body.find("<tr>", gaps->body.find("<tbody>")); p != std::string::npos;
       p = gaps->body.find("<tr>", p + 1))
    ++rows;
  EXPECT_EQ(rows, 50u);
  EXPECT_NE(gaps->body.find("aria-sort=\"descending\""), std::string::npos);
  EXPECT_NE(gaps->body.find("dir=desc&amp;sort=id&amp;page=3"), std::string::npos)
      << "the pager keeps the sort";
  // The plan's proposals: the heading count and the table's count agree with the rows shown.
  auto plan = c.Get("/plan", {{"Cookie", cookie}});
  EXPECT_NE(plan->body.find("全 " + std::to_string(n) + " 件中 1–20 件を表示"), std::string::npos);
}

// Issue 15 (8): risks, assets and plan items over the API, scoped like the pages.
TEST_F(WebTest, RegisterApiIsScopedByOrganisationAndRole) {
  store::Db db(path_);
  auto acc = anzen::testing::accounts(db);
  httplib::Headers alice = bearer_for("alice"), bob = bearer_for("bob"),
                   victor = bearer_for("victor");
  auto c = client();
  auto made =
      c.Post("/api/v1/assets", alice,
             R"({"name":"呼制御サーバ","kind":"facility","c":3,"i":3,"a":3})", "application/json");
  ASSERT_EQ(made->status, 201);
  std::string url =
      "/api/v1/assets/" + std::to_string(nlohmann::json::parse(made->body)["id"].get<int64_t>());
  EXPECT_EQ(c.Get(url, bob)->status, 404);
  EXPECT_EQ(c.Put(url, bob, R"({"owner":"bob"})", "application/json")->status, 404);
  EXPECT_EQ(c.Delete(url, bob)->status, 404);
  EXPECT_EQ(
      c.Post("/api/v1/assets", victor, R"({"name":"x","kind":"facility"})", "application/json")
          ->status,
      403);
  EXPECT_EQ(c.Put(url, alice, R"({"kind":"spaceship"})", "application/json")->status, 400);
  auto put = c.Put(url, alice, R"({"owner":"設備部"})", "application/json");
  ASSERT_EQ(put->status, 200);
  EXPECT_EQ(nlohmann::json::parse(put->body)["c"], 3) << "fields left out keep their value";
  auto risk = c.Post("/api/v1/risks", alice,
                     R"({"title":"DDoS","threat":"cyber_attack","asset_ids":[)" +
                         url.substr(url.rfind('/') + 1) +
                         R"(],"inherent":[4,5],"current":[3,5],"residual":[2,3]})",
                     "application/json");
  ASSERT_EQ(risk->status, 201);
  EXPECT_EQ(c.Delete(url, alice)->status, 400) << "an asset a risk names is not deleted";
  EXPECT_EQ(c.Get(url, alice)->status, 200);
  EXPECT_EQ(c.Get("/api/v1/users", victor)->status, 403) << "users are for administrators";
  auto users = nlohmann::json::parse(c.Get("/api/v1/users", bob)->body)["users"];
  ASSERT_EQ(users.size(), 1u);
  EXPECT_EQ(users[0]["name"], "bob");
  EXPECT_EQ(c.Get("/api/v1/users/" + std::to_string(acc.find_user("alice")->id), bob)->status, 404);
}

}  // namespace
}  // namespace anzen::web
