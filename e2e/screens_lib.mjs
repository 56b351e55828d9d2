// Shared by checklist.mjs and screens.mjs: TAP-like checks, Debian's chromium, and a logged-in
// page of the demo administrator.

export function checker() {
  const t = { passed: 0, failures: 0 };
  t.check = (cond, what) => {
    if (cond) t.passed++;
    else t.failures++;
    console.log(`${cond ? "ok" : "not ok"} - ${what}`);
  };
  return t;
}

// The browser and the signed-in page come from the one harness.
export { launch, signedIn as login } from "./harness.mjs";
