// OSCAL parameters as readers see them: `{{ insert: param, ID }}` in prose becomes the
// parameter's value, its choices or its label, marked so that it stands out from the text:
//   ja: 【設定値: …】 【選択: a／b】 【選択（1つ以上）: …】 【割当: organization-defined
//   frequency】 en: [Value: …]   [Selection: a; b] [Selection (one or more): …] [Assignment:
//   organization-defined frequency]
// One place renders parameters; every view of an imported catalog shows the rendered text.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_map>

namespace anzen::catalog {

class OscalParams {
 public:
  // Registers every parameter of `params` (an OSCAL params array; kept by reference, so it must
  // outlive this object); later ones replace earlier ones.
  void add(const nlohmann::json& params);
  bool empty() const { return by_id_.empty(); }
  // `prose` with every parameter insert replaced by its rendering in `lang` ("ja" or "en").
  std::string render(std::string_view prose, std::string_view lang) const;

 private:
  std::string render_at(std::string_view prose, std::string_view lang, int depth) const;
  std::string param_text(const std::string& id, std::string_view lang, int depth) const;
  std::unordered_map<std::string, const nlohmann::json*> by_id_;
};

}  // namespace anzen::catalog
