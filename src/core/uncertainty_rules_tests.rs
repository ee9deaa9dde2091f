//! Rules of the uncertainty model at their exact boundaries, where a
//! comparison's `>` and `>=` part: draws landing on a threshold.

use super::*;
use crate::core::engine::assess;
use crate::core::test_plan::{at_every_scale, edited, indicator_mut};

fn zj() -> Plan {
    Plan::zhejiang().unwrap()
}

fn with_target(id: &str, value: f64, comparator: &str) -> Plan {
    edited(|v| {
        let ind = indicator_mut(v, id);
        ind["target"]["value"] = value.into();
        ind["target"]["comparator"] = comparator.into();
        if comparator != "about" {
            ind["target"].as_object_mut().unwrap().remove("tolerance");
        }
    })
    .unwrap()
}

/// A target value whose [`threshold`] is exactly `c`, found by stepping one
/// float at a time from `c` less the slack.
fn value_with_threshold(c: f64, comparator: Comparator, year: u16) -> f64 {
    let start = match comparator {
        Comparator::Gt => c / (1.0 + 1e-9),
        _ => c / (1.0 - 1e-9),
    };
    (-400i64..400)
        .map(|k| f64::from_bits((start.to_bits() as i64 + k) as u64))
        .find(|&value| {
            let t = Target {
                year,
                value,
                comparator,
                tolerance: None,
                printed: None,
            };
            threshold(&t) == c
        })
        .unwrap_or_else(|| panic!("no target value with threshold {c}"))
}

/// `Outlook::joint` judges a relative level on its log offset `s` against
/// `cut = ln(θ/C)`: `s > cut` for a strict target, `s >= cut` otherwise,
/// as [`meets`] judges `C·e^s` against the target. With the threshold θ set
/// exactly to the central value C (so `cut` is 0) and a σ of a few
/// subnormal units (so that many draws' shocks round to exactly 0), a draw
/// landing exactly on the threshold is a miss for `gt` and a hit for `gte`:
/// the strict target's hit rate is lower by the share of such draws. Same
/// seed, same draws: the two plans differ only in the target.
#[test]
fn a_draw_exactly_on_the_threshold_misses_a_strict_target_only() {
    let id = "base_stations_5g";
    let base = zj();
    let s = Scenario::new(&base);
    let c = match assess(&base, &s, id).unwrap() {
        Status::Assessed(a) => a.projected,
        other => panic!("{other:?}"),
    };
    let year = base.indicator(id).unwrap().target.as_ref().unwrap().year;
    let stated = base.uncertainty.as_ref().unwrap().sigma(id).unwrap().value;
    // σ in natural units = scale × stated / 100: one smallest subnormal.
    let scale = Scale::new(f64::from_bits(1) * 100.0 / stated).unwrap();
    let rate = |comparator: Comparator, word: &str| {
        let plan = with_target(id, value_with_threshold(c, comparator, year), word);
        let t = plan.indicator(id).unwrap().target.clone().unwrap();
        assert_eq!(threshold(&t), c, "{word}: θ is the central value");
        assert_eq!(meets(c, &t), comparator == Comparator::Gte, "{word}");
        let s = Scenario::new(&plan);
        let o = Outlook::new(&plan, &s, scale).unwrap();
        assert!(o.series[plan.index_of(id).unwrap()].as_ref().unwrap().sigma > 0.0);
        let j = o.joint(2000, 11).unwrap();
        j.hit_rate[j.ids.iter().position(|i| i == id).unwrap()]
    };
    let (gt, gte) = (rate(Comparator::Gt, "gt"), rate(Comparator::Gte, "gte"));
    // The shocks are whole multiples of the smallest subnormal, symmetric
    // about 0: about a fifth of the draws (0.195 with this seed) land on 0
    // and count for `gte` only; the rest split evenly above and below.
    let ties = gte - gt;
    assert!(ties > 0.1 && ties < 0.3, "gte {gte} vs gt {gt}");
    assert!(
        (gt - (1.0 - gte)).abs() < 0.06,
        "above {gt}, below {}",
        1.0 - gte
    );
}

/// A pivot exactly [`PSD_SLACK`] below zero is rounding, a zero pivot; one
/// float further is a refusal. After a zero pivot, an entry exactly
/// `PSD_SLACK` from zero is rounding too; one float further is refused.
#[test]
fn cholesky_slack_is_inclusive() {
    let below = |x: f64| f64::from_bits(x.to_bits() + 1);
    assert_eq!(cholesky(&[-PSD_SLACK], 1), Some(vec![0.0]));
    assert_eq!(cholesky(&[below(-PSD_SLACK)], 1), None);
    assert!(below(-PSD_SLACK) < -PSD_SLACK);
    let zero_pivot = |off: f64| cholesky(&[0.0, off, off, 0.0], 2);
    assert_eq!(zero_pivot(PSD_SLACK), Some(vec![0.0; 4]));
    assert_eq!(zero_pivot(-PSD_SLACK), Some(vec![0.0; 4]));
    let above = f64::from_bits(PSD_SLACK.to_bits() + 1);
    assert_eq!(zero_pivot(above), None);
    assert_eq!(zero_pivot(-above), None);
}

