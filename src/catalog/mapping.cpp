#include "catalog/mapping.h"

#include <algorithm>
#include <deque>
#include <set>

#include "common/uuid.h"
#include "common/clock.h"

namespace anzen::catalog {
using nlohmann::json;

Relationship invert(Relationship r) {
  if (r == Relationship::subset) return Relationship::superset;
  if (r == Relationship::superset) return Relationship::subset;
  return r;
}

std::vector<Hop> hops_from(const Catalog& cat, std::string_view fw, std::string_view item) {
  std::vector<Hop> out;
  for (const auto& m : cat.mappings) {
    if (m.source_framework == fw && m.from == item) {
      out.push_back({&m, m.source_framework, m.from, m.target_framework, m.to, m.relationship, false});
    } else if (m.target_framework == fw && m.to == item) {
      out.push_back({&m, m.target_framework, m.to, m.source_framework, m.from,
                     invert(m.relationship), true});
    }
  }
  return out;
}

std::vector<std::vector<Hop>> chains(const Catalog& cat, std::string_view fw, std::string_view item,
                                     std::string_view target, int max_hops) {
  std::vector<std::vector<Hop>> found;
  std::deque<std::vector<Hop>> queue;
  for (auto& h : hops_from(cat, fw, item)) queue.push_back({h});
  while (!queue.empty()) {
    auto path = queue.front();
    queue.pop_front();
    const Hop& last = path.back();
    if (target.empty() ? last.to_framework != fw : last.to_framework == target) found.push_back(path);
    if (static_cast<int>(path.size()) >= max_hops) continue;
    if (!target.empty() && last.to_framework == target) continue;
    for (auto& h : hops_from(cat, last.to_framework, last.to)) {
      bool seen = h.to_framework == fw && h.to == item;
      for (const auto& p : path) seen = seen || (p.from_framework == h.to_framework && p.from == h.to);
      if (!seen) {
        auto next = path;
        next.push_back(h);
        queue.push_back(std::move(next));
      }
    }
  }
  return found;
}

Relationship compose(const std::vector<Hop>& chain) {
  Relationship r = Relationship::equal;
  for (const auto& h : chain) {
    if (r == Relationship::equal) {
      r = h.relationship;
    } else if (h.relationship == Relationship::equal) {
      continue;
    } else if (h.relationship != r) {
      return Relationship::intersects;
    }
  }
  return r;
}

json hop_json(const Hop& h) {
  return {{"from", h.from_framework + ":" + h.from},
          {"to", h.to_framework + ":" + h.to},
          {"relationship", to_string(h.relationship)},
          {"origin", h.entry->origin},
          {"mapping_set", h.entry->set_id},
          {"reversed", h.reversed}};
}

namespace {
std::string oscal_relationship(Relationship r) {
  switch (r) {
    case Relationship::equal:
      return "equal-to";
    case Relationship::subset:
      return "subset-of";
    case Relationship::superset:
      return "superset-of";
    case Relationship::intersects:
      return "intersects-with";
  }
  return "intersects-with";
}

std::string token(std::string id) {
  for (char& c : id) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_')) c = '_';
  }
  return std::isalpha(static_cast<unsigned char>(id[0])) ? id : "x" + id;
}

int status_rank(const std::string& s) {
  if (s == "implemented") return 3;
  if (s == "partial") return 2;
  if (s == "not_implemented") return 1;
  return 0;
}
}  // namespace

json export_oscal_mappings(const Catalog& cat) {
  std::map<std::string, std::vector<const MappingEntry*>> sets;
  for (const auto& m : cat.mappings) {
    sets[m.set_id + "|" + m.source_framework + "|" + m.target_framework].push_back(&m);
  }
  json mappings = json::array();
  for (const auto& [key, entries] : sets) {
    const MappingEntry& first = *entries.front();
    json maps = json::array();
    for (const auto* e : entries) {
      json mp = {{"uuid", uuid_v5("map:" + key + ":" + e->from + ">" + e->to)},
                 {"relationship", oscal_relationship(e->relationship)},
                 {"matching-rationale", e->origin == "stated" ? "syntactic" : "semantic"},
                 {"sources", json::array({{{"type", "control"}, {"id-ref", token(e->from)}}})},
                 {"targets", json::array({{{"type", "control"}, {"id-ref", token(e->to)}}})},
                 {"props", json::array({{{"name", "origin"}, {"ns", "urn:anzen:oscal"}, {"value", e->origin}}})}};
      if (e->line > 0) {
        mp["props"].push_back({{"name", "source-line"}, {"ns", "urn:anzen:oscal"}, {"value", std::to_string(e->line)}});
      }
      if (e->count > 0) {
        mp["props"].push_back({{"name", "measure-count"},
                               {"ns", "urn:anzen:oscal"},
                               {"value", std::to_string(e->count)}});
      }
      if (!e->rationale.en.empty()) mp["remarks"] = e->rationale.en + "\n\n" + e->rationale.ja;
      maps.push_back(mp);
    }
    mappings.push_back(
        {{"uuid", uuid_v5("mapping:" + key)},
         {"source-resource", {{"type", "catalog"}, {"href", "#" + first.source_framework}}},
         {"target-resource", {{"type", "catalog"}, {"href", "#" + first.target_framework}}},
         {"maps", maps}});
  }
  json meta = {{"title", "Anzen cross-framework mappings"},
               {"last-modified", utc_now_iso()},
               {"version", ANZEN_VERSION},
               {"oscal-version", "1.2.1"}};
  json prov = {{"method", "human"},
               {"matching-rationale", "semantic"},
               {"status", "draft"},
               {"mapping-description",
                "Mappings between the telecom safety standard (tcs-2023) and companion frameworks. "
                "'stated' entries are citations in the source documents; 'inferred' entries were "
                "drawn by content and carry a rationale."}};
  return {{"mapping-collection",
           {{"uuid", uuid_v5("mapping-collection:anzen")},
            {"metadata", meta},
            {"provenance", prov},
            {"mappings", mappings}}}};
}

