// Helpers shared by the assessment pages, dashboard and API.
#pragma once
#include "common/clock.h"
#include <optional>
#include <string>

#include "assess/repo.h"
#include "assess/service.h"
#include "catalog/model.h"
#include "web/context.h"

namespace anzen::web {

// The assessment if it exists and belongs to the caller's organisation; 404 otherwise.
assess::Assessment need_assessment(Ctx& c, int64_t id);
const catalog::Framework& framework_of(const Ctx& c, const assess::Assessment& a);
std::optional<assess::Assessment> latest_assessment(Ctx& c);
// The assessment service for this request: the one place scores, gaps, trends and answer
// changes come from (the pages and the API only present them).
assess::AssessService assess_service(Ctx& c);
// Status names depend on the framework's answer scale: compliance (実施済…) or document (最新/要更新/未作成).
std::string status_key(assess::Status s, const std::string& scale = "compliance");
std::string status_badge(const Ctx& c, assess::Status s, const std::string& scale = "compliance");
// 本ツールによる設問 / written by Anzen beside text we wrote (authored_by: anzen); nothing beside
// the source's own words.
std::string authored_badge(const Ctx& c, catalog::Author a, bool question);

}  // namespace anzen::web
