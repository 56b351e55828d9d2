// Cross-framework mappings: lookup in both directions, chains of mappings, OSCAL export, and
// proposals of answers in one framework from answers in another.
#pragma once
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "catalog/model.h"

namespace anzen::catalog {

// One hop from an item to another, oriented from `from` to `to` (a reversed entry has its
// relationship inverted: subset <-> superset).
struct Hop {
  const MappingEntry* entry;
  std::string from_framework, from, to_framework, to;
  Relationship relationship;
  bool reversed;
};

std::vector<Hop> hops_from(const Catalog& cat, std::string_view framework, std::string_view item);

// Every chain of at most `max_hops` hops from the item to items of `target` (or of any other
// framework when target is empty), shortest first, without revisiting an item.
std::vector<std::vector<Hop>> chains(const Catalog& cat, std::string_view framework,
                                     std::string_view item, std::string_view target,
                                     int max_hops = 2);

// The relationship a chain implies: equal∘r = r, subset∘subset = subset,
// superset∘superset = superset, anything else intersects.
Relationship compose(const std::vector<Hop>& chain);
Relationship invert(Relationship r);

// OSCAL 1.2.1 mapping-collection of every mapping set (and the stated references).
nlohmann::json export_oscal_mappings(const Catalog& cat);

// Status words shared with the self-assessment (glossary identifiers).
// implemented | partial | not_implemented | not_applicable | unanswered
struct Proposal {
  std::string target_item;      // item of the target framework
  std::string target_question;  // set when the target item is a checklist row
  std::string status;
  std::string source_item;
  std::string source_status;
  std::vector<Hop> chain;
  std::string reason_en;
  std::string reason_ja;
};

// Rolls question answers up to every item of the framework: all implemented -> implemented,
// all not applicable -> not_applicable, none done -> not_implemented, else partial.
std::map<std::string, std::string> item_statuses(const Framework& fw,
                                                 const std::map<std::string, std::string>& answers);

// Proposes statuses in `target` from answers (question id -> status) in `source`. A proposal is
// only a suggestion: callers must show it with its chain and let a person accept it.
std::vector<Proposal> propose(const Catalog& cat, const Framework& source,
                              const std::map<std::string, std::string>& answers,
                              const Framework& target, int max_hops = 2);

nlohmann::json hop_json(const Hop& h);

}  // namespace anzen::catalog
