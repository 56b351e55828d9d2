// Concurrent API writers through the real server (real HTTP, the server's writer queue, SQLite or
// PostgreSQL): every accepted answer lands exactly once, in order, with its history, its audit
// row and the stored score; refused ones change nothing and do not fail their neighbours.
#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <map>
#include <nlohmann/json.hpp>
#include <thread>

#include "assess/repo.h"
#include "assess/stored_score.h"
#include "store/audit.h"
#include "store/db.h"
#include "testing/catalogs.h"
#include "testing/services.h"
#include "testing/temp_db.h"
#include "web/accounts.h"
#include "web/server.h"

namespace anzen::web {
namespace {

using nlohmann::json;

TEST(ConcurrentWriters, SixteenApiWritersEachLandOnceInOrderWithAValidChain) {
  anzen::testing::TempDb tmp;
  const auto& fw = *anzen::testing::tree_catalog().find("tcs-2023");
  int64_t aid = 0;
  std::string writer_a, writer_b, viewer;
  std::vector<std::string> questions;
  {
    store::Db db(tmp.path);
    db.migrate();
    assess::AssessRepo repo(db, "test");
    auto org = repo.create_org({0, "並行書き込み", "operator_registered", {}, std::nullopt, {}});
    aid = repo.create(org.id, fw, "operator", "FY2026", "").id;
    auto acc = anzen::testing::accounts(db);
    writer_a = acc.create_token(
        acc.create_user(org.id, "writer-a", Role::assessor, "writer a pass", "test").id, "a", "test");
    writer_b = acc.create_token(
        acc.create_user(org.id, "writer-b", Role::assessor, "writer b pass", "test").id, "b", "test");
    viewer = acc.create_token(
        acc.create_user(org.id, "reader", Role::viewer, "reader pass", "test").id, "v", "test");
    for (const auto* c : fw.checks())
      for (const auto& q : c->questions) questions.push_back(q.id);
  }
  ServerOptions opt;
  opt.db_path = tmp.path;
  opt.port = 0;
  opt.threads = 20;  // enough standbys for every client to wait for its commit at once
  // 17 connections from one address: as behind the reverse proxy (a direct client gets 16).
  opt.trusted_proxies = {"127.0.0.1"};
  WebApp app(opt, anzen::testing::tree_catalogs(), anzen::testing::system_clock());
  int port = app.bind();
  ASSERT_GT(port, 0);
  std::thread server([&] { app.run(); });

  constexpr int kClients = 16, kEach = 12;
  const char* statuses[] = {"implemented", "partial", "not_implemented"};
  std::string base = "/api/v1/assessments/" + std::to_string(aid) + "/answers/";
  // Per client: the comments accepted, in the order sent; refusals and failures counted.
  std::vector<std::vector<std::string>> accepted(kClients);
  std::vector<std::string> last_status(kClients);
  std::atomic<int> refused{0}, wrong{0};
  std::vector<std::thread> clients;
  for (int c = 0; c < kClients; ++c) {
    clients.emplace_back([&, c] {
      httplib::Client cli("127.0.0.1", port);
      cli.set_keep_alive(true);
      httplib::Headers auth{{"Authorization", "Bearer " + (c % 2 ? writer_b : writer_a)}};
      const std::string& q = questions[static_cast<size_t>(c)];
      for (int i = 0; i < kEach; ++i) {
        std::string comment = "client " + std::to_string(c) + " write " + std::to_string(i);
        if (i % 4 == 3) {
          // Not applicable without a reason: refused with the field named, nothing stored.
          auto r = cli.Put(base + q, auth, R"({"status":"not_applicable","comment":"x"})",
                           "application/json");
          if (r && r->status == 400 && r->body.find("na_reason") != std::string::npos)
            ++refused;
          else
            ++wrong;
          continue;
        }
        std::string status = statuses[i % 3];
        auto r = cli.Put(base + q, auth,
                         json{{"status", status}, {"comment", comment}}.dump(), "application/json");
        if (!r || r->status != 200) {
          ++wrong;
          continue;
        }
        auto j = json::parse(r->body);
        if (j["comment"] != comment || j["status"] != status || j["changed"] != true ||
            j["updated_by"] != (c % 2 ? "writer-b" : "writer-a"))
          ++wrong;
        accepted[static_cast<size_t>(c)].push_back(comment);
        last_status[static_cast<size_t>(c)] = status;
      }
    });
  }
  // A viewer writing at the same time is refused each time (403), audited as denied.
  std::thread reader([&] {
    httplib::Client cli("127.0.0.1", port);
    for (int i = 0; i < 5; ++i) {
      auto r = cli.Put(base + questions[20], {{"Authorization", "Bearer " + viewer}},
                       R"({"status":"implemented"})", "application/json");
      if (!r || r->status != 403) ++wrong;
    }
  });
  for (auto& t : clients) t.join();
  reader.join();
  app.stop();
  server.join();

  EXPECT_EQ(wrong, 0);
  EXPECT_EQ(refused, kClients * (kEach / 4));
  store::Db db(tmp.path);
  assess::AssessRepo repo(db, "test");
  auto answers = repo.answers(aid);
  size_t total = 0;
  for (int c = 0; c < kClients; ++c) {
    const auto& q = questions[static_cast<size_t>(c)];
    const auto& mine = accepted[static_cast<size_t>(c)];
    ASSERT_EQ(mine.size(), static_cast<size_t>(kEach - kEach / 4)) << q;
    total += mine.size();
    // The stored answer is the client's last write...
    EXPECT_EQ(answers.at(q).comment, mine.back()) << q;
    EXPECT_EQ(assess::to_string(answers.at(q).status), last_status[static_cast<size_t>(c)]);
    // ...and the history has each accepted write once, in the order sent, each from the last.
    std::vector<std::string> history;
    for (const auto& h : repo.history(aid, q)) {  // newest first
      if (h.field != "comment") continue;
      history.insert(history.begin(), h.new_value);
    }
    EXPECT_EQ(history, mine) << q;
  }
  EXPECT_FALSE(answers.contains(questions[20]));  // the viewer changed nothing
  // One audit row per accepted write, each write's exactly once, and the chain verifies.
  std::map<std::string, int> audited;
  auto st = db.prepare(
      "SELECT after_json FROM audit_log WHERE entity='answer' AND action='update' AND "
      "entity_id LIKE ?");
  st.bind(1, std::to_string(aid) + ":%");
  while (st.step()) ++audited[json::parse(st.str(0))["comment"].get<std::string>()];
  EXPECT_EQ(audited.size(), total);
  for (const auto& mine : accepted)
    for (const auto& comment : mine) EXPECT_EQ(audited[comment], 1) << comment;
  auto denied = db.prepare("SELECT count(*) FROM audit_log WHERE action='denied' AND actor='reader'");
  ASSERT_TRUE(denied.step());
  EXPECT_EQ(denied.i64(0), 5);
  auto verdict = store::audit_verify(db);
  EXPECT_TRUE(verdict.ok) << verdict.reason;
  // The stored score moved with every write: it equals the score of the stored answers.
  auto stored = assess::stored_scores(db, anzen::testing::tree_catalog());
  ASSERT_EQ(stored.size(), 1u);
  auto fresh = assess::score(fw, "operator", answers);
  EXPECT_EQ(stored[0].overall.answered, fresh.overall.answered);
  EXPECT_EQ(stored[0].overall.implemented, fresh.overall.implemented);
  EXPECT_EQ(stored[0].overall.partial, fresh.overall.partial);
  EXPECT_EQ(stored[0].overall.not_implemented, fresh.overall.not_implemented);
  EXPECT_EQ(stored[0].overall.unanswered, fresh.overall.unanswered);
}

}  // namespace
}  // namespace anzen::web
