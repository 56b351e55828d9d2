// Inbound monitoring webhooks (/api/v1/hooks/{id}: their own bearer token and optional HMAC,
// rate-limited per integration) and the ops JSON routes for signed-in users.
#include <chrono>
#include <map>
#include <memory>
#include <mutex>

#include "ops/ingest.h"
#include "ops/repo.h"
#include "web/router.h"

namespace anzen::web {
using nlohmann::json;

namespace {
constexpr size_t kMaxHookBody = 1 << 20;  // 1 MiB: Alertmanager batches stay far below

// A token bucket per integration: `burst` deliveries at once, then `per_second`.
class RateLimiter {
 public:
  RateLimiter(double burst, double per_second) : burst_(burst), rate_(per_second) {}
  bool allow(int64_t key) {
    std::lock_guard<std::mutex> lock(mu_);
    auto now = std::chrono::steady_clock::now();
    if (buckets_.size() > 10000) buckets_.clear();  // bounded: ids are few, probes are not
    auto [it, fresh] = buckets_.try_emplace(key, Bucket{burst_, now});
    Bucket& b = it->second;
    if (!fresh) {
      double secs = std::chrono::duration<double>(now - b.at).count();
      b.tokens = std::min(burst_, b.tokens + secs * rate_);
      b.at = now;
    }
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

 private:
  struct Bucket {
    double tokens;
    std::chrono::steady_clock::time_point at;
  };
  std::mutex mu_;
  std::map<int64_t, Bucket> buckets_;
  double burst_, rate_;
};

}  // namespace

void mount_ops_api(Router& r) {
  auto limiter = std::make_shared<RateLimiter>(60, 2);
  r.api(
      "POST", R"(/api/v1/hooks/(\d+))", "/api/v1/hooks/{id}",
      "Inbound monitoring webhook (Alertmanager v4 or the generic schema of docs/ops.md); "
      "Authorization: Bearer <integration token>, "
      "optional X-Anzen-Signature: sha256=<HMAC>; idempotent; 429 when rate-limited",
      [limiter](Ctx& c) {
        if (c.req.body.size() > kMaxHookBody) throw HttpError(413, "body larger than 1 MiB");
        int64_t id = c.path_id(1);
        if (!limiter->allow(id)) {
          c.res.set_header("Retry-After", "1");
          throw HttpError(429, "too many deliveries for this integration; retry later");
        }
        std::string auth = c.req.get_header_value("Authorization");
        std::string token = auth.rfind("Bearer ", 0) == 0 ? auth.substr(7) : "";
        ops::SystemClock clock;
        ops::IngestService svc(c.db, clock);
        ops::Integration integ;
        try {
          integ =
              svc.authenticate(id, token, c.req.get_header_value("X-Anzen-Signature"), c.req.body);
        } catch (const ops::AuthError& e) {
          throw HttpError(e.status, e.what());
        }
        json payload;
        try {
          payload = json::parse(c.req.body);
        } catch (const json::parse_error&) {
          throw std::invalid_argument("body: expected a JSON object");
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
