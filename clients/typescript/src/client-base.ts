// Hand-written: what every generated client extends (see scripts/generate.mjs). The generated file imports it; this
// file imports only types from the generated one, so there is no cycle at run time.
import type { ApiProblem } from "./signal-client.js";

/** Where the API is and how a client authenticates. */
export interface SignalClientConfig {
    /** The API's base URL without a trailing slash, e.g. `https://signal.example.com`. */
    baseUrl: string;
    /** Returns the bearer token for a request; called for every request, so it may refresh the token. */
    accessToken: () => string | Promise<string>;
}

/**
 * An error answer of the API (`application/problem+json`, RFC 9457) thrown as an `Error`: the HTTP `status`, the stable
 * machine `code` (`validation_failed`, `not_found`, `name_conflict`, …) and, for validation, `errors` keyed by the
 * snake_case JSON path of each field (`config.pixel_id`).
 */
export class ApiProblemError extends Error {
    constructor(public readonly problem: ApiProblem) {
        super(`${problem.status} ${problem.code}: ${problem.detail ?? problem.title}`);
        this.name = "ApiProblemError";
    }

    get status(): number {
        return this.problem.status;
    }

    get code(): string {
        return this.problem.code;
    }

    get errors(): { [field: string]: string[] } {
        return this.problem.errors;
    }
}

/** Adds the bearer token to each request, resolves the base URL, and turns problem answers into {@link ApiProblemError}. */
export class SignalClientBase {
    constructor(private readonly config: SignalClientConfig) {
    }

    protected getBaseUrl(_documentUrl: string, baseUrl?: string): string {
        return baseUrl ?? this.config.baseUrl;
    }

    protected async transformOptions(options: RequestInit): Promise<RequestInit> {
        const headers = new Headers(options.headers);
        headers.set("Authorization", `Bearer ${await this.config.accessToken()}`);
        return { ...options, headers };
    }

    protected async transformResult(_url: string, response: Response, process: (response: Response) => Promise<any>): Promise<any> {
        if (response.status >= 400 && (response.headers.get("content-type") ?? "").startsWith("application/problem+json")) {
            throw new ApiProblemError(await response.json() as ApiProblem);
        }

        return process(response);
    }
}
