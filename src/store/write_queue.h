// One writer per database in a process: callers hand it their write and wait until it is
// committed. Writes that arrive while the previous transaction commits are run together in the
// next one (one commit, one sync to disk). A write refused before it wrote anything (a check of
// its input) fails alone; when one fails after writing, or the database refuses the batch, each
// write runs again alone, so that its error goes to its own caller and its neighbours commit
// (run_batch says why not a savepoint per write). Instead of
// every request thread waiting for the database's write lock (and each commit syncing alone),
// one connection writes and the others wait for their answer.
#pragma once
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "store/db.h"

namespace anzen::store {

class WriteQueue {
 public:
  // The writer opens its own connection to `path_or_uri` on first use. On SQLite it commits with
  // synchronous=FULL: a write is on disk before its caller hears it is done.
  explicit WriteQueue(std::string path_or_uri);
  ~WriteQueue();  // runs what is queued, then stops the writer thread
  WriteQueue(const WriteQueue&) = delete;
  WriteQueue& operator=(const WriteQueue&) = delete;

  // Runs `write` on the writer's connection, inside a write transaction shared with the writes
  // queued beside it (Db::transaction calls inside it join that transaction), and returns once
  // the transaction is committed. An exception of `write` is rethrown here, with only its own
  // changes rolled back. `audit_client` is recorded with its audit rows (store/audit_client.h).
  // `write` may be run more than once (after a failed commit it runs again alone), so it must
  // start from its inputs each time; it must not wait for other writes.
  void run(const std::function<void(Db&)>& write, const std::string& audit_client = "");

  // As run(), for a write that starts by reading: `reads` starts its reads (Stmt::start) and
  // `write` gets them back, in order. The queue starts the reads of every write of a batch before
  // the first write runs, so that on PostgreSQL they share one round trip instead of one each on
  // the writer's connection, which every write waits for. A read sent ahead does not see the
  // writes before it in its batch: `key` names what the reads look at (an answer: assessment and
  // question), and such a write never shares a batch with an earlier one of the same key or one
  // that names none (plain run()).
  using Reads = std::function<std::vector<Stmt>(Db&)>;
  using WriteWithReads = std::function<void(Db&, std::vector<Stmt>&)>;
  void run(const Reads& reads, const WriteWithReads& write, const std::string& key,
           const std::string& audit_client = "");

  // Called by run() on the caller's thread before it waits for the writer (the web server gives
  // the thread's event loop to another thread meanwhile). Set before the first run().
  void on_wait(std::function<void()> hook) { on_wait_ = std::move(hook); }

  // How many transactions and writes the writer has committed (for tests and benchmarks).
  struct Stats {
    size_t batches = 0, writes = 0, largest_batch = 0;
  };
  Stats stats() const;

 private:
  struct Job;
  void enqueue(Job& job);
  void writer_thread();
  void run_batch(const std::vector<Job*>& batch);
  static void drop_reads(const std::vector<Job*>& batch);
  Db& connection();

  std::string path_;
  std::function<void()> on_wait_;
  mutable std::mutex mu_;
  std::condition_variable wake_;
  std::deque<Job*> queue_;
  bool stopping_ = false;
  std::thread thread_;      // started by the first run()
  std::unique_ptr<Db> db_;  // the writer thread's own
  Stats stats_;
};

}  // namespace anzen::store
