// The address of the web client whose request a connection is serving. The web router sets it
// for the length of each request (trusted proxies already resolved); audit_append records it with
// every change made through that connection when the caller names no client itself, so services
// need not pass it along. Empty on the command line and between requests.
#pragma once
#include <string>

#include "store/db.h"

namespace anzen::store {

void set_audit_client(Db& db, std::string client);
const std::string& audit_client(Db& db);

}  // namespace anzen::store