/// `odds` picks the nearest fraction on the log-odds scale `ln(p/(1−p))`:
/// just below the log-odds midpoint of two neighbouring fractions it reads
/// as the lower one, just above as the upper one (on a plain or log scale
/// the midpoints lie elsewhere, most of all near 1).
#[test]
fn odds_split_neighbours_at_their_log_odds_midpoint() {
    let logit = |q: f64| (q / (1.0 - q)).ln();
    let logistic = |x: f64| 1.0 / (1.0 + (-x).exp());
    for w in FRACTIONS.windows(2) {
        let (a, b) = (w[0], w[1]);
        let la = logit(f64::from(a.0) / f64::from(a.1));
        let lb = logit(f64::from(b.0) / f64::from(b.1));
        let mid = (la + lb) / 2.0;
        let gap = (lb - la) * 1e-6;
        assert_eq!(
            odds(logistic(mid - gap)),
            Odds::About(a.0, a.1),
            "{a:?}|{b:?}"
        );
        assert_eq!(
            odds(logistic(mid + gap)),
            Odds::About(b.0, b.1),
            "{a:?}|{b:?}"
        );
    }
}

/// An additive level is not a percentage: above 100 it is neither held at
/// 100 when judged in the joint run nor in its fan. New key labs: 0 in
/// 2020, 50 a year, so 250 by 2025 against a target of 200.
#[test]
fn an_additive_level_above_100_is_not_held_at_100() {
    let id = "new_key_labs";
    let plan = with_target(id, 200.0, "gte");
    let mut s = Scenario::new(&plan);
    s.growth.insert(id.into(), 50.0);
    let o = Outlook::new(&plan, &s, Scale::ESTIMATED).unwrap();
    // 50 above the target, σ = 0.5 × √5 = 1.118 below it: certain.
    let c = o.chance(id).unwrap();
    assert_eq!((c.p, c.method), (1.0, Method::ClosedForm));
    let j = o.joint(2000, 3).unwrap();
    let k = j.ids.iter().position(|i| i == id).unwrap();
    assert_eq!(j.hit_rate[k], 1.0, "every draw near 250 hits 200");
    // The fan is centred on 250: 250 ± 1.118 × Φ⁻¹(0.975) = ± 2.1913.
    let fan = o.fan(id).unwrap();
    let q = fan.at(2025).unwrap();
    assert_eq!(q[3], 250.0);
    assert!(
        (q[6] - 252.1913).abs() < 1e-4 && (q[0] - 247.8087).abs() < 1e-4,
        "{q:?}"
    );
    // Near 0 the level is still held at 0: 0.1 a year is 0.5 by 2025.
    s.growth.insert(id.into(), 0.1);
    let o = Outlook::new(&plan, &s, Scale::ESTIMATED).unwrap();
    let q = *o.fan(id).unwrap().at(2025).unwrap();
    assert_eq!(q[0], 0.0, "{q:?}");
    assert!((q[3] - 0.5).abs() < 1e-12, "{q:?}");
}

fn target(value: f64, comparator: Comparator) -> Target {
    Target {
        year: 2025,
        value,
        comparator,
        tolerance: None,
        printed: None,
    }
}

/// A percentage is held at 100, so a target that 100 itself does not meet
/// cannot be hit: θ above 100, or θ exactly 100 for a strict target (V >
/// 100 is impossible). At θ = 100 a `gte` target, and anything unbounded,
/// still has a chance.
#[test]
fn a_percentage_cannot_pass_a_strict_100() {
    let gt100 = target(
        value_with_threshold(100.0, Comparator::Gt, 2025),
        Comparator::Gt,
    );
    assert_eq!(threshold(&gt100), 100.0);
    let normal = Dist::Normal {
        mean: 99.0,
        sd: 0.5,
        cap: Some(100.0),
    };
    let lognormal = Dist::LogNormal {
        ln_median: 99f64.ln(),
        sd: 0.005,
        cap: Some(100.0),
    };
    for d in [&normal, &lognormal] {
        assert_eq!(d.chance(&gt100, true).p, 0.0, "{d:?}");
        // unbounded, the same distribution passes 100 about 2.3% of the time
        let p = d.chance(&gt100, false).p;
        assert!(p > 0.02 && p < 0.03, "{d:?}: {p}");
        // one float lower, θ < 100 can be passed
        let below = f64::from_bits(gt100.value.to_bits() - 1);
        let p = d.chance(&target(below, Comparator::Gt), true).p;
        assert!(p > 0.02 && p < 0.03, "{d:?}: {p}");
    }
    // Φ((99 − (100 − 1e-7)) / 0.5) = Φ(−2.0000002) = 0.02275
    let p = normal.chance(&target(100.0, Comparator::Gte), true).p;
    assert!((p - 0.022750).abs() < 1e-6, "{p}");
    assert_eq!(odds(normal.chance(&gt100, true).p), Odds::Never);
}

/// A threshold at or below 0 is always reached (a level is never below 0):
/// exactly 1, in closed form, also where `ln θ` is undefined.
#[test]
fn a_threshold_at_or_below_zero_is_certain() {
    let lognormal = Dist::LogNormal {
        ln_median: 0.0,
        sd: 1.0,
        cap: None,
    };
    let normal = Dist::Normal {
        mean: 0.0,
        sd: 1.0,
        cap: None,
    };
    let zero = target(0.0, Comparator::Gte);
    assert!(threshold(&zero) < 0.0);
    // 1e-9 less its slack 1e-9 × max(1, 1e-9)
    let at_zero = target(crate::core::tolerance::COMPARE_REL, Comparator::Gte);
    assert_eq!(threshold(&at_zero), 0.0);
    for d in [&lognormal, &normal] {
        for t in [&zero, &at_zero] {
            let c = d.chance(t, false);
            assert_eq!((c.p, c.method), (1.0, Method::ClosedForm), "{d:?} {t:?}");
        }
    }
}

