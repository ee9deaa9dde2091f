use super::*;

/// Targets for which the plan prints no baseline.
const NO_BASELINE: [&str; 4] = [
    "digital_trade",
    "mobile_office",
    "security_compliance",
    "eagle_firms",
];

fn zj() -> Plan {
    Plan::zhejiang().unwrap()
}

fn assessed(plan: &Plan, s: &Scenario, id: &str) -> Assessment {
    match assess(plan, s, id).unwrap() {
        Status::Assessed(a) => *a,
        other => panic!("{id}: {other:?}"),
    }
}

fn with_growth(plan: &Plan, pairs: &[(&str, f64)]) -> Scenario {
    let mut s = Scenario::new(plan);
    for (id, g) in pairs {
        s.growth.insert(id.to_string(), *g);
    }
    s
}

/// Required growth against a hand calculation, to 0.01 percentage points.
/// Relative: ((T/B)^(1/n) - 1) × 100. Points: (T - B) / n. n = 2025 - baseline year.
#[test]
fn required_growth_matches_hand_calculation() {
    let plan = zj();
    let s = Scenario::new(&plan);
    let hand = [
        ("rd_intensity", 0.1333),                  // (7.5 - 6.7) / 6, 2019 baseline
        ("invention_patents", 4.2402),             // (8 / 6.5)^(1/5) - 1
        ("hightech_firms", 7.9235),                // (12000 / 8196)^(1/5) - 1
        ("core_revenue", 9.7309),                  // (3.5 / 2.2)^(1/5) - 1
        ("software_revenue", 11.2714),             // (12000 / 7035)^(1/5) - 1
        ("labour_productivity", 5.7945),           // (22 / 16.6)^(1/5) - 1
        ("smart_factories", 30.6198),              // (1000 / 263)^(1/5) - 1
        ("digitized_firms", 2.34),                 // (80 - 68.3) / 5
        ("online_retail", 6.8278),                 // (3.2 / 2.3)^(1/5) - 1
        ("one_stop_service", 1.68),                // (90 - 81.6) / 5, the boundary of ">90"
        ("open_data", 2.8333),                     // (30 - 13) / 6, 2019 baseline
        ("internet_penetration", 0.6833),          // (85 - 80.9) / 6, 2019 baseline
        ("base_stations_5g", 25.9905),             // (20 / 6.3)^(1/5) - 1
        ("dc_racks", 21.0691),                     // (45 / 17.3)^(1/5) - 1
        ("industrial_internet_platforms", 7.3941), // (300 / 210)^(1/5) - 1
        ("firms_over_10bn", 9.8561),               // (40 / 25)^(1/5) - 1
        // Shares: numerator growth at GDP +7%/yr, GDP_2020 = 30218 / 0.468.
        ("de_share", 12.4514),   // (0.60 × GDP_2020 × 1.07^5 / 30218)^(1/5) - 1
        ("core_share", 14.1139), // (0.15 × GDP_2020 × 1.07^5 / 7020)^(1/5) - 1
    ];
    for (id, want) in hand {
        let got = required_growth(&plan, &s, id).unwrap().unwrap();
        assert!((got - want).abs() < 0.01, "{id}: engine {got}, hand {want}");
    }
    for id in NO_BASELINE {
        assert_eq!(
            required_growth(&plan, &s, id).unwrap(),
            None,
            "{id} needs a baseline"
        );
    }
}

#[test]
fn share_requirement_follows_gdp_growth() {
    let plan = zj();
    let s = with_growth(&plan, &[("gdp", 0.0)]);
    // (0.60 × 64568.38 / 30218)^(1/5) - 1 = 5.0948%
    let got = required_growth(&plan, &s, "de_share").unwrap().unwrap();
    assert!((got - 5.0948).abs() < 0.01, "{got}");
    let s = with_growth(&plan, &[("gdp", 0.0)]);
    let got = required_growth(&plan, &s, "core_share").unwrap().unwrap();
    assert!((got - 6.6485).abs() < 0.01, "{got}");
}

