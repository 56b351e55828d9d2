// A filed report's record put right in the browser: the incident page links the correction
// page, a correction without a reason keeps what was typed and says why beside the field, a
// correction with one changes the record and the timeline, and a withdrawal makes the report
// due again. Usage: node filing_correction.mjs BASE_URL DEMO_JSON OUT_DIR ANZEN_BINARY DB
import { readFileSync } from "node:fs";
import { check, failures, launch, signedIn } from "./harness.mjs";

const [base, demoFile, outDir] = process.argv.slice(2);
const demo = JSON.parse(readFileSync(demoFile, "utf8"));

const browser = await launch();
try {
  const page = await signedIn(browser, base, demo);
  const shot = (name) => page.screenshot({ path: `${outDir}/${name}.png`, fullPage: true });

  // The demo files the prompt report of its serious accident: find the incident that shows it.
  await page.goto(`${base}/incidents`);
  const hrefs = await page.$$eval("a[href^='/incidents/']", (as) =>
    [...new Set(as.map((a) => a.getAttribute("href")).filter((h) => /^\/incidents\/\d+$/.test(h)))]);
  let incident = null;
  for (const h of hrefs) {
    await page.goto(`${base}${h}`);
    if (await page.$("a.correct-filing")) { incident = h; break; }
  }
  check(incident !== null, "an incident page links the correction of its filed report");
  if (incident) {
    await page.click("a.correct-filing");
    await page.waitForSelector("#correct-filing");
    await shot("filing-correction");
    check(/\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/.test(await page.textContent("dl.facts")),
          "the record shows the filing time in Japanese");

    await page.fill("#reference", "総基安第777号");
    await page.click("#save-correction");
    await page.waitForSelector("#reason-error");
    check((await page.inputValue("#reference")) === "総基安第777号", "without a reason the typed reference is kept");
    check((await page.textContent("#reason-error")).includes("理由を入力してください"), "the error sits beside the reason, in Japanese");
    await shot("filing-correction-error");

    await page.fill("#reason", "受付番号の転記誤り");
    await Promise.all([page.waitForURL(`${base}${incident}`), page.click("#save-correction")]);
    const body = await page.textContent("body");
    check(body.includes("総基安第777号"), "the incident shows the corrected reference");
    check(body.includes("受付番号の転記誤り"), "the timeline says why the record changed");

    const filedBefore = (await page.$$("a.correct-filing")).length;
    await page.click("a.correct-filing");
    await page.fill("#withdraw_reason", "別事案の報告と取り違えた");
    await Promise.all([page.waitForURL(`${base}${incident}`), page.click("#withdraw-button")]);
    check((await page.textContent("body")).includes("未提出"), "after withdrawal the report is not filed again");
    check((await page.$$("a.correct-filing")).length === filedBefore - 1, "the withdrawn filing no longer offers a correction");
    await shot("filing-withdrawn");
  }
} finally {
  await browser.close();
}
console.log(`filing correction: ${failures()} failure(s)`);
process.exit(failures() ? 1 : 0);
