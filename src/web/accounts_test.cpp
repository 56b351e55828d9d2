// The accounts service on a clock of its own: sessions, tokens and login delays expire as that
// clock moves (no waiting), and a disabled user stops at once.
#include "web/accounts.h"

#include <gtest/gtest.h>

#include "testing/orgs.h"
#include "testing/services.h"
#include "testing/temp_db.h"

namespace anzen::web {
namespace {

struct AccountsTest : ::testing::Test {
  anzen::testing::TempDb tmp;
  store::Db db{tmp.path};
  FixedClock clock{1'800'000'000};
  int64_t org = 0;
  void SetUp() override {
    db.migrate();
    org = testing_create_org(db, "株式会社時計");
  }
  Accounts accounts() { return anzen::testing::accounts(db, clock); }
};

TEST_F(AccountsTest, SessionsAndTokensExpireByTheServicesClock) {
  auto acc = accounts();
  auto alice = acc.create_user(org, "alice", Role::assessor, "correct horse battery", "admin");
  auto in = acc.login("alice", "correct horse battery", "192.0.2.1");
  ASSERT_EQ(in.result, Accounts::LoginResult::ok);
  auto s = acc.session(in.session_token);
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->user.id, alice.id);
  EXPECT_EQ(s->user.name, "alice");
  EXPECT_EQ(s->user.role, Role::assessor);
  EXPECT_EQ(s->user.org_id, org);
  EXPECT_EQ(s->csrf_token, in.csrf_token);
  EXPECT_FALSE(acc.session("not-a-token").has_value());

  std::string token = acc.create_token(alice.id, "script", "alice", 1);
  EXPECT_EQ(acc.user_for_token(token)->id, alice.id);

  clock.advance(int64_t{Accounts::kSessionHours} * 3600 - 1);
  EXPECT_TRUE(acc.session(in.session_token).has_value()) << "a second before the end";
  clock.advance(1);
  EXPECT_FALSE(acc.session(in.session_token).has_value()) << "expired by the clock";
  EXPECT_TRUE(acc.user_for_token(token).has_value());
  clock.advance(86400 - int64_t{Accounts::kSessionHours} * 3600 + 1);
  EXPECT_FALSE(acc.user_for_token(token).has_value()) << "the one-day token expired";
}

TEST_F(AccountsTest, ADisabledUsersSessionAndTokenStopAtOnce) {
  auto acc = accounts();
  auto bob = acc.create_user(org, "bob", Role::viewer, "bob long password", "admin");
  auto in = acc.login("bob", "bob long password", "192.0.2.2");
  ASSERT_EQ(in.result, Accounts::LoginResult::ok);
  std::string token = acc.create_token(bob.id, "script", "bob");
  // Re-enabling does not bring the ended session back; the token works again.
  acc.set_disabled(bob.id, true, "admin");
  EXPECT_FALSE(acc.session(in.session_token).has_value());
  EXPECT_FALSE(acc.user_for_token(token).has_value());
  acc.set_disabled(bob.id, false, "admin");
  EXPECT_FALSE(acc.session(in.session_token).has_value());
  EXPECT_TRUE(acc.user_for_token(token).has_value());
  // A session stays valid while the user is enabled, and stops when disabled although its row
  // would still be there (the one query joins the user).
  auto again = acc.login("bob", "bob long password", "192.0.2.2");
  ASSERT_TRUE(acc.session(again.session_token).has_value());
  db.prepare("UPDATE users SET disabled=1 WHERE id=?").bind(1, bob.id).run();
  EXPECT_FALSE(acc.session(again.session_token).has_value());
}

TEST_F(AccountsTest, LoginDelaysRunOutOnTheServicesClock) {
  auto acc = accounts();
  acc.create_user(org, "carol", Role::viewer, "carol long password", "admin");
  for (int i = 0; i < Accounts::kFreeFailures; ++i)
    EXPECT_EQ(acc.login("carol", "wrong", "192.0.2.3").result,
              Accounts::LoginResult::bad_credentials);
  auto held = acc.login("carol", "carol long password", "192.0.2.3");
  ASSERT_EQ(held.result, Accounts::LoginResult::throttled);
  ASSERT_GT(held.retry_after_seconds, 0);
  clock.advance(held.retry_after_seconds);
  EXPECT_EQ(acc.login("carol", "carol long password", "192.0.2.3").result,
            Accounts::LoginResult::ok);
}

TEST_F(AccountsTest, ThePasswordPolicyRefusesTheListItIsGiven) {
  std::set<std::string> common = {"tokyotower2026"};
  Accounts acc(db, common, clock);
  EXPECT_THROW(acc.create_user(org, "dave", Role::viewer, "tokyotower2026", "admin"),
               std::invalid_argument);
  EXPECT_NO_THROW(acc.create_user(org, "dave", Role::viewer, "osakacastle2026", "admin"));
  EXPECT_THROW(anzen::testing::accounts(db, clock).create_user(org, "erin", Role::viewer,
                                                               "password123", "admin"),
               std::invalid_argument)
      << "the shipped list (rules/common-passwords.txt)";
}

}  // namespace
}  // namespace anzen::web