#[test]
fn gdp_growth_moves_both_shares() {
    let plan = zj();
    let slow = with_growth(&plan, &[("gdp", 3.0)]);
    let fast = with_growth(&plan, &[("gdp", 10.0)]);
    for id in ["de_share", "core_share"] {
        let a = assessed(&plan, &slow, id).projected;
        let b = assessed(&plan, &fast, id).projected;
        assert!(a > b + 1.0, "{id}: {a} vs {b}");
    }
}

#[test]
fn shares_start_from_the_printed_values() {
    let plan = zj();
    let s = Scenario::new(&plan);
    let de = assessed(&plan, &s, "de_share");
    assert!((de.baseline.1 - 46.8).abs() < 1e-9);
    let core = assessed(&plan, &s, "core_share");
    // 7020 / 64568.38 = 10.872%, printed rounded as 10.9.
    assert_eq!((core.baseline.1 * 10.0).round() / 10.0, 10.9);
}

#[test]
fn default_scenario_reproduces_hand_projection() {
    let plan = zj();
    let s = Scenario::new(&plan);
    // 30218 × 1.125^5 / (64568.38 × 1.07^5) = 60.1298%
    let de = assessed(&plan, &s, "de_share");
    assert!((de.projected - 60.1298).abs() < 1e-3, "{}", de.projected);
    assert_eq!(de.verdict, Verdict::Hit);
    // 6.3 × 1.26^5 = 20.0075
    let g5 = assessed(&plan, &s, "base_stations_5g");
    assert!((g5.projected - 20.0075).abs() < 1e-3, "{}", g5.projected);
    assert!((g5.margin - 0.0075).abs() < 1e-3);
    assert!((g5.margin_rel.unwrap() - 0.0075 / 20.0).abs() < 1e-4);
}

#[test]
fn baselines_from_2019_project_over_six_years() {
    let plan = zj();
    let s = with_growth(&plan, &[("rd_intensity", 0.1)]);
    let a = assessed(&plan, &s, "rd_intensity");
    assert_eq!(a.path.start, 2019);
    assert_eq!(a.path.values.len(), 7);
    assert!((a.projected - (6.7 + 6.0 * 0.1)).abs() < 1e-9);
}

#[test]
fn strict_target_needs_more_than_the_boundary() {
    let plan = zj();
    let at = assessed(
        &plan,
        &with_growth(&plan, &[("one_stop_service", 1.68)]),
        "one_stop_service",
    );
    assert!((at.projected - 90.0).abs() < 1e-9);
    assert_eq!(at.verdict, Verdict::Miss, "90 is not > 90");
    let t = plan
        .indicator("one_stop_service")
        .unwrap()
        .target
        .clone()
        .unwrap();
    let nudged = growth_to_hit(1.68, &t);
    let hit = assessed(
        &plan,
        &with_growth(&plan, &[("one_stop_service", nudged)]),
        "one_stop_service",
    );
    assert_eq!(
        hit.verdict,
        Verdict::Hit,
        "growth_to_hit passes the boundary"
    );
    let de = plan.indicator("de_share").unwrap().target.clone().unwrap();
    assert_eq!(
        growth_to_hit(12.5, &de),
        12.5,
        "only strict targets are nudged"
    );
    let above = assessed(
        &plan,
        &with_growth(&plan, &[("one_stop_service", 1.69)]),
        "one_stop_service",
    );
    assert_eq!(above.verdict, Verdict::Hit);
}

#[test]
fn about_target_counts_within_tolerance() {
    let plan = zj();
    let t = plan.indicator("de_share").unwrap().target.clone().unwrap();
    assert!(meets(59.0, &t), "60 左右 with tolerance 1 takes 59");
    assert!(meets(64.0, &t), "overshooting still reaches the goal");
    assert!(!meets(58.99, &t));
    // A growth that lands on 59.5% is a hit with a negative margin.
    let s = with_growth(&plan, &[("gdp", 7.0)]);
    let gdp5 = 30218.0 / 0.468 * 1.07f64.powi(5);
    let g = ((0.595 * gdp5 / 30218.0).powf(0.2) - 1.0) * 100.0;
    let mut s2 = s.clone();
    s2.growth.insert("de_value_added".into(), g);
    let a = assessed(&plan, &s2, "de_share");
    assert_eq!(a.verdict, Verdict::Hit);
    assert!((a.margin + 0.5).abs() < 1e-6);
}

