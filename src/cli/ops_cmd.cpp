// anzen integration | notify | clock | org users | incident import-restrictions — the live
// accident clock from the command line (issue 19's contract for scripts).
#include <iostream>

#include "cli/cli.h"
#include "common/paths.h"
#include "incident/calendar.h"
#include "ops/ingest.h"
#include "ops/mapping.h"
#include "ops/notify.h"
#include "ops/repo.h"
#include "ops/restrictions.h"
#include "ops/ticker.h"
#include "store/audit.h"

namespace anzen::cli {
using nlohmann::json;

namespace {
void need_org(store::Db& db, int64_t org) {
  if (!ops::OpsRepo(db, store::default_actor()).org_exists(org))
    throw UsageError("no organisation with id " + std::to_string(org));
}

incident::Instant as_of_or_now(const std::string& as_of) {
  if (as_of.empty()) return ops::SystemClock().now();
  auto t = incident::parse_instant(as_of);
  if (!t) throw UsageError("--as-of: expected an ISO 8601 time with offset, got '" + as_of + "'");
  return *t;
}

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
    ops::SystemClock clock;
    try {
      std::string text = read_file(rules);
      ops::parse_rules(text, rules);  // errors name this file
      auto made = ops::IngestService(db, clock).create(org, kind, name.empty() ? kind : name, text,
                                                       hmac, store::default_actor());
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
  te->add_option("--org", te_org, "Organisation id")->required();
  te->callback([&g] {
    store::Db db(g.db);
    db.migrate();
    need_org(db, te_org);
    ops::NetworkSender sender;
    auto rep = ops::send_test(db, te_org, ops::SystemClock().now(), sender);
    print_json(rep.to_json());
    if (rep.sent < rep.queued) std::exit(1);
  });
}

void register_clock(CLI::App& app, Globals& g) {
  auto* cl = app.add_subcommand("clock", "The live accident clock");
  cl->require_subcommand(1);
  auto* tk = cl->add_subcommand(
      "tick", "Judge ongoing incidents, queue and send notifications once (for cron or tests)");
  static std::string as_of;
  tk->add_option("--as-of", as_of, "Run as of this time (ISO 8601 with offset; default now)");
  tk->callback([&g] {
    store::Db db(g.db);
    db.migrate();
    ops::NetworkSender sender;
    print_json(ops::tick(db, as_of_or_now(as_of), sender).to_json());
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
    auto res =
        ops::import_restrictions(db, o, recs, ops::SystemClock().now(), store::default_actor());
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
