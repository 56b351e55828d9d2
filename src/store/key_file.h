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

// Creates `path` exclusively with mode 0600 holding `text`, flushed to disk. False when it could
// not be created (errno says why: EEXIST when another process made it first); throws when it
// was created but could not be written.
bool create_private_file(const std::string& path, const std::string& text);

}  // namespace anzen::store
