#include "catalog/oscal_json.h"

#include <vector>

#include "catalog/loader.h"

namespace anzen::catalog {
using nlohmann::json;

namespace {
// Where the parser is, as a JSON path ("catalog.groups[3].controls[0]"), built from the
// parser's events so that a refusal can say where it happened.
class PathTracker {
 public:
  void open(bool is_array) {
    count_value();
    frames_.push_back({is_array, -1, {}});
  }
  void close() {
    if (!frames_.empty()) frames_.pop_back();
  }
  void key(const std::string& k) {
    if (!frames_.empty()) frames_.back().key = k;
  }
  void value() { count_value(); }
  // True when the parser is right inside the array held by `key` (e.g. "controls").
  bool in_array_of(std::string_view key) const {
    size_t n = frames_.size();
    return n >= 2 && frames_[n - 1].is_array && frames_[n - 2].key == key;
  }
  std::string path() const {
    std::string p;
    for (size_t i = 0; i < frames_.size(); ++i) {
      if (p.size() > 300 && i + 4 < frames_.size()) {  // deep paths: keep the start and the end
        p += "…";
        i = frames_.size() - 4;
      }
      const auto& f = frames_[i];
      if (f.is_array)
        p += "[" + std::to_string(f.index < 0 ? 0 : f.index) + "]";
      else if (!f.key.empty())
        p += (p.empty() ? "" : ".") + f.key;
    }
    return p.empty() ? "(top level)" : p;
  }

 private:
  struct Frame {
    bool is_array;
    long index;
    std::string key;
  };
  void count_value() {
    if (!frames_.empty() && frames_.back().is_array) ++frames_.back().index;
  }
  std::vector<Frame> frames_;
};
}  // namespace

json parse_oscal_json(const std::string& text, const std::string& file, const OscalLimits& limits) {
  auto refuse = [&](const std::string& where, const std::string& msg) -> json {
    throw CatalogError({{file, 0, where, msg}});
  };
  if (text.size() > limits.max_bytes) {
    refuse("", "file of " + std::to_string(text.size()) + " bytes is larger than the limit of " +
                   std::to_string(limits.max_bytes) + " bytes");
  }
  PathTracker at;
  size_t controls = 0;
  auto cb = [&](int depth, json::parse_event_t ev, json& parsed) -> bool {
    switch (ev) {
      case json::parse_event_t::object_start:
      case json::parse_event_t::array_start: {
        bool control = ev == json::parse_event_t::object_start && at.in_array_of("controls");
        at.open(ev == json::parse_event_t::array_start);
        if (control && ++controls > limits.max_controls)
          refuse(at.path(), "more than " + std::to_string(limits.max_controls) + " controls");
        if (depth >= limits.max_depth)
          refuse(at.path(), "nested deeper than " + std::to_string(limits.max_depth) + " levels");
        break;
      }
      case json::parse_event_t::object_end:
      case json::parse_event_t::array_end:
        at.close();
        break;
      case json::parse_event_t::key:
        at.key(parsed.get<std::string>());
        break;
      case json::parse_event_t::value:
        at.value();
        break;
    }
    return true;
  };
  try {
    return json::parse(text, cb);
  } catch (const json::exception& e) {
    std::string msg = e.what();
    refuse(at.path(), "not JSON (" + msg + "); expected an OSCAL document in JSON");
  }
  return {};
}

}  // namespace anzen::catalog