#[test]
fn percentages_saturate_and_say_so() {
    let plan = zj();
    let up = assessed(
        &plan,
        &with_growth(&plan, &[("open_data", 20.0)]),
        "open_data",
    );
    assert_eq!(up.path.values.last().copied(), Some(100.0));
    assert_eq!(
        up.path.saturated,
        Some(Saturation {
            year: 2024,
            bound: Bound::Ceiling
        })
    );
    let down = assessed(
        &plan,
        &with_growth(&plan, &[("open_data", -5.0)]),
        "open_data",
    );
    assert_eq!(down.projected, 0.0);
    assert_eq!(
        down.path.saturated,
        Some(Saturation {
            year: 2022,
            bound: Bound::Floor
        })
    );
    let none = assessed(&plan, &Scenario::new(&plan), "open_data");
    assert_eq!(none.path.saturated, None);
}

#[test]
fn a_share_above_100_saturates() {
    let plan = zj();
    let s = with_growth(&plan, &[("gdp", -10.0), ("de_value_added", 30.0)]);
    let a = assessed(&plan, &s, "de_share");
    assert_eq!(a.projected, 100.0);
    assert_eq!(a.path.saturated.map(|x| x.bound), Some(Bound::Ceiling));
}

#[test]
fn percentages_can_grow_relatively_too() {
    let mut spec = zj().into_spec();
    let i = spec.index_of("open_data").unwrap();
    spec.indicators[i].slider.as_mut().unwrap().mode = GrowthMode::Relative;
    let plan = Plan::new(spec).unwrap();
    let a = assessed(
        &plan,
        &with_growth(&plan, &[("open_data", 10.0)]),
        "open_data",
    );
    assert!((a.projected - 13.0 * 1.1f64.powi(6)).abs() < 1e-9);
    // ((30/13)^(1/6) - 1) × 100 = 14.9555
    let r = required_growth(&plan, &Scenario::new(&plan), "open_data")
        .unwrap()
        .unwrap();
    assert!((r - 14.9555).abs() < 0.01, "{r}");
}

#[test]
fn missing_baseline_needs_one_and_a_supplied_one_projects() {
    let plan = zj();
    let mut s = Scenario::new(&plan);
    for id in NO_BASELINE {
        assert_eq!(
            assess(&plan, &s, id).unwrap(),
            Status::NeedsBaseline,
            "{id}"
        );
    }
    s.baselines.insert("digital_trade".into(), 5000.0);
    s.growth.insert("digital_trade".into(), 15.0);
    let a = assessed(&plan, &s, "digital_trade");
    assert_eq!(a.baseline, (2020, 5000.0));
    // ((10000/5000)^(1/5) - 1) × 100 = 14.8698
    assert!((a.required.unwrap() - 14.8698).abs() < 0.01);
    assert_eq!(a.verdict, Verdict::Hit);
}

#[test]
fn unusable_supplied_baselines_are_typed_errors() {
    let plan = zj();
    for (id, v) in [
        ("digital_trade", f64::NAN),
        ("digital_trade", -1.0),
        ("digital_trade", 0.0),
        ("mobile_office", 100.5),
        ("mobile_office", f64::INFINITY),
    ] {
        let mut s = Scenario::new(&plan);
        s.baselines.insert(id.into(), v);
        assert!(
            matches!(
                assess(&plan, &s, id),
                Err(ModelError::InvalidBaseline { .. })
            ),
            "{id} {v}"
        );
    }
    // Zero is fine where growth is in points.
    let mut s = Scenario::new(&plan);
    s.baselines.insert("mobile_office".into(), 0.0);
    assert!(assess(&plan, &s, "mobile_office").is_ok());
}

