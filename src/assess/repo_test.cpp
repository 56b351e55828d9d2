// Self-assessment store on real SQLite files: answers and history, atomic imports,
// PDCA, migrations from every schema version, and a kill -9 in the middle of an import.
#include "assess/repo.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "assess/sheet.h"
#include "common/xlsx_read.h"

#include <fstream>

#include <iconv.h>

#include <algorithm>
#include "catalog/catalog_dir.h"
#include "common/csv.h"
#include "store/audit.h"
#include "testing/catalogs.h"
#include "testing/services.h"
#include "testing/temp_db.h"

namespace anzen::assess {
namespace {

const catalog::Framework& tcs() { return *anzen::testing::tree_catalog().find("tcs-2023"); }

struct Fixture : ::testing::Test {
  testing::TempDb tmp;
  store::Db db{tmp.path};
  AssessRepo repo{(db.migrate(), db), "tester"};
  Assessment a;
  void SetUp() override {
    Organization o;
    o.name = "株式会社テスト通信";
    o.kind = "operator_registered";
    o.services = {"voice_emergency", "isp_data"};
    auto org = repo.create_org(o);
    a = repo.create(org.id, tcs(), "operator", "FY2025", "全社");
  }
  int count(const std::string& sql) {
    auto st = db.prepare(sql);
    st.step();
    return static_cast<int>(st.i64(0));
  }
  std::string sheet_with(const std::map<std::string, std::string>& status) {
    std::string csv = export_csv(tcs(), a, repo.answers(a.id), {});
    auto rows = csv::parse(csv.substr(3));
    std::string out = csv::row(rows[0].fields);
    for (size_t i = 1; i < rows.size(); ++i) {
      auto f = rows[i].fields;
      if (auto it = status.find(f[2]); it != status.end()) f[6] = it->second;
      out += csv::row(f);
    }
    return out;
  }
};

using AssessRepoTest = Fixture;

TEST_F(AssessRepoTest, AnswersKeepHistoryAndAuditAndRefuseBadValues) {
  Answer x;
  x.question_id = "T2-001.1";
  x.status = Status::partial;
  x.owner = "山田";
  EXPECT_TRUE(repo.set_answer(a, tcs(), x));
  EXPECT_FALSE(repo.set_answer(a, tcs(), x)) << "same values: no change";
  x.status = Status::implemented;
  EXPECT_TRUE(repo.set_answer(a, tcs(), x));
  auto h = repo.history(a.id, "T2-001.1");
  ASSERT_EQ(h.size(), 3u);  // status, owner; then status again
  EXPECT_EQ(h[0].old_value, "partial");
  EXPECT_EQ(h[0].new_value, "implemented");
  EXPECT_EQ(h[0].actor, "tester");
  x.status = Status::not_applicable;
  EXPECT_THROW(repo.set_answer(a, tcs(), x), std::invalid_argument) << "対象外 needs a reason";
  x.question_id = "T2-999.9";
  EXPECT_THROW(repo.set_answer(a, tcs(), x), std::invalid_argument);
  EXPECT_TRUE(store::audit_verify(db).ok);
}

TEST_F(AssessRepoTest, FieldsChangedTogetherAreOneRowAndReadAsBeforeAsDoEarlierRows) {
  Answer x;
  x.question_id = "T2-001.1";
  x.status = Status::partial;
  x.owner = "山田";
  x.maturity = 2;
  ASSERT_TRUE(repo.set_answer(a, tcs(), x));
  EXPECT_EQ(count("SELECT count(*) FROM answer_history"), 1) << "three fields, one row";
  // A database written before fields were packed: a row per field, in the same order.
  db.exec(
      "INSERT INTO answer_history(assessment_id, question_id, field, old_value, new_value, at, "
      "actor) VALUES (" +
      std::to_string(a.id) +
      ", 'T2-002.1', 'maturity', '', '1', '2026-01-01T00:00:00Z', 'old'), (" +
      std::to_string(a.id) +
      ", 'T2-002.1', 'status', 'unanswered', 'implemented', '2026-01-01T00:00:00Z', 'old')");
  auto h = repo.history(a.id);
  ASSERT_EQ(h.size(), 5u);
  std::vector<std::string> fields;
  for (const auto& e : h) fields.push_back(e.question_id + " " + e.field + " " + e.new_value);
  EXPECT_EQ(fields, (std::vector<std::string>{"T2-002.1 status implemented", "T2-002.1 maturity 1",
                                              "T2-001.1 status partial", "T2-001.1 owner 山田",
                                              "T2-001.1 maturity 2"}));
  EXPECT_EQ(h[2].actor, "tester");
  EXPECT_EQ(h[2].old_value, "unanswered");
}

TEST_F(AssessRepoTest, OtherOrganisationsDoNotSeeTheAssessment) {
  EXPECT_TRUE(repo.get(a.id, a.org_id).has_value());
  EXPECT_FALSE(repo.get(a.id, a.org_id + 1).has_value());
}

TEST_F(AssessRepoTest, ImportIsIdempotentAndReadsShiftJis) {
  std::string sheet = sheet_with({{"T2-001.1", "実施済"}, {"T2-002.1", "Partial"}, {"T2-003.1", "未実施"}});
  auto r1 = testing::import_sheet(repo.db(), a, "a.csv", sheet);
  EXPECT_EQ(r1.changed, 3);
  int hist = count("SELECT count(*) FROM answer_history");
  auto r2 = testing::import_sheet(repo.db(), a, "a.csv", sheet);
  EXPECT_EQ(r2.changed, 0);
  EXPECT_EQ(count("SELECT count(*) FROM answer_history"), hist) << "a second import leaves no history";
  // The same sheet saved by Japanese Excel as Shift_JIS.
  std::string sjis = sheet_with({{"T2-004.1", "一部実施"}});
  iconv_t cd = iconv_open("CP932", "UTF-8");
  std::string out(sjis.size() * 2, '\0');
  char* in = sjis.data();
  char* o = out.data();
  size_t il = sjis.size(), ol = out.size();
  ASSERT_NE(iconv(cd, &in, &il, &o, &ol), static_cast<size_t>(-1));
  iconv_close(cd);
  out.resize(out.size() - ol);
  auto r3 = testing::import_sheet(repo.db(), a, "sjis.csv", out);
  EXPECT_EQ(r3.encoding, "cp932");
  EXPECT_EQ(repo.answers(a.id).at("T2-004.1").status, Status::partial);
}

TEST_F(AssessRepoTest, MalformedFilesAreRefusedPreciselyAndChangeNothing) {
  std::string good = sheet_with({{"T2-001.1", "実施済"}});
  auto expect_refused = [&](const std::string& bytes, int row, const std::string& column, const std::string& words) {
    int before = count("SELECT count(*) FROM answer_history") + count("SELECT count(*) FROM answers");
    try {
      testing::import_sheet(repo.db(), a, "bad.csv", bytes);
      FAIL() << "accepted: " << words;
    } catch (const ImportError& e) {
      bool found = false;
      for (const auto& i : e.issues()) {
        found |= i.row == row && i.column == column && (i.found + i.expected).find(words) != std::string::npos;
      }
      EXPECT_TRUE(found) << "want row " << row << " column '" << column << "' words '" << words << "' in " << e.what();
    }
    EXPECT_EQ(count("SELECT count(*) FROM answer_history") + count("SELECT count(*) FROM answers"), before);
  };
  expect_refused(sheet_with({{"T2-001.1", "実施済"}, {"T2-002.1", "たぶん"}}), 3, "実施状況", "たぶん");
  std::string unknown = good;
  unknown.replace(unknown.find("T2-003.1"), 8, "T2-999.1");
  expect_refused(unknown, 4, "質問ID", "T2-999.1");
  std::string dup = good;
  dup.replace(dup.find("T2-003.1"), 8, "T2-002.1");
  expect_refused(dup, 4, "質問ID", "already at row 3");
  expect_refused(good + "\"unterminated,T2-001.1", 0, "", "not closed");
  // A file cut off in the middle of a row: the short row is named.
  std::string cut = good.substr(0, good.find("T2-136.1") + 9);
  const int cut_row = 1 + static_cast<int>(std::count(cut.begin(), cut.end(), '\n'));
  expect_refused(cut, cut_row, "", "4 column(s)");
  std::string mid_char = good.substr(0, good.find("T2-136.1") + 10);  // inside a Japanese character
  expect_refused(mid_char, cut_row, "", "truncated");
  expect_refused(std::string("\xff\xff\x00\x41", 4) + good, 1, "", "neither UTF-8 nor Shift_JIS");
  auto lines = good.substr(0, good.find("T2-002.1"));
  expect_refused(lines.substr(0, lines.rfind(',')), 3, "", "2 column(s)");
}

TEST_F(AssessRepoTest, NextPeriodKeepsOwnersAndValidEvidenceAndCompareSeesChanges) {
  Answer x;
  x.question_id = "T2-001.1";
  x.status = Status::partial;
  x.owner = "佐藤";
  repo.set_answer(a, tcs(), x);
  repo.add_file(a, "T2-001.1", "規程.pdf", "application/pdf", "%PDF-1.4 規程", "2025-04-01", "2030-03-31");
  repo.add_file(a, "T2-001.1", "old.pdf", "application/pdf", "%PDF old", "2020-04-01", "2021-03-31");
  auto n = repo.next_period(a, tcs(), "FY2026", false, "2026-04-01");
  EXPECT_EQ(n.previous_id, a.id);
  auto na = repo.answers(n.id);
  EXPECT_EQ(na.at("T2-001.1").owner, "佐藤");
  EXPECT_EQ(na.at("T2-001.1").status, Status::partial);
  auto ev = repo.evidence(n.id);
  ASSERT_EQ(ev.size(), 1u) << "expired evidence stays behind";
  EXPECT_EQ(ev[0].filename, "規程.pdf");
  auto reset = repo.next_period(a, tcs(), "FY2027", true, "2026-04-01");
  EXPECT_EQ(repo.answers(reset.id).at("T2-001.1").status, Status::unanswered);
  EXPECT_EQ(repo.answers(reset.id).at("T2-001.1").owner, "佐藤");

  x.status = Status::implemented;
  repo.set_answer(n, tcs(), x);
  Answer y;
  y.question_id = "T2-002.1";
  y.status = Status::not_implemented;
  repo.set_answer(n, tcs(), y);
  std::map<std::string, std::string> kinds;
  for (const auto& c : compare(tcs(), repo.answers(a.id), repo.answers(n.id))) kinds[c.question_id] = c.kind;
  EXPECT_EQ(kinds["T2-001.1"], "improved");
  EXPECT_EQ(kinds["T2-002.1"], "new");
  EXPECT_EQ(kinds["T2-003.1"], "unchanged");
  auto back = compare(tcs(), repo.answers(n.id), repo.answers(a.id));
  EXPECT_EQ(std::find_if(back.begin(), back.end(), [](const Change& c) { return c.question_id == "T2-001.1"; })->kind, "regressed");
}

TEST(Migrations, UpgradeFromEveryEarlierVersionKeepsData) {
  std::vector<int> versions;
  for (const auto& m : store::all_migrations()) versions.push_back(m.version);
  ASSERT_GE(versions.size(), 3u);
  for (int v : versions) {
    testing::TempDb tmp;
    {
      store::Db db(tmp.path);
      db.migrate(v);
      store::audit_append(db, {"t", std::nullopt, "probe", "1", "create", nullptr, {{"v", v}}});
      if (v >= 100) {
        db.exec("INSERT INTO organizations(name, kind, created_at) VALUES ('旧組織', 'maker', '2025-01-01T00:00:00Z')");
      }
    }
    store::Db db(tmp.path);
    db.migrate();
    EXPECT_EQ(db.applied_versions(), versions) << "from version " << v;
    EXPECT_TRUE(store::audit_verify(db).ok) << "from version " << v;
    AssessRepo repo(db, "t");
    if (v >= 100) {
      EXPECT_EQ(repo.orgs().at(0).name, "旧組織") << "from version " << v;
    }
    auto o = repo.create_org({0, "新組織", "maker", {}, std::nullopt, {}});
    EXPECT_NO_THROW(repo.create(o.id, tcs(), "maker", "FY2026", "")) << "from version " << v;
  }
}

TEST(Crash, KillDuringLargeImportLeavesAllOrNothing) {
  testing::TempDb tmp;
  int64_t aid = 0;
  std::string sheet;
  {
    store::Db db(tmp.path);
    db.migrate();
    AssessRepo repo(db, "t");
    auto o = repo.create_org({0, "組織", "operator_registered", {}, std::nullopt, {}});
    auto a = repo.create(o.id, tcs(), "operator", "FY2025", "");
    aid = a.id;
    std::string csv = export_csv(tcs(), a, {}, {});
    auto rows = csv::parse(csv.substr(3));
    sheet = csv::row(rows[0].fields);
    for (size_t i = 1; i < rows.size(); ++i) {
      auto f = rows[i].fields;
      f[6] = "実施済";
      f[12] = std::string(2000, 'x');  // a long comment: a large transaction
      sheet += csv::row(f);
    }
  }
  // Kill the importing child at increasing delays; every outcome must be all or nothing.
  for (int delay_us : {0, 2000, 8000, 20000, 60000, 150000}) {
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      store::Db db(tmp.path);
      AssessRepo repo(db, "child");
      auto a = repo.get(aid);
      try {
        testing::import_sheet(repo.db(), *a, "big.csv", sheet);
      } catch (...) {
        _exit(3);
      }
      _exit(0);
    }
    usleep(static_cast<useconds_t>(delay_us));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    store::Db db(tmp.path);
    if (!tmp.postgres()) {
      auto ic = db.prepare("PRAGMA integrity_check");
      ASSERT_TRUE(ic.step());
      EXPECT_EQ(ic.str(0), "ok");
    }
    auto st = db.prepare("SELECT count(*) FROM answers WHERE assessment_id=?");
    st.bind(1, aid);
    st.step();
    int64_t n = st.i64(0);
    EXPECT_TRUE(n == 0 || n == 261) << "partial import of " << n << " rows after kill at " << delay_us << "us";
    EXPECT_TRUE(store::audit_verify(db).ok);
    if (n == 261) break;  // the import completed before the kill; later delays prove nothing new
  }
}

}  // namespace
}  // namespace anzen::assess

