#include "web/services.h"

namespace anzen::web {

catalog::CatalogService catalog_service(const Ctx& c) {
  return catalog::CatalogService(c.catalogs.catalog(), c.catalogs.catalog_dir());
}

Accounts accounts(const Ctx& c) { return Accounts(c.db, c.catalogs.common_passwords(), c.clock); }

incident::IncidentService incident_service(const Ctx& c) {
  return incident::IncidentService(c.db, c.catalogs.rules(), c.clock, c.actor());
}

incident::Judge incident_judge(const Ctx& c) {
  return incident::Judge(c.catalogs.rules(), c.clock);
}

}  // namespace anzen::web
