#include "risk/threat.h"

#include <algorithm>

#include "common/vocabulary.h"

namespace anzen::risk {

const std::vector<std::string>& threat_codes() {
  static const std::vector<std::string> codes = {"cyber_attack", "congestion", "failure_disaster",
                                                 "info_leak", "custom"};
  return codes;
}

bool known_threat(std::string_view code) {
  const auto& all = threat_codes();
  return std::find(all.begin(), all.end(), code) != all.end();
}

std::string threat_label(std::string_view code, std::string_view lang) {
  return vocab::label_or_code("threat", code, lang);
}

}  // namespace anzen::risk
