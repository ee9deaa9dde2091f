//! Named scenarios: the plan's own pace, the trend the plan reports for the
//! previous period, and the pace of the values published since. A preset is
//! a whole scenario, never a layer on top of another one.

use super::engine::{growth_to_hit, required_growth, Scenario};
use super::plan::{Kind, Plan};
use super::reported::Pace;
use crate::core::map::Map;

/// A named scenario a reader can start from or hold their own against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Preset {
    /// Every target at exactly its required growth (just past it for a strict
    /// target), with every other slider at its default.
    PlanPace,
    /// The growth the plan reports for its previous period, where it gives one.
    Trend,
    /// The pace of the values published since the base year, where a point
    /// value was published on the baseline's vintage; a lower bound ("more
    /// than X") never sets a slider.
    Reported,
}

impl Preset {
    /// Every preset, in the order the page offers them.
    pub const ALL: [Preset; 3] = [Preset::Reported, Preset::PlanPace, Preset::Trend];

    /// The preset's key in links (`cmp=reported`).
    pub fn key(self) -> &'static str {
        match self {
            Preset::PlanPace => "plan",
            Preset::Trend => "trend",
            Preset::Reported => "reported",
        }
    }

    /// The preset named by a link key.
    pub fn from_key(key: &str) -> Option<Preset> {
        Preset::ALL.into_iter().find(|p| p.key() == key)
    }
}

/// The indicator whose slider moves `id`: its numerator for a ratio, else itself.
fn slider_of<'p>(plan: &'p Plan, id: &'p str) -> &'p str {
    match plan.indicator(id).map(|i| &i.kind) {
        Some(Kind::Ratio { numerator, .. }) => numerator,
        _ => id,
    }
}

/// The growth that `preset` gives each slider it covers, keyed by indicator
/// id, for `scenario`'s horizon and baselines. Plan pace is computed with
/// every other slider at its default: `required_growth` of each target,
/// through [`growth_to_hit`] for strict targets.
pub fn preset_growth(
    plan: &Plan,
    scenario: &Scenario,
    preset: Preset,
    paces: &[Pace],
) -> Map<String, f64> {
    let mut base = Scenario::new(plan);
    base.horizon = scenario.horizon;
    base.baselines = scenario.baselines.clone();
    let mut out = Map::new();
    match preset {
        Preset::Trend => {
            for ind in &plan.indicators {
                if let (Some(t), Some(_)) = (&ind.trend, &ind.slider) {
                    out.insert(ind.id.clone(), t.growth);
                }
            }
        }
        Preset::Reported => {
            for p in paces.iter().filter(|p| p.is_point()) {
                if plan
                    .indicator(&p.indicator)
                    .is_some_and(|i| i.slider.is_some())
                {
                    out.insert(p.indicator.clone(), (p.growth * 100.0).round() / 100.0);
                }
            }
        }
        Preset::PlanPace => {
            for ind in &plan.indicators {
                let Ok(Some(req)) = required_growth(plan, &base, &ind.id) else {
                    continue;
                };
                let slider = slider_of(plan, &ind.id);
                let (Some(target), true) = (
                    ind.target.as_ref(),
                    plan.indicator(slider).is_some_and(|i| i.slider.is_some()),
                ) else {
                    continue;
                };
                out.insert(slider.to_string(), growth_to_hit(req, target));
            }
        }
    }
    out
}

/// The whole scenario of `preset`: the sliders it covers at its growth, every
/// other slider at its default, no per-year paths; the horizon and the
/// baselines the reader supplied are kept (they are the reader's work).
pub fn preset_scenario(
    plan: &Plan,
    scenario: &Scenario,
    preset: Preset,
    paces: &[Pace],
) -> Scenario {
    let mut sc = Scenario::new(plan);
    sc.horizon = scenario.horizon;
    sc.baselines = scenario.baselines.clone();
    sc.growth = preset_growth(plan, scenario, preset, paces);
    sc
}

/// The preset that `scenario` is exactly, if any (for a pressed button);
/// `None` once anything was changed by hand.
pub fn active_preset(plan: &Plan, scenario: &Scenario, paces: &[Pace]) -> Option<Preset> {
    Preset::ALL
        .into_iter()
        .find(|&p| preset_scenario(plan, scenario, p, paces) == *scenario)
}

/// What the reader's scenario is held against (issue 7): a preset, or a
/// scenario the reader pinned. The default is the pace published so far.
#[derive(Debug, Clone, PartialEq)]
pub enum Reference {
    /// A preset's whole scenario, recomputed for the reader's horizon and
    /// baselines (and, for the reported pace, the values loaded).
    Preset(Preset),
    /// A scenario the reader froze: its growths and per-year growths; the
    /// horizon and supplied baselines stay the reader's.
    Pinned {
        /// Constant growth per slider id.
        growth: Map<String, f64>,
        /// Per-year growth per slider id.
        paths: Map<String, Map<u16, f64>>,
    },
}

