//! Helpers shared by the model's tests (`*_tests.rs`): the shipped seed,
//! the seed edited as JSON and loaded through `Plan::from_json`, an
//! indicator of a plan file found by its id, to edit, and a scenario's
//! outlook at every preset scale.

use crate::core::engine::Scenario;
use crate::core::plan::{Plan, PlanError};
use crate::core::uncertainty::{Outlook, Scale};
use serde_json::Value;

/// The Zhejiang seed's text, as the plan file ships.
pub(crate) const SEED: &str = crate::core::builtin::ZHEJIANG_JSON;

/// The seed with the edit `f` made to its JSON, reloaded.
pub(crate) fn edited(f: impl FnOnce(&mut Value)) -> Result<Plan, PlanError> {
    let mut v: Value = serde_json::from_str(SEED).unwrap();
    f(&mut v);
    Plan::from_json(&v.to_string())
}

/// Indicator `id` of the plan file `v`, to edit. Panics, naming `id`, if
/// `v` has no such indicator.
pub(crate) fn indicator_mut<'v>(v: &'v mut Value, id: &str) -> &'v mut Value {
    v["indicators"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|i| i["id"] == id)
        .unwrap_or_else(|| panic!("no indicator `{id}` in the plan file"))
}

/// The outlook of `scenario` at each of [`Scale::PRESETS`], with `draws`
/// Monte Carlo draws from seed 3.
pub(crate) fn at_every_scale<'p>(
    plan: &'p Plan,
    scenario: &'p Scenario,
    draws: usize,
) -> Vec<(Scale, Outlook<'p>)> {
    Scale::PRESETS
        .into_iter()
        .map(|scale| {
            let o = Outlook::new(plan, scenario, scale)
                .unwrap()
                .with_draws(draws, 3)
                .unwrap();
            (scale, o)
        })
        .collect()
}
