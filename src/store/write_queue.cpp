#include "store/write_queue.h"

#include <semaphore>

#include "store/audit.h"
#include "store/audit_client.h"

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
  const std::function<void(Db&)>& write;
  const std::string& client;
  std::exception_ptr error;
  bool own_failure = false;  // the exception came from `write`, not from the transaction
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
  Job job{write, audit_client, nullptr};
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
    while (!queue_.empty() && batch.size() < kMaxBatch) {
      batch.push_back(queue_.front());
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

void WriteQueue::run_batch(const std::vector<Job*>& batch) {
  const bool savepoints = batch.size() > 1;
  try {
    Db& db = connection();
    try {
      db.transaction([&] {
        for (size_t i = 0; i < batch.size(); ++i) {
          Job& j = *batch[i];
          j.error = nullptr;
          j.own_failure = false;
          // Sent with the write's first statement (PostgreSQL pipelines it: Db::send). Not
          // released: a savepoint of the same name hides the one before, so a rollback goes
          // back to the start of this write, and the commit keeps them all (one statement per
          // write instead of two).
          if (savepoints) db.send("SAVEPOINT anzen_write");
          set_audit_client(db, j.client);
          try {
            j.write(db);
            // What the write sent without waiting: an error there is its own, not a neighbour's.
            db.flush();
          } catch (...) {
            j.error = std::current_exception();
            j.own_failure = true;
            if (!savepoints) throw;  // alone: the whole transaction rolls back
            db.exec("ROLLBACK TO SAVEPOINT anzen_write");
            audit_head_unknown(db);
          }
        }
        set_audit_client(db, "");
      });
    } catch (...) {
      set_audit_client(db, "");
      throw;
    }
  } catch (...) {
    if (!savepoints) {
      Job& j = *batch.front();
      // A failed begin or commit may have left the connection unusable: the next write opens
      // a new one. A write's own failure (bad input) leaves it as it is.
      if (!j.own_failure) db_.reset();
      j.error = std::current_exception();
      return;
    }
    // The transaction failed as a whole (begin, commit or a savepoint): nothing of the batch
    // was committed. Each write runs again alone, so that one write's trouble stays its own.
    db_.reset();
    for (Job* j : batch) run_batch({j});
  }
}

}  // namespace anzen::store
