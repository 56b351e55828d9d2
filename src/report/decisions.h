// What people decide on top of the data, per assessment: adoption of each item for the
// statement of applicability, and the edited sections of the disclosure report. Stored with
// an audit trail; the reports fall back to what the data says when nothing was decided.
#pragma once
#include <map>
#include <optional>
#include <string>

#include "assess/model.h"
#include "catalog/model.h"
#include "store/db.h"

namespace anzen::report {

struct SoaDecision {
  bool adopted = true;
  std::string reason;    // why (required when not adopted)
  std::string location;  // where it is implemented: rule, system, document
  std::string decided_by, decided_at;
};

class Decisions {
 public:
  Decisions(store::Db& db, std::string actor) : db_(db), actor_(std::move(actor)) {}
  // Throws std::invalid_argument for an unknown item or a non-adoption without a reason.
  void set_soa(const assess::Assessment& a, const catalog::Framework& fw, const std::string& item_id, const SoaDecision& d);
  std::map<std::string, SoaDecision> soa(int64_t assessment_id);

  // Sections are keyed by number ("1".."8"); an empty text reverts to the generated one.
  void set_text(const assess::Assessment& a, const std::string& report, const std::string& section, const std::string& text);
  std::map<std::string, std::string> texts(int64_t assessment_id, const std::string& report);

 private:
  store::Db& db_;
  std::string actor_;
};

}  // namespace anzen::report
