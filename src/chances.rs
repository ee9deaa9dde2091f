//! What the page shows of the uncertainty around a scenario (issue 8): each
//! target's chance of being hit, each slider's σ in force, the growth for an
//! 80% chance, and the plan-wide figures, prepared once per scenario and
//! scale from [`crate::core::uncertainty::Outlook`]. Pure, tested natively.

use crate::core::engine::Scenario;
use crate::core::plan::Plan;
use crate::core::uncertainty::{
    odds, Band, Chance, Fan, Odds, Outlook, Scale, SigmaSource, DEFAULT_DRAWS, DEFAULT_SEED,
};
use crate::i18n::{fill, fmt_num, Lang};
use std::collections::HashMap;

/// The chance a growth is asked to give in "what it would take".
pub const WANTED_CHANCE: f64 = 0.8;

/// One target's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetChance {
    /// The chance of hitting it.
    pub chance: Chance,
    /// The constant growth of its slider that gives [`WANTED_CHANCE`], if any.
    pub growth_80: Option<f64>,
    /// Its fan: the 95%, 80% and 50% bands year by year, for the chart.
    pub bands: Vec<(u16, [(f64, f64); 3])>,
}

/// Everything the page shows of the uncertainty; empty at scale 0 or for a
/// plan that states none, so that the page is the deterministic one.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Chances {
    /// By target id.
    pub targets: HashMap<String, TargetChance>,
    /// σ in force (stated × scale) by slider id, in the slider's unit.
    pub sigma: HashMap<String, f64>,
    /// `Σ P(hit)` and the number of targets judged.
    pub expected: Option<(f64, usize)>,
    /// The share of seeded draws in which every target is hit.
    pub all: Option<f64>,
}

impl Chances {
    /// The figures for `scenario` of `plan` at `scale`; the joint chance
    /// from [`DEFAULT_DRAWS`] draws from [`DEFAULT_SEED`].
    pub fn new(plan: &Plan, scenario: &Scenario, scale: Scale) -> Chances {
        if scale.value() == 0.0 {
            return Chances::default();
        }
        let Ok(o) = Outlook::new(plan, scenario, scale) else {
            return Chances::default();
        };
        let targets = o
            .run()
            .assessments()
            .filter_map(|(id, _)| {
                let chance = o.chance(id).ok()?;
                let growth_80 = o.growth_for_chance(id, WANTED_CHANCE).ok().flatten();
                let bands = o.fan(id).map_or_else(|_| Vec::new(), |f| bands(&f));
                Some((
                    id.to_string(),
                    TargetChance {
                        chance,
                        growth_80,
                        bands,
                    },
                ))
            })
            .collect();
        let sigma = plan
            .indicators
            .iter()
            .filter(|i| i.slider.is_some())
            .filter_map(|i| Some((i.id.clone(), o.sigma(&i.id)?)))
            .collect();
        let joint = o.joint(DEFAULT_DRAWS, DEFAULT_SEED).ok();
        Chances {
            targets,
            sigma,
            expected: Some(o.expected_hits()),
            all: joint.map(|j| j.all),
        }
    }

    /// Whether there is anything to show.
    pub fn is_empty(&self) -> bool {
        self.targets.is_empty() && self.sigma.is_empty()
    }
}

/// The 95%, 80% and 50% bands of `fan`, year by year ([`Band::ALL`] order).
pub fn bands(fan: &Fan) -> Vec<(u16, [(f64, f64); 3])> {
    fan.points()
        .filter_map(|(y, _)| {
            let b = |k: Band| fan.band(y, k);
            Some((y, [b(Band::ALL[0])?, b(Band::ALL[1])?, b(Band::ALL[2])?]))
        })
        .collect()
}

/// A chance in words, e.g. "about 1 in 5".
pub fn odds_text(lang: Lang, p: f64) -> String {
    let s = lang.s();
    match odds(p) {
        Odds::Never => s.odds_never.to_string(),
        Odds::Certain => s.odds_certain.to_string(),
        Odds::UnderOneIn(n) => fill(s.odds_under, "n", n),
        Odds::OverAllButOneIn(n) => fill(&fill(s.odds_over, "k", n - 1), "n", n),
        Odds::About(k, n) => fill(&fill(s.odds_about, "k", k), "n", n),
    }
}

/// A chance as a percentage: whole percent, "<1%" and ">99%" near the ends.
pub fn percent(p: f64) -> String {
    if p > 0.0 && p < 0.005 {
        "<1%".into()
    } else if p < 1.0 && p > 0.995 {
        ">99%".into()
    } else {
        format!("{:.0}%", p * 100.0)
    }
}

/// The stated σ of slider `id` and where it comes from, in words.
pub fn sigma_source(plan: &Plan, lang: Lang, id: &str) -> Option<String> {
    let s = lang.s();
    let sig = plan.uncertainty.as_ref()?.sigma(id)?;
    Some(match sig.source {
        SigmaSource::Estimated {
            observations,
            period,
        } => fill(
            &fill(s.sigma_estimated, "n", observations),
            "period",
            period,
        ),
        SigmaSource::Class(c) => format!("{}: {}", s.sigma_class, lang.pick(c.reasoning())),
    })
}

