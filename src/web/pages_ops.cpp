// The live accident clock on the web: integration and notification settings (admins), failed
// deliveries on the dashboard, the congestion view with the restriction history per service,
// and the review drafts of restriction incidents.
#include <ctime>
#include <map>

#include "common/vocabulary.h"
#include "incident/register.h"
#include "incident/service.h"
#include "ops/congestion_links.h"
#include "ops/ingest.h"
#include "ops/notify.h"
#include "ops/repo.h"
#include "ops/review.h"
#include "ops/ticker.h"
#include "web/dashboard_parts.h"
#include "web/form.h"
#include "web/html.h"
#include "web/layout.h"
#include "web/router.h"
#include "web/services.h"

namespace anzen::web {
using nlohmann::json;

namespace {
std::string label(const Ctx& c, const std::string& prefix, const std::string& code) {
  return esc(c.t(prefix + code));
}

std::string notifications_table(const Ctx& c, const std::vector<ops::Notification>& ns) {
  if (ns.empty()) return "<p class=\"muted\">" + esc(c.t("common.none")) + "</p>";
  std::string h = "<table class=\"notifications\"><thead><tr><th>" + esc(c.t("ops.when")) +
                  "</th><th>" + esc(c.t("ops.occasion")) + "</th><th>" + esc(c.t("ops.subject")) +
                  "</th><th>" + esc(c.t("common.status")) + "</th><th>" + esc(c.t("ops.attempts")) +
                  "</th><th>" + esc(c.t("ops.error")) + "</th></tr></thead><tbody>";
  for (const auto& n : ns) {
    h += "<tr><td>" + when_html(n.sent_at.value_or(n.created_at), c.lang) + "</td><td>" +
         label(c, "ops.event.", n.event) + "</td><td>" +
         (n.incident_id ? "<a href=\"/incidents/" + std::to_string(*n.incident_id) + "\">" +
                              esc(n.subject) + "</a>"
                        : esc(n.subject)) +
         "</td><td class=\"" + (n.status == "failed" ? "overdue" : "") + "\">" +
         label(c, "ops.status.", n.status) + "</td><td class=\"num\">" +
         std::to_string(n.attempts) + "</td><td>" + esc(n.last_error) + "</td></tr>";
  }
  return h + "</tbody></table>";
}

std::string integrations_page(Ctx& c, const Form& f, const std::string& shown_token,
                              const std::string& shown_url) {
  ops::OpsRepo repo(c.db, c.actor());
  std::string b = "<p><a href=\"/incidents\">← " + esc(c.t("nav.incidents")) + "</a></p><h1>" +
                  esc(c.t("ops.integrations")) + "</h1>";
  if (!shown_token.empty()) {
    b += "<div class=\"card\" id=\"new-token\"><p>" + esc(c.t("ops.token_once")) + "</p><p><code>" +
         esc(shown_url) + "</code></p><p><code id=\"token\">" + esc(shown_token) +
         "</code></p></div>";
  }
  b += "<table><thead><tr><th>#</th><th>" + esc(c.t("ops.kind")) + "</th><th>" +
       esc(c.t("common.title")) + "</th><th>URL</th><th>" + esc(c.t("common.status")) +
       "</th><th></th></tr></thead><tbody>";
  for (const auto& i : repo.integrations(c.org())) {
    b += "<tr><td>" + std::to_string(i.id) + "</td><td>" + label(c, "ops.kind.", i.kind) +
         "</td><td>" + esc(i.name) + "</td><td><code>/api/v1/hooks/" + std::to_string(i.id) +
         "</code></td><td>" + esc(c.t(i.enabled ? "ops.enabled" : "ops.disabled")) + "</td><td>";
    if (i.enabled) {
      b += "<form method=\"post\" action=\"/admin/integrations/" + std::to_string(i.id) +
           "/disable\">" + csrf_field(c) + "<button class=\"secondary\" type=\"submit\">" +
           esc(c.t("ops.disable")) + "</button></form>";
    }
    b += "</td></tr>";
  }
  b += "</tbody></table><h2>" + esc(c.t("ops.new_integration")) +
       "</h2><form method=\"post\" action=\"/admin/integrations\" id=\"integration-form\">" +
       csrf_field(c) + f.summary() +
       f.select(
           "kind", c.t("ops.kind"),
           {{"alertmanager", c.t("ops.kind.alertmanager")}, {"webhook", c.t("ops.kind.webhook")}}) +
       f.text("name", c.t("common.title"), "", "size=\"30\"") +
       f.textarea("rules", c.t("ops.rules"),
                  "rules:\n  - match: {service: voice}\n    service_category: voice_emergency\n"
                  "    affected_users: 40000\n") +
       f.text("hmac", c.t("ops.hmac"), "", "size=\"30\" autocomplete=\"off\"") +
       "<p><button type=\"submit\" id=\"create-integration\">" + esc(c.t("common.save")) +
       "</button></p></form><p class=\"muted\">" + esc(c.t("ops.rules_help")) + "</p>";
  return layout(c, c.t("ops.integrations"), b);
}

std::string notifications_page(Ctx& c, const Form& f) {
  ops::OpsRepo repo(c.db, c.actor());
  std::string b = "<p><a href=\"/incidents\">← " + esc(c.t("nav.incidents")) + "</a></p><h1>" +
                  esc(c.t("ops.notifications")) + "</h1><table><thead><tr><th>#</th><th>" +
                  esc(c.t("ops.kind")) + "</th><th>" + esc(c.t("ops.target")) + "</th><th>" +
                  esc(c.t("ops.lang")) + "</th><th>" + esc(c.t("ops.quiet")) + "</th><th>" +
                  esc(c.t("common.status")) + "</th></tr></thead><tbody>";
  for (const auto& ch : repo.channels(c.org())) {
    b += "<tr><td>" + std::to_string(ch.id) + "</td><td>" + label(c, "ops.channel.", ch.kind) +
         "</td><td>" + esc(ch.target) + (ch.smtp.empty() ? "" : " (" + esc(ch.smtp) + ")") +
         "</td><td>" + esc(ch.lang == "en" ? "English" : "日本語") + "</td><td>" + esc(ch.quiet) +
         "</td><td>" + esc(c.t(ch.enabled ? "ops.enabled" : "ops.disabled")) + "</td></tr>";
  }
  std::vector<std::pair<std::string, std::string>> kinds;
  for (const char* k : {"email", "webhook", "chat"})
    kinds.emplace_back(k, c.t(std::string("ops.channel.") + k));
  b += "</tbody></table><form method=\"post\" action=\"/admin/notifications/test\">" +
       csrf_field(c) + "<button class=\"secondary\" type=\"submit\" id=\"send-test\">" +
       esc(c.t("ops.send_test")) + "</button></form><h2>" + esc(c.t("ops.new_channel")) +
       "</h2><form method=\"post\" action=\"/admin/notifications\" id=\"channel-form\">" +
       csrf_field(c) + f.summary() + f.select("kind", c.t("ops.kind"), kinds) +
       f.text("target", c.t("ops.target"), "", "size=\"40\" required") +
       f.text("smtp", c.t("ops.smtp"), "", "size=\"30\" placeholder=\"mail.example.jp:25\"") +
       f.select("lang", c.t("ops.lang"), {{"ja", "日本語"}, {"en", "English"}}, "ja") +
       f.text("quiet", c.t("ops.quiet"), "", "size=\"12\" placeholder=\"22:00-07:00\"") +
       "<p><button type=\"submit\" id=\"add-channel\">" + esc(c.t("common.save")) +
       "</button></p></form><h2>" + esc(c.t("ops.recent")) + "</h2>" +
       notifications_table(c, repo.notifications(c.org(), "", 50));
  return layout(c, c.t("ops.notifications"), b);
}
}  // namespace

std::string ops_dashboard_section(Ctx& c) {
  auto failed = ops::OpsRepo(c.db, c.actor()).notifications(c.org(), "failed", 10);
  if (failed.empty()) return "";
  return "<h2 id=\"failed-deliveries\">" + esc(c.t("ops.failed_deliveries")) + "</h2>" +
         notifications_table(c, failed);
}

namespace {
// The measures and the threat the restriction history relates to (catalogs/views/congestion.yaml).
std::string congestion_references(Ctx& c) {
  const auto& links = c.catalogs.congestion_links();
  auto list = [&](const std::vector<ops::CatalogLink>& items) {
    std::string ul = "<ul>";
    for (const auto& l : items)
      ul += "<li><a href=\"/catalog/" + esc(l.framework) + "/" + url_encode(l.item) + "\">" +
            esc(l.label) + " " + esc(l.title.in(c.lang)) + "</a></li>";
    return ul + "</ul>";
  };
  return "<section class=\"congestion-refs\"><h2>" + esc(c.t("ops.congestion_measures")) + "</h2>" +
         list(links.measures) + "<h2>" + esc(c.t("ops.congestion_threat")) + ": " +
         esc(links.threat.in(c.lang)) + "</h2><p>" + esc(c.t("ops.congestion_threat_checks")) +
         "</p>" + list(links.threat_checks) + "</section>";
}
}  // namespace

void mount_ops_pages(Router& r) {
  r.get("/admin/integrations", [](Ctx& c) {
    c.require_admin();
    Form f(c);
    c.html(integrations_page(c, f, "", ""));
  });
  r.post("/admin/integrations", [](Ctx& c) {
    c.require_admin();
    submit(
        c,
        [&] {
          try {
            auto made = ops::IngestService(c.db, c.catalogs.rules(), c.clock)
                            .create(c.org(), c.param("kind"),
                                    c.param("name").empty() ? c.param("kind") : c.param("name"),
                                    c.param("rules"), c.param("hmac"), c.actor());
            Form shown(c);
            c.html(integrations_page(c, shown, made.token, made.url));
          } catch (const ops::RulesError& e) {
            // The defect names its line; the message stays beside the rules box.
            throw FieldError("rules", std::string("規則に誤りがあります: ") + e.what(), e.what());
          }
        },
        [&](Form& f) { return integrations_page(c, f, "", ""); });
  });
  r.post(R"(/admin/integrations/(\d+)/disable)", [](Ctx& c) {
    c.require_admin();
    try {
      ops::OpsRepo(c.db, c.actor()).set_integration_enabled(c.org(), c.path_id(1), false);
    } catch (const std::out_of_range&) {
      throw HttpError(404, "not found");
    }
    c.redirect("/admin/integrations");
  });

  r.get("/admin/notifications", [](Ctx& c) {
    c.require_admin();
    Form f(c);
    c.html(notifications_page(c, f));
  });
  r.post("/admin/notifications", [](Ctx& c) {
    c.require_admin();
    submit(
        c,
        [&] {
          ops::Channel ch;
          ch.org_id = c.org();
          ch.kind = c.param("kind");
          ch.target = c.param("target");
          ch.smtp = c.param("smtp");
          ch.lang = c.param("lang") == "en" ? "en" : "ja";
          ch.quiet = c.param("quiet");
          if (ch.kind != "email" && ch.kind != "webhook" && ch.kind != "chat")
            throw FieldError("kind", "一覧から種類を選んでください。",
                             "Choose a kind from the list.");
          if (ch.kind == "email" && ch.target.find('@') == std::string::npos)
            throw FieldError("target", "メールアドレスを入力してください。",
                             "Enter a mail address.");
          if (ch.kind == "email" && ch.smtp.find(':') == std::string::npos)
            throw FieldError(
                "smtp", "メールには SMTP サーバーを mail.example.jp:25 のように入力してください。",
                "An email channel needs an SMTP server HOST:PORT, e.g. mail.example.jp:25.");
          if (ch.kind != "email" && ch.target.rfind("http://", 0) != 0 &&
              ch.target.rfind("https://", 0) != 0)
            throw FieldError("target", "http:// または https:// で始まる URL を入力してください。",
                             "Enter an http:// or https:// URL.");
          ops::check_quiet(ch.quiet);  // an Invalid naming the field "quiet"
          ops::OpsRepo(c.db, c.actor()).add_channel(ch);
          c.redirect("/admin/notifications");
        },
        [&](Form& f) { return notifications_page(c, f); });
  });
  r.post("/admin/notifications/test", [router = &r](Ctx& c) {
    c.require_admin();
    ops::NetworkSender sender;
    ops::send_test(c.db, c.org(), c.clock.now(), sender, router->public_url());
    c.redirect("/admin/notifications");
  });

  // The congestion view: restriction history per service (seed 003 measures for
  // ネットワーク輻そう).
  r.get("/congestion", [](Ctx& c) {
    ops::OpsRepo repo(c.db, c.actor());
    // One moment for the whole page.
    auto reg = incident_service(c).as_of(c.clock.now());
    std::map<std::string, std::vector<ops::RestrictionRow>> by_service;
    for (auto& x : repo.restrictions(c.org())) by_service[x.service].push_back(std::move(x));
    std::string b = "<p><a href=\"/incidents\">← " + esc(c.t("nav.incidents")) + "</a></p><h1>" +
                    esc(c.t("ops.congestion")) + "</h1><p class=\"muted\">" +
                    esc(c.t("ops.congestion_help")) + "</p>";
    if (by_service.empty()) b += "<p class=\"muted\">" + esc(c.t("common.none")) + "</p>";
    for (const auto& [service, rows] : by_service) {
      // A service category code (voice_emergency, …) by its label; a service name as typed.
      b += "<h2>" + esc(vocab::label_or_code("service", service, c.lang)) +
           "</h2><table class=\"restrictions\"><thead><tr><th>" + esc(c.t("ops.start")) +
           "</th><th>" + esc(c.t("ops.end")) + "</th><th>" + esc(c.t("ops.users_restricted")) +
           "</th><th>" + esc(c.t("ops.share")) + "</th><th>" + esc(c.t("ops.unforeseen")) +
           "</th><th>" + esc(c.t("ops.reason")) + "</th><th>" + esc(c.t("ops.classification")) +
           "</th><th>" + esc(c.t("ops.review")) + "</th></tr></thead><tbody>";
      for (const auto& x : rows) {
        auto inc = reg.current(c.org(), x.incident_id);
        std::string kinds;
        bool review = false;
        if (inc) {
          for (const auto& cls : inc->classification["classifications"]) {
            kinds += esc(cls["label"][c.lang == "en" ? "en" : "ja"].get<std::string>()) + " ";
            review = review || cls["kind"] == "restriction_review";
          }
        }
        const json& rec = x.record;
        std::string id = std::to_string(x.incident_id);
        b += "<tr><td><a href=\"/incidents/" + id + "\">" +
             when_html(rec.value("start", ""), c.lang) + "</a></td><td>" +
             when_html(rec["end"].is_string() ? rec["end"].get<std::string>() : "—", c.lang) +
             "</td><td class=\"num\">" + std::to_string(rec.value("users", 0)) +
             "</td><td class=\"num\">" +
             (rec["share"].is_number()
                  ? std::to_string(static_cast<int>(rec["share"].get<double>() * 100 + 0.5)) + "%"
                  : "—") +
             "</td><td>" + esc(c.t(rec.value("unforeseen", false) ? "ops.yes" : "ops.no")) +
             "</td><td>" + esc(rec.value("reason", "")) + "</td><td>" + kinds + "</td><td>" +
             (review
                  ? "<a href=\"/incidents/" + id + "/review.pdf\">PDF</a> · <a href=\"/incidents/" +
                        id + "/review.xlsx\">XLSX</a>"
                  : "—") +
             "</td></tr>";
      }
      b += "</tbody></table>";
    }
    b += congestion_references(c);
    c.html(layout(c, c.t("ops.congestion"), b));
  });
  r.get(R"(/incidents/(\d+)/review\.(pdf|xlsx))", [](Ctx& c) {
    auto inc = incident_service(c).current(c.org(), c.path_id(1));
    if (!inc) throw HttpError(404, "not found");
    auto draft = ops::review_draft(*inc);  // std::invalid_argument → 400 for other incidents
    bool pdf = c.path_arg(2) == "pdf";
    c.res.set_header(
        "Content-Disposition",
        "attachment; filename=\"review-" + std::to_string(inc->id) + "." + c.path_arg(2) + "\"");
    c.res.set_content(pdf ? ops::review_pdf(draft, c.lang) : ops::review_xlsx(draft, c.lang),
                      pdf ? "application/pdf"
                          : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  });
}

}  // namespace anzen::web
