#include "web/api_body.h"

#include <gtest/gtest.h>

#include "web/api_schemas.h"

namespace anzen::web {
using nlohmann::json;

namespace {
const BodySpec kSpec = {
    {field("title", FieldType::text, "", "").need().eg("x"),
     field("treatment", FieldType::text, "", "").eg("reduce").of_vocab("treatment"),
     field("progress", FieldType::integer, "", "").eg(10).range(0, 100),
     field("inherent", FieldType::level, "", "").eg({4, 5}),
     field("evidence", FieldType::object, "", "")
         .with({field("name", FieldType::text, "", "").need()})}};

std::string refusal(const json& in, const BodySpec& spec = kSpec) {
  try {
    check_body(in, spec);
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST(ApiBody, TheExampleIsValid) {
  EXPECT_EQ(refusal(body_example(kSpec)), "");
  EXPECT_EQ(refusal({{"title", "x"},
                     {"inherent", {{"likelihood", 2}, {"impact", 3}, {"level", "high"}}}}),
            "");
}

TEST(ApiBody, RefusalsNameTheField) {
  EXPECT_EQ(refusal(json::object()).rfind("title:", 0), 0u);
  EXPECT_EQ(refusal({{"title", 3}}).rfind("title:", 0), 0u);
  EXPECT_EQ(refusal({{"title", "x"}, {"treatment", "ignore"}}).rfind("treatment:", 0), 0u);
  EXPECT_EQ(refusal({{"title", "x"}, {"progress", 101}}).rfind("progress:", 0), 0u);
  EXPECT_EQ(refusal({{"title", "x"}, {"progress", "10"}}).rfind("progress:", 0), 0u);
  EXPECT_EQ(refusal({{"title", "x"}, {"inherent", {4}}}).rfind("inherent:", 0), 0u);
  EXPECT_EQ(refusal({{"title", "x"}, {"evidence", json::object()}}).rfind("evidence.name:", 0), 0u);
  EXPECT_EQ(refusal({{"title", "x"}, {"colour", "red"}}).rfind("colour:", 0), 0u);
  EXPECT_EQ(refusal(json::array()).rfind("body:", 0), 0u);
  // Null stands for an absent optional field.
  EXPECT_EQ(refusal({{"title", "x"}, {"progress", nullptr}}), "");
}

TEST(ApiBody, TheSchemaShowsTheSameTable) {
  json s = body_schema(kSpec);
  EXPECT_EQ(s["required"], json::array({"title"}));
  EXPECT_EQ(s["additionalProperties"], false);
  EXPECT_EQ(s["properties"]["treatment"]["enum"],
            json::array({"reduce", "avoid", "transfer", "accept"}));
  EXPECT_EQ(s["properties"]["progress"]["maximum"], 100);
  EXPECT_EQ(s["properties"]["evidence"]["required"], json::array({"name"}));
  EXPECT_EQ(s["example"]["title"], "x");
}

TEST(ApiBody, EveryDocumentedBodyAcceptsItsOwnExample) {
  for (const auto& [method, path] : std::vector<std::pair<std::string, std::string>>{
           {"POST", "/api/v1/risks"},
           {"POST", "/api/v1/assets"},
           {"POST", "/api/v1/plan"},
           {"POST", "/api/v1/users"},
           {"POST", "/api/v1/incidents/classify"},
           {"POST", "/api/v1/incidents/{id}/reports"},
           {"PUT", "/api/v1/contracts/{id}/clauses/{item}"}}) {
    const auto* op = api_operation(method, path);
    ASSERT_TRUE(op && op->body) << method << " " << path;
    EXPECT_EQ(refusal(body_example(*op->body), *op->body), "") << method << " " << path;
  }
}

}  // namespace anzen::web
