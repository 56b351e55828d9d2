#include "web/assess_view.h"

#include <ctime>

#include "assess/maturity.h"
#include "catalog/catalog_dir.h"
#include "risk/repo.h"
#include "web/html.h"

namespace anzen::web {

assess::Assessment need_assessment(Ctx& c, int64_t id) {
  assess::AssessRepo repo(c.db, c.actor());
  auto a = repo.get(id, c.org());
  if (!a) throw HttpError(404, "not found");
  return *a;
}

const catalog::Framework& framework_of(const Ctx& c, const assess::Assessment& a) {
  const auto* fw = c.catalogs.catalog().find(a.framework, a.framework_version);
  if (!fw) throw HttpError(500, "framework " + a.framework + "@" + a.framework_version + " is not loaded");
  return *fw;
}

std::optional<assess::Assessment> latest_assessment(Ctx& c) {
  assess::AssessRepo repo(c.db, c.actor());
  auto all = repo.list(c.org());
  if (all.empty()) return std::nullopt;
  return all.back();  // ordered by period, then id
}

assess::AssessService assess_service(Ctx& c) {
  store::Db& db = c.db;
  return assess::AssessService(
      c.db, c.catalogs.catalog(), c.catalogs.scale(), c.clock,
      [&db](int64_t org) { return risk::linked_risk_counts(db, org); }, c.actor(), c.writes);
}

std::string status_key(assess::Status s, const std::string& scale) {
  return (scale == "document" ? "docstatus." : "status.") + assess::to_string(s);
}

std::string status_badge(const Ctx& c, assess::Status s, const std::string& scale) {
  return "<span class=\"badge s-" + assess::to_string(s) + "\">" + esc(c.t(status_key(s, scale))) + "</span>";
}

std::string authored_badge(const Ctx& c, catalog::Author a, bool question) {
  if (a == catalog::Author::source) return "";
  return " <span class=\"badge authored\">" + esc(catalog::author_label(a, question).in(c.lang)) +
         "</span>";
}

}  // namespace anzen::web
