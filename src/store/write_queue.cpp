#include "store/write_queue.h"

#include <semaphore>
#include <set>
#include <string_view>

#include "store/audit.h"
#include "store/audit_client.h"
#include "store/backend.h"

namespace anzen::store {

namespace {
// Writes per transaction at most: a long queue is committed in several, so that the first
// callers are answered without waiting for the last.
constexpr size_t kMaxBatch = 64;
// The writer thread runs a write that asks the queue for another one itself, instead of waiting
// for itself.
thread_local WriteQueue* t_writing = nullptr;
}  // namespace

struct WriteQueue::Job {
  const Reads* reads;  // null: the write reads nothing ahead
  const WriteWithReads& write;
  const std::string& key;  // empty: what the write touches is not named
  const std::string& client;
  std::exception_ptr error;
  std::vector<Stmt> ahead;  // the reads started for this run of the write
  std::binary_semaphore done{0};
};

WriteQueue::WriteQueue(std::string path_or_uri) : path_(std::move(path_or_uri)) {}

WriteQueue::~WriteQueue() {
  {
    std::lock_guard lk(mu_);
    stopping_ = true;
  }
  wake_.notify_one();
  if (thread_.joinable()) thread_.join();
}

WriteQueue::Stats WriteQueue::stats() const {
  std::lock_guard lk(mu_);
  return stats_;
}

void WriteQueue::run(const std::function<void(Db&)>& write, const std::string& audit_client) {
  if (t_writing == this) {  // a write within a write: part of the same transaction
    write(*db_);
    return;
  }
  WriteWithReads plain = [&](Db& db, std::vector<Stmt>&) { write(db); };
  std::string no_key;
  Job job{nullptr, plain, no_key, audit_client, nullptr, {}};
  enqueue(job);
}

void WriteQueue::run(const Reads& reads, const WriteWithReads& write, const std::string& key,
                     const std::string& audit_client) {
  if (t_writing == this) {
    std::vector<Stmt> ahead = reads(*db_);
    write(*db_, ahead);
    return;
  }
  Job job{&reads, write, key, audit_client, nullptr, {}};
  enqueue(job);
}

void WriteQueue::enqueue(Job& job) {
  {
    std::lock_guard lk(mu_);
    if (stopping_) throw DbError("the database writer has stopped");
    if (!thread_.joinable()) thread_ = std::thread([this] { writer_thread(); });
    queue_.push_back(&job);
  }
  wake_.notify_one();
  if (on_wait_) on_wait_();
  job.done.acquire();
  if (job.error) std::rethrow_exception(job.error);
}

Db& WriteQueue::connection() {
  if (!db_) {
    auto db = std::make_unique<Db>(path_);
    // One sync per transaction, shared by every write in it (the default, NORMAL, leaves the
    // last commits to the next checkpoint).
    if (db->backend() == Backend::sqlite) db->exec("PRAGMA synchronous=FULL");
    db_ = std::move(db);
  }
  return *db_;
}

void WriteQueue::writer_thread() {
  t_writing = this;
  std::unique_lock lk(mu_);
  for (;;) {
    wake_.wait(lk, [&] { return stopping_ || !queue_.empty(); });
    if (queue_.empty()) break;  // stopping, and nothing left to write
    std::vector<Job*> batch;
    // A write whose reads go ahead waits for the next batch behind a write of its key or of
    // no key (whose reads would not see that write).
    std::set<std::string_view> keys;
    bool unnamed = false;
    while (!queue_.empty() && batch.size() < kMaxBatch) {
      Job* j = queue_.front();
      if (j->reads && (unnamed || keys.count(j->key))) break;
      if (j->key.empty())
        unnamed = true;
      else
        keys.insert(j->key);
      batch.push_back(j);
      queue_.pop_front();
    }
    lk.unlock();
    run_batch(batch);
    lk.lock();
    ++stats_.batches;
    stats_.writes += batch.size();
    stats_.largest_batch = std::max(stats_.largest_batch, batch.size());
    // Each caller is answered once its write is committed (or has failed). A job lives on its
    // caller's stack: not touched after its release.
    for (Job* j : batch) j->done.release();
  }
  lk.unlock();
  db_.reset();
}

void WriteQueue::drop_reads(const std::vector<Job*>& batch) {
  for (Job* j : batch) j->ahead.clear();
}

void WriteQueue::run_batch(const std::vector<Job*>& batch) {
  const bool alone = batch.size() == 1;
  // Only a write refused by its own checks leaves the connection sound for what follows.
  bool connection_sound = false;
  try {
    Db& db = connection();
    try {
      db.transaction([&] {
        // Every write's first reads, sent together (Stmt::start).
        for (Job* j : batch) {
          j->error = nullptr;
          if (!j->reads) continue;
          try {
            j->ahead = (*j->reads)(db);
          } catch (...) {
            j->error = std::current_exception();
            throw;
          }
        }
        for (Job* j : batch) {
          set_audit_client(db, j->client);
          const uint64_t before = db.connection().writes_so_far();
          try {
            j->write(db, j->ahead);
            j->ahead.clear();
          } catch (const DbError&) {
            // The database refused something (perhaps a neighbour's statement sent earlier):
            // the transaction is lost as a whole.
            j->error = std::current_exception();
            throw;
          } catch (...) {
            j->error = std::current_exception();
            // Refused before it wrote anything (its input failed a check, as most refusals
            // do): it leaves nothing to undo, and its neighbours go on.
            if (!alone && db.connection().writes_so_far() == before) continue;
            connection_sound = true;
            throw;
          }
        }
        set_audit_client(db, "");
      });
      drop_reads(batch);
    } catch (...) {
      set_audit_client(db, "");
      drop_reads(batch);  // before the connection they belong to may be closed below
      throw;
    }
  } catch (...) {
    if (alone) {
      Job& j = *batch.front();
      // A failed begin or commit, or a statement's failure (perhaps a lost connection), may
      // have left the connection unusable: the next write opens a new one. A write refused by
      // its own checks (bad input) leaves it as it is.
      if (!connection_sound) db_.reset();
      j.error = std::current_exception();
      return;
    }
    // Nothing of the batch was committed: a write failed after it had written (no savepoint
    // marks where it began, so its changes cannot be undone alone), the database refused a
    // statement, or the begin or commit failed. Each write runs again alone, so that one
    // write's trouble stays its own and its neighbours commit. Savepoints around every write
    // would cost a statement each (and on PostgreSQL a round trip to learn which write a
    // pipelined error belongs to) for a case that is rare.
    if (!connection_sound) db_.reset();
    for (Job* j : batch) run_batch({j});
  }
}

}  // namespace anzen::store