/// A Monte Carlo chance counts the draws that meet the target, with the
/// standard error `√(p(1 − p)/n)`: 3 of 10 draws, √(0.3 × 0.7 / 10).
#[test]
fn a_monte_carlo_chance_and_its_standard_error() {
    let draws: Vec<f64> = (1..=10).map(f64::from).collect();
    let c = Dist::Empirical(draws).chance(&target(8.0, Comparator::Gte), true);
    assert_eq!(c.p, 0.3);
    assert!(
        (c.standard_error - 0.144_913_767_461_894_4).abs() < 1e-15,
        "{c:?}"
    );
    assert_eq!(c.method, Method::MonteCarlo { draws: 10 });
}

/// The closed form holds while the central path keeps [`BOUND_Z`] = 5
/// standard deviations `σ√k` from the bounds in every year `k`: in log
/// terms for a relative percentage (`ln c + 5σ√k ≤ ln 100`; a path at 0
/// cannot approach 100), in points otherwise (`c − 5σ√k ≥ 0` and
/// `c + 5σ√k ≤ 100`). Each at its exact limit and just past it.
#[test]
fn the_closed_form_holds_to_five_standard_deviations_from_a_bound() {
    let path = |values: &[f64]| Path {
        start: 2020,
        values: values.to_vec(),
        saturated: None,
    };
    let up = |x: f64| x * (1.0 + 1e-9);
    let down = |x: f64| x * (1.0 - 1e-9);
    // relative, 60 after one year: σ ≤ (ln 100 − ln 60) / 5 = 0.102165
    let p = path(&[50.0, 60.0]);
    let limit = (100f64.ln() - 60f64.ln()) / BOUND_Z;
    assert!(within_bounds(true, &p, down(limit)));
    assert!(!within_bounds(true, &p, up(limit)));
    // in the second year the limit is lower by √2: (ln 100 − ln 70) / (5√2)
    let p = path(&[50.0, 50.0, 70.0]);
    let limit = (100f64.ln() - 70f64.ln()) / (BOUND_Z * 2f64.sqrt());
    assert!(within_bounds(true, &p, down(limit)));
    assert!(!within_bounds(true, &p, up(limit)));
    // a relative path at 0 stays at 0
    assert!(within_bounds(true, &path(&[0.0, 0.0]), 50.0));
    // points: 10 after one year, σ ≤ 10 / 5 = 2 (exactly 2 still holds)
    let p = path(&[50.0, 10.0]);
    assert!(within_bounds(false, &p, 2.0));
    assert!(!within_bounds(false, &p, up(2.0)));
    // points near 100: 90 after two years, σ ≤ 10 / (5√2)
    let p = path(&[50.0, 50.0, 90.0]);
    let limit = 10.0 / (BOUND_Z * 2f64.sqrt());
    assert!(within_bounds(false, &p, down(limit)));
    assert!(!within_bounds(false, &p, up(limit)));
    // a saturated path never
    let mut p = path(&[50.0, 50.0]);
    p.saturated = Some(crate::core::engine::Saturation {
        year: 2021,
        bound: crate::core::engine::Bound::Ceiling,
    });
    assert!(!within_bounds(false, &p, 0.0));
}

/// No growth moves a percentage past 100: a target that 100 does not meet
/// (θ > 100, or θ = 100 for a strict target) has no growth for any chance,
/// with or without uncertainty; a `gte` 100 has one.
#[test]
fn no_growth_passes_a_percentage_past_100() {
    let id = "one_stop_service";
    let gt100 = value_with_threshold(100.0, Comparator::Gt, 2025);
    for (value, word, some) in [
        (gt100, "gt", false),
        (100.0, "gt", false),
        (100.0, "gte", true),
    ] {
        let plan = with_target(id, value, word);
        let s = Scenario::new(&plan);
        for scale in [Scale::NONE, Scale::ESTIMATED] {
            let o = Outlook::new(&plan, &s, scale).unwrap();
            let g = o.growth_for_chance(id, 0.5).unwrap();
            assert_eq!(g.is_some(), some, "{word} {value} at {scale:?}: {g:?}");
        }
    }
}

/// The growth for a chance aims at the target value; only without
/// uncertainty is a strict target's growth nudged past its boundary
/// ([`STRICT_NUDGE`]): with σ > 0, `gt` and `gte` need the same growth.
#[test]
fn a_strict_target_is_nudged_only_without_uncertainty() {
    use crate::core::tolerance::STRICT_NUDGE;
    for id in ["base_stations_5g", "new_key_labs", "de_share"] {
        let value = zj().indicator(id).unwrap().target.as_ref().unwrap().value;
        let growth = |word: &str, scale: Scale| {
            let plan = with_target(id, value, word);
            let s = Scenario::new(&plan);
            let o = Outlook::new(&plan, &s, scale).unwrap();
            o.growth_for_chance(id, 0.8).unwrap().unwrap()
        };
        let (gt, gte) = (
            growth("gt", Scale::ESTIMATED),
            growth("gte", Scale::ESTIMATED),
        );
        assert_eq!(gt, gte, "{id}");
        let (gt, gte) = (growth("gt", Scale::NONE), growth("gte", Scale::NONE));
        assert_eq!(gt, gte + STRICT_NUDGE, "{id}");
    }
}

