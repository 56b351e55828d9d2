#include "web/revision_cache.h"

namespace anzen::web {

std::string data_revision(store::Db& db) {
  auto st = db.prepare("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1");
  if (!st.step()) return "0";
  return std::to_string(st.i64(0)) + ":" + st.str(1);
}

std::string RevisionCache::get(const std::string& key, const std::string& revision,
                               const std::function<std::string()>& make) {
  std::shared_ptr<const std::string> kept;
  {
    std::lock_guard lock(mu_);
    if (auto it = entries_.find(key); it != entries_.end() && it->second.first == revision)
      kept = it->second.second;
  }
  if (kept) return *kept;
  auto answer = std::make_shared<const std::string>(make());
  std::lock_guard lock(mu_);
  if (entries_.size() >= kMaxEntries && !entries_.count(key)) entries_.clear();
  entries_[key] = {revision, answer};
  return *answer;
}

}  // namespace anzen::web
