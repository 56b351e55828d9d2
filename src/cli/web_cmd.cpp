// anzen serve | user create | token create | audit verify
#include <iostream>

#include "cli/cli.h"
#include "ops/clock.h"
#include "ops/ticker.h"
#include "common/json_input.h"
#include "common/paths.h"
#include "store/audit.h"
#include "web/accounts.h"
#include "web/server.h"

namespace anzen::cli {

void register_account_lifecycle(CLI::App& user, CLI::App& token, CLI::App& audit, Globals& g);  // account_cmd.cpp
std::string public_url_of(const std::string& flag, const std::string& fallback);  // ops_cmd.cpp

void register_web(CLI::App& app, Globals& g) {
  auto* serve = app.add_subcommand("serve", "Start the web application");
  static web::ServerOptions opt;
  serve->add_option("--port", opt.port, "Port (default 8080)");
  serve->add_option("--bind", opt.bind, "Address to bind (default 127.0.0.1)");
  serve->add_option("--tls-cert", opt.tls_cert, "PEM certificate: serve HTTPS");
  serve->add_option("--tls-key", opt.tls_key, "PEM private key for --tls-cert");
  serve
      ->add_option("--threads", opt.threads,
                   "Standby threads that take an event loop over while its handler runs long "
                   "(default 8)")
      ->check(CLI::Range(1, 256));
  serve
      ->add_option("--io-loops", opt.io_loops,
                   "Event loops reading requests and running short handlers (default 2)")
      ->check(CLI::Range(1, 64));
  serve->add_option("--header-timeout", opt.header_timeout_seconds,
                    "Seconds a client may take to send a request's headers (default 10)")
      ->check(CLI::Range(1, 600));
  serve->add_option("--trusted-proxy", opt.trusted_proxies,
                    "Address or CIDR block of a reverse proxy whose X-Forwarded-For is honoured (repeatable)");
  static std::string public_url;
  serve->add_option("--public-url", public_url,
                    "Absolute base URL users reach this deployment at, for links in notifications "
                    "(default $ANZEN_PUBLIC_URL, else the address served)");
  static int clock_interval = 30;
  serve->add_option("--clock-interval", clock_interval, "Seconds between ticks of the accident clock (default 30; 0 = off)");
  serve->callback([&g] {
    if (opt.tls_cert.empty() != opt.tls_key.empty()) throw UsageError("--tls-cert and --tls-key go together");
    opt.db_path = g.db;
    {
      store::Db db(g.db);
      db.migrate();  // before the clock's own connection reads the tables
    }
    std::string url =
        public_url_of(public_url, std::string(opt.tls_cert.empty() ? "http://" : "https://") +
                                      opt.bind + ":" + std::to_string(opt.port));
    opt.public_url = url;
    std::unique_ptr<ops::ClockThread> ticker;
    if (clock_interval > 0)
      ticker = std::make_unique<ops::ClockThread>(g.db, g.catalogs->rules(), *g.clock,
                                                  clock_interval, url);
    int rc = web::serve(opt, *g.catalogs, *g.clock);
    ticker.reset();  // stops the clock cleanly before exiting
    if (rc != 0) std::exit(rc);
  });

  auto* user = app.add_subcommand("user", "Manage web users");
  user->require_subcommand(1);
  auto* uc = user->add_subcommand("create", "Create a user (password read from standard input)");
  static int64_t uc_org = 0;
  static std::string uc_name, uc_role;
  static bool uc_stdin = false, uc_json = false;
  uc->add_option("--org", uc_org, "Organisation id")->required();
  uc->add_option("--name", uc_name, "User name")->required();
  uc->add_option("--role", uc_role, "admin|assessor|viewer|auditor|supplier")
      ->required()
      ->check(CLI::IsMember({"admin", "assessor", "viewer", "auditor", "supplier"}));
  uc->add_flag("--password-stdin", uc_stdin, "Read the password from standard input")->required();
  uc->add_flag("--json", uc_json, "Print JSON");
  uc->callback([&g] {
    std::string pw;
    std::getline(std::cin, pw);
    store::Db db(g.db);
    db.migrate();
    {
      auto st = db.prepare("SELECT count(*) FROM organizations WHERE id=?");
      st.bind(1, uc_org);
      if (!st.step() || st.i64(0) == 0) throw UsageError("no organisation with id " + std::to_string(uc_org));
    }
    auto acc = accounts(db, g);
    try {
      auto u = acc.create_user(uc_org, uc_name, *web::role_from(uc_role), pw, store::default_actor());
      if (uc_json) print_json({{"id", u.id}, {"name", u.name}, {"role", uc_role}, {"org", u.org_id}});
      else std::cout << "created user " << u.name << " (" << uc_role << ") id " << u.id << "\n";
    } catch (const std::invalid_argument& e) {
      throw UsageError(e.what());
    }
  });

  auto* token = app.add_subcommand("token", "Personal API tokens");
  token->require_subcommand(1);
  auto* tc = token->add_subcommand("create", "Create an API token for a user (shown once)");
  static std::string tc_user, tc_label = "cli";
  static bool tc_json = false;
  tc->add_option("--user", tc_user, "User name")->required();
  tc->add_option("--label", tc_label, "What the token is for");
  tc->add_flag("--json", tc_json, "Print JSON");
  static int tc_days = web::Accounts::kTokenDays;
  tc->add_option("--expires-days", tc_days, "Days until the token expires (default 90)")->check(CLI::Range(1, 3650));
  tc->callback([&g] {
    store::Db db(g.db);
    db.migrate();
    auto acc = accounts(db, g);
    auto u = acc.find_user(tc_user);
    if (!u) throw UsageError("no user named '" + tc_user + "'");
    std::string tok = acc.create_token(u->id, tc_label, store::default_actor(), tc_days);
    if (tc_json) print_json({{"token", tok}});
    else std::cout << tok << "\n";
  });

  auto* audit = app.add_subcommand("audit", "The hash-chained audit trail");
  audit->require_subcommand(1);
  auto* av = audit->add_subcommand("verify", "Check every link of the chain");
  static bool av_json = false;
  static std::string av_checkpoint;
  av->add_flag("--json", av_json, "Print JSON");
  av->add_option("--checkpoint", av_checkpoint, "Also check a head written by audit checkpoint (detects a cut tail)");
  av->callback([&g] {
    store::Db db(g.db);
    db.migrate();
    nlohmann::json cp;
    if (!av_checkpoint.empty()) {
      try {
        cp = parse_json_input(read_file(av_checkpoint), av_checkpoint);
      } catch (const std::exception& e) {
        throw UsageError(e.what());
      }
      if (!cp.is_object()) throw UsageError(av_checkpoint + ": not an audit checkpoint");
    }
    auto v = store::audit_verify(db, av_checkpoint.empty() ? nullptr : &cp);
    if (av_json) {
      print_json({{"ok", v.ok}, {"rows", v.rows}, {"keyed_from", v.keyed_from ? nlohmann::json(*v.keyed_from) : nlohmann::json()},
                  {"first_broken_id", v.first_broken_id ? nlohmann::json(*v.first_broken_id) : nlohmann::json()},
                  {"reason", v.reason}});
    } else if (v.ok) {
      std::cout << "ok: " << v.rows << " audit rows, chain intact\n";
    } else {
      std::cout << "BROKEN" << (v.first_broken_id ? " at audit row " + std::to_string(*v.first_broken_id) : "") << ": "
                << v.reason << "\n";
    }
    if (!v.ok) std::exit(1);
  });
  register_account_lifecycle(*user, *token, *audit, g);
}

}  // namespace anzen::cli
