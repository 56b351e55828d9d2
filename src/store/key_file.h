// Where a database's secret keys live: outside the database, so that a copy of the database alone
// (a dump, a stolen file, a backup) holds no usable key. An SQLite file keeps its keys beside it
// (anzen.db → anzen.db.audit-key); a PostgreSQL database has no file, so its keys go to
// $ANZEN_KEY_DIR (default ~/.config/anzen), named after a hash of the database URI. Every app
// server of a shared deployment needs the same key files there.
#pragma once
#include <string>

namespace anzen::store {

// The key file `suffix` (".audit-key", ".key") of the database at `db_path_or_uri`; empty for an
// in-memory database.
std::string key_file_for(const std::string& db_path_or_uri, const std::string& suffix);

}  // namespace anzen::store
