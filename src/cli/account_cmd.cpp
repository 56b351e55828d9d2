// anzen user disable|enable|delete|passwd, token list|revoke, audit checkpoint: the account
// lifecycle and the signed head of the audit trail.
#include <fstream>
#include <iostream>

#include "cli/cli.h"
#include "common/date.h"
#include "common/json_input.h"
#include "common/paths.h"
#include "store/audit.h"
#include "web/accounts.h"

namespace anzen::cli {

namespace {
web::User need_user(web::Accounts& acc, const std::string& name) {
  auto u = acc.user_any(name);
  if (!u) throw UsageError("no user named '" + name + "'");
  return *u;
}

template <class F>
void with_accounts(Globals& g, F&& f) {
  store::Db db(g.db);
  db.migrate();
  auto acc = accounts(db, g);
  try {
    f(db, acc);
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }
}
}  // namespace

void register_account_lifecycle(CLI::App& user, CLI::App& token, CLI::App& audit, Globals& g) {
  static std::string name;
  for (const char* verb : {"disable", "enable", "delete"}) {
    std::string v = verb;
    auto* c = user.add_subcommand(
        v, v == "disable" ? "Disable a user: their sessions and tokens stop at once"
           : v == "enable"
               ? "Enable a disabled user"
               : "Delete a user, their sessions and tokens (the audit trail keeps the name)");
    c->add_option("NAME", name, "User name")->required();
    c->callback([&g, v] {
      with_accounts(g, [&](store::Db&, web::Accounts& acc) {
        auto u = need_user(acc, name);
        if (v == "delete")
          acc.delete_user(u.id, store::default_actor());
        else
          acc.set_disabled(u.id, v == "disable", store::default_actor());
        std::cout << (v == "delete"    ? "deleted"
                      : v == "disable" ? "disabled"
                                       : "enabled")
                  << " user " << u.name << "\n";
      });
    });
  }
  auto* pw = user.add_subcommand(
      "passwd", "Set a user's password (read from standard input); ends their sessions");
  pw->add_option("NAME", name, "User name")->required();
  static bool pw_stdin = false;
  pw->add_flag("--password-stdin", pw_stdin, "Read the password from standard input")->required();
  pw->callback([&g] {
    std::string password;
    std::getline(std::cin, password);
    with_accounts(g, [&](store::Db&, web::Accounts& acc) {
      auto u = need_user(acc, name);
      if (acc.is_disabled(u.id))
        throw UsageError("user '" + name + "' is disabled; enable it first");
      acc.set_password(u.id, password, store::default_actor());
      std::cout << "password of " << u.name << " changed; their sessions ended\n";
    });
  });

  auto* tl = token.add_subcommand("list", "List API tokens (never the tokens themselves)");
  static std::string tl_user;
  static bool tl_json = false;
  tl->add_option("--user", tl_user, "Only this user's tokens");
  tl->add_flag("--json", tl_json, "Print JSON");
  tl->callback([&g] {
    with_accounts(g, [&](store::Db&, web::Accounts& acc) {
      nlohmann::json out = nlohmann::json::array();
      for (const auto& t : acc.tokens(0)) {
        if (!tl_user.empty() && t.user != tl_user) continue;
        out.push_back({{"id", t.id},
                       {"user", t.user},
                       {"label", t.label},
                       {"created_at", t.created_at},
                       {"expires_at", t.expires_at},
                       {"last_used_at",
                        t.last_used_at.empty() ? nlohmann::json() : nlohmann::json(t.last_used_at)},
                       {"revoked_at",
                        t.revoked_at.empty() ? nlohmann::json() : nlohmann::json(t.revoked_at)}});
      }
      if (tl_json) return print_json(out);
      for (const auto& t : out) {
        std::cout << t["id"] << "\t" << t["user"].get<std::string>() << "\t"
                  << t["label"].get<std::string>() << "\texpires "
                  << date::display_time(t["expires_at"].get<std::string>(), "en") << "\tlast used "
                  << (t["last_used_at"].is_null()
                          ? "never"
                          : date::display_time(t["last_used_at"].get<std::string>(), "en"))
                  << (t["revoked_at"].is_null()
                          ? ""
                          : "\trevoked " +
                                date::display_time(t["revoked_at"].get<std::string>(), "en"))
                  << "\n";
      }
    });
  });
  auto* tr = token.add_subcommand("revoke", "Revoke an API token by its id (token list)");
  static int64_t tr_id = 0;
  tr->add_option("ID", tr_id, "Token id")->required();
  tr->callback([&g] {
    with_accounts(g, [&](store::Db&, web::Accounts& acc) {
      if (!acc.revoke_token(tr_id, 0, store::default_actor()))
        throw UsageError("no token with id " + std::to_string(tr_id));
      std::cout << "revoked token " << tr_id << "\n";
    });
  });

  auto* cp = audit.add_subcommand(
      "checkpoint", "Write the signed head of the audit chain (keep it apart from the database)");
  static std::string cp_out;
  cp->add_option("-o,--output", cp_out, "Checkpoint file to write")->required();
  cp->callback([&g] {
    store::Db db(g.db);
    db.migrate();
    auto v = store::audit_verify(db);
    if (!v.ok)
      throw UsageError("the audit chain is broken at row " +
                       std::to_string(v.first_broken_id.value_or(0)) + ": " + v.reason);
    auto j = store::audit_checkpoint(db);
    write_file_atomic(cp_out, j.dump(2) + "\n");
    std::cout << "checkpoint of " << j["rows"] << " audit rows (last id " << j["last_id"]
              << ") written to " << cp_out << "\n";
  });
}

}  // namespace anzen::cli
