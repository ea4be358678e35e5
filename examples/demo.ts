/**
 * `npm run demo` — the first pmokit demo: load the sample office (Northwind Logistics' IT PMO) through the typed
 * repositories into the in-memory store, in one transaction, then answer a PMO's first questions from the store.
 * Later releases grow this into the whole cycle: scoring, selection, earned value, traceability, rollout, KPIs.
 */
import {
  createMemoryAdapter, createRepositories, createWorkingCalendar, entityKindNames, formatMoney, hasValue, isoDate,
  money, multiplyMoney, ratio, roundMoney, runInTransaction, sumMoney, workingDaysBetween, budgetAtCompletion,
  type EntityKind, type EntityOf, type Money, type Repositories, type Repository,
} from "../src/index.js";
import { loadSampleOffice, SAMPLE_KINDS, SAMPLE_STATUS_DATE } from "./office.js";

const eur = (m: Money) => formatMoney(roundMoney(m, { rounding: "half-even" }), { currencyDisplay: "code" });
const pad = (s: string | number, n: number) => String(s).padEnd(n);
const count = <T>(items: readonly T[], key: (t: T) => string) =>
  items.reduce<Record<string, number>>((acc, t) => ({ ...acc, [key(t)]: (acc[key(t)] ?? 0) + 1 }), {});
const tally = (c: Record<string, number>) => Object.entries(c).map(([k, v]) => `${k} ${v}`).join(", ");

async function all<K extends EntityKind>(repos: Repositories, kind: K): Promise<EntityOf<K>[]> {
  const repo = repos[kind] as unknown as Repository<K>;
  const out: EntityOf<K>[] = [];
  for await (const e of repo.all({ limit: 500 })) out.push(e);
  return out;
}

async function main(): Promise<void> {
  const statusDate = isoDate(SAMPLE_STATUS_DATE);
  const adapter = createMemoryAdapter();
  const office = loadSampleOffice();

  // 1. Load: every record validated by its codec and stored in one all-or-nothing transaction.
  const started = performance.now();
  const loaded = await runInTransaction(adapter, async (tx) => {
    const repos = createRepositories(tx);
    let n = 0;
    for (const kind of SAMPLE_KINDS) {
      for (const record of office[kind]) {
        await repos[kind].importRecord(record as never);
        n++;
      }
    }
    return n;
  });
  const ms = performance.now() - started;
  const repos = createRepositories(adapter);

  console.log(`pmokit demo — Northwind Logistics IT PMO (the sample office), status date ${statusDate}`);
  console.log(`Loaded ${loaded} records of ${entityKindNames().length} kinds through the repositories into the in-memory store in ${ms.toFixed(0)} ms (validated, one transaction).\n`);

  // 2. Intake: what is asked for, and why.
  const requests = await all(repos, "request");
  const benefits = requests.flatMap((r) => r.benefits);
  console.log(`INTAKE  ${requests.length} project requests — ${tally(count(requests, (r) => r.status))}`);
  const byCategory = count(benefits, (b) => b.category);
  for (const category of Object.keys(byCategory).sort()) {
    const amounts = benefits.filter((b) => b.category === category).flatMap((b) => b.amounts.map((a) => a.amount));
    const total = amounts.length > 0 ? eur(sumMoney(amounts)) : "non-monetary";
    console.log(`  ${pad(category, 16)} ${pad(byCategory[category] ?? 0, 3)} benefit lines, ${total}`);
  }
  const cost = sumMoney(requests.flatMap((r) => r.estimatedCost.map((c) => c.amount)), "EUR");
  console.log(`  estimated cost of all requests: ${eur(cost)}; mandatory: ${requests.filter((r) => r.mandatory).map((r) => r.key ?? r.id).join(", ")}\n`);

  // 3. Running projects: budget and money spent to the status date (EUR; foreign bills at their booked rate).
  const projects = await all(repos, "project");
  console.log(`PROJECTS  ${projects.length} running — budget at completion and actual cost to ${statusDate}`);
  for (const p of projects) {
    const entries = (await repos["cost-entry"].list({ where: [{ field: "projectId", op: "eq", value: p.id }, { field: "date", op: "lte", value: statusDate }], limit: 1000 })).items;
    const ac = sumMoney(
      entries.map((e) => (e.amount.currency === p.budget.currency || !e.fxRate ? e.amount : money(multiplyMoney(e.amount, e.fxRate.rate).amount, e.fxRate.currency))),
      p.budget.currency,
    );
    const bac = budgetAtCompletion(p);
    const spent = ratio(ac.amount, bac.amount, "bac-is-zero");
    const risks = (await repos.risk.list({ where: [{ field: "projectId", op: "eq", value: p.id }, { field: "status", op: "in", value: ["open", "monitoring"] }], limit: 100 })).items.length;
    const issues = (await repos.issue.list({ where: [{ field: "projectId", op: "eq", value: p.id }, { field: "status", op: "in", value: ["open", "in-progress"] }], limit: 100 })).items.length;
    console.log(
      `  ${pad(p.code, 9)} ${pad(p.name, 36)} BAC ${pad(eur(bac), 17)} AC ${pad(eur(ac), 17)} spent ${pad(hasValue(spent) ? `${spent.value.times(100).toFixed(1)}%` : spent.reason, 6)} baseline ${p.activeBaseline ?? "-"}  open risks ${risks}, issues ${issues}`,
    );
  }

  // 4. Requirements: what must be built, and what proves it.
  const requirements = await all(repos, "requirement");
  const links = await all(repos, "trace-link");
  const runs = await all(repos, "test-run");
  console.log(`\nREQUIREMENTS  ${requirements.length} — ${tally(count(requirements, (r) => r.type))}`);
  console.log(`  trace links ${links.length} (${tally(count(links, (l) => l.linkType))}); test runs ${runs.length} (${tally(count(runs, (r) => r.result))})`);

  // 5. Rollout: how far away is go-live, in working days of the plan's own calendar, and what is done.
  for (const plan of await all(repos, "rollout-plan")) {
    const calendar = createWorkingCalendar(plan.calendar);
    const items = (await repos["checklist-item"].list({ where: [{ field: "rolloutPlanId", op: "eq", value: plan.id }], limit: 500 })).items;
    const blocking = items.filter((i) => i.blocking && !["done", "not-applicable", "waived"].includes(i.status));
    console.log(`\nROLLOUT  ${plan.name}: go-live ${plan.goLive}, ${workingDaysBetween(calendar, statusDate, plan.goLive)} working days after the status date (${calendar.holidays.length} holidays, ${calendar.blackouts.length} blackout window)`);
    console.log(`  checklist ${items.length} items — ${tally(count(items, (i) => i.status))}; blocking items still open: ${blocking.length}`);
  }

  // 6. Operations: unplanned downtime this year.
  const outages = await all(repos, "service-outage");
  const unplanned = outages.filter((o) => !o.planned && o.end);
  const minutes = unplanned.reduce((s, o) => s + (Date.parse(o.end as string) - Date.parse(o.start)) / 60_000, 0);
  console.log(`\nOPERATIONS  ${outages.length} outages recorded, ${unplanned.length} unplanned: ${minutes.toFixed(0)} minutes of unplanned downtime`);
}

await main();
