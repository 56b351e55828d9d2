#include "web/supplier_role.h"

#include <gtest/gtest.h>

namespace anzen::web {

TEST(SupplierRole, ReachesOnlyQuestionnaires) {
  EXPECT_EQ(supplier_reach("GET", "/"), SupplierReach::home);
  for (const char* p : {"/questionnaires", "/questionnaires/12", "/questionnaires/12/evidence/3",
                        "/api/v1/questionnaires", "/api/v1/questionnaires/12"})
    EXPECT_EQ(supplier_reach("GET", p), SupplierReach::allowed) << p;
  for (const char* p :
       {"/questionnaires/12/answers", "/questionnaires/12/submit", "/questionnaires/12/evidence",
        "/api/v1/questionnaires/12/submit", "/logout"})
    EXPECT_EQ(supplier_reach("POST", p), SupplierReach::allowed) << p;
  EXPECT_EQ(supplier_reach("PUT", "/api/v1/questionnaires/12/answers/T2-195.1"),
            SupplierReach::allowed);
  for (const char* p :
       {"/suppliers", "/suppliers/1", "/assessments", "/risks", "/snapshots", "/api/v1/suppliers",
        "/api/v1/snapshots/1", "/admin", "/audit", "/questionnaires/12/x", "/questionnairesx"})
    EXPECT_EQ(supplier_reach("GET", p), SupplierReach::denied) << p;
  for (const char* p :
       {"/questionnaires/12/review", "/questionnaires/12/revoke",
        "/api/v1/questionnaires/12/review", "/api/v1/questionnaires", "/snapshots/take"})
    EXPECT_EQ(supplier_reach("POST", p), SupplierReach::denied) << p;
  // Reading a page is not writing it.
  EXPECT_EQ(supplier_reach("POST", "/questionnaires/12"), SupplierReach::denied);
}

}  // namespace anzen::web

#include "assess/repo.h"
#include "testing/services.h"
#include "testing/temp_db.h"
#include "web/accounts.h"

namespace anzen::web {

TEST(SupplierRole, IsStoredAndReadBackOnEitherEngine) {
  testing::TempDb tmp;
  store::Db db{tmp.path};
  db.migrate();
  auto org =
      assess::AssessRepo(db, "test").create_org({0, "機器メーカー", "maker", {}, std::nullopt, {}});
  auto acc = anzen::testing::accounts(db);
  auto u = acc.create_user(org.id, "s-user", Role::supplier, "a long passphrase 1", "test");
  EXPECT_EQ(acc.find_user("s-user")->role, Role::supplier);
  acc.set_role(u.id, Role::assessor, "test");
  EXPECT_EQ(acc.find_user("s-user")->role, Role::assessor);
  acc.set_role(u.id, Role::supplier, "test");
  EXPECT_EQ(acc.user_by_id(u.id)->role, Role::supplier);
  EXPECT_FALSE(can_edit(Role::supplier));
  EXPECT_EQ(role_from("supplier"), Role::supplier);
}

}  // namespace anzen::web
