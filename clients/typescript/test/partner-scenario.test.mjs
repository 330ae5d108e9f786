// A partner's admin tool, written with nothing but the TypeScript client, against a running API:
//   SIGNAL_URL=http://localhost:8084 SIGNAL_TOKEN=<admin token> npm test   (after npm run build)
// Contract/TypeScriptClientTests runs it in the test command against the API started as a process.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  ApiProblemError, AuditEventsClient, IntegrationCatalogClient, IntegrationTemplatesClient, PipelineIntegrationsClient, PipelinesClient,
} from "../dist/index.js";

const config = {
  baseUrl: process.env.SIGNAL_URL?.replace(/\/$/, "") ?? assert.fail("SIGNAL_URL is not set"),
  accessToken: async () => process.env.SIGNAL_TOKEN ?? assert.fail("SIGNAL_TOKEN is not set"),
};
const catalog = new IntegrationCatalogClient(config);
const templates = new IntegrationTemplatesClient(config);
const pipelines = new PipelinesClient(config);
const assignments = new PipelineIntegrationsClient(config);
const ga4 = (debugMode) => ({
  measurement_id: "{{pipeline_param.ga4_measurement_id}}", api_secret: "{{pipeline_param.ga4_api_secret}}", debug_mode: debugMode,
});
const run = Date.now().toString(36);

test("install, assign, resolve, deploy a revision, rotate and clean up", async () => {
  const vendors = await catalog.list();
  assert.ok(vendors.vendors.some((v) => v.key === "ga4"));

  const installed = await catalog.install("ga4", { name: `GA4 from TypeScript ${run}`, config: ga4(false) });
  assert.equal(installed.template.vendor, "ga4");
  assert.equal(installed.revision.delivery_mode, "server_side");

  const request = { name: `TS shop ${run}`, type: "web", parameters: { ga4_measurement_id: "G-TSSHOP", ga4_api_secret: "ts-secret-0001" } };
  const shop = await pipelines.create(request, `create-ts-shop-${run}`);
  assert.match(shop.pipeline_key_secret, /^sk_/);
  const retried = await pipelines.create(request, `create-ts-shop-${run}`);
  assert.equal(retried.id, shop.id, "a retry with the same Idempotency-Key gets the first response, not a second pipeline");
  await pipelines.headGet(shop.id);

  const assignment = await assignments.assign(shop.id, { integration_id: installed.template.id });
  const resolved = await pipelines.getResolvedConfig(shop.id);
  assert.equal(resolved.integrations[0].config.measurement_id, "G-TSSHOP");

  const v2 = await templates.createRevision(installed.template.id, {
    config: ga4(true), delivery_mode: "server_side", change_summary: "Turn on debug mode",
  });
  assert.equal(v2.revision_number, 2);
  const deployed = await assignments.update(shop.id, assignment.id, { revision_number: 2 });
  assert.equal(deployed.revision_number, 2);
  assert.equal((await pipelines.getResolvedConfig(shop.id)).integrations[0].config.debug_mode, true);

  const rotated = await pipelines.rotateSecret(shop.id);
  assert.notEqual(rotated.pipeline_key_secret, shop.pipeline_key_secret);
  const history = await new AuditEventsClient(config).list(null, assignment.id);
  assert.deepEqual(history.audit_events.map((e) => e.action), ["pipeline_integration.updated", "pipeline_integration.created"]);

  await assignments.remove(shop.id, assignment.id);
  assert.equal((await pipelines.delete(shop.id)).status, "deleted");
  assert.equal((await templates.delete(installed.template.id)).status, "deleted");
});

test("errors are ApiProblemError with the problem's status, code and field errors", async () => {
  await assert.rejects(pipelines.create({ name: "", rate_limit_rps: 0 }), (error) => {
    assert.ok(error instanceof ApiProblemError);
    assert.equal(error.status, 400);
    assert.equal(error.code, "validation_failed");
    assert.deepEqual(Object.keys(error.errors).sort(), ["name", "rate_limit_rps"]);
    return true;
  });
  await assert.rejects(pipelines.get("pip_does_not_exist"), (error) => error instanceof ApiProblemError && error.code === "not_found");
});
