// PostgreSQL for shared deployments (several app servers over one database), through libpq.
// Statements are prepared on the server once per connection (named, on first run, with the
// types of the values bound then) and results are fetched whole, so that a caller may run
// other statements while it walks a result, as it may with SQLite.
// Writes whose outcome nobody reads (Stmt::send: a write's inserts, the audit row, BEGIN and
// its lock, savepoints) are pipelined: sent at once and their results read together at the next
// point that waits for the server, so that a write costs a round trip per read it makes rather
// than one per statement.
#include <libpq-fe.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <regex>

#include "store/backend.h"
#include "store/postgres/dialect.h"

namespace anzen::store::detail {

namespace {
constexpr Oid kInt8 = 20, kFloat8 = 701, kBytea = 17, kBool = 16, kText = 25;

std::string trimmed_error(const char* msg) {
  std::string s = msg ? msg : "unknown PostgreSQL error";
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

// A PGresult that clears itself.
struct Result {
  PGresult* r = nullptr;
  explicit Result(PGresult* p) : r(p) {}
  ~Result() { PQclear(r); }
  Result(const Result&) = delete;
  Result& operator=(const Result&) = delete;
};

class PgConnection;

class PgStmt final : public StmtImpl {
 public:
  PgStmt(PgConnection& conn, std::string sql, int params, std::string original)
      : conn_(conn),
        sql_(std::move(sql)),
        original_(std::move(original)),
        values_(static_cast<size_t>(params)),
        formats_(static_cast<size_t>(params), 0),
        types_(static_cast<size_t>(params), 0) {}
  ~PgStmt() override;

  void bind_text(int i, std::string_view v) override { set(i, std::string(v), 0, 0); }
  void bind_i64(int i, int64_t v) override { set(i, std::to_string(v), 0, kInt8); }
  void bind_f64(int i, double v) override {
    char b[64];
    std::snprintf(b, sizeof b, "%.17g", v);
    set(i, b, 0, kFloat8);
  }
  void bind_null(int i) override { set(i, std::nullopt, 0, 0); }
  void bind_blob(int i, std::string_view b) override { set(i, std::string(b), 1, kBytea); }
  bool step() override;
  void send() override;
  void start() override;
  // The result of a read sent by start(), handed over when the pipeline is read (sync).
  void take_result(PGresult* r) {
    PQclear(res_);
    res_ = r;
    row_ = -1;
  }
  void reset() override {
    forget_start();
    PQclear(res_);
    res_ = nullptr;
    row_ = -1;
    for (auto& v : values_) v.reset();
  }
  int64_t i64(int c) const override {
    if (PQgetisnull(res_, row_, c)) return 0;
    const char* v = PQgetvalue(res_, row_, c);
    if (PQftype(res_, c) == kBool) return *v == 't' ? 1 : 0;
    char* end = nullptr;
    long long n = std::strtoll(v, &end, 10);
    if (end && *end != '\0')
      return static_cast<int64_t>(std::strtod(v, nullptr));  // numeric, like SQLite's cast
    return n;
  }
  double f64(int c) const override {
    return PQgetisnull(res_, row_, c) ? 0.0 : std::strtod(PQgetvalue(res_, row_, c), nullptr);
  }
  std::string str(int c) const override {
    if (PQgetisnull(res_, row_, c)) return {};
    const char* v = PQgetvalue(res_, row_, c);
    if (PQftype(res_, c) == kBool) return *v == 't' ? "1" : "0";
    if (PQftype(res_, c) != kBytea)
      return std::string(v, static_cast<size_t>(PQgetlength(res_, row_, c)));
    size_t n = 0;
    unsigned char* raw = PQunescapeBytea(reinterpret_cast<const unsigned char*>(v), &n);
    if (!raw) throw DbError("cannot decode a BYTEA value");
    std::string out(reinterpret_cast<const char*>(raw), n);
    PQfreemem(raw);
    return out;
  }
  bool is_null(int c) const override { return PQgetisnull(res_, row_, c) != 0; }
  int columns() const override { return res_ ? PQnfields(res_) : 0; }
  std::string column_name(int c) const override { return PQfname(res_, c); }
  ValueKind kind(int c) const override {
    if (PQgetisnull(res_, row_, c)) return ValueKind::null;
    switch (PQftype(res_, c)) {
      case 20:
      case 21:
      case 23:
      case kBool:
        return ValueKind::integer;
      case 700:
      case kFloat8:
      case 1700:
        return ValueKind::real;
      case kBytea:
        return ValueKind::blob;
      default:
        return ValueKind::text;
    }
  }

 private:
  void set(int i, std::optional<std::string> v, int format, Oid type) {
    if (i < 1 || static_cast<size_t>(i) > values_.size()) {
      throw DbError("bind: no parameter " + std::to_string(i) + " in: " + original_);
    }
    values_[static_cast<size_t>(i - 1)] = std::move(v);
    formats_[static_cast<size_t>(i - 1)] = format;
    if (type) types_[static_cast<size_t>(i - 1)] = type;
  }
  void infer_null_types();
  void ensure_prepared();
  // The bound values as libpq takes them.
  struct Params {
    std::vector<const char*> values;
    std::vector<int> lengths;
  };
  Params params() const;
  // Sends the statement into the connection's pipeline; `result_to` takes its rows (start()).
  void pipeline(PgStmt* result_to);
  void forget_start();
  PgConnection& conn_;
  bool started_ = false;  // sent by start(), its result not yet read
  std::string sql_, original_, name_;
  std::vector<std::optional<std::string>> values_;
  std::vector<int> formats_;
  std::vector<Oid> types_;
  PGresult* res_ = nullptr;
  int row_ = -1;
};

class PgConnection final : public Connection {
 public:
  explicit PgConnection(const std::string& uri) {
    c_ = PQconnectdb(uri.c_str());
    if (PQstatus(c_) != CONNECTION_OK) {
      std::string msg = trimmed_error(PQerrorMessage(c_));
      PQfinish(c_);
      throw DbError("cannot open database " + redact(uri) + ": " + msg);
    }
    // Notices (\"relation already exists, skipping\") are not for the user's terminal.
    PQsetNoticeProcessor(
        c_, [](void*, const char*) {}, nullptr);
    // Like SQLite's busy timeout: a writer waits for the write lock, but not forever.
    exec("SET lock_timeout = '10s'; SET client_encoding = 'UTF8'");
  }
  ~PgConnection() override { PQfinish(c_); }

  // The URI without its password, for messages.
  static std::string redact(const std::string& uri) {
    auto at = uri.find('@');
    auto scheme = uri.find("://");
    if (at == std::string::npos || scheme == std::string::npos) return uri;
    auto colon = uri.find(':', scheme + 3);
    if (colon == std::string::npos || colon > at) return uri;
    return uri.substr(0, colon) + ":***" + uri.substr(at);
  }

  Backend backend() const override { return Backend::postgres; }
  void exec(std::string_view sql) override {
    // A rollback abandons what was sent before it, errors and all.
    if (sql.rfind("ROLLBACK", 0) == 0) {
      sync(true);
    } else {
      wait();
    }
    may_write(sql);
    Result r(PQexec(c_, std::string(sql).c_str()));
    check(r.r, sql);
  }
  void send(std::string_view sql) override {
    if (!in_transaction_) return exec(sql);  // see pipelining()
    enter_pipeline();
    may_write(sql);
    std::string text(sql);
    if (PQsendQueryParams(c_, text.c_str(), 0, nullptr, nullptr, nullptr, nullptr, 0) != 1)
      throw DbError(trimmed_error(PQerrorMessage(c_)) + " in: " + text.substr(0, 300));
    sent(std::move(text));
  }
  void flush() override { sync(false); }
  std::unique_ptr<StmtImpl> prepare(std::string_view sql) override {
    std::string text(sql);
    if (std::string table = pg::replace_target(sql); !table.empty()) {
      text = pg::upsert(sql, columns_of(table), primary_key_of(table));
    }
    int params = 0;
    std::string translated = pg::statement(text, &params);
    return std::make_unique<PgStmt>(*this, std::move(translated), params, std::string(sql));
  }
  int64_t last_insert_id() override {
    wait();
    Result r(PQexec(c_, "SELECT lastval()"));
    check(r.r, "SELECT lastval()");
    return std::strtoll(PQgetvalue(r.r, 0, 0), nullptr, 10);
  }
  int changes() override {
    wait();
    return changes_;
  }
  uint64_t writes_so_far() const override { return writes_; }
  // A statement that may write is about to run or be sent (counted before: it may fail after
  // writing part of what it would).
  void may_write(std::string_view sql) {
    if (!reads_only(sql)) ++writes_;
  }
  static bool reads_only(std::string_view sql) {
    size_t i = sql.find_first_not_of(" \t\r\n(");
    if (i == std::string_view::npos) return true;
    std::string_view w = sql.substr(i, 6);
    return w.size() == 6 && std::equal(w.begin(), w.end(), "SELECT",
                                       [](char a, char b) { return (a & ~0x20) == b; });
  }
  void begin() override {
    // One writer at a time per schema, as SQLite's BEGIN IMMEDIATE gives: the audit chain reads
    // the last hash and appends after it, which must not interleave between servers. Sent with
    // the transaction's first statements: the server takes the lock before it runs them.
    in_transaction_ = true;
    send("BEGIN");
    send("SELECT pg_advisory_xact_lock(hashtext(current_schema()))");
  }
  void commit() override {
    if (pending_.empty()) {
      in_transaction_ = false;
      return exec("COMMIT");
    }
    send("COMMIT");  // with what is still unsent: one round trip; an error fails the commit
    in_transaction_ = false;
    sync(false);
  }
  void rollback() noexcept override {
    in_transaction_ = false;
    try {
      sync(true);
    } catch (...) {  // a lost connection: the ROLLBACK below fails too, and the next use tells
    }
    PQclear(PQexec(c_, "ROLLBACK"));
  }
  bool has_table(std::string_view name) override {
    return !query_column(
                "SELECT table_name FROM information_schema.tables WHERE "
                "table_schema=current_schema() AND table_name=$1",
                name)
                .empty();
  }
  std::vector<std::string> tables() override {
    return query_column(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid=c.relnamespace "
        "WHERE n.nspname=current_schema() AND c.relkind='r' AND $1<>'' ORDER BY c.oid",
        "-");
  }
  std::string migration_sql(const Migration& m) override {
    return m.postgres.empty() ? pg::ddl(m.sql) : m.postgres;
  }
  void closing() override { closing_ = true; }
  void ids_loaded(std::string_view table) override {
    wait();
    std::string t(table);
    if (query_column("SELECT column_name FROM information_schema.columns WHERE "
                     "table_schema=current_schema() AND table_name=$1 AND column_name='id'",
                     t)
            .empty())
      return;
    exec("SELECT setval(s, coalesce((SELECT max(id) FROM \"" + t +
         "\"), 0) + 1, false) FROM pg_get_serial_sequence('\"" + t +
         "\"', 'id') AS s WHERE s IS NOT NULL");
  }
  void empty_tables(const std::vector<std::string>& tables) override {
    if (tables.empty()) return;
    wait();
    std::string list;
    for (const auto& t : tables) list += (list.empty() ? "\"" : ", \"") + t + "\"";
    // TRUNCATE, not DELETE: the audit log refuses row deletes by trigger.
    exec("TRUNCATE " + list + " RESTART IDENTITY CASCADE");
  }

  PGconn* raw() { return c_; }
  bool is_closing() const { return closing_; }

  // Pipelining: only inside a write transaction (begin() … commit()). Outside one, statements
  // sent before a sync point would run as one implicit transaction, so that a failure of one
  // would undo the others: there a sent statement runs at once.
  bool pipelining() const { return in_transaction_; }
  // Before anything that waits for the server: the results of what was sent.
  void wait() {
    if (!pending_.empty()) sync(false);
  }
  void enter_pipeline() {
    if (pending_.empty() && PQpipelineStatus(c_) == PQ_PIPELINE_OFF && PQenterPipelineMode(c_) != 1)
      throw DbError("cannot pipeline statements: " + trimmed_error(PQerrorMessage(c_)));
  }
  // A query was sent: its SQL names it in an error message.
  void sent(std::string sql, PgStmt* result_to = nullptr) {
    pending_.push_back(std::move(sql));
    receivers_.push_back(result_to);
    // Bounded: the results are read before the buffers on either side fill up.
    if (pending_.size() >= kMaxPending) sync(false);
  }
  // Reads the results of everything sent, leaves pipeline mode and throws the first error
  // unless `quiet` (a rollback follows). A failed statement aborts the rest of the pipeline.
  void sync(bool quiet);
  // A prepared statement is dropped now, or after the pipeline when one is open.
  void deallocate(const std::string& name) {
    if (pending_.empty())
      PQclear(PQexec(c_, ("DEALLOCATE " + name).c_str()));
    else
      deallocate_later_.push_back(name);
  }
  // A statement sent by start() no longer wants its result (reset or destroyed first).
  void forget(const PgStmt* s) {
    for (auto& r : receivers_)
      if (r == s) r = nullptr;
  }
  std::string next_name() { return "anzen_" + std::to_string(++statements_); }
  void set_changes(const PGresult* r) {
    const char* n = PQcmdTuples(const_cast<PGresult*>(r));
    changes_ = n && *n ? std::atoi(n) : 0;
  }
  void check(const PGresult* r, std::string_view sql) {
    auto s = PQresultStatus(r);
    if (s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK) return;
    std::string msg = trimmed_error(r ? PQresultErrorMessage(r) : PQerrorMessage(c_));
    throw DbError(msg + " in: " + std::string(sql.substr(0, 300)));
  }

 private:
  std::vector<std::string> query_column(const char* sql, std::string_view arg) {
    wait();
    std::string a(arg);
    const char* v[1] = {a.c_str()};
    Result r(PQexecParams(c_, sql, 1, nullptr, v, nullptr, nullptr, 0));
    check(r.r, sql);
    std::vector<std::string> out;
    for (int i = 0; i < PQntuples(r.r); ++i) out.emplace_back(PQgetvalue(r.r, i, 0));
    return out;
  }
  std::vector<std::string> columns_of(const std::string& table) {
    return query_column(
        "SELECT column_name FROM information_schema.columns WHERE table_schema=current_schema() "
        "AND table_name=$1 ORDER BY ordinal_position",
        table);
  }
  std::vector<std::string> primary_key_of(const std::string& table) {
    return query_column(
        "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid=i.indrelid AND "
        "a.attnum = ANY(i.indkey) "
        "WHERE i.indrelid = to_regclass($1) AND i.indisprimary ORDER BY "
        "array_position(i.indkey::int2[], a.attnum)",
        table);
  }

  static constexpr size_t kMaxPending = 256;
  PGconn* c_ = nullptr;
  int changes_ = 0;
  int statements_ = 0;
  bool closing_ = false;
  bool in_transaction_ = false;       // between begin() and commit() or rollback()
  uint64_t writes_ = 0;               // writes_so_far()
  std::vector<std::string> pending_;  // the SQL of each query sent and not yet read
  std::vector<PgStmt*> receivers_;    // per query sent: the statement that takes its rows
  std::vector<std::string> deallocate_later_;
};

void PgConnection::sync(bool quiet) {
  if (pending_.empty()) return;
  std::optional<std::string> error;
  if (PQpipelineSync(c_) != 1) {
    error = "cannot send to PostgreSQL: " + trimmed_error(PQerrorMessage(c_));
  } else {
    // Each query's results end with a null; the sync point's own result ends the pipeline.
    size_t query = 0;
    bool after_null = false;
    for (;;) {
      PGresult* r = PQgetResult(c_);
      if (!r) {
        if (after_null || PQstatus(c_) == CONNECTION_BAD) {
          if (!error)
            error = "the connection to PostgreSQL was lost: " + trimmed_error(PQerrorMessage(c_));
          break;
        }
        after_null = true;
        ++query;
        continue;
      }
      after_null = false;
      ExecStatusType status = PQresultStatus(r);
      if (status == PGRES_PIPELINE_SYNC) {
        PQclear(r);
        break;
      }
      if (status == PGRES_FATAL_ERROR && !error) {
        const std::string& sql = pending_[std::min(query, pending_.size() - 1)];
        error = trimmed_error(PQresultErrorMessage(r)) + " in: " + sql.substr(0, 300);
      } else if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
        set_changes(r);
        if (status == PGRES_TUPLES_OK && query < receivers_.size() && receivers_[query]) {
          receivers_[query]->take_result(r);  // the statement owns it now
          receivers_[query] = nullptr;
          continue;
        }
      }
      PQclear(r);
    }
  }
  PQexitPipelineMode(c_);
  pending_.clear();
  receivers_.clear();
  for (const auto& name : deallocate_later_) PQclear(PQexec(c_, ("DEALLOCATE " + name).c_str()));
  deallocate_later_.clear();
  if (error && !quiet) throw DbError(*error);
}

PgStmt::~PgStmt() {
  forget_start();
  PQclear(res_);
  if (!name_.empty() && !conn_.is_closing()) conn_.deallocate(name_);
}

const std::regex& null_test() {
  static const std::regex r(R"(\$\d+\s+IS\s+(NOT\s+)?NULL)", std::regex::icase);
  return r;
}

void PgStmt::infer_null_types() {
  std::string probe = std::regex_replace(sql_, null_test(), "TRUE");
  Result p(
      PQprepare(conn_.raw(), "", probe.c_str(), static_cast<int>(types_.size()), types_.data()));
  if (PQresultStatus(p.r) == PGRES_COMMAND_OK) {
    Result d(PQdescribePrepared(conn_.raw(), ""));
    for (int i = 0; i < PQnparams(d.r) && static_cast<size_t>(i) < types_.size(); ++i) {
      if (types_[static_cast<size_t>(i)] == 0) types_[static_cast<size_t>(i)] = PQparamtype(d.r, i);
    }
  }
  for (auto& t : types_) {
    if (t == 0) t = kText;  // used in IS NULL tests only
  }
}

void PgStmt::ensure_prepared() {
  if (!name_.empty()) return;
  conn_.wait();
  std::string name = conn_.next_name();
  // Learn them before the first try where that would fail: a failed statement aborts the
  // transaction it is in.
  bool untyped = std::find(types_.begin(), types_.end(), Oid{0}) != types_.end();
  if (untyped && std::regex_search(sql_, null_test())) infer_null_types();
  Result p(PQprepare(conn_.raw(), name.c_str(), sql_.c_str(), static_cast<int>(types_.size()),
                     types_.data()));
  const char* state = PQresultErrorField(p.r, PG_DIAG_SQLSTATE);
  if (state && (std::string(state) == "42P18" || std::string(state) == "42P08")) {
    // `$1 IS NULL OR col=$1` with NULL bound: PostgreSQL types a parameter where it first
    // meets it, and IS NULL says nothing. Learn the types from the other uses, then retry.
    infer_null_types();
    Result again(PQprepare(conn_.raw(), name.c_str(), sql_.c_str(), static_cast<int>(types_.size()),
                           types_.data()));
    conn_.check(again.r, original_);
  } else {
    conn_.check(p.r, original_);
  }
  name_ = name;
}

PgStmt::Params PgStmt::params() const {
  Params p{std::vector<const char*>(values_.size()), std::vector<int>(values_.size())};
  for (size_t i = 0; i < values_.size(); ++i) {
    p.values[i] = values_[i] ? values_[i]->data() : nullptr;
    p.lengths[i] = values_[i] ? static_cast<int>(values_[i]->size()) : 0;
  }
  return p;
}

void PgStmt::forget_start() {
  if (started_) conn_.forget(this);
  started_ = false;
}

void PgStmt::start() {
  if (!conn_.pipelining() || started_ || res_) return;  // see Stmt::start
  pipeline(this);
  started_ = true;
}

void PgStmt::pipeline(PgStmt* result_to) {
  ensure_prepared();
  conn_.enter_pipeline();
  conn_.may_write(original_);
  Params p = params();
  // libpq copies the values into its buffer here: the statement may be bound again at once.
  if (PQsendQueryPrepared(conn_.raw(), name_.c_str(), static_cast<int>(p.values.size()),
                          p.values.data(), p.lengths.data(), formats_.data(), 0) != 1)
    throw DbError(trimmed_error(PQerrorMessage(conn_.raw())) + " in: " + original_.substr(0, 300));
  conn_.sent(original_, result_to);
}

bool PgStmt::step() {
  if (started_) {
    started_ = false;
    conn_.wait();  // hands this statement its rows, or throws the pipeline's first error
    if (!res_)
      throw DbError("no rows were returned for a read sent ahead: " + original_.substr(0, 300));
  }
  if (!res_) {
    conn_.wait();
    ensure_prepared();
    conn_.may_write(original_);
    Params p = params();
    res_ = PQexecPrepared(conn_.raw(), name_.c_str(), static_cast<int>(p.values.size()),
                          p.values.data(), p.lengths.data(), formats_.data(), 0);
    try {
      conn_.check(res_, original_);
    } catch (...) {
      PQclear(res_);
      res_ = nullptr;
      throw;
    }
    conn_.set_changes(res_);
    row_ = -1;
  }
  return ++row_ < PQntuples(res_);
}

void PgStmt::send() {
  if (!conn_.pipelining()) {
    while (step()) {
    }
    return;
  }
  pipeline(nullptr);  // nobody reads its rows
}
}  // namespace

std::unique_ptr<Connection> open_postgres(const std::string& uri) {
  return std::make_unique<PgConnection>(uri);
}

}  // namespace anzen::store::detail
