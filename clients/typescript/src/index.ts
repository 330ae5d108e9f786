export * from "./signal-client.js";
export * from "./client-base.js";