impl Default for Reference {
    /// The pace published so far.
    fn default() -> Self {
        Reference::Preset(Preset::Reported)
    }
}

impl Reference {
    /// `scenario` frozen as a reference: its growths and per-year growths.
    pub fn pin(scenario: &Scenario) -> Reference {
        Reference::Pinned {
            growth: scenario.growth.clone(),
            paths: scenario.paths.clone(),
        }
    }

    /// The preset it names, if it is one.
    pub fn preset(&self) -> Option<Preset> {
        match self {
            Reference::Preset(p) => Some(*p),
            Reference::Pinned { .. } => None,
        }
    }
}

/// The reference's whole scenario for a reader at `scenario`: a preset's
/// ([`preset_scenario`]) or the pinned growths, always with the reader's
/// horizon and supplied baselines, so that both are judged on the same years
/// and data.
pub fn reference_scenario(
    plan: &Plan,
    scenario: &Scenario,
    reference: &Reference,
    paces: &[Pace],
) -> Scenario {
    match reference {
        Reference::Preset(p) => preset_scenario(plan, scenario, *p, paces),
        Reference::Pinned { growth, paths } => {
            let mut sc = Scenario::new(plan);
            sc.horizon = scenario.horizon;
            sc.baselines = scenario.baselines.clone();
            sc.growth = growth.clone();
            sc.paths = paths.clone();
            sc
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::engine::{run, Verdict};
    use crate::core::reported::{paces, parse, ZHEJIANG_REPORTED_CSV};

    fn zj() -> (Plan, Vec<Pace>) {
        let plan = Plan::zhejiang().unwrap();
        let all = parse(&plan, ZHEJIANG_REPORTED_CSV).unwrap();
        let p = paces(&plan, &all);
        (plan, p)
    }

    #[test]
    fn presets_never_stack() {
        let (plan, paces) = zj();
        let start = Scenario::new(&plan);
        let a = preset_scenario(&plan, &start, Preset::Reported, &paces);
        let b = preset_scenario(&plan, &a, Preset::Trend, &paces);
        let direct = preset_scenario(&plan, &start, Preset::Trend, &paces);
        assert_eq!(b, direct, "trend after reported is trend alone");
        assert_eq!(active_preset(&plan, &b, &paces), Some(Preset::Trend));
        let mut hand = b.clone();
        hand.growth.insert("gdp".into(), 1.0);
        assert_eq!(active_preset(&plan, &hand, &paces), None);
    }

    #[test]
    fn a_lower_bound_never_sets_a_slider() {
        let (plan, paces) = zj();
        let g = preset_growth(&plan, &Scenario::new(&plan), Preset::Reported, &paces);
        assert!(!g.contains_key("base_stations_5g"), "{g:?}");
        // 8.535% on the pre-census vintage, rounded to 0.01
        assert_eq!(g.get("gdp"), Some(&8.54));
        assert_eq!(g.get("de_value_added"), Some(&12.74));
    }

    #[test]
    fn reported_pace_misses_the_headline_and_plan_pace_hits_every_target() {
        let (plan, paces) = zj();
        let start = Scenario::new(&plan);
        let rep = preset_scenario(&plan, &start, Preset::Reported, &paces);
        let r = run(&plan, &rep).unwrap();
        let de = r.get("de_share").unwrap();
        let a = match &de.status {
            Ok(crate::core::engine::Status::Assessed(a)) => a,
            other => panic!("{other:?}"),
        };
        // 46.8 × (1.1274 / 1.0854)^5 ≈ 56.6
        assert!((a.projected - 56.6).abs() < 0.1, "{}", a.projected);
        assert_eq!(a.verdict, Verdict::Miss);
        let plan_pace = preset_scenario(&plan, &start, Preset::PlanPace, &paces);
        let r = run(&plan, &plan_pace).unwrap();
        assert!(r.assessments().all(|(_, a)| a.verdict == Verdict::Hit));
        assert_eq!(Preset::from_key("plan"), Some(Preset::PlanPace));
        assert_eq!(Preset::from_key("x"), None);
    }

    // issue 7
    #[test]
    fn a_pinned_reference_keeps_its_growths_and_takes_the_readers_years() {
        let (plan, paces) = zj();
        let mut mine = Scenario::new(&plan);
        mine.growth.insert("gdp".into(), 3.0);
        mine.paths
            .entry("gdp".into())
            .or_default()
            .insert(2022, -1.0);
        let pinned = Reference::pin(&mine);
        let mut later = Scenario::new(&plan);
        later.horizon = plan.vision_year;
        let r = reference_scenario(&plan, &later, &pinned, &paces);
        assert_eq!(r.growth, mine.growth);
        assert_eq!(r.paths, mine.paths);
        assert_eq!(r.horizon, plan.vision_year, "the reader's horizon");
        assert_eq!(pinned.preset(), None);
        let d = reference_scenario(&plan, &later, &Reference::default(), &paces);
        assert_eq!(
            d,
            preset_scenario(&plan, &later, Preset::Reported, &paces),
            "the default reference is the reported pace"
        );
    }
}
