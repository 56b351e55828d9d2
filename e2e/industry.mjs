// The industry benchmark in the browser, operator side: the preview shows exactly what leaves
// (no organisation name), the signed file downloads, and a published benchmark uploaded to the
// compare page draws box plots with the own marker.
// Usage: node industry.mjs BASE_URL DEMO_JSON OUT_DIR ANZEN_BINARY DB
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const [base, demoFile, outDir, anzen] = process.argv.slice(2);
const demo = JSON.parse(readFileSync(demoFile, "utf8"));
let failures = 0;
let passed = 0;
function check(cond, what) {
  if (cond) { passed++; console.log(`ok - ${what}`); } else { failures++; console.log(`not ok - ${what}`); }
}

// A synthetic benchmark from a separate aggregator database (tests only, labelled synthetic).
const work = mkdtempSync(join(tmpdir(), "anzen-industry-"));
const agg = join(work, "agg.db");
const run = (...args) => execFileSync(anzen, ["--db", agg, ...args], { encoding: "utf8" });
const t = new Date();
const fy = `FY${t.getUTCMonth() >= 3 ? t.getUTCFullYear() : t.getUTCFullYear() - 1}`;
run("industry", "simulate", "--submitters", "60", "--period", fy, "--seed", "9", "-o", join(work, "in"));
run("industry", "import", join(work, "in"));
run("industry", "publish", "--period", fy, "-o", join(work, "bench.json"));

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run"],
});
try {
  const page = await (await browser.newContext({ locale: "ja-JP", acceptDownloads: true })).newPage();
  const shot = (name) => page.screenshot({ path: `${outDir}/${name}.png`, fullPage: true });
  await page.goto(`${base}/login`);
  await page.fill("#name", demo.admin.name);
  await page.fill("#password", demo.admin.password);
  await page.click("button[type=submit]");
  await page.waitForURL(`${base}/`);

  await page.click("a[href='/industry']");
  await page.waitForLoadState();
  check(page.url().includes("/industry"), "the navigation leads to the industry benchmark");
  await page.fill("#sid", "3");
  await page.click("form[method=get] button[type=submit]");
  await page.waitForLoadState();
  const preview = await page.textContent("#submission-json");
  const payload = JSON.parse(preview);
  check(payload.submitter_id === 3 && payload.scores.overall !== undefined, "the preview shows the submission's scores");
  const orgName = (await page.textContent("body")).includes("デモ") ? "デモ" : "";
  check(!preview.includes("株式会社") && (!orgName || !preview.includes(orgName)), "the preview holds no organisation name");
  await shot("industry-01-preview");

  const [download] = await Promise.all([page.waitForEvent("download"), page.click("form[action$='/submission'] button")]);
  const signed = JSON.parse(readFileSync(await download.path(), "utf8"));
  check(signed.signature.algorithm === "Ed25519" && signed.payload.scores.overall === payload.scores.overall,
        "the downloaded submission is signed and holds the previewed scores");

  await page.setInputFiles("#bm", join(work, "bench.json"));
  await page.click("form[action$='/compare'] button[type=submit]");
  await page.waitForLoadState();
  const body = await page.textContent("body");
  check(body.includes("偏差値") && body.includes("合成データ"), "the comparison shows 偏差値 and labels the synthetic benchmark");
  check((await page.locator(".boxplot svg").count()) >= 10, "a box plot per chapter");
  check((await page.locator(".boxplot svg g.own").count()) >= 10, "each box plot marks the own score");
  await shot("industry-02-compare");

  // A changed benchmark is refused with a reason (400).
  const bad = readFileSync(join(work, "bench.json"), "utf8").replace('"k":10', '"k":11');
  await page.goto(`${base}/assessments/${demo.assessment_id}/industry`);
  await page.setInputFiles("#bm", { name: "bench.json", mimeType: "application/json", buffer: Buffer.from(bad) });
  const [resp] = await Promise.all([page.waitForResponse((r) => r.url().endsWith("/compare")), page.click("form[action$='/compare'] button[type=submit]")]);
  check(resp.status() === 400, "a benchmark changed after signing is refused");
} catch (e) {
  console.log(`not ok - ${e.stack}`);
  failures++;
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
console.log(`industry: ${passed} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);