/// Without uncertainty the growth for any chance is the engine's required
/// growth (nudged for a strict target), also where the path at that growth
/// passes 100 after the target year (horizon 2035): no search is run for a
/// percentage whose chance is a step. An `about` target aims lower, at the
/// target less its tolerance. Points growth is the same division,
/// so it is equal to the bit; relative growth agrees to 1e-9.
#[test]
fn without_uncertainty_the_growth_for_a_chance_is_the_requirement() {
    use crate::core::engine::growth_to_hit;
    let plan = zj();
    let mut s = Scenario::new(&plan);
    s.horizon = plan.vision_year;
    let o = Outlook::new(&plan, &s, Scale::NONE).unwrap();
    let mut passing_100 = Vec::new();
    for (id, a) in o.run().assessments() {
        let ind = plan.indicator(id).unwrap();
        let t = ind.target.as_ref().unwrap();
        let want = a.required.map(|r| growth_to_hit(r, t));
        let got = o.growth_for_chance(id, 0.3).unwrap();
        if t.comparator == Comparator::About {
            // it aims at the target less its tolerance, lower than the
            // engine's requirement, which lands on the target itself
            assert!(got.unwrap() < want.unwrap(), "{id}: {got:?} vs {want:?}");
            continue;
        }
        match (ind.slider.as_ref().map(|s| s.mode), got, want) {
            (Some(GrowthMode::Points), Some(g), Some(w)) => {
                assert_eq!(g, w, "{id}");
                let mut at = s.clone();
                at.growth.insert(id.to_string(), g);
                let path = crate::core::engine::project(&plan, &at, id)
                    .unwrap()
                    .unwrap();
                if path.saturated.is_some() {
                    passing_100.push(id.to_string());
                }
            }
            (_, Some(g), Some(w)) => assert!((g - w).abs() < 1e-9, "{id}: {g} vs {w}"),
            (_, g, w) => assert_eq!(g, w, "{id}"),
        }
    }
    assert_eq!(passing_100, ["digitized_firms", "one_stop_service"]);
}
/// `one_stop_service` as a percentage on a relative slider (σ of the
/// `count` class, 10% a year), with target `value` (`gte`).
fn relative_percentage(value: f64) -> Plan {
    edited(|v| {
        let ind = indicator_mut(v, "one_stop_service");
        ind["slider"] = serde_json::json!({
            "mode": "relative", "min": -50.0, "max": 50.0, "step": 0.1, "default": 2.0,
            "prices": "not_money"
        });
        ind["target"] = serde_json::json!({"year": 2025, "value": value, "comparator": "gte"});
        for c in v["uncertainty"]["classes"].as_array_mut().unwrap() {
            let count = c["id"] == "count";
            let members = c["indicators"].as_array_mut().unwrap();
            members.retain(|m| m != "one_stop_service");
            if count {
                members.push("one_stop_service".into());
            }
        }
    })
    .unwrap()
}

/// Where a percentage's bounds bind, the growth for a chance is searched
/// on the seeded draws: the least growth (to [`GROWTH_BISECT`]) at which a
/// share `p` of them meet the target. The chance at that growth (the same
/// draws) is at least `p`, and just below it less. The values are pinned
/// to 1e-10 (the search's bracket decides where within 1e-7 it stops): a
/// points percentage inside the first bracket (guess ± 1), one whose guess
/// is more than 1 too low (the bracket widens upward), two near 0 (one
/// more than 1 too high, so it widens downward), and a
/// percentage on a relative slider (floor −100%), at σ and 4σ.
#[test]
fn the_searched_growth_for_a_chance_is_the_least_that_gives_it() {
    let cases: [(Plan, &str, f64, f64, f64); 7] = [
        (
            with_target("open_data", 2.0, "gte"),
            "open_data",
            4.0,
            0.001,
            -10.289154646572403,
        ),
        (zj(), "digitized_firms", 4.0, 0.8, 3.842106928703096),
        (
            with_target("internet_penetration", 99.9, "gte"),
            "internet_penetration",
            4.0,
            0.99,
            9.334614226827576,
        ),
        (
            with_target("open_data", 2.0, "gte"),
            "open_data",
            4.0,
            0.05,
            -5.321949726298311,
        ),
        (
            relative_percentage(90.0),
            "one_stop_service",
            1.0,
            0.8,
            6.608618564272716,
        ),
        (
            relative_percentage(90.0),
            "one_stop_service",
            4.0,
            0.05,
            -19.92138008448485,
        ),
        (
            relative_percentage(99.0),
            "one_stop_service",
            4.0,
            0.99,
            150.53901489137868,
        ),
    ];
    for (plan, id, scale, p, want) in &cases {
        let scale = Scale::new(*scale).unwrap();
        let s = Scenario::new(plan);
        let o = Outlook::new(plan, &s, scale).unwrap();
        let g = o.growth_for_chance(id, *p).unwrap().unwrap();
        assert!((g - want).abs() < 1e-10, "{id} {p}: {g} vs {want}");
        let chance_at = |g: f64| {
            let mut at = s.clone();
            at.growth.insert(id.to_string(), g);
            let c = Outlook::new(plan, &at, scale).unwrap().chance(id).unwrap();
            assert_eq!(
                c.method,
                Method::MonteCarlo {
                    draws: DEFAULT_DRAWS
                }
            );
            c.p
        };
        assert!(chance_at(g) >= *p, "{id} {p}: {}", chance_at(g));
        let below = chance_at(g - 2.0 * GROWTH_BISECT);
        assert!(below < *p, "{id} {p}: {below}");
    }
    // Every growth meets a target of 0: the search widens down to its
    // floor, −200 points a year, and stops there.
    let plan = with_target("open_data", 0.0, "gte");
    let s = Scenario::new(&plan);
    let o = Outlook::new(&plan, &s, Scale::ESTIMATED).unwrap();
    assert_eq!(o.growth_for_chance("open_data", 0.5).unwrap(), Some(-200.0));
}

