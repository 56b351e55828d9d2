#include "web/portal_gate.h"

#include <gtest/gtest.h>

namespace anzen::web {

TEST(PortalGate, FindsTheTokenOfPortalTargetsOnly) {
  std::string t = "AbCdEfGhIjKlMnOpQrStUv_-0123456789";
  EXPECT_EQ(portal_token_of("/portal/" + t), t);
  EXPECT_EQ(portal_token_of("/portal/" + t + "/evidence"), t);
  EXPECT_EQ(portal_token_of("/portal/" + t + "/evidence?x=1"), t);
  EXPECT_EQ(portal_token_of("/api/v1/portal/" + t + "/answers/T2-001.1"), t);
  EXPECT_FALSE(portal_token_of("/questionnaires/1/evidence"));
  EXPECT_FALSE(portal_token_of("/xportal/" + t));
  EXPECT_FALSE(portal_token_of("/portal/short"));
  EXPECT_FALSE(portal_token_of("/portal/" + t + "%2e%2e"));  // not a token's characters
  EXPECT_FALSE(portal_token_of("/portal/" + std::string(101, 'a')));
}

}  // namespace anzen::web
