//! What the page shows of the uncertainty around a scenario (issue 8): each
//! target's chance of being hit, each slider's σ in force, the growth for an
//! 80% chance, and the plan-wide figures, prepared once per scenario and
//! scale from [`crate::core::uncertainty::Outlook`]. Pure, tested natively.

use crate::core::engine::Scenario;
use crate::core::plan::Plan;
use crate::core::uncertainty::{
    odds, Band, Chance, Fan, Odds, Outlook, Prepared, Scale, SigmaSource, DEFAULT_DRAWS,
    DEFAULT_SEED,
};
use crate::i18n::{fill, fmt_num, slider_unit, Lang};
use std::cell::{OnceCell, RefCell};
use std::rc::Rc;

/// The chance a growth is asked to give in "what it would take".
pub const WANTED_CHANCE: f64 = 0.8;

/// Monte Carlo draws while a slider moves: a tenth of [`DEFAULT_DRAWS`], so
/// that a step stays within a frame; the page redoes the figures with
/// [`DEFAULT_DRAWS`] once the slider rests.
pub const QUICK_DRAWS: usize = 1_000;

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

/// A target's growth for [`WANTED_CHANCE`] and its fan's bands, as kept.
type Detail = (Option<f64>, Vec<(u16, [(f64, f64); 3])>);

/// Everything the page shows of the uncertainty around one scenario; empty at scale 0 or for a
/// plan that states none, so that the page is the deterministic one.
///
/// Issue 10: only the σ in force and which targets are judged are computed when it is made
/// (one run of the engine); each figure is computed the first time a part of the page asks for
/// it, and kept. A slider's step makes a new one, and the parts far from the screen keep the one
/// of the reader's last rest, so a step computes what the parts on the screen show: the card in
/// view, not the 80% growth and fan of every target; the joint chance only if the summary is
/// near. Every figure is the one [`crate::core::uncertainty::Outlook`] gives for the same draws
/// and seed, whenever and in whatever order it is asked for.
#[derive(Debug, Default)]
pub struct Chances {
    /// The plan, scenario, what the outlook prepared of them at the scale, and the Monte Carlo
    /// draws the figures are for; `None` when empty.
    inputs: Option<(Rc<Plan>, Scenario, Prepared, usize)>,
    /// The targets judged, in the run's order.
    judged: Vec<String>,
    /// σ in force (stated × scale) of each slider that has one, in the slider's unit.
    sigma: Vec<(String, f64)>,
    /// Each judged target's chance (`None` until asked for), in `judged`'s order.
    chance: RefCell<Vec<Option<Option<Chance>>>>,
    /// Each judged target's growth for 80% and bands (`None` until asked for).
    detail: RefCell<Vec<Option<Detail>>>,
    expected: OnceCell<Option<(f64, usize)>>,
    all: OnceCell<Option<f64>>,
}

impl Chances {
    /// The figures for `scenario` of `plan` at `scale`, every Monte Carlo part (the joint
    /// chance, a percentage whose bounds bind) from [`DEFAULT_DRAWS`] draws from
    /// [`DEFAULT_SEED`].
    pub fn new(plan: Rc<Plan>, scenario: &Scenario, scale: Scale) -> Chances {
        Chances::with_draws(plan, scenario, scale, DEFAULT_DRAWS)
    }

    /// As [`Chances::new`] with `draws` Monte Carlo draws (at least 1); closed forms are the
    /// same whatever `draws`.
    pub fn with_draws(plan: Rc<Plan>, scenario: &Scenario, scale: Scale, draws: usize) -> Chances {
        if scale.value() == 0.0 {
            return Chances::default();
        }
        let Ok(o) = Outlook::new(&plan, scenario, scale) else {
            return Chances::default();
        };
        let judged: Vec<String> = o
            .run()
            .assessments()
            .map(|(id, _)| id.to_string())
            .collect();
        let sigma = plan
            .indicators
            .iter()
            .filter(|i| i.slider.is_some())
            .filter_map(|i| Some((i.id.clone(), o.sigma(&i.id)?)))
            .collect();
        let prepared = o.prepared();
        drop(o);
        Chances {
            inputs: Some((plan, scenario.clone(), prepared, draws.max(1))),
            chance: RefCell::new(vec![None; judged.len()]),
            detail: RefCell::new(vec![None; judged.len()]),
            judged,
            sigma,
            ..Chances::default()
        }
    }

