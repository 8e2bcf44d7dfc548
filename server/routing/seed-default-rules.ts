import type { Db } from '../db/types';
import { compileRouting } from './compile';
import { DEFAULT_RULE_SETS, DEFAULT_RULES_EFFECTIVE_FROM } from './default-rules';
import { applyPublish, provinceOfCommune } from './routing.model';
import { countRuleSets, insertDraftRuleSet, loadRoutingData, markPublished } from './routing.repository';

/**
 * Loads the default rule sets (SPEC.md §4) into a database that has none, in effect since the
 * 2025 reorganisation. Units may not exist yet on a new installation, so only the rules are checked
 * here: every cell must have exactly one rule. `npm run routing:check` checks the units.
 */
export async function seedDefaultRules(db: Db): Promise<boolean> {
  return db.transaction(async (tx) => {
    if ((await countRuleSets(tx)) > 0) return false;
    const data = await loadRoutingData(tx);
    for (const spec of DEFAULT_RULE_SETS) {
      const set = await insertDraftRuleSet(tx, spec, provinceOfCommune(data));
      const replaces = applyPublish(data, set, DEFAULT_RULES_EFFECTIVE_FROM);
      await markPublished(tx, set, DEFAULT_RULES_EFFECTIVE_FROM, DEFAULT_RULES_EFFECTIVE_FROM, replaces);
    }
    const { report } = compileRouting(
      { ruleSets: data.ruleSets, units: [], jurisdictions: [] },
      data.communes,
      data.provinces,
    );
    const broken = report.problems.filter((p) => p.kind === 'no_rule' || p.kind === 'rule_overlap');
    if (broken.length > 0)
      throw new Error(`the default routing rules leave gaps or overlaps: ${JSON.stringify(broken.slice(0, 3))}`);
    return true;
  });
}