#[test]
fn bad_growth_is_a_typed_error() {
    let plan = zj();
    for g in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -100.01, -1e9] {
        let s = with_growth(&plan, &[("base_stations_5g", g)]);
        let e = assess(&plan, &s, "base_stations_5g").unwrap_err();
        assert!(
            matches!(e, ModelError::InvalidGrowth { year: None, .. }),
            "{g}: {e}"
        );
        assert!(!e.to_string().is_empty());
    }
    let s = with_growth(&plan, &[("open_data", f64::NAN)]);
    assert!(assess(&plan, &s, "open_data").is_err());
    // A driver's bad growth shows on the ratios built on it, not as a panic.
    let s = with_growth(&plan, &[("gdp", f64::NAN)]);
    assert!(matches!(
        assess(&plan, &s, "de_share"),
        Err(ModelError::InvalidGrowth { .. })
    ));
    let run = run(&plan, &s).unwrap();
    assert!(
        run.get("base_stations_5g").unwrap().status.is_ok(),
        "others still run"
    );
    let mut s = Scenario::new(&plan);
    s.paths
        .entry("gdp".into())
        .or_default()
        .insert(2022, -150.0);
    assert!(matches!(
        assess(&plan, &s, "gdp"),
        Err(ModelError::InvalidGrowth {
            year: Some(2022),
            ..
        })
    ));
}

#[test]
fn minus_100_percent_empties_a_level() {
    let plan = zj();
    let a = assessed(
        &plan,
        &with_growth(&plan, &[("base_stations_5g", -100.0)]),
        "base_stations_5g",
    );
    assert_eq!(a.projected, 0.0);
    assert_eq!(a.progress, Progress::Regression);
    let s = with_growth(&plan, &[("gdp", -100.0)]);
    assert!(matches!(
        assess(&plan, &s, "de_share"),
        Err(ModelError::ZeroDenominator { year: 2021, .. })
    ));
}

#[test]
fn overflow_is_an_error() {
    let plan = zj();
    let s = with_growth(&plan, &[("base_stations_5g", 1e306)]);
    assert!(matches!(
        assess(&plan, &s, "base_stations_5g"),
        Err(ModelError::Overflow { .. })
    ));
}

#[test]
fn horizon_runs_to_2035_and_no_further() {
    let plan = zj();
    let mut s = Scenario::new(&plan);
    s.horizon = 2035;
    let a = assessed(&plan, &s, "base_stations_5g");
    assert_eq!(a.path.end(), 2035);
    assert!((a.projected - 20.0075).abs() < 1e-3, "still judged in 2025");
    s.horizon = 2036;
    assert!(matches!(run(&plan, &s), Err(ModelError::Horizon { .. })));
    s.horizon = 2024;
    assert!(matches!(
        project(&plan, &s, "gdp"),
        Err(ModelError::Horizon { .. })
    ));
}

#[test]
fn per_year_path_overrides_single_years() {
    let plan = zj();
    let base = Scenario::new(&plan);
    let mut s = base.clone();
    s.paths.entry("gdp".into()).or_default().insert(2022, -2.0);
    let p0 = project(&plan, &base, "gdp").unwrap().unwrap();
    let p1 = project(&plan, &s, "gdp").unwrap().unwrap();
    assert_eq!(p0.at(2021), p1.at(2021));
    let ratio = p1.at(2022).unwrap() / p1.at(2021).unwrap();
    assert!((ratio - 0.98).abs() < 1e-12);
    let ratio = p1.at(2023).unwrap() / p1.at(2022).unwrap();
    assert!((ratio - 1.07).abs() < 1e-12, "default growth resumes");
    // A slower GDP path lowers the DE growth needed for 60%.
    let r0 = required_growth(&plan, &base, "de_share").unwrap().unwrap();
    let r1 = required_growth(&plan, &s, "de_share").unwrap().unwrap();
    assert!(r1 < r0);
    let years = growth_by_year(&plan, &s, "gdp");
    assert_eq!(years.get(&2022), Some(&-2.0));
    assert_eq!(years.get(&2021), Some(&7.0));
}

