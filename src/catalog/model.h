// The in-memory catalog: frameworks (trees of items, checks and questions) and mappings.
// Pure data; parsing lives in loader.h, file access in catalog_dir.h.
#pragma once
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace anzen::catalog {

struct Text {
  std::string ja;
  std::string en;
  const std::string& in(std::string_view lang) const { return lang == "en" && !en.empty() ? en : ja; }
};

// Lines of the source document (1-based, inclusive); first == 0 means "no line".
struct SourceRef {
  int first = 0;
  int last = 0;
  std::string document;  // set only when the element comes from another document than its framework's
  bool empty() const { return first == 0; }
  // The document the lines refer to: the element's own, else the framework's.
  const std::string& document_or(const std::string& framework_document) const {
    return document.empty() ? framework_document : document;
  }
};

struct Reference {
  std::string scheme;  // iso27002-2022, itu-x1051, iso27017-2015, nisc-guideline, or a framework id
  std::string id;
};

struct Bullet {
  Text text;
  SourceRef source;
};

struct OcrNote {
  std::string found;
  std::string intended;
};

// Who wrote a text: the source document (verbatim, checked against its seed line) or Anzen
// (our own wording, e.g. a question built from a list item, shown as 本ツールによる設問).
enum class Author { source, anzen };
std::string to_string(Author a);
std::optional<Author> author_from(std::string_view s);

struct Question {
  std::string id;  // T2-064.1
  Text text;
  SourceRef source;
  Author author = Author::source;
};

// How a checklist row is tied to a sub-item when the table names only the lettered item
// (表2 of tcs-2023): by the cited control whose wording the row is, by the wording of the
// sub-item's own text, or because the item has a single sub-item.
struct Placement {
  std::string origin;                 // inferred | stated
  std::string rule;                   // control | wording | sole
  std::optional<Reference> evidence;  // rule == control: the control the parent cites
  int line = 0;                       // seed line of that citation or of the restated text
};

enum class Recommendation { recommended, reference };
std::string to_string(Recommendation r);

struct Item {
  std::string id;
  std::string kind;
  std::string parent;  // empty for top level
  std::string label;
  Text title;
  Text text;
  SourceRef source;
  std::vector<std::string> threats;  // effective tags (own, or inherited from the parent)
  std::vector<Reference> references;
  std::vector<Bullet> bullets;
  std::map<std::string, std::string> attributes;
  std::vector<OcrNote> ocr;
  Author author = Author::source;  // of title, text and bullets
  // Checklist rows (kind == "check").
  int row = 0;
  std::optional<Recommendation> operator_rec;
  std::optional<Recommendation> maker_rec;
  Author recommendation_author = Author::source;  // anzen when the source gives no marks
  std::vector<Question> questions;
  std::optional<Placement> placement;
  // JSON text of the OSCAL fields of a control imported from another catalog (params, parts,
  // props, links, class), kept verbatim so that a re-export gives them back; empty otherwise.
  std::string oscal;
  // Derived by the loader.
  std::vector<size_t> children;
  int depth = 0;
  std::string file;  // where it was defined, for messages
  int file_line = 0;
};

struct Framework {
  std::string id;
  std::string version;
  Text title;
  Text publisher;
  Text edition;
  std::string date;
  std::string effective_from;
  std::string effective_to;
  std::string supersedes;
  std::string source_document;
  SourceRef source_lines;
  std::vector<std::string> kinds;
  std::string answer_scale = "compliance";
  bool numbering_only = false;
  std::string imported_from;  // the OSCAL file a user imported it from (items then have no source lines)
  nlohmann::json reference = nlohmann::json::object();
  std::vector<Item> items;

  std::string key() const { return id + "@" + version; }
  const Item* find(std::string_view item_id) const;
  // The check holding a question, or nullptr.
  const Item* check_of_question(std::string_view question_id) const;
  const Question* question(std::string_view question_id) const;
  std::vector<const Item*> checks() const;

  // Filled by index(); call after items change (or index_one(i) after appending item i).
  void index();
  void index_one(size_t i);

 private:
  std::unordered_map<std::string, size_t> item_index_;
  std::unordered_map<std::string, std::pair<size_t, size_t>> question_index_;
};

enum class Relationship { equal, subset, superset, intersects };
std::string to_string(Relationship r);
std::optional<Relationship> relationship_from(std::string_view s);

struct MappingEntry {
  std::string set_id;
  std::string source_framework;
  std::string from;
  std::string target_framework;
  std::string to;
  Relationship relationship = Relationship::intersects;
  std::string origin;  // stated | inferred
  Text rationale;
  int line = 0;
  int count = 0;  // the measure count <n> the source prints beside the `from` item (seed 003), 0 if none
};

struct Catalog {
  std::vector<Framework> frameworks;
  std::vector<MappingEntry> mappings;

  const Framework* find(std::string_view framework_id) const;  // newest edition when several
  const Framework* find(std::string_view framework_id, std::string_view version) const;
  // Resolves "fw:item", "fw@ver:item" or a bare item id (must be unique across frameworks).
  struct Resolved {
    const Framework* framework = nullptr;
    const Item* item = nullptr;
    std::string error;
  };
  Resolved resolve(std::string_view ref) const;
};

// How an element's authorship is shown: 原文 / source text, or 本ツールによる設問 / written by
// Anzen (questions) and 本ツールによる記述 / written by Anzen (other text).
Text author_label(Author a, bool question);
// How a row's sub-item was chosen, in words: 「推定：…」 / "inferred: …".
Text placement_label(const Placement& p);
// What a value the sources do not give is shown as (不明 / unknown); never a guess.
const Text& unknown_label();
// A metadata value as shown to people: itself, or 不明 / unknown when it is empty.
Text or_unknown(const Text& t);
Text or_unknown(const std::string& s);

// Valid threat tags of the telecom standard.
const std::vector<std::string>& threat_tags();
// Japanese and English names of a threat tag (or of a risk's threat, including "custom").
Text threat_label(std::string_view tag);

}  // namespace anzen::catalog
