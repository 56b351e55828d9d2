#include "industry/service.h"

#include <algorithm>
#include <regex>
#include <set>

#include "industry/benchmark.h"
#include "industry/crypto.h"
#include "industry/profile.h"
#include "industry/simulate.h"
#include "industry/suppression.h"
#include "store/audit.h"

namespace anzen::industry {
using nlohmann::json;

namespace {
std::string org_owner(int64_t org_id) { return "org:" + std::to_string(org_id); }
constexpr const char* kAggregator = "aggregator";

// One day of clock skew between an operator and the aggregator is tolerated.
std::string tomorrow_of(const std::string& iso_now) {
  std::tm tm{};
  strptime(iso_now.substr(0, 10).c_str(), "%Y-%m-%d", &tm);
  tm.tm_mday += 1;
  time_t t = timegm(&tm);
  char b[16];
  std::strftime(b, sizeof b, "%Y-%m-%d", gmtime_r(&t, &tm));
  return b;
}
}  // namespace

IndustryService::IndustryService(store::Db& db, const catalog::Catalog& cat,
                                 std::function<std::string()> kek, std::function<std::string()> now,
                                 std::string actor)
    : db_(db),
      cat_(cat),
      kek_(std::move(kek)),
      now_(std::move(now)),
      repo_(db, actor),
      assess_(db, actor) {}

Profile IndustryService::profile(int64_t org_id) {
  auto o = assess_.org(org_id);
  if (!o) throw IndustryError("org: no organisation with id " + std::to_string(org_id));
  Profile p;
  p.role = role_of_kind(o->kind);
  p.services = o->services;
  std::sort(p.services.begin(), p.services.end());
  if (auto b = repo_.size_band(org_id))
    p.size_band = *b;
  else if (o->users)
    p.size_band = size_band_of(*o->users).id;
  else
    throw IndustryError(
        "org " + std::to_string(org_id) +
        ": no size band (set it with `anzen org profile --size-band` or the number of users)");
  return p;
}

void IndustryService::set_profile(int64_t org_id, const std::string& band,
                                  const std::vector<std::string>& services,
                                  const std::string& role) {
  auto o = assess_.org(org_id);
  if (!o) throw IndustryError("org: no organisation with id " + std::to_string(org_id));
  if (!band.empty() && !size_band(band)) {
    std::string ids;
    for (const auto& b : size_bands()) ids += (ids.empty() ? "" : ", ") + b.id;
    throw IndustryError("size-band: expected one of " + ids + ", got '" + band + "'");
  }
  if (!role.empty() && role != role_of_kind(o->kind)) {
    throw IndustryError("role: organisation " + std::to_string(org_id) + " is registered as " +
                        o->kind + ", which reports as " + role_of_kind(o->kind));
  }
  for (const auto& s : services) {
    if (!assess::valid_service(s)) throw IndustryError("services: unknown service '" + s + "'");
  }
  db_.transaction([&] {
    if (!services.empty()) {
      o->services = services;
      assess_.update_org(*o);
    }
    if (!band.empty()) repo_.set_size_band(org_id, band);
  });
}

std::string IndustryService::keygen(int64_t org_id) {
  if (!assess_.org(org_id))
    throw IndustryError("org: no organisation with id " + std::to_string(org_id));
  if (auto k = repo_.key(org_owner(org_id))) return k->public_key;
  auto kp = generate_keypair();
  repo_.put_key({org_owner(org_id), base64(kp.public_key), seal(kp.secret_key, kek_()), now_()});
  return base64(kp.public_key);
}

std::string IndustryService::secret_of(const std::string& owner) {
  auto k = repo_.key(owner);
  if (!k) throw IndustryError(owner + ": no key pair yet (run `anzen industry keygen`)");
  try {
    return unseal(k->sealed_secret, kek_());
  } catch (const DocumentError& e) {
    throw IndustryError(e.what());
  }
}

Submission IndustryService::preview(const assess::Assessment& a, int64_t submitter_id) {
  if (submitter_id <= 0)
    throw IndustryError("submitter-id: expected the positive id the aggregator registered");
  const auto* fw = cat_.find(a.framework, a.framework_version);
  if (!fw)
    throw IndustryError("assessment " + std::to_string(a.id) + ": framework " + a.framework + "@" +
                        a.framework_version + " is not loaded");
  auto p = profile(a.org_id);
  auto answers = assess_.answers(a.id);
  auto sc = assess::score(*fw, a.role, answers);
  auto s = make_submission(cat_, *fw, sc, answers, a.role, p.size_band, p.services);
  s.submitter_id = submitter_id;
  s.period = a.period;
  return s;
}

json IndustryService::preview_json(const assess::Assessment& a, int64_t submitter_id) {
  auto s = preview(a, submitter_id);
  s.nonce = std::string(32, '0');
  s.created_at = now_();
  return to_json(s, cat_, *cat_.find(a.framework, a.framework_version));
}

std::string IndustryService::sign_submission(const assess::Assessment& a, int64_t submitter_id) {
  auto s = preview(a, submitter_id);
  s.nonce = random_hex(16);
  s.created_at = now_();
  std::string sk = secret_of(org_owner(a.org_id));
  return signed_document(to_json(s, cat_, *cat_.find(a.framework, a.framework_version)), sk);
}

int64_t IndustryService::register_submitter(const std::string& name,
                                            const std::string& public_key_b64) {
  if (name.empty()) throw IndustryError("name: must not be empty");
  auto pk = unbase64(public_key_b64);
  if (!pk || pk->size() != 32)
    throw IndustryError("public-key: expected the base64 of a 32-byte Ed25519 public key");
  if (auto s = repo_.submitter_by_key(public_key_b64))
    throw IndustryError("public-key: already registered as submitter " + std::to_string(s->id));
  return repo_.register_submitter(name, public_key_b64).id;
}

std::vector<Imported> IndustryService::import(const std::vector<NamedText>& files) {
  std::vector<Imported> out;
  const std::string now = now_();
  const std::string latest = tomorrow_of(now);
  db_.transaction([&] {
    std::map<int64_t, std::string> keys;
    for (const auto& s : repo_.submitters()) keys[s.id] = *unbase64(s.public_key);
    for (const auto& f : files) {
      auto refuse = [&](const std::string& why) { throw IndustryError(f.name + ": " + why); };
      Opened doc;
      Submission s;
      try {
        doc = open_document(f.text, kMaxSubmissionBytes);
        s = submission_from_json(doc.payload, cat_);
      } catch (const DocumentError& e) {
        refuse(std::string("not a valid submission: ") + e.what());
      }
      auto k = keys.find(s.submitter_id);
      if (k == keys.end())
        refuse("unknown key: submitter " + std::to_string(s.submitter_id) +
               " is not registered here");
      if (!verify(canonical(doc.payload), doc.signature, k->second)) {
        refuse("signature does not verify with the key registered for submitter " +
               std::to_string(s.submitter_id) +
               " (changed after signing, or signed with another key)");
      }
      auto [from, to] = submission_window(s.period);
      std::string day = s.created_at.substr(0, 10);
      if (day < from || day > to)
        refuse("out of period: signed " + day + ", but " + s.period +
               " accepts submissions signed " + from + " to " + to);
      if (day > latest)
        refuse("out of period: signed " + day + ", in the future of this aggregator's clock (" +
               now + ")");
      if (repo_.nonce_seen(s.nonce)) refuse("replay: nonce " + s.nonce + " was already imported");
      auto old = repo_.submission_of(s.submitter_id, s.period);
      if (old && old->created_at >= s.created_at) {
        refuse("older than the stored submission of submitter " + std::to_string(s.submitter_id) +
               " for " + s.period + " (signed " + old->created_at + ")");
      }
      repo_.store_submission({0, s.submitter_id, s.period, s.nonce, s.created_at, f.text, now});
      out.push_back({f.name, s.submitter_id, s.period, old.has_value()});
    }
    std::set<int64_t> who;
    for (const auto& i : out) who.insert(i.submitter_id);
    store::audit_append(db_, {repo_.actor(),
                              std::nullopt,
                              "industry_submission",
                              "",
                              "import",
                              nullptr,
                              {{"files", out.size()}, {"submitters", who.size()}}});
  });
  return out;
}

json IndustryService::benchmark(const std::string& period, int k) {
  if (!assess::valid_period(period))
    throw IndustryError("period: expected FY and a year, e.g. FY2026, got '" + period + "'");
  if (k < kMinK)
    throw IndustryError("k: must be at least " + std::to_string(kMinK) + " (anonymity), got " +
                        std::to_string(k));
  std::vector<Submission> subs;
  std::string fw_key;
  for (const auto& st : repo_.submissions(period)) {
    // Stored documents were verified on import; only the payload is read again.
    auto s = submission_from_json(json::parse(st.document)["payload"], cat_);
    std::string key = s.framework + "@" + s.framework_version;
    if (!fw_key.empty() && key != fw_key)
      throw IndustryError(period + ": submissions against both " + fw_key + " and " + key +
                          "; publish one edition per period");
    fw_key = key;
    subs.push_back(std::move(s));
  }
  if (subs.empty()) throw IndustryError(period + ": no submissions imported");
  const auto& first = subs.front();
  auto payload =
      aggregate(subs, cat_, *cat_.find(first.framework, first.framework_version), period, k);
  payload["generated_at"] = now_();
  payload["aggregator_public_key"] = aggregator_public_key();
  return payload;
}

std::vector<NamedText> IndustryService::simulate(int n, const std::string& period, uint64_t seed,
                                                 std::string signed_at) {
  if (n <= 0 || n > 1000000)
    throw IndustryError("submitters: expected 1 to 1,000,000, got " + std::to_string(n));
  if (!assess::valid_period(period))
    throw IndustryError("period: expected FY and a year, e.g. FY2026, got '" + period + "'");
  const auto* fw = cat_.find("tcs-2023");
  if (!fw) throw IndustryError("the tcs-2023 catalog is not loaded");
  if (signed_at.empty()) {
    std::string day = std::to_string(std::stoi(period.substr(2))) + "-05-31T00:00:00Z";
    signed_at = std::min(day, now_());
  }
  static const std::regex iso(R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$)");
  if (!std::regex_match(signed_at, iso))
    throw IndustryError("signed-at: expected YYYY-MM-DDTHH:MM:SSZ, got '" + signed_at + "'");
  std::vector<NamedText> out;
  db_.transaction([&] {
    for (int i = 0; i < n; ++i) {
      auto kp = synthetic_keypair(seed, static_cast<uint64_t>(i));
      std::string pk = base64(kp.public_key);
      auto known = repo_.submitter_by_key(pk);
      int64_t id =
          known ? known->id
                : repo_
                      .register_submitter(
                          "synthetic-" + std::to_string(seed) + "-" + std::to_string(i + 1), pk)
                      .id;
      auto s = synthetic_submission(cat_, *fw, seed, static_cast<uint64_t>(i));
      s.submitter_id = id;
      s.period = period;
      s.created_at = signed_at;
      char name[32];
      std::snprintf(name, sizeof name, "synthetic-%06d.json", i + 1);
      out.push_back({name, signed_document(to_json(s, cat_, *fw), kp.secret_key)});
    }
  });
  return out;
}

std::string IndustryService::aggregator_public_key() {
  if (auto k = repo_.key(kAggregator)) return k->public_key;
  auto kp = generate_keypair();
  repo_.put_key({kAggregator, base64(kp.public_key), seal(kp.secret_key, kek_()), now_()});
  return base64(kp.public_key);
}

std::string IndustryService::sign_as_aggregator(const json& payload) {
  return signed_document(payload, secret_of(kAggregator));
}

json open_benchmark(const std::string& text, const std::string& expected_key_b64) {
  try {
    auto doc = open_document(text, kMaxBenchmarkBytes);
    const auto& p = doc.payload;
    if (p.value("format", "") != kBenchmarkFormat || !p.contains("aggregator_public_key") ||
        !p["aggregator_public_key"].is_string() || !p.contains("groups") ||
        !p["groups"].is_array() || !p.contains("metrics") || !p["metrics"].is_array()) {
      throw DocumentError(std::string("expected a ") + kBenchmarkFormat + " payload");
    }
    std::string key_b64 = p["aggregator_public_key"];
    if (!expected_key_b64.empty() && key_b64 != expected_key_b64)
      throw DocumentError("signed by another aggregator key than the one expected");
    auto key = unbase64(key_b64);
    if (!key || !verify(canonical(p), doc.signature, *key))
      throw DocumentError("the aggregator's signature does not verify");
    return p;
  } catch (const DocumentError& e) {
    throw IndustryError(std::string("benchmark: ") + e.what());
  } catch (const json::exception& e) {
    throw IndustryError(std::string("benchmark: ") + e.what());
  }
}

json IndustryService::compare(const assess::Assessment& a, const std::string& benchmark_text,
                              const std::string& expected_key_b64) {
  auto bm = open_benchmark(benchmark_text, expected_key_b64);
  if (bm["framework"] != a.framework)
    throw IndustryError("benchmark: made for " + bm["framework"].get<std::string>() +
                        ", the assessment for " + a.framework);
  auto p = profile(a.org_id);
  auto own_of = [&](const assess::Assessment& x) -> OwnResult {
    const auto* fw = cat_.find(x.framework, x.framework_version);
    if (!fw)
      throw IndustryError("assessment " + std::to_string(x.id) + ": framework " + x.framework +
                          "@" + x.framework_version + " is not loaded");
    return {x.period, scores_of(cat_, *fw, assess::score(*fw, x.role, assess_.answers(x.id)))};
  };
  // The latest assessment of each earlier period, newest period first.
  std::map<std::string, assess::Assessment, std::greater<>> earlier;
  for (const auto& x : assess_.list(a.org_id)) {
    if (x.period < a.period && x.framework == a.framework &&
        (!earlier.count(x.period) || earlier.at(x.period).id < x.id))
      earlier[x.period] = x;
  }
  std::vector<OwnResult> history;
  for (const auto& [period, x] : earlier) {
    if (history.size() == 4) break;
    history.push_back(own_of(x));
  }
  auto out = industry::compare(bm, own_of(a), p.size_band, p.role, history);
  out["assessment"] = a.id;
  out["aggregator_public_key"] = bm["aggregator_public_key"];
  return out;
}

}  // namespace anzen::industry