/// `relative_growth` inverts `to = from·e^{years·ln(1 + g/100) − shift}`: a
/// target of 0 needs −100% (emptying), and a target that every growth
/// meets is given the least growth, as for any other. Each guard refuses
/// an input on its own: a baseline at or below 0, a negative target, no
/// years (which the formula alone would turn into a number).
#[test]
fn relative_growth_at_zero_and_its_guards() {
    // (to/from)^(1/years) − 1: 4 → 9 over 2 years is 50%
    let g = relative_growth(4.0, 9.0, 0.0, 2.0).unwrap();
    assert!((g - 50.0).abs() < 1e-12, "{g}");
    assert_eq!(relative_growth(4.0, 0.0, 0.0, 2.0), Some(-100.0));
    assert_eq!(relative_growth(4.0, 0.0, 1.5, 2.0), Some(-100.0));
    for (from, to, years) in [
        (-1.0, -1.0, 1.0),
        (-1.0, 0.0, 1.0),
        (0.0, 1.0, 1.0),
        (1.0, -1.0, 1.0),
        (2.0, 1.0, 0.0),
        (1.0, 1.0, -1.0),
    ] {
        assert_eq!(
            relative_growth(from, to, 0.0, years),
            None,
            "{from} {to} {years}"
        );
    }
    // A relative level with a target of 0: every growth hits it, the least
    // is −100%, with or without uncertainty.
    let plan = with_target("base_stations_5g", 0.0, "gte");
    let s = Scenario::new(&plan);
    for scale in [Scale::NONE, Scale::ESTIMATED] {
        let o = Outlook::new(&plan, &s, scale).unwrap();
        assert_eq!(o.chance("base_stations_5g").unwrap().p, 1.0);
        let g = o.growth_for_chance("base_stations_5g", 0.5).unwrap();
        assert_eq!(g, Some(-100.0), "{scale:?}");
    }
}

