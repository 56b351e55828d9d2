// Inbound monitoring webhooks (/api/v1/hooks/{id}: their own bearer token and optional HMAC,
// rate-limited per integration across server processes) and the ops JSON routes for signed-in
// users.
#include <chrono>

#include "ops/hook_rate.h"
#include "ops/ingest.h"
#include "ops/repo.h"
#include "web/hook_limits.h"
#include "web/json_body.h"
#include "web/router.h"

namespace anzen::web {
using nlohmann::json;

void mount_ops_api(Router& r) {
  r.api(
      "POST", R"(/api/v1/hooks/(\d+))", "/api/v1/hooks/{id}",
      "Inbound monitoring webhook (Alertmanager v4 or the generic schema of docs/ops.md); "
      "Authorization: Bearer <integration token>, "
      "optional X-Anzen-Signature: sha256=<HMAC>; idempotent; 429 when rate-limited",
      [](Ctx& c) {
        if (c.req.body.size() > kMaxHookBody) throw HttpError(413, "body larger than 1 MiB");
        int64_t id = c.path_id(1);
        std::string auth = c.req.get_header_value("Authorization");
        std::string token = auth.rfind("Bearer ", 0) == 0 ? auth.substr(7) : "";
        ops::IngestService svc(c.db, c.catalogs.rules(), c.clock);
        ops::Integration integ;
        try {
          integ =
              svc.authenticate(id, token, c.req.get_header_value("X-Anzen-Signature"), c.req.body);
        } catch (const ops::AuthError& e) {
          throw HttpError(e.status, e.what());
        }
        // Counted once the sender is known to hold the token: others cannot use up its budget.
        int64_t now = c.clock.now();
        if (!ops::allow_hook_delivery(c.db, id, now)) {
          c.res.set_header("Retry-After", std::to_string(ops::HookRate::kWindowSeconds -
                                                         now % ops::HookRate::kWindowSeconds));
          throw HttpError(429, "too many deliveries for this integration; retry later");
        }
        json payload;
        try {
          payload = json::parse(c.req.body);
        } catch (const json::parse_error&) {
          throw not_an_object();
        }
        c.json(svc.deliver(integ, payload).to_json());
      },
      true);
  r.api("GET", "/api/v1/integrations", "/api/v1/integrations",
        "Inbound integrations of your organisation (admin)", [](Ctx& c) {
          c.require_admin();
          json out = json::array();
          for (const auto& i : ops::OpsRepo(c.db, c.actor()).integrations(c.org()))
            out.push_back(ops::integration_json(i));
          c.json({{"integrations", out}});
        });
  r.api("GET", "/api/v1/notifications", "/api/v1/notifications",
        "Notification queue of your organisation (?status=pending|sent|failed)", [](Ctx& c) {
          json out = json::array();
          for (const auto& n :
               ops::OpsRepo(c.db, c.actor()).notifications(c.org(), c.param("status"), 500))
            out.push_back(ops::notification_json(n));
          c.json({{"notifications", out}});
        });
  r.api("GET", "/api/v1/restrictions", "/api/v1/restrictions",
        "Traffic-restriction history per service (congestion view)", [](Ctx& c) {
          json out = json::array();
          for (const auto& x : ops::OpsRepo(c.db, c.actor()).restrictions(c.org())) {
            out.push_back(
                {{"service", x.service}, {"incident", x.incident_id}, {"record", x.record}});
          }
          c.json({{"restrictions", out}});
        });
}

}  // namespace anzen::web