#[test]
fn first_hit_year() {
    let plan = zj();
    let fast = assessed(
        &plan,
        &with_growth(&plan, &[("base_stations_5g", 50.0)]),
        "base_stations_5g",
    );
    assert_eq!(fast.first_hit, Some(2023), "6.3 × 1.5^3 = 21.3");
    let slow = assessed(
        &plan,
        &with_growth(&plan, &[("base_stations_5g", 10.0)]),
        "base_stations_5g",
    );
    assert_eq!(slow.first_hit, None);
    let mut s = with_growth(&plan, &[("base_stations_5g", 10.0)]);
    s.horizon = 2035;
    let later = assessed(&plan, &s, "base_stations_5g");
    assert_eq!(later.verdict, Verdict::Miss);
    assert_eq!(
        later.first_hit,
        Some(2033),
        "6.3 × 1.1^13 = 21.9; 1.1^12 gives 19.8"
    );
}

#[test]
fn progress_classes_follow_the_un_thresholds() {
    assert_eq!(Progress::of(1.2), Progress::OnTrack);
    assert_eq!(Progress::of(0.95), Progress::OnTrack);
    assert_eq!(Progress::of(0.9499), Progress::Moderate);
    assert_eq!(Progress::of(0.5), Progress::Moderate);
    assert_eq!(Progress::of(0.4999), Progress::Marginal);
    assert_eq!(Progress::of(0.1), Progress::Marginal);
    assert_eq!(Progress::of(0.0999), Progress::Stagnation);
    assert_eq!(Progress::of(0.0), Progress::Stagnation);
    assert_eq!(Progress::of(-0.01), Progress::Regression);
    let plan = zj();
    // 5G at 15%/yr: 6.3 × 1.15^5 = 12.672; (12.672 - 6.3) / (20 - 6.3) = 0.465
    let a = assessed(
        &plan,
        &with_growth(&plan, &[("base_stations_5g", 15.0)]),
        "base_stations_5g",
    );
    assert!(
        (a.progress_ratio - 0.4651).abs() < 1e-3,
        "{}",
        a.progress_ratio
    );
    assert_eq!(a.progress, Progress::Marginal);
    let z = assessed(
        &plan,
        &with_growth(&plan, &[("base_stations_5g", 0.0)]),
        "base_stations_5g",
    );
    assert_eq!(z.progress, Progress::Stagnation);
}

#[test]
fn tally_counts_hits_of_assessed_targets() {
    let plan = zj();
    let s = Scenario::new(&plan);
    let r = run(&plan, &s).unwrap();
    let (hit, total) = r.tally();
    let needs = r.needing_baseline().count();
    assert!(r.needing_baseline().any(|id| id == "digital_trade"));
    let drivers = plan
        .indicators
        .iter()
        .filter(|i| i.target.is_none())
        .count();
    assert_eq!(total + needs + drivers, plan.indicators.len());
    assert_eq!(hit, total, "every default is the plan pace rounded up");
    let slow = with_growth(&plan, &[("base_stations_5g", 0.0)]);
    assert_eq!(run(&plan, &slow).unwrap().tally(), (hit - 1, total));
}

