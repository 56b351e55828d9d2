#include "ops/ticker.h"

#include <iostream>

#include "incident/register.h"
#include "ops/notify.h"
#include "ops/quiet_rules.h"
#include "ops/repo.h"

namespace anzen::ops {
using nlohmann::json;

json TickReport::to_json() const {
  return {{"judged", judged}, {"escalated", escalated}, {"queued", queued},
          {"sent", sent},     {"retried", retried},     {"failed", failed}};
}

int64_t backoff_seconds(int failures) { return 60LL << std::min(std::max(failures - 1, 0), 10); }

namespace {
constexpr const char* kActor = "clock";

int queue_for_channels(OpsRepo& repo, int64_t org, const std::vector<Owed>& owed_now,
                       incident::Instant now) {
  int queued = 0;
  // Stored only after validation; a file that no longer parses holds nothing back.
  QuietRules rules;
  if (std::string yaml = repo.quiet_rules(org); !yaml.empty()) {
    try {
      rules = parse_quiet_rules(yaml, "quiet rules of organisation " + std::to_string(org));
    } catch (const RulesError& e) {
      std::cerr << "clock: " << e.what() << "\n";
    }
  }
  for (const auto& ch : repo.channels(org)) {
    if (!ch.enabled) continue;
    for (const auto& o : owed_now) {
      Notification n;
      n.org_id = org;
      n.channel_id = ch.id;
      if (o.incident_id) n.incident_id = o.incident_id;
      n.event = o.event;
      n.dedup_key = o.key + ":channel:" + std::to_string(ch.id);
      bool ja = ch.lang != "en";
      n.subject = ja ? o.subject_ja : o.subject_en;
      n.body = ja ? o.body_ja : o.body_en;
      n.payload = o.payload;
      incident::Instant at = now;
      if (o.reminder) {
        if (auto until = quiet_until(ch.quiet, now)) at = *until;
      }
      if (auto until = quiet_rules_until(rules, o.event, at)) at = *until;
      n.next_at = iso_utc(at);
      n.created_at = iso_utc(now);
      queued += repo.enqueue(n);
    }
  }
  return queued;
}

void deliver_due(OpsRepo& repo, incident::Instant now, Sender& sender, TickReport& rep) {
  for (const auto& n : repo.due(iso_utc(now), 100)) {
    // The lease keeps a second clock (another server, a cron tick) off this notification.
    if (!repo.claim(n, iso_utc(now + 300))) continue;
    auto ch = repo.channel(n.channel_id);
    std::string err = !ch            ? "channel removed"
                      : !ch->enabled ? "channel disabled"
                                     : sender.send(*ch, n);
    if (err.empty()) {
      repo.mark_sent(n, iso_utc(now));
      ++rep.sent;
      continue;
    }
    int failures = n.attempts + 1;
    bool give_up = failures >= kMaxAttempts || !ch || !ch->enabled;
    repo.mark_retry(n, iso_utc(now + backoff_seconds(failures)), err, give_up);
    ++(give_up ? rep.failed : rep.retried);
  }
}
}  // namespace

TickReport tick(store::Db& db, const std::vector<incident::RuleSet>& rules, incident::Instant now,
                Sender& sender, const std::string& public_url) {
  TickReport rep;
  incident::Register reg(db, rules, kActor);
  for (const auto& inc : reg.ongoing_all()) {
    ++rep.judged;
    try {
      rep.escalated += reg.reclassify(inc.org_id, inc.id, now);
    } catch (const std::exception& e) {
      // One unreadable incident must not stop the clock for the others.
      std::cerr << "clock: incident " << inc.id << ": " << e.what() << "\n";
    }
  }
  OpsRepo repo(db, kActor);
  for (int64_t org : repo.orgs_with_channels()) {
    auto incidents = reg.list_current(org, now);
    auto obligations = reg.obligations(org, now);
    rep.queued += queue_for_channels(repo, org, owed(incidents, obligations, now, public_url), now);
  }
  deliver_due(repo, now, sender, rep);
  return rep;
}

TickReport send_test(store::Db& db, int64_t org_id, incident::Instant now, Sender& sender,
                     const std::string& public_url) {
  TickReport rep;
  OpsRepo repo(db, kActor);
  Owed o = test_message(org_id, now, public_url);
  o.incident_id = 0;
  rep.queued = queue_for_channels(repo, org_id, {o}, now);
  deliver_due(repo, now, sender, rep);
  return rep;
}

ClockThread::ClockThread(std::string db_path, const std::vector<incident::RuleSet>& rules,
                         const Clock& clock, int interval_seconds, std::string public_url)
    : db_path_(std::move(db_path)),
      public_url_(std::move(public_url)),
      rules_(rules),
      clock_(clock),
      interval_(std::max(1, interval_seconds)),
      thread_([this] { run(); }) {}

ClockThread::~ClockThread() { stop(); }

void ClockThread::stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void ClockThread::run() {
  NetworkSender sender;
  std::unique_ptr<store::Db> db;
  std::unique_lock<std::mutex> lock(mu_);
  while (!stopping_) {
    lock.unlock();
    try {
      if (!db) db = std::make_unique<store::Db>(db_path_);
      tick(*db, rules_, clock_.now(), sender, public_url_);
    } catch (const std::exception& e) {
      std::cerr << "clock: tick failed: " << e.what() << "\n";
      db.reset();  // reopen next time
    }
    lock.lock();
    cv_.wait_for(lock, std::chrono::seconds(interval_), [this] { return stopping_; });
  }
}

}  // namespace anzen::ops
