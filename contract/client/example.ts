// A small typed client, written against the types openapi-typescript generates from ../openapi.json.
// It only has to type-check (tsc --noEmit): proof that a frontend team can use the contract as it is.
import type { components, operations, paths } from "./schema";

type DealDossier = components["schemas"]["DealDossier"];
type MissingPart = components["schemas"]["MissingPart"];
type Problem = components["schemas"]["Problem"];
type DossierOk = paths["/api/v1/deals/{id}/dossier"]["get"]["responses"][200]["content"]["application/json"];
type Deal = components["schemas"]["Deal"];
// By path, or by the operation's name (its operationId), as generated clients name their methods:
type DealPage = operations["listDeals"]["responses"][200]["content"]["application/json"];

const BASE = "http://localhost:8080";

async function problemOf(response: Response): Promise<Problem> {
  return (await response.json()) as Problem;
}

/** Lists deals (one page): a typed page, items of Deal and the cursor of the next page. */
export async function listDeals(limit = 20, cursor?: string): Promise<{ deals: Deal[]; next?: string }> {
  const query = new URLSearchParams({ limit: String(limit) });
  if (cursor) query.set("cursor", cursor);
  const response = await fetch(`${BASE}/api/v1/deals?${query}`, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    const problem = await problemOf(response);
    throw new Error(`${problem.status} ${problem.title}: ${problem.detail ?? ""}`);
  }
  const page: DealPage = await response.json();
  return { deals: page.items, next: page.nextCursor ?? undefined };
}

/** Reads a deal dossier; tells which parts are missing when a service was down. */
export async function readDossier(id: string): Promise<DealDossier> {
  const path: keyof paths = "/api/v1/deals/{id}/dossier";
  const response = await fetch(`${BASE}${path.replace("{id}", encodeURIComponent(id))}`);
  if (response.status === 503) {
    const problem = await problemOf(response);
    throw new Error(`retry after ${response.headers.get("Retry-After")} s: ${problem.detail ?? ""}`);
  }
  if (!response.ok) {
    throw new Error((await problemOf(response)).detail ?? "failed");
  }
  const dossier: DossierOk = await response.json();
  const missing: MissingPart[] = dossier.missing ?? [];
  for (const part of missing) {
    console.warn(`missing ${part.part} from ${part.service}: ${part.detail}`);
  }
  const complete: boolean = dossier.complete ?? false;
  console.log(`dossier complete: ${complete}, participants: ${dossier.participants?.length ?? 0}`);
  return dossier;
}
