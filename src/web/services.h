// The domain services of a request, built from its context: the server's storage, catalogs, rule
// sets and clock, and the signed-in user as the actor. Pages and API routes ask these only.
#pragma once
#include "catalog/service.h"
#include "incident/service.h"
#include "web/context.h"

namespace anzen::web {

// The frameworks the server loaded (shipped and imported): list, lookup, search.
catalog::CatalogService catalog_service(const Ctx& c);

// Users, sessions, tokens and login throttling, on the server's clock.
Accounts accounts(const Ctx& c);

// The incident register and its verdicts, on the server's clock.
incident::IncidentService incident_service(const Ctx& c);
// The rule sets on the server's clock, for what stores nothing (classify).
incident::Judge incident_judge(const Ctx& c);

}  // namespace anzen::web
