// Answers that change only when the data does (the dashboard's body, an organisation's
// assessment list), kept per data revision so that repeated reads skip their queries and
// rendering.
#pragma once
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "store/db.h"

namespace anzen::web {

// The data revision: the head of the audit chain (id and hash). Every change appends to the
// chain in its own transaction, whichever server or command made it, so a change is a new
// revision at once; a restored database continues another chain (another hash), so equal
// revisions mean equal data.
std::string data_revision(store::Db& db);

class RevisionCache {
 public:
  // The answer kept under `key` at `revision`, or make()'s answer, then kept. Read the revision
  // before the data make() reads: an answer is never kept under a newer revision than its data.
  std::string get(const std::string& key, const std::string& revision,
                  const std::function<std::string()>& make);

 private:
  static constexpr size_t kMaxEntries = 1024;  // keys are organisation, role, language, …
  std::mutex mu_;
  // revision, answer (shared: a hit copies the answer after the lock is released)
  std::unordered_map<std::string, std::pair<std::string, std::shared_ptr<const std::string>>>
      entries_;
};

}  // namespace anzen::web
