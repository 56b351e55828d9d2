// anzen integration | notify | clock | org users | incident import-restrictions — the live
// accident clock from the command line (issue 19's contract for scripts).
#include <iostream>

#include "cli/cli.h"
#include "common/paths.h"
#include "incident/calendar.h"
#include "ops/ingest.h"
#include "ops/mapping.h"
#include "ops/notify.h"
#include "ops/quiet_rules.h"
#include "ops/repo.h"
#include "ops/restrictions.h"
#include "ops/ticker.h"
#include "store/audit.h"

namespace anzen::cli {
using nlohmann::json;

namespace {
const char* const kPublicUrlHelp =
    "Absolute base URL of the deployment for links in notifications (default $ANZEN_PUBLIC_URL, "
    "else http://127.0.0.1:8080)";
const char* const kDefaultPublicUrl = "http://127.0.0.1:8080";

void need_org(store::Db& db, int64_t org) {
  if (!ops::OpsRepo(db, store::default_actor()).org_exists(org))
    throw UsageError("no organisation with id " + std::to_string(org));
}

incident::Instant as_of_or_now(const Clock& clock, const std::string& as_of) {
  if (as_of.empty()) return clock.now();
  auto t = incident::parse_instant(as_of);
  if (!t) throw UsageError("--as-of: expected an ISO 8601 time with offset, got '" + as_of + "'");
  return *t;
}

}  // namespace

// The deployment's absolute base URL for links in notifications: --public-url, else
// $ANZEN_PUBLIC_URL, else `fallback` (the address `anzen serve` listens on).
std::string public_url_of(const std::string& flag, const std::string& fallback) {
  std::string url = flag;
  if (url.empty())
    if (const char* env = std::getenv("ANZEN_PUBLIC_URL"); env && *env) url = env;
  if (url.empty()) url = fallback;
  try {
    return ops::checked_public_url(url);
  } catch (const std::invalid_argument& e) {
    throw UsageError(std::string("--public-url / ANZEN_PUBLIC_URL: ") + e.what());
  }
}

namespace {
void register_integration(CLI::App& app, Globals& g) {
  auto* in = app.add_subcommand("integration",
                                "Inbound monitoring integrations (Alertmanager, generic webhook)");
  in->require_subcommand(1);
  auto* cr = in->add_subcommand(
      "create", "Create an integration; prints its URL and bearer token (shown once)");
  static int64_t org = 0;
  static std::string kind, rules, name, hmac;
  static bool js = false;
  cr->add_option("--org", org, "Organisation id")->required();
  cr->add_option("--kind", kind, "alertmanager or webhook")
      ->required()
      ->check(CLI::IsMember({"alertmanager", "webhook"}));
  cr->add_option("--rules", rules, "Mapping rules YAML file (docs/ops.md)")->required();
  cr->add_option("--name", name, "Name (default: the kind)");
  cr->add_option(
      "--hmac-secret", hmac,
      "Also require an HMAC-SHA256 signature of the body with this secret (X-Anzen-Signature)");
  cr->add_flag("--json", js, "Print JSON");
  cr->callback([&g] {
    store::Db db(g.db);
    db.migrate();
    need_org(db, org);
    try {
      std::string text = read_file(rules);
      ops::parse_rules(text, rules);  // errors name this file
      auto made =
          ops::IngestService(db, g.catalogs->rules(), *g.clock)
              .create(org, kind, name.empty() ? kind : name, text, hmac, store::default_actor());
      if (js)
        print_json({{"id", made.integration.id}, {"url", made.url}, {"token", made.token}});
      else
        std::cout << "integration " << made.integration.id << "\nurl   " << made.url << "\ntoken "
                  << made.token << "\n";
    } catch (const ops::RulesError& e) {
      throw UsageError(e.what());
    }
  });
  auto* ls = in->add_subcommand("list", "List the organisation's integrations");
  static int64_t ls_org = 0;
  static bool ls_js = false;
  ls->add_option("--org", ls_org, "Organisation id")->required();
  ls->add_flag("--json", ls_js, "Print JSON");
  ls->callback([&g] {
    store::Db db(g.db);
    db.migrate();
    json out = json::array();
    for (const auto& i : ops::OpsRepo(db, store::default_actor()).integrations(ls_org)) {
      out.push_back(ops::integration_json(i));
      if (!ls_js)
        std::cout << i.id << "\t" << i.kind << "\t" << (i.enabled ? "enabled" : "disabled") << "\t"
                  << i.name << "\n";
    }
    if (ls_js) print_json(out);
  });
  auto* di =
      in->add_subcommand("disable", "Disable an integration (its deliveries are refused with 403)");
  static int64_t di_org = 0, di_id = 0;
  di->add_option("--org", di_org, "Organisation id")->required();
  di->add_option("ID", di_id, "Integration id")->required();
  di->callback([&g] {
    store::Db db(g.db);
    db.migrate();
    try {
      ops::OpsRepo(db, store::default_actor()).set_integration_enabled(di_org, di_id, false);
    } catch (const std::out_of_range& e) {
      throw UsageError(e.what());
    }
    std::cout << "disabled integration " << di_id << "\n";
  });
}

void register_notify(CLI::App& app, Globals& g) {
  auto* no = app.add_subcommand(
      "notify", "Notification channels (email, webhook, chat) and the notification queue");
  no->require_subcommand(1);
  auto* add = no->add_subcommand("add", "Add a channel");
  static ops::Channel ch;
  static std::string to, url;
  static bool js = false;
  add->add_option("--org", ch.org_id, "Organisation id")->required();
  add->add_option("--kind", ch.kind,
                  "email, webhook (generic JSON) or chat (Slack-compatible {\"text\": …})")
      ->required()
      ->check(CLI::IsMember({"email", "webhook", "chat"}));
  add->add_option("--to", to, "Mail address (email)");
  add->add_option("--smtp", ch.smtp, "SMTP server HOST:PORT (email)");
  add->add_option("--from", ch.sender, "Sender address (email; default anzen@localhost)");
  add->add_option("--url", url, "URL to POST to (webhook, chat)");
  add->add_option("--lang", ch.lang, "ja (default) or en")->check(CLI::IsMember({"ja", "en"}));
  add->add_option("--quiet", ch.quiet,
                  "Quiet hours HH:MM-HH:MM (JST): deadline reminders wait until they end");
  add->add_flag("--json", js, "Print JSON");
  add->callback([&g] {
    store::Db db(g.db);
    db.migrate();
    need_org(db, ch.org_id);
    if (ch.kind == "email") {
      if (to.empty() || to.find('@') == std::string::npos)
        throw UsageError("--to: expected a mail address for an email channel");
      if (ch.smtp.empty() || ch.smtp.find(':') == std::string::npos)
        throw UsageError("--smtp: expected HOST:PORT for an email channel");
      ch.target = to;
    } else {
      if (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0)
        throw UsageError("--url: expected an http:// or https:// URL");
      ch.target = url;
    }
    try {
      ops::check_quiet(ch.quiet);
    } catch (const std::invalid_argument& e) {
      throw UsageError(e.what());
    }
    auto made = ops::OpsRepo(db, store::default_actor()).add_channel(ch);
    if (js)
      print_json(ops::channel_json(made));
    else
      std::cout << "added channel " << made.id << "\n";
  });
  auto* ls = no->add_subcommand("list", "Channels and recent notifications");
  static int64_t ls_org = 0;
  static bool ls_js = false;
  ls->add_option("--org", ls_org, "Organisation id")->required();
  ls->add_flag("--json", ls_js, "Print JSON");
  ls->callback([&g] {
    store::Db db(g.db);
    db.migrate();
    ops::OpsRepo repo(db, store::default_actor());
    json chans = json::array(), notes = json::array();
    for (const auto& c : repo.channels(ls_org)) chans.push_back(ops::channel_json(c));
    for (const auto& n : repo.notifications(ls_org, "", 200))
      notes.push_back(ops::notification_json(n));
    if (ls_js) {
      print_json({{"channels", chans}, {"notifications", notes}});
      return;
    }
    for (const auto& c : chans)
      std::cout << "channel " << c["id"] << "\t" << c["kind"].get<std::string>() << "\t"
                << c["target"].get<std::string>() << "\n";
    for (const auto& n : notes)
      std::cout << n["id"] << "\t" << n["status"].get<std::string>() << "\t"
                << n["subject"].get<std::string>() << "\n";
  });
  auto* te =
      no->add_subcommand("test", "Send a test notification to every channel of the organisation");
  static int64_t te_org = 0;
  static std::string te_url;
  te->add_option("--org", te_org, "Organisation id")->required();
  te->add_option("--public-url", te_url, kPublicUrlHelp);
  te->callback([&g] {
    std::string base = public_url_of(te_url, kDefaultPublicUrl);
    store::Db db(g.db);
    db.migrate();
    need_org(db, te_org);
    ops::NetworkSender sender;
    auto rep = ops::send_test(db, te_org, g.clock->now(), sender, base);
    print_json(rep.to_json());
    if (rep.sent < rep.queued) std::exit(1);
  });
  auto* qu = no->add_subcommand(
      "quiet", "Set, show or clear the organisation's quiet rules (YAML; docs/ops.md)");
  static int64_t qu_org = 0;
  static std::string qu_rules;
  static bool qu_clear = false;
  qu->add_option("--org", qu_org, "Organisation id")->required();
  auto* qr = qu->add_option("--rules", qu_rules, "Quiet rules YAML file");
  qu->add_flag("--clear", qu_clear, "Remove the rules")->excludes(qr);
  qu->callback([&g] {
    store::Db db(g.db);
    db.migrate();
    need_org(db, qu_org);
    ops::OpsRepo repo(db, store::default_actor());
    if (!qu_rules.empty()) {
      std::string text = read_file(qu_rules);
      try {
        ops::parse_quiet_rules(text, qu_rules);  // errors name this file
      } catch (const ops::RulesError& e) {
        throw UsageError(e.what());
      }
      repo.set_quiet_rules(qu_org, text);
    } else if (qu_clear) {
      repo.set_quiet_rules(qu_org, "");
    }
    std::cout << repo.quiet_rules(qu_org);
  });
}

void register_clock(CLI::App& app, Globals& g) {
  auto* cl = app.add_subcommand("clock", "The live accident clock");
  cl->require_subcommand(1);
  auto* tk = cl->add_subcommand(
      "tick", "Judge ongoing incidents, queue and send notifications once (for cron or tests)");
  static std::string as_of;
  static std::string tk_url;
  tk->add_option("--as-of", as_of, "Run as of this time (ISO 8601 with offset; default now)");
  tk->add_option("--public-url", tk_url, kPublicUrlHelp);
  tk->callback([&g] {
    std::string url = public_url_of(tk_url, kDefaultPublicUrl);
    store::Db db(g.db);
    db.migrate();
    ops::NetworkSender sender;
    print_json(
        ops::tick(db, g.catalogs->rules(), as_of_or_now(*g.clock, as_of), sender, url).to_json());
  });
}

void register_org_users(CLI::App& app, Globals& g) {
  auto* org = app.get_subcommand("org");
  auto* us = org->add_subcommand(
      "users", "Users per service and region (for affected_users: {share: …} in mapping rules)");
  static int64_t o = 0, users = -1;
  static std::string service, pref;
  static bool js = false;
  us->add_option("--org", o, "Organisation id")->required();
  us->add_option("--service", service, "Service name as in the alerts (omit to list)");
  us->add_option("--prefecture", pref, "Prefecture (omit for the whole service)");
  us->add_option("--users", users, "Number of users");
  us->add_flag("--json", js, "Print JSON");
  us->callback([&g] {
    store::Db db(g.db);
    db.migrate();
    need_org(db, o);
    ops::OpsRepo repo(db, store::default_actor());
    if (!service.empty() || users >= 0) {
      if (service.empty() || users < 0)
        throw UsageError("--service and --users go together (users a non-negative whole number)");
      repo.set_users(o, service, pref, users);
    }
    json out = json::array();
    for (const auto& u : repo.users(o)) {
      out.push_back({{"service", u.service},
                     {"prefecture", u.prefecture},
                     {"users", u.users},
                     {"updated_at", u.updated_at}});
      if (!js)
        std::cout << u.service << "\t" << (u.prefecture.empty() ? "(all)" : u.prefecture) << "\t"
                  << u.users << "\n";
    }
    if (js) print_json(out);
  });
}

void register_import_restrictions(CLI::App& app, Globals& g) {
  auto* inc = app.get_subcommand("incident");
  auto* im = inc->add_subcommand(
      "import-restrictions",
      "Import traffic-restriction records (CSV or JSON) as priority_restriction incidents");
  static int64_t o = 0;
  static std::string file;
  im->add_option("--org", o, "Organisation id")->required();
  im->add_option("FILE", file, "CSV (start,end,service,share,users,unforeseen,reason) or JSON")
      ->required();
  im->callback([&g] {
    store::Db db(g.db);
    db.migrate();
    need_org(db, o);
    std::vector<ops::Restriction> recs;
    try {
      recs = ops::parse_restrictions(read_file(file), file);
    } catch (const std::invalid_argument& e) {
      throw UsageError(e.what());
    }
    auto res = ops::import_restrictions(db, g.catalogs->rules(), o, recs, g.clock->now(),
                                        store::default_actor());
    print_json(
        {{"created", res.created}, {"unchanged", res.unchanged}, {"incidents", res.incidents}});
  });
}
}  // namespace

void register_ops(CLI::App& app, Globals& g) {
  register_integration(app, g);
  register_notify(app, g);
  register_clock(app, g);
  register_org_users(app, g);
  register_import_restrictions(app, g);
}

}  // namespace anzen::cli