    /// The outlook the figures come from, given to `f` (`None` when empty).
    fn with_outlook<R>(&self, f: impl FnOnce(&Outlook) -> R) -> Option<R> {
        let (plan, scenario, prepared, draws) = self.inputs.as_ref()?;
        let o = Outlook::again(plan, scenario, prepared)
            .and_then(|o| o.with_draws(*draws, DEFAULT_SEED))
            .ok()?;
        Some(f(&o))
    }

    /// The position of target `id` among those judged.
    fn position(&self, id: &str) -> Option<usize> {
        self.judged.iter().position(|j| j == id)
    }

    /// The chance of hitting target `id` ([`Outlook::chance`]); `None` for a target not judged
    /// or that the outlook cannot assess.
    pub fn chance(&self, id: &str) -> Option<Chance> {
        let k = self.position(id)?;
        if let Some(c) = self.chance.borrow()[k] {
            return c;
        }
        self.with_outlook(|o| self.keep_chance(o, k)).flatten()
    }

    /// The chance of the `k`-th target judged from `o`, kept.
    fn keep_chance(&self, o: &Outlook, k: usize) -> Option<Chance> {
        let c = o.chance(&self.judged[k]).ok();
        self.chance.borrow_mut()[k] = Some(c);
        c
    }

    /// Target `id`'s chance, the growth of its slider for [`WANTED_CHANCE`]
    /// ([`Outlook::growth_for_chance`]) and its fan's bands ([`Outlook::fan`]); `None` as for
    /// [`Chances::chance`].
    pub fn target(&self, id: &str) -> Option<TargetChance> {
        let k = self.position(id)?;
        if let Some((growth_80, bands)) = &self.detail.borrow()[k] {
            return Some(TargetChance {
                chance: self.chance(id)?,
                growth_80: *growth_80,
                bands: bands.clone(),
            });
        }
        self.with_outlook(|o| {
            let known = self.chance.borrow()[k];
            let chance = match known {
                Some(c) => c,
                None => self.keep_chance(o, k),
            }?;
            let growth_80 = o.growth_for_chance(id, WANTED_CHANCE).ok().flatten();
            let bands = o.fan(id).map_or_else(|_| Vec::new(), |f| bands(&f));
            self.detail.borrow_mut()[k] = Some((growth_80, bands.clone()));
            Some(TargetChance {
                chance,
                growth_80,
                bands,
            })
        })
        .flatten()
    }

    /// `Σ P(hit)` over the targets judged and their number: [`Outlook::expected_hits`], from the
    /// targets' chances ([`Chances::chance`], kept for the cards).
    pub fn expected(&self) -> Option<(f64, usize)> {
        *self.expected.get_or_init(|| {
            self.inputs.as_ref()?;
            // The chances not asked for yet, from one outlook.
            if self.chance.borrow().iter().any(Option::is_none) {
                self.with_outlook(|o| {
                    for k in 0..self.judged.len() {
                        if self.chance.borrow()[k].is_none() {
                            self.keep_chance(o, k);
                        }
                    }
                })?;
            }
            // Summed in the run's order, as `Outlook::expected_hits` sums them.
            let (mut sum, mut judged) = (0.0, 0);
            for c in self.chance.borrow().iter().flatten().flatten() {
                sum += c.p;
                judged += 1;
            }
            Some((sum, judged))
        })
    }

    /// The share of seeded draws in which every target is hit ([`Outlook::joint`]).
    pub fn all(&self) -> Option<f64> {
        *self.all.get_or_init(|| {
            let (_, _, _, draws) = self.inputs.as_ref()?;
            self.with_outlook(|o| o.joint(*draws, DEFAULT_SEED).ok().map(|j| j.all))
                .flatten()
        })
    }

    /// The σ in force of slider `id` (stated × scale), in the slider's unit.
    pub fn sigma(&self, id: &str) -> Option<f64> {
        self.sigma.iter().find(|s| s.0 == id).map(|s| s.1)
    }

    /// The σ in force of every slider that has one, with its id, in the plan's order.
    pub fn sigmas(&self) -> &[(String, f64)] {
        &self.sigma
    }

    /// The targets judged, in the run's order (each may still have no chance: see
    /// [`Chances::chance`]).
    pub fn judged(&self) -> &[String] {
        &self.judged
    }

