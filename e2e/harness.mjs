// What every browser flow needs: a counted check, Debian's chromium, a logged-in page.
import { execFileSync } from "node:child_process";
import { chromium } from "playwright-core";

let failed = 0;
export function check(cond, what) {
  console.log(`${cond ? "ok" : "not ok"} - ${what}`);
  if (!cond) failed++;
}
export const failures = () => failed;

export function launch() {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--no-first-run"],
  });
}

// A Japanese page signed in as the demo administrator (options: more browser-context settings,
// e.g. a viewport).
export async function signedIn(browser, base, demo, options = {}) {
  const page = await (await browser.newContext({ locale: "ja-JP", ...options })).newPage();
  await page.goto(`${base}/login`);
  await page.fill("#name", demo.admin.name);
  await page.fill("#password", demo.admin.password);
  await page.click("button[type=submit]");
  await page.waitForURL(`${base}/`);
  return page;
}

// The vocabulary's codes that no page may show as text: every code written with "_" or "-"
// (serious_accident, plan_item, next-period …: never an ordinary word), read from the binary's
// `anzen vocab list --json`, so that a code added to the vocabulary is looked for too; `extra`
// adds codes that are plain English words (reduce, planned …).
export function vocabularyCodes(binary, extra = []) {
  const terms = JSON.parse(execFileSync(binary, ["vocab", "list", "--json"], { encoding: "utf8" }));
  const shaped = terms.map((t) => t.code).filter((c) => /^[a-z0-9]+([_-][a-z0-9]+)+$/.test(c));
  return [...new Set([...shaped, ...extra])];
}
// The codes among `codes` that `text` shows as a word of its own.
export function visibleCodes(text, codes) {
  const word = (c) => new RegExp(`(^|[^\\w-])${c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|[^\\w-])`);
  return codes.filter((c) => word(c).test(text));
}