/// Every accessor of the uncertainty block returns the plan file's own value:
/// the rule, the fewest observations and pairs, and each class's id, mode,
/// σ, reasoning and members (issue 15: replaced by constants, none of them
/// was noticed).
#[test]
fn accessors_return_the_plan_files_values() {
    let plan = zj();
    let raw: serde_json::Value = serde_json::from_str(crate::core::builtin::ZHEJIANG_JSON).unwrap();
    let u = &raw["uncertainty"];
    let spec = plan.uncertainty.as_ref().unwrap();
    assert_eq!(spec.min_observations(), 3);
    assert_eq!(
        spec.min_observations() as u64,
        u["min_observations"].as_u64().unwrap()
    );
    assert_eq!(spec.min_pairs(), 5);
    assert_eq!(spec.min_pairs() as u64, u["min_pairs"].as_u64().unwrap());
    assert_eq!(spec.rule().en, u["rule"]["en"].as_str().unwrap());
    assert_eq!(spec.rule().zh, u["rule"]["zh"].as_str().unwrap());
    let classes = u["classes"].as_array().unwrap();
    assert_eq!(spec.classes().len(), classes.len());
    assert_eq!(spec.classes().len(), 5);
    for (c, r) in spec.classes().iter().zip(classes) {
        assert_eq!(c.id(), r["id"].as_str().unwrap());
        assert_eq!(c.sigma(), r["sigma"].as_f64().unwrap(), "{}", c.id());
        assert_eq!(c.reasoning().en, r["reasoning"]["en"].as_str().unwrap());
        let mode = match c.mode() {
            GrowthMode::Relative => "relative",
            GrowthMode::Points => "points",
            GrowthMode::Additive => "additive",
        };
        assert_eq!(mode, r["mode"].as_str().unwrap(), "{}", c.id());
        let ids: Vec<&str> = r["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_str().unwrap())
            .collect();
        assert!(!ids.is_empty());
        assert_eq!(c.indicators(), ids.as_slice(), "{}", c.id());
    }
}

/// Φ at its edges: 1 at +∞, 0 at −∞ and for NaN (a NaN must not slip
/// through as a chance), ½ at 0.
#[test]
fn phi_at_its_edges() {
    assert_eq!(phi(f64::INFINITY), 1.0);
    assert_eq!(phi(f64::NEG_INFINITY), 0.0);
    assert_eq!(phi(f64::NAN), 0.0);
    assert!((phi(0.0) - 0.5).abs() < 1e-12);
}

/// Each band's coverage is the share of outcomes it holds (0.5, 0.8,
/// 0.95), listed widest first.
#[test]
fn bands_cover_what_they_say() {
    assert_eq!(Band::Half.coverage(), 0.5);
    assert_eq!(Band::Eighty.coverage(), 0.8);
    assert_eq!(Band::NinetyFive.coverage(), 0.95);
    let covered: Vec<f64> = Band::ALL.iter().map(|b| b.coverage()).collect();
    assert_eq!(covered, vec![0.95, 0.8, 0.5], "widest first");
}

/// The nearest-rank quantile `v[⌈p n⌉ − 1]`, by hand on ten sorted draws:
/// the median is the 5th, the 0.91 quantile the 10th, and p at or below
/// 1/n the first.
#[test]
fn nearest_rank_by_hand() {
    let v: Vec<f64> = (1..=10).map(f64::from).collect();
    assert_eq!(nearest_rank(&v, 0.5), 5.0);
    assert_eq!(nearest_rank(&v, 0.51), 6.0);
    assert_eq!(nearest_rank(&v, 0.91), 10.0);
    assert_eq!(nearest_rank(&v, 1.0), 10.0);
    assert_eq!(nearest_rank(&v, 0.1), 1.0);
    assert_eq!(nearest_rank(&v, 0.0), 1.0);
    assert_eq!(nearest_rank(&[7.0], 0.5), 7.0);
}

/// Without uncertainty every value of a fan is a point, and the fan says
/// so: `Exact`, as `Outlook::method` announces (a `Point` counted as a
/// closed form would make every fan "closed form"). A Monte Carlo
/// distribution reports its draws.
#[test]
fn a_fan_without_uncertainty_is_exact() {
    let plan = zj();
    let s = Scenario::new(&plan);
    let o = Outlook::new(&plan, &s, Scale::NONE).unwrap();
    for id in ["gdp", "de_share", "base_stations_5g", "one_stop_service"] {
        assert_eq!(o.fan(id).unwrap().method, Method::Exact, "{id}");
        assert_eq!(o.method(id).unwrap(), Method::Exact, "{id}");
    }
    let o = Outlook::new(&plan, &s, Scale::ESTIMATED).unwrap();
    assert_eq!(o.fan("gdp").unwrap().method, Method::ClosedForm);
    assert_eq!(Dist::Point(3.0).method(), Method::Exact);
    assert_eq!(
        Dist::Empirical(vec![1.0, 2.0, 3.0]).method(),
        Method::MonteCarlo { draws: 3 }
    );
    let closed = Dist::Normal {
        mean: 1.0,
        sd: 1.0,
        cap: None,
    };
    assert_eq!(closed.method(), Method::ClosedForm);
}

/// The outlook keeps the scale it was made with.
#[test]
fn an_outlook_keeps_its_scale() {
    let plan = zj();
    let s = Scenario::new(&plan);
    for scale in [
        Scale::NONE,
        Scale::HALF,
        Scale::ESTIMATED,
        Scale::new(1.7).unwrap(),
    ] {
        assert_eq!(Outlook::new(&plan, &s, scale).unwrap().scale(), scale);
    }
}

/// A future of a relative level, by hand from the seed: year k's value is
/// the central value times `e^{σ(z₁ + … + z_k)}`, the `z` standard normal
/// draws of the seeded generator in order. (Its mirror `C·e^{−σΣz}` has the
/// same distribution, so only the draws themselves tell them apart.)
#[test]
fn a_future_by_hand_from_its_seed() {
    let plan = zj();
    let s = Scenario::new(&plan);
    let o = Outlook::new(&plan, &s, Scale::ESTIMATED).unwrap();
    for (id, relative) in [("base_stations_5g", true), ("new_key_labs", false)] {
        let i = plan.index_of(id).unwrap();
        let central = o.central(i).clone();
        let sigma = o.series(i).sigma;
        assert!(sigma > 0.0, "{id}");
        assert_eq!(o.series(i).relative, relative, "{id}");
        let f = &o.futures(id, 1, 9).unwrap()[0];
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(9);
        let mut sum = 0.0;
        assert_eq!(f.values[0], central.values[0]);
        for (k, (v, c)) in f.values.iter().zip(&central.values).enumerate().skip(1) {
            let z: f64 = rng.sample(StandardNormal);
            sum += sigma * z;
            let want = if relative { c * sum.exp() } else { c + sum };
            assert!(
                (v - want).abs() <= 1e-12 * want.abs().max(1.0),
                "{id} year {k}: {v} vs {want}"
            );
        }
    }
}

/// A fan says how it was computed, as `Outlook::method` announces: Monte
/// Carlo for a percentage whose bounds bind (its quantiles drawn year by
/// year), a closed form otherwise, exact without uncertainty.
#[test]
fn a_fan_says_how_it_was_computed() {
    let plan = zj();
    let s = Scenario::new(&plan);
    let mut monte_carlo = 0;
    for (scale, o) in at_every_scale(&plan, &s, 200) {
        for (id, _) in o.run().assessments() {
            let method = o.method(id).unwrap();
            assert_eq!(o.fan(id).unwrap().method, method, "{id} at {scale:?}");
            monte_carlo += usize::from(method == Method::MonteCarlo { draws: 200 });
        }
    }
    assert!(monte_carlo > 0, "no fan was drawn by Monte Carlo");
}

/// A future of a percentage is held within [0, 100] even where the closed
/// form holds (its central path keeps 5 standard deviations inside the
/// bounds) and a draw goes beyond them. `digitized_firms` at the largest
/// scale that keeps it closed: 5.03 standard deviations below 100 in 2025
/// (its nearest year to a bound). Seed 883727's first five standard normal
/// draws sum to 5.115·√5 (found by searching seeds from 0), so its first
/// future's 2025 value is above 100 before it is held.
#[test]
fn a_future_beyond_five_standard_deviations_is_held_at_100() {
    let plan = zj();
    let s = Scenario::new(&plan);
    let id = "digitized_firms";
    let i = plan.index_of(id).unwrap();
    let one = Outlook::new(&plan, &s, Scale::ESTIMATED).unwrap();
    let (path, sigma) = (one.series(i).path.clone(), one.series(i).sigma);
    // The least distance to a bound, in standard deviations at scale 1.
    let room = path
        .points()
        .skip(1)
        .map(|(y, c)| c.min(100.0 - c) / (sigma * f64::from(y - path.start).sqrt()))
        .fold(f64::INFINITY, f64::min);
    let scale = Scale::new(0.995 * room / BOUND_Z).unwrap();
    let o = Outlook::new(&plan, &s, scale).unwrap();
    assert!(o.series(i).closed, "closed at scale {scale:?}");
    let sigma = o.series(i).sigma;
    let seed = 883_727;
    // By hand: the walk without the bounds.
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
    let mut sum = 0.0;
    let unbounded: Vec<f64> = path
        .values
        .iter()
        .skip(1)
        .map(|c| {
            let z: f64 = rng.sample(StandardNormal);
            sum += sigma * z;
            c + sum
        })
        .collect();
    assert!(unbounded.iter().any(|v| *v > 100.0), "{unbounded:?}");
    let f = &o.futures(id, 1, seed).unwrap()[0];
    for (v, u) in f.values[1..].iter().zip(&unbounded) {
        assert_eq!(*v, u.clamp(0.0, 100.0));
    }
    let first = (path.start + 1..)
        .zip(&unbounded)
        .find(|(_, u)| **u >= 100.0);
    assert_eq!(
        f.saturated,
        Some(Saturation {
            year: first.unwrap().0,
            bound: Bound::Ceiling
        })
    );
    // Each future records the first year it is at a bound, if any: the
    // later futures of this seed stay inside.
    let futures = o.futures(id, 20, seed).unwrap();
    assert_eq!(futures[0], *f);
    for f in &futures {
        let at_bound = (f.start..)
            .zip(&f.values)
            .skip(1)
            .find(|(_, v)| **v <= 0.0 || **v >= 100.0)
            .map(|(year, v)| Saturation {
                year,
                bound: if *v <= 0.0 {
                    Bound::Floor
                } else {
                    Bound::Ceiling
                },
            });
        assert_eq!(f.saturated, at_bound);
    }
    assert!(futures.iter().any(|f| f.saturated.is_none()));
}

/// The trade-off lines use the scale in force: at half, 1.5 times and
/// double the stated σ, the 80% line gives the outlook's 80% at that scale,
/// and the band between the 50% and 80% lines widens with the scale.
#[test]
fn tradeoff_lines_follow_the_scale() {
    let plan = zj();
    let mut widths = Vec::new();
    for scale in [Scale::HALF, Scale::new(1.5).unwrap(), Scale::DOUBLE] {
        let t = tradeoff(&plan, "de_share", 5.0, scale).unwrap();
        let mut s = Scenario::new(&plan);
        s.growth.insert("gdp".into(), 5.0);
        s.growth.insert("de_value_added".into(), t.chance_80);
        let p = Outlook::new(&plan, &s, scale)
            .unwrap()
            .chance("de_share")
            .unwrap()
            .p;
        assert!((p - 0.8).abs() < 1e-6, "{scale:?}: {p}");
        let q = tradeoff_chance(&plan, "de_share", 5.0, t.chance_80, scale).unwrap();
        assert!((q - 0.8).abs() < 1e-6, "{scale:?}: {q}");
        widths.push(t.chance_80 - t.chance_50);
    }
    assert!(widths[0] < widths[1] && widths[1] < widths[2], "{widths:?}");
}

/// Only a percentage (or a ratio, in percent) is held at a bound: a
/// level's futures record no saturation, whatever their values (GDP's are
/// far above 100).
#[test]
fn a_levels_futures_are_never_saturated() {
    let plan = zj();
    let s = Scenario::new(&plan);
    let o = Outlook::new(&plan, &s, Scale::DOUBLE).unwrap();
    for id in ["gdp", "new_key_labs"] {
        let futures = o.futures(id, 50, 4).unwrap();
        assert!(futures.iter().all(|f| f.saturated.is_none()), "{id}");
    }
    let gdp = o.futures("gdp", 1, 4).unwrap();
    assert!(gdp[0].values.iter().all(|v| *v > 100.0));
}

/// Smart factories (relative, baseline 263 in 2020) with the values of
/// `rows` reported, as `estimate` reads them: the growth observations.
fn smart_factory_growths(rows: &[(u16, f64, ReportStatus)]) -> Vec<(u16, u16, f64)> {
    let plan = zj();
    let reported: Vec<Reported> = rows
        .iter()
        .map(|&(year, value, status)| {
            crate::core::reported::csv_tests::one("smart_factories", year, value, status)
        })
        .collect();
    let est = estimate(&plan, &reported).unwrap();
    let sf = est.sigmas.iter().find(|s| s.id == "smart_factories");
    sf.unwrap()
        .observations
        .iter()
        .map(|o| (o.from, o.to, o.growth))
        .collect()
}

/// The plan's baseline stands in for its year only where nothing is
/// reported for that year: a first release or a revision of the baseline
/// year is used instead (out of it, the first release; into it from a year
/// not revised, the revision, as no first release is given).
#[test]
fn a_reported_baseline_year_replaces_the_plans_baseline() {
    use ReportStatus::*;
    let close = |a: f64, b: f64| (a - b).abs() < 1e-9;
    // Nothing reported for 2020: the baseline, 263.
    let g = smart_factory_growths(&[(2021, 297.0, Reported)]);
    assert_eq!(g.len(), 1);
    assert!(close(g[0].2, 100.0 * (297.0f64 / 263.0).ln()), "{g:?}");
    // A first release of 2020: 270, not 263.
    let g = smart_factory_growths(&[(2020, 270.0, FirstRelease), (2021, 297.0, Reported)]);
    assert_eq!((g[0].0, g[0].1), (2020, 2021));
    assert!(close(g[0].2, 100.0 * (1.1f64).ln()), "{g:?}");
    // A revision of 2020 and a value for 2019: into 2020 the revision.
    let g = smart_factory_growths(&[(2019, 250.0, Reported), (2020, 270.0, Revised)]);
    assert_eq!((g[0].0, g[0].1), (2019, 2020));
    assert!(close(g[0].2, 100.0 * (270.0f64 / 250.0).ln()), "{g:?}");
}

/// A relative growth out of or into a zero has no logarithm: no
/// observation, and the years around it still give theirs.
#[test]
fn a_zero_gives_no_relative_observation() {
    use ReportStatus::Reported;
    let g = smart_factory_growths(&[
        (2021, 0.0, Reported),
        (2022, 300.0, Reported),
        (2023, 330.0, Reported),
    ]);
    assert_eq!(g.len(), 1, "{g:?}");
    assert_eq!((g[0].0, g[0].1), (2022, 2023));
    assert!((g[0].2 - 100.0 * 1.1f64.ln()).abs() < 1e-9);
}

/// The sample correlation by hand: x = 1..5, y = 2, 4, 5, 4, 5 have
/// means 3 and 4, Σdxdy = 6, Σdx² = 10, Σdy² = 6, so r = 6/√60 = 0.774597;
/// none where either is constant.
#[test]
fn sample_correlation_by_hand() {
    let x = [1.0, 2.0, 3.0, 4.0, 5.0];
    let y = [2.0, 4.0, 5.0, 4.0, 5.0];
    let r = sample_corr(&x, &y).unwrap();
    assert!((r - 6.0 / 60f64.sqrt()).abs() < 1e-12, "{r}");
    assert!((sample_corr(&y, &x).unwrap() - r).abs() < 1e-12);
    // Centred on the means: scaled and moved far from 0 (where the means
    // are not exact), the same r.
    let (xs, ys) = (x.map(|v| v / 10.0 + 1e8), y.map(|v| v / 10.0 + 1e8));
    let shifted = sample_corr(&xs, &ys).unwrap();
    assert!((shifted - r).abs() < 1e-12, "{shifted} vs {r}");
    let c = [2.0; 5];
    assert_eq!(sample_corr(&c, &y), None);
    assert_eq!(sample_corr(&x, &c), None);
    assert_eq!(sample_corr(&c, &c), None);
}

/// Each ratio's ρ is the correlation of its own numerator's and
/// denominator's growths: five reported years of GDP, the digital economy
/// and the core industries (grown by the factors below from the plan's
/// baselines) give five pairs each, and the two ratios different ρ.
#[test]
fn each_ratio_correlates_its_own_parts() {
    let plan = zj();
    let factors = [
        ("gdp", [1.10, 1.05, 1.07, 1.03, 1.08]),
        ("de_value_added", [1.12, 1.06, 1.10, 1.02, 1.09]),
        ("core_value_added", [1.05, 1.15, 1.01, 1.09, 1.04]),
    ];
    let mut reported = Vec::new();
    for (id, f) in &factors {
        let b = plan.indicator(id).unwrap().baseline.clone().unwrap();
        let mut v = b.value;
        for (k, g) in f.iter().enumerate() {
            v *= g;
            reported.push(Reported {
                indicator: id.to_string(),
                year: b.year + 1 + k as u16,
                value: v,
                status: ReportStatus::Reported,
                source: "s".into(),
                url: String::new(),
                note: String::new(),
            });
        }
    }
    let est = estimate(&plan, &reported).unwrap();
    let growth = |id: &str| -> Vec<f64> {
        let f = factors.iter().find(|(i, _)| *i == id).unwrap().1;
        f.iter().map(|g| 100.0 * g.ln()).collect()
    };
    for (ratio, n, d) in [
        ("de_share", "de_value_added", "gdp"),
        ("core_share", "core_value_added", "gdp"),
    ] {
        let r = est.rhos.iter().find(|r| r.ratio == ratio).unwrap();
        assert_eq!(r.pairs, 5, "{ratio}");
        let want = sample_corr(&growth(n), &growth(d)).unwrap();
        let got = r.rho.unwrap();
        assert!((got - want).abs() < 1e-9, "{ratio}: {got} vs {want}");
    }
    let rho = |ratio: &str| {
        let r = est.rhos.iter().find(|r| r.ratio == ratio).unwrap();
        r.rho.unwrap()
    };
    assert!((rho("de_share") - rho("core_share")).abs() > 0.1);
}