/// Every slider at its min and at its max, one at a time and all together,
/// to 2035: every projection is finite and in bounds, and nothing errs.
#[test]
fn input_matrix_is_finite_and_in_bounds() {
    let plan = zj();
    let sliders: Vec<(&str, f64, f64)> = plan
        .indicators
        .iter()
        .filter_map(|i| i.slider.as_ref().map(|s| (i.id.as_str(), s.min, s.max)))
        .collect();
    let mut scenarios = Vec::new();
    for &(id, lo, hi) in &sliders {
        for g in [lo, hi] {
            scenarios.push(with_growth(&plan, &[(id, g)]));
        }
    }
    for pick in [0, 1] {
        let all: Vec<(&str, f64)> = sliders
            .iter()
            .map(|&(id, lo, hi)| (id, [lo, hi][pick]))
            .collect();
        scenarios.push(with_growth(&plan, &all));
    }
    for mut s in scenarios {
        for ind in &plan.indicators {
            if ind.baseline.is_none() && ind.slider.is_some() {
                let v = if ind.kind == Kind::Percent {
                    50.0
                } else {
                    100.0
                };
                s.baselines.insert(ind.id.clone(), v);
            }
        }
        for horizon in [2025, 2035] {
            s.horizon = horizon;
            for o in run(&plan, &s).unwrap().outcomes {
                let status = o.status.unwrap_or_else(|e| panic!("{}: {e}", o.id));
                let path = match status {
                    Status::Projected(p) => p,
                    Status::Assessed(a) => {
                        assert!(
                            a.progress_ratio.is_finite() && a.margin.is_finite(),
                            "{}",
                            o.id
                        );
                        if let Some(r) = a.required {
                            assert!(r.is_finite(), "{}", o.id);
                        }
                        a.path
                    }
                    Status::NeedsBaseline => panic!("{} was given a baseline", o.id),
                };
                assert_eq!(path.end(), horizon);
                let pct = !matches!(plan.indicator(&o.id).unwrap().kind, Kind::Level);
                for v in &path.values {
                    assert!(v.is_finite() && *v >= 0.0, "{}: {v}", o.id);
                    assert!(!pct || *v <= 100.0, "{}: {v}", o.id);
                }
            }
        }
    }
}

/// Property tests; native only (proptest needs an OS random source).
#[cfg(not(target_arch = "wasm32"))]
mod props {
    use super::*;
    use crate::core::tolerance::REQUIRED_HIT_REL;
    use proptest::prelude::*;

    fn target_ids(plan: &Plan) -> Vec<String> {
        plan.indicators
            .iter()
            .filter(|i| i.target.is_some() && i.baseline.is_some())
            .map(|i| i.id.clone())
            .collect()
    }

    proptest! {
        /// Projecting at the required growth lands on the target value within
        /// REQUIRED_HIT_REL, whatever the GDP growth.
        #[test]
        fn projecting_at_required_growth_hits(gdp in -10.0f64..20.0, idx in 0usize..100) {
            let plan = zj();
            let ids = target_ids(&plan);
            let id = &ids[idx % ids.len()];
            let mut s = with_growth(&plan, &[("gdp", gdp)]);
            let ind = plan.indicator(id).unwrap();
            let req = required_growth(&plan, &s, id).unwrap().unwrap();
            let slider_id = match &ind.kind {
                Kind::Ratio { numerator, .. } => numerator.clone(),
                _ => id.clone(),
            };
            s.growth.insert(slider_id, req);
            let a = assessed(&plan, &s, id);
            let t = ind.target.as_ref().unwrap().value;
            prop_assert!((a.projected - t).abs() <= REQUIRED_HIT_REL * t.max(1.0), "{} {} vs {}", id, a.projected, t);
            if ind.target.as_ref().unwrap().comparator != Comparator::Gt {
                prop_assert_eq!(a.verdict, Verdict::Hit);
            }
        }

        /// Any finite growth above -100% gives finite, bounded paths or a typed error.
        #[test]
        fn any_growth_is_finite_or_an_error(g in -100.0f64..1e4, idx in 0usize..100) {
            let plan = zj();
            let sliders: Vec<&Indicator> = plan.indicators.iter().filter(|i| i.slider.is_some()).collect();
            let ind = sliders[idx % sliders.len()];
            let mut s = with_growth(&plan, &[(ind.id.as_str(), g)]);
            s.horizon = 2035;
            for o in run(&plan, &s).unwrap().outcomes {
                if let Ok(Status::Assessed(a)) = &o.status {
                    prop_assert!(a.path.values.iter().all(|v| v.is_finite() && *v >= 0.0));
                }
            }
        }
    }
}