    /// Whether there is anything to show.
    pub fn is_empty(&self) -> bool {
        self.judged.is_empty() && self.sigma.is_empty()
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

    fn zj() -> Rc<Plan> {
        Rc::new(Plan::zhejiang().unwrap())
    }

    /// Every judged target's figures, asked for in the run's order.
    fn targets(c: &Chances) -> Vec<(String, TargetChance)> {
        c.judged()
            .iter()
            .filter_map(|id| Some((id.clone(), c.target(id)?)))
            .collect()
    }

    #[test]
    fn scale_zero_is_the_deterministic_page() {
        let plan = zj();
        let c = Chances::new(plan.clone(), &Scenario::new(&plan), Scale::NONE);
        assert!(c.is_empty());
        assert_eq!((c.expected(), c.all()), (None, None));
        let run = crate::core::engine::run(&plan, &Scenario::new(&plan)).unwrap();
        assert!(run.assessments().all(|(id, _)| c.target(id).is_none()));
    }

    #[test]
    fn every_judged_target_has_a_chance_and_the_plan_figures_agree() {
        let plan = zj();
        let sc = Scenario::new(&plan);
        let c = Chances::new(plan.clone(), &sc, Scale::ESTIMATED);
        let run = crate::core::engine::run(&plan, &sc).unwrap();
        let judged: Vec<_> = run.assessments().collect();
        let all_targets = targets(&c);
        assert_eq!(all_targets.len(), judged.len());
        for (id, a) in judged {
            let t = c.target(id).unwrap();
            assert!((0.0..=1.0).contains(&t.chance.p), "{id}");
            // Above the threshold on the central path: at least even odds.
            if a.verdict == Verdict::Hit {
                assert!(t.chance.p >= 0.5 - 1e-9, "{id} {}", t.chance.p);
            }
        }
        let (e, n) = c.expected().unwrap();
        assert_eq!(n, all_targets.len());
        assert!(e > 0.0 && e < n as f64);
        // Summed from the targets' chances, it is the outlook's own figure, bit for bit, at both
        // numbers of draws the page uses.
        for draws in [QUICK_DRAWS, DEFAULT_DRAWS] {
            let o = Outlook::new(&plan, &sc, Scale::ESTIMATED)
                .and_then(|o| o.with_draws(draws, DEFAULT_SEED))
                .unwrap();
            let q = Chances::with_draws(plan.clone(), &sc, Scale::ESTIMATED, draws);
            assert_eq!(q.expected(), Some(o.expected_hits()), "{draws} draws");
        }
        let all = c.all().unwrap();
        let min = all_targets.iter().map(|t| t.1.chance.p).fold(1.0, f64::min);
        assert!(all <= min + 0.02, "all {all} ≤ the least chance {min}");
        assert!(c.sigmas().iter().all(|s| s.1 >= 0.0) && !c.sigmas().is_empty());
        // Each fan nests around the central path, widest band first.
        for (id, t) in &all_targets {
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
    fn each_figure_is_the_outlooks_whenever_and_in_whatever_order_it_is_asked_for() {
        // issue 10: figures are computed when first asked for. Asked for in the run's order, in
        // the reverse order, or after the plan-wide ones, each is the outlook's own, bit for
        // bit, at both numbers of draws the page uses, for the defaults and a moved slider.
        let plan = zj();
        let mut moved = Scenario::new(&plan);
        let slider = plan.indicators.iter().find(|i| i.slider.is_some()).unwrap();
        moved.growth.insert(
            slider.id.clone(),
            slider.slider.as_ref().unwrap().default + 1.5,
        );
        for sc in [Scenario::new(&plan), moved] {
            for draws in [QUICK_DRAWS, DEFAULT_DRAWS] {
                let o = Outlook::new(&plan, &sc, Scale::ESTIMATED)
                    .and_then(|o| o.with_draws(draws, DEFAULT_SEED))
                    .unwrap();
                let forward = Chances::with_draws(plan.clone(), &sc, Scale::ESTIMATED, draws);
                let backward = Chances::with_draws(plan.clone(), &sc, Scale::ESTIMATED, draws);
                let plan_wide_first =
                    Chances::with_draws(plan.clone(), &sc, Scale::ESTIMATED, draws);
                let all = plan_wide_first.all();
                let expected = plan_wide_first.expected();
                assert_eq!(all, Some(o.joint(draws, DEFAULT_SEED).unwrap().all));
                assert_eq!(expected, Some(o.expected_hits()));
                let mut ids: Vec<String> = o
                    .run()
                    .assessments()
                    .map(|(id, _)| id.to_string())
                    .collect();
                assert_eq!(forward.judged(), &ids[..]);
                let asked_forward: Vec<_> = ids.iter().map(|id| forward.target(id)).collect();
                ids.reverse();
                let mut asked_backward: Vec<_> = ids.iter().map(|id| backward.target(id)).collect();
                asked_backward.reverse();
                ids.reverse();
                assert_eq!(asked_forward, asked_backward);
                for (id, t) in ids.iter().zip(&asked_forward) {
                    let want = o.chance(id).ok().map(|chance| TargetChance {
                        chance,
                        growth_80: o.growth_for_chance(id, WANTED_CHANCE).ok().flatten(),
                        bands: o.fan(id).map_or_else(|_| Vec::new(), |f| bands(&f)),
                    });
                    assert_eq!(t, &want, "{id}, {draws} draws");
                    assert_eq!(
                        plan_wide_first.target(id),
                        want,
                        "{id} after the plan-wide figures"
                    );
                    assert_eq!(forward.chance(id), want.map(|w| w.chance), "{id}");
                }
                // Asked again, the figures kept are the same.
                assert_eq!(forward.expected(), expected);
                assert_eq!(backward.all(), all);
                assert_eq!(forward.target(&ids[0]), asked_forward[0]);
            }
        }
        // An id that is not a judged target has none.
        let c = Chances::new(plan.clone(), &Scenario::new(&plan), Scale::ESTIMATED);
        assert_eq!(
            (c.chance("no such id"), c.target("no such id")),
            (None, None)
        );
    }

    #[test]
    fn doubling_sigma_doubles_what_the_card_shows() {
        let plan = zj();
        let sc = Scenario::new(&plan);
        let one = Chances::new(plan.clone(), &sc, Scale::ESTIMATED);
        let two = Chances::new(plan.clone(), &sc, Scale::DOUBLE);
        for (id, s) in one.sigmas() {
            assert!((two.sigma(id).unwrap() - 2.0 * s).abs() < 1e-12, "{id}");
            assert_eq!(stated_sigma(&plan, id), Some(*s));
            assert!(sigma_source(&plan, Lang::En, id).is_some());
            assert!(sigma_source(&plan, Lang::Zh, id).is_some());
        }
    }

    #[test]
    fn the_growth_for_80_percent_gives_80_percent() {
        let plan = zj();
        let sc = Scenario::new(&plan);
        let c = Chances::new(plan.clone(), &sc, Scale::ESTIMATED);
        let mut checked = 0;
        for (id, t) in &targets(&c) {
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
    fn quick_figures_keep_the_closed_forms_and_come_near_the_full_ones() {
        let plan = zj();
        let sc = Scenario::new(&plan);
        let full = Chances::new(plan.clone(), &sc, Scale::ESTIMATED);
        let quick = Chances::with_draws(plan.clone(), &sc, Scale::ESTIMATED, QUICK_DRAWS);
        for (id, f) in &targets(&full) {
            let q = quick.target(id).unwrap();
            if f.chance.standard_error == 0.0 {
                assert_eq!(q.chance, f.chance, "{id}: a closed form");
            } else {
                let se = q.chance.standard_error.max(f.chance.standard_error);
                assert!((q.chance.p - f.chance.p).abs() < 4.0 * se + 1e-9, "{id}");
            }
        }
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

/// A ratio target's trade-off map, ready to draw, and its rows as text.
#[derive(Debug, Clone, PartialEq)]
pub struct Map {
    pub spec: crate::chart::tradeoff::TradeoffSpec,
    /// The numerator's and denominator's slider ids.
    pub numerator: String,
    pub denominator: String,
    /// Rows of the text alternative: `x`, exact, 50%, 80%.
    pub rows: Vec<[f64; 4]>,
}

/// The trade-off map of ratio target `id` for `scenario` at `scale`, with
/// points for the reader and for each preset that sets both sliders; `None`
/// for a target that is not a ratio of two sliders, or a plan with no
/// uncertainty block.
pub fn tradeoff_map(
    plan: &Plan,
    scenario: &Scenario,
    scale: Scale,
    id: &str,
    paces: &[crate::core::reported::Pace],
    lang: Lang,
) -> Option<Map> {
    use crate::chart::tradeoff::{MapPoint, TradeoffSpec};
    use crate::core::presets::{preset_scenario, Preset};
    use crate::core::uncertainty::tradeoff;
    let s = lang.s();
    let (num, den) = plan.ratio_of(id)?;
    let (gn, gd) = (scenario.growth_of(num)?, scenario.growth_of(den)?);
    let mut points = vec![MapPoint {
        label: s.tradeoff_you.into(),
        at: (gd, gn),
        reader: true,
    }];
    for (p, label) in [
        (Preset::PlanPace, s.preset_plan),
        (Preset::Reported, s.preset_reported),
        (Preset::Trend, s.preset_trend),
    ] {
        let sc = preset_scenario(plan, scenario, p, paces);
        // A preset that leaves the numerator alone says nothing about this
        // ratio (the plan gives no trend for it, say); the denominator falls
        // back to its default where the preset leaves it.
        if let (true, Some(y), Some(x)) = (
            sc.growth.contains_key(&num.id),
            sc.growth_of(num),
            sc.growth_of(den),
        ) {
            points.push(MapPoint {
                label: label.into(),
                at: (x, y),
                reader: false,
            });
        }
    }
    let xs = points.iter().map(|p| p.at.0);
    let (lo, hi) = xs.fold((gd - 3.0, gd + 3.0), |(a, b), x| (a.min(x), b.max(x)));
    let (lo, hi) = ((lo - 1.0).max(-90.0), hi + 1.0);
    let steps = 40;
    let lines: Vec<_> = (0..=steps)
        .filter_map(|k| {
            let x = lo + (hi - lo) * f64::from(k) / f64::from(steps);
            tradeoff(plan, id, x, scale).ok()
        })
        .collect();
    if lines.is_empty() {
        return None;
    }
    let ys = lines
        .iter()
        .flat_map(|p| [p.exact, p.chance_50, p.chance_80])
        .chain(points.iter().map(|p| p.at.1))
        .filter(|v| v.is_finite());
    let (ylo, yhi) = ys.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), y| {
        (a.min(y), b.max(y))
    });
    let pad = ((yhi - ylo) * 0.08).max(0.5);
    let line = |f: fn(&crate::core::uncertainty::TradeoffPoint) -> f64| {
        lines
            .iter()
            .map(|p| (p.denominator_growth, f(p)))
            .collect::<Vec<_>>()
    };
    let rows = lines
        .iter()
        .step_by(10)
        .map(|p| [p.denominator_growth, p.exact, p.chance_50, p.chance_80])
        .collect();
    let unit = |i: &crate::core::plan::Indicator| {
        format!("{} ({})", lang.pick(&i.name), slider_unit(lang, i))
    };
    let target = plan.indicator(id)?.target.as_ref()?;
    Some(Map {
        spec: TradeoffSpec {
            x_label: unit(den),
            y_label: unit(num),
            x_range: (lo, hi),
            y_range: ((ylo - pad).max(-99.0), yhi + pad),
            exact: line(|p| p.exact),
            chance_50: line(|p| p.chance_50),
            chance_80: line(|p| p.chance_80),
            exact_label: format!("{} ({})", s.tradeoff_exact, fmt_num(target.value)),
            chance_50_label: s.tradeoff_50.into(),
            chance_80_label: s.tradeoff_80.into(),
            region_label: s.tradeoff_region.into(),
            points,
            scale: 1.0,
        },
        numerator: num.id.clone(),
        denominator: den.id.clone(),
        rows,
    })
}

#[cfg(test)]
mod map_tests {
    use super::*;

    #[test]
    fn the_headline_map_has_the_reader_and_the_presets_and_lines_in_order() {
        let plan = Plan::zhejiang().unwrap();
        let sc = Scenario::new(&plan);
        let all = crate::core::builtin::reported_for(&plan);
        let paces = crate::core::reported::paces(&plan, &all);
        let m = tradeoff_map(&plan, &sc, Scale::ESTIMATED, "de_share", &paces, Lang::En).unwrap();
        assert_eq!(m.spec.points[0].label, "your scenario");
        assert!(m.spec.points.len() >= 3, "{:?}", m.spec.points);
        for r in &m.rows {
            // "60%左右" counts from 59: the 50% line lies below the exact one,
            // the 80% line above the 50% one.
            assert!(r[2] <= r[1] && r[2] < r[3], "{r:?}");
        }
        assert!(tradeoff_map(&plan, &sc, Scale::ESTIMATED, "gdp", &paces, Lang::En).is_none());
    }
}
