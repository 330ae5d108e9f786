// Runs a generated collector in a stubbed browser and prints what it sent, as JSON:
//   node collector-harness.js <collector.js> <scenario>
// Scenarios: "track" (page view, identify, track), "consent" (consent required: nothing until consent(true)).
"use strict";
const fs = require("fs");
const vm = require("vm");

const [collectorPath, scenario] = process.argv.slice(2);
const sent = [];
const store = new Map();
const window = {
  location: { href: "https://www.example.com/shop?ref=1", search: "?ref=1" },
  localStorage: {
    getItem: (k) => (store.has(k) ? store.get(k) : null),
    setItem: (k, v) => store.set(k, String(v)),
    removeItem: (k) => store.delete(k),
  },
  crypto: { randomUUID: () => "00000000-0000-4000-8000-000000000001" },
  fetch: (url, init) => {
    sent.push({ url, method: init.method, headers: init.headers, body: JSON.parse(init.body) });
    return Promise.resolve({ ok: true });
  },
};
const document = { title: "Shop", referrer: "https://search.example/", addEventListener: () => {} };
const name = process.argv[4] || "_df";
window[name] = [["track", "Queued Before Load", { early: true }]];

vm.runInNewContext(fs.readFileSync(collectorPath, "utf8"), { window, document, JSON, Date, Math, RegExp, String, Object, Array, URL });
const api = window[name];

if (scenario === "consent") {
  api.track("Before Consent", {});
  const before = sent.length;
  api.consent(true);
  api.track("After Consent", {});
  console.log(JSON.stringify({ before, sent }));
} else {
  api.page({ section: "shop" });
  api.identify("user_42", { plan: "pro" });
  api.track("Purchase", { value: 10, currency: "EUR" });
  console.log(JSON.stringify({ sent, anonymousId: api.anonymousId() }));
}