/// The stated σ of `id`, as the card shows it before any scale.
pub fn stated_sigma(plan: &Plan, id: &str) -> Option<f64> {
    Some(plan.uncertainty.as_ref()?.sigma(id)?.value)
}

/// A σ for the card: `±x` with up to two decimals.
pub fn sigma_text(v: f64) -> String {
    format!("±{}", fmt_num((v * 100.0).round() / 100.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::engine::Verdict;

    fn zj() -> Plan {
        Plan::zhejiang().unwrap()
    }

    #[test]
    fn scale_zero_is_the_deterministic_page() {
        let plan = zj();
        let c = Chances::new(&plan, &Scenario::new(&plan), Scale::NONE);
        assert!(c.is_empty());
        assert_eq!((c.expected, c.all), (None, None));
    }

    #[test]
    fn every_judged_target_has_a_chance_and_the_plan_figures_agree() {
        let plan = zj();
        let sc = Scenario::new(&plan);
        let c = Chances::new(&plan, &sc, Scale::ESTIMATED);
        let run = crate::core::engine::run(&plan, &sc).unwrap();
        let judged: Vec<_> = run.assessments().collect();
        assert_eq!(c.targets.len(), judged.len());
        for (id, a) in judged {
            let t = &c.targets[id];
            assert!((0.0..=1.0).contains(&t.chance.p), "{id}");
            // Above the threshold on the central path: at least even odds.
            if a.verdict == Verdict::Hit {
                assert!(t.chance.p >= 0.5 - 1e-9, "{id} {}", t.chance.p);
            }
        }
        let (e, n) = c.expected.unwrap();
        assert_eq!(n, c.targets.len());
        assert!(e > 0.0 && e < n as f64);
        let all = c.all.unwrap();
        let min = c.targets.values().map(|t| t.chance.p).fold(1.0, f64::min);
        assert!(all <= min + 0.02, "all {all} ≤ the least chance {min}");
        assert!(c.sigma.values().all(|s| *s >= 0.0) && !c.sigma.is_empty());
        // Each fan nests around the central path, widest band first.
        for (id, t) in &c.targets {
            let a = run.get(id).unwrap();
            let Ok(crate::core::engine::Status::Assessed(a)) = &a.status else {
                continue;
            };
            assert!(!t.bands.is_empty(), "{id}");
            for (y, b) in &t.bands {
                let centre = a.path.at(*y).unwrap();
                assert!(
                    b[0].0 <= b[1].0 && b[1].0 <= b[2].0 && b[2].1 <= b[1].1 && b[1].1 <= b[0].1,
                    "{id} {y}"
                );
                assert!(
                    b[0].0 <= centre + 1e-6 && centre <= b[0].1 + 1e-6,
                    "{id} {y}"
                );
            }
        }
    }

    #[test]
    fn doubling_sigma_doubles_what_the_card_shows() {
        let plan = zj();
        let sc = Scenario::new(&plan);
        let one = Chances::new(&plan, &sc, Scale::ESTIMATED);
        let two = Chances::new(&plan, &sc, Scale::DOUBLE);
        for (id, s) in &one.sigma {
            assert!((two.sigma[id] - 2.0 * s).abs() < 1e-12, "{id}");
            assert_eq!(stated_sigma(&plan, id), Some(*s));
            assert!(sigma_source(&plan, Lang::En, id).is_some());
            assert!(sigma_source(&plan, Lang::Zh, id).is_some());
        }
    }

    #[test]
    fn the_growth_for_80_percent_gives_80_percent() {
        let plan = zj();
        let sc = Scenario::new(&plan);
        let c = Chances::new(&plan, &sc, Scale::ESTIMATED);
        let mut checked = 0;
        for (id, t) in &c.targets {
            let (Some(g), Some(slider)) = (t.growth_80, plan.slider_for(id)) else {
                continue;
            };
            let mut sc2 = sc.clone();
            sc2.growth.insert(slider.id.clone(), g);
            let o = Outlook::new(&plan, &sc2, Scale::ESTIMATED).unwrap();
            let p = o.chance(id).unwrap();
            assert!(
                (p.p - 0.8).abs() < 0.02 + 4.0 * p.standard_error,
                "{id} {}",
                p.p
            );
            checked += 1;
        }
        assert!(checked > 5);
    }

    #[test]
    fn chances_in_words() {
        assert_eq!(odds_text(Lang::En, 0.21), "about 1 in 5");
        assert_eq!(odds_text(Lang::Zh, 0.21), "约5分之1");
        assert_eq!(odds_text(Lang::En, 0.0), "no chance");
        assert_eq!(odds_text(Lang::En, 0.9999), "over 999 in 1000");
        assert_eq!(percent(0.214), "21%");
        assert_eq!(percent(0.001), "<1%");
        assert_eq!(percent(1.0), "100%");
        assert_eq!(sigma_text(1.234), "±1.23");
    }
}