namespace anzen::assess {
namespace {

TEST_F(AssessRepoTest, XlsxRoundTripThroughTheExportedWorkbook) {
  Answer x;
  x.question_id = "T2-005.1";
  x.status = Status::partial;
  x.maturity = 2;
  x.owner = "情報セキュリティ部 <CSIRT> & 運用";
  x.due = "2027-03-31";
  repo.set_answer(a, tcs(), x);
  std::string path = tmp.file(".xlsx");
  export_xlsx(tcs(), a, repo.answers(a.id), {}, path);
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), {});
  std::filesystem::remove(path);
  // Re-read the workbook: header and rows intact, Japanese and XML specials included.
  auto rows = xlsx::read_first_sheet(bytes);
  ASSERT_EQ(rows.size(), 262u);
  EXPECT_EQ(rows[0].fields[2], "質問ID");
  auto row5 = std::find_if(rows.begin(), rows.end(), [](const csv::Row& r) { return r.fields.size() > 2 && r.fields[2] == "T2-005.1"; });
  ASSERT_NE(row5, rows.end());
  EXPECT_EQ(row5->fields[6], "一部実施");
  EXPECT_EQ(row5->fields[8], "2");
  EXPECT_EQ(row5->fields[10], "情報セキュリティ部 <CSIRT> & 運用");
  // Importing it into a fresh assessment reproduces the answers; again changes nothing.
  auto b = repo.create(a.org_id, tcs(), "operator", "FY2026", "");
  auto r1 = testing::import_sheet(repo.db(), b, "sheet.xlsx", bytes);
  EXPECT_EQ(r1.encoding, "xlsx");
  auto got = repo.answers(b.id).at("T2-005.1");
  EXPECT_EQ(got.status, Status::partial);
  EXPECT_EQ(got.maturity, 2);
  EXPECT_EQ(got.due, "2027-03-31");
  EXPECT_EQ(testing::import_sheet(repo.db(), b, "sheet.xlsx", bytes).changed, 0);
  // A truncated workbook is refused precisely, changing nothing.
  EXPECT_THROW(testing::import_sheet(repo.db(), b, "cut.xlsx", bytes.substr(0, bytes.size() / 2)),
               ImportError);
}

}  // namespace
}  // namespace anzen::assess