std::map<std::string, std::string> item_statuses(const Framework& fw,
                                                 const std::map<std::string, std::string>& answers) {
  // Post-order over the tree: collect the statuses of all questions below each item.
  std::map<std::string, std::string> out;
  std::function<std::vector<std::string>(size_t)> collect = [&](size_t i) {
    const Item& it = fw.items[i];
    std::vector<std::string> st;
    for (const auto& q : it.questions) {
      auto a = answers.find(q.id);
      st.push_back(a == answers.end() ? "unanswered" : a->second);
    }
    for (size_t c : it.children) {
      auto sub = collect(c);
      st.insert(st.end(), sub.begin(), sub.end());
    }
    int impl = 0, na = 0, none = 0, answered = 0;
    for (const auto& s : st) {
      if (s == "unanswered") continue;
      ++answered;
      if (s == "implemented") ++impl;
      if (s == "not_applicable") ++na;
      if (s == "not_implemented") ++none;
    }
    if (answered > 0) {
      int applicable = answered - na;
      if (applicable == 0) out[it.id] = "not_applicable";
      else if (impl == applicable && answered == static_cast<int>(st.size())) out[it.id] = "implemented";
      else if (none == applicable) out[it.id] = "not_implemented";
      else out[it.id] = "partial";
    }
    return st;
  };
  for (size_t i = 0; i < fw.items.size(); ++i) {
    if (fw.items[i].parent.empty()) collect(i);
  }
  return out;
}

std::vector<Proposal> propose(const Catalog& cat, const Framework& source,
                              const std::map<std::string, std::string>& answers,
                              const Framework& target, int max_hops) {
  auto statuses = item_statuses(source, answers);
  std::map<std::string, Proposal> best;  // by target item
  for (const auto& [item_id, status] : statuses) {
    for (const auto& chain : chains(cat, source.id, item_id, target.id, max_hops)) {
      Relationship r = compose(chain);
      std::string proposed;
      // Source ⊇ target (equal, superset): the source's state carries over.
      // Source ⊂ target or overlapping: done work counts as partial at most.
      if (status == "implemented") {
        proposed = (r == Relationship::equal || r == Relationship::superset) ? "implemented" : "partial";
      } else if (status == "partial") {
        proposed = "partial";
      } else if (status == "not_implemented" && r == Relationship::equal) {
        proposed = "not_implemented";
      } else if (status == "not_applicable" && r == Relationship::equal) {
        proposed = "not_applicable";
      }
      if (proposed.empty()) continue;
      const std::string& to = chain.back().to;
      Proposal p{to, "", proposed, item_id, status, chain, "", ""};
      auto it = best.find(to);
      bool better = it == best.end() || chain.size() < it->second.chain.size() ||
                    (chain.size() == it->second.chain.size() &&
                     status_rank(proposed) > status_rank(it->second.status));
      if (better) best[to] = p;
    }
  }
  std::vector<Proposal> out;
  for (auto& [to, p] : best) {
    std::string via;
    for (const auto& h : p.chain) via += " → " + h.to_framework + ":" + h.to + " (" + to_string(h.relationship) + ", " + h.entry->origin + ")";
    p.reason_en = source.id + ":" + p.source_item + " is " + p.source_status + via + "; composed relationship " +
                  to_string(compose(p.chain));
    p.reason_ja = source.id + ":" + p.source_item + " の状態 " + p.source_status + " を対応付け" + via + " により提案";
    const Item* t = target.find(to);
    if (t && t->kind == "check") {
      for (const auto& q : t->questions) {
        Proposal qp = p;
        qp.target_question = q.id;
        out.push_back(qp);
      }
    } else {
      out.push_back(p);
    }
  }
  return out;
}

}  // namespace anzen::catalog
