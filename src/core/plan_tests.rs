//! One test per validation rule of the plan loader: a fixture that breaks
//! the rule (the error names the field and says what is wrong) and one at
//! the rule's boundary that still loads. Every fixture is the shipped seed
//! edited as JSON, or a small edit of it, and goes through `Plan::from_json`
//! only, so these tests hold whatever the loader's types look like inside.

use crate::core::plan::{Plan, PlanError};
use crate::core::test_plan::{indicator_mut as ind, SEED};
use serde_json::{json, Value};

/// The seed without its uncertainty block, whose own rules are tested in
/// `uncertainty_tests` (an edited id or slider would also fault there).
fn seed() -> Value {
    let mut v: Value = serde_json::from_str(SEED).expect("the seed is JSON");
    v.as_object_mut().unwrap().remove("uncertainty");
    v
}

/// Position of indicator `id` in the seed.
fn pos(id: &str) -> usize {
    seed()["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .position(|i| i["id"] == id)
        .unwrap_or_else(|| panic!("no `{id}` in the seed"))
}

fn load(edit: impl FnOnce(&mut Value)) -> Result<Plan, PlanError> {
    let mut v = seed();
    edit(&mut v);
    Plan::from_json(&v.to_string())
}

/// The seed with `edit` applied must load.
fn accepted(what: &str, edit: impl FnOnce(&mut Value)) -> Plan {
    load(edit).unwrap_or_else(|e| panic!("{what}: refused with {e}"))
}

/// The seed with `edit` applied must be refused at `path`, with `phrase`
/// in the message.
fn refused(what: &str, path: &str, phrase: &str, edit: impl FnOnce(&mut Value)) {
    let e = match load(edit) {
        Ok(_) => panic!("{what}: loaded, expected an error at {path}"),
        Err(e) => e,
    };
    assert_eq!(e.path, path, "{what}: {e}");
    let text = e.to_string();
    assert!(text.contains(phrase), "{what}: `{text}` lacks `{phrase}`");
    assert!(text.starts_with(&format!("{path}: ")), "{what}: `{text}`");
}

fn at(id: &str, field: &str) -> String {
    format!("indicators[{}].{field}", pos(id))
}

fn baseline_value(plan: &Plan, id: &str) -> f64 {
    plan.indicator(id)
        .and_then(|i| i.baseline.as_ref())
        .map(|b| b.value)
        .unwrap_or_else(|| panic!("{id} has a baseline"))
}

#[test]
fn only_format_1_is_known() {
    accepted("format 1", |_| {});
    for f in [0, 2] {
        refused("format", "format", "only format 1", |v| {
            v["format"] = f.into()
        });
    }
}

#[test]
fn errors_of_the_whole_file_have_an_empty_path() {
    // A missing field is named by its own path; a file that is no object
    // at all faults at the root, whose path is "".
    let e = Plan::from_json("{}").unwrap_err();
    assert_eq!(e.path, "format");
    let text = e.to_string();
    assert!(text.contains("missing"), "{text}");
    assert!(!text.starts_with(':') && !text.starts_with('.'), "{text}");
    let e = Plan::from_json("3").unwrap_err();
    assert_eq!(e.path, "");
    assert!(
        e.to_string().starts_with("must be an object, not a number"),
        "{e}"
    );
}

/// `base_year < target_year <= vision_year`; the seed has 2020, 2025, 2035.
#[test]
fn plan_years_must_be_in_order() {
    let msg = "base_year < target_year <= vision_year";
    refused("target = base", "target_year", msg, |v| {
        v["target_year"] = 2020.into()
    });
    refused("base after target", "target_year", msg, |v| {
        v["base_year"] = 2026.into()
    });
    refused("target after vision", "target_year", msg, |v| {
        v["target_year"] = 2036.into()
    });
    accepted("target = base + 1", |v| v["target_year"] = 2021.into());
    // Every target is for 2025, so a vision year of 2025 keeps them valid.
    accepted("target = vision", |v| v["vision_year"] = 2025.into());
    accepted("target = vision, both 2035", |v| {
        v["target_year"] = 2035.into()
    });
}

/// Ids use only a-z, 0-9 and `_`, and are not empty.
#[test]
fn ids_are_checked() {
    let msg = "ids use only a-z, 0-9 and _";
    let i = pos("invention_patents");
    for bad in ["", "Patents", "patents-2", "patents 2", "专利", "é"] {
        refused(bad, &at("invention_patents", "id"), msg, |v| {
            v["indicators"][i]["id"] = bad.into()
        });
        refused(bad, "categories[2].id", msg, |v| {
            v["categories"][2]["id"] = bad.into()
        });
    }
    // Each character class on its own, and all together.
    for good in ["x", "9", "_", "x_9_", "a0_z9"] {
        accepted(good, |v| v["indicators"][i]["id"] = good.into());
        accepted(good, |v| {
            let old = v["categories"][0]["id"].clone();
            v["categories"][0]["id"] = good.into();
            for ind in v["indicators"].as_array_mut().unwrap() {
                if ind["category"] == old {
                    ind["category"] = good.into();
                }
            }
        });
    }
}

#[test]
fn ids_are_unique_and_categories_known() {
    refused(
        "duplicate category",
        "categories[1].id",
        "duplicate id",
        |v| v["categories"][1]["id"] = v["categories"][0]["id"].clone(),
    );
    let i = pos("invention_patents");
    refused(
        "duplicate indicator",
        &at("invention_patents", "id"),
        "duplicate id",
        |v| v["indicators"][i]["id"] = "gdp".into(),
    );
    refused(
        "unknown category",
        &at("invention_patents", "category"),
        "unknown category `nowhere`",
        |v| ind(v, "invention_patents")["category"] = "nowhere".into(),
    );
    accepted("another known category", |v| {
        ind(v, "invention_patents")["category"] = "driver".into()
    });
}

/// A baseline may be for the base year (2020) or before it, not after.
#[test]
fn baseline_year_is_not_after_the_base_year() {
    refused(
        "2021",
        &at("digitized_firms", "baseline.year"),
        "must not be after the base year 2020",
        |v| ind(v, "digitized_firms")["baseline"]["year"] = 2021.into(),
    );
    accepted("2020", |_| {});
    accepted("2018", |v| {
        ind(v, "digitized_firms")["baseline"]["year"] = 2018.into()
    });
}

#[test]
fn a_baseline_has_a_value_or_an_implied_one() {
    refused(
        "both",
        &at("gdp", "baseline"),
        "give either value or implied, not both",
        |v| ind(v, "gdp")["baseline"]["value"] = 64000.0.into(),
    );
    refused(
        "neither",
        &at("invention_patents", "baseline.value"),
        "missing",
        |v| {
            ind(v, "invention_patents")["baseline"]
                .as_object_mut()
                .unwrap()
                .remove("value");
        },
    );
    let plan = accepted("value only (a level), implied only (gdp)", |_| {});
    assert_eq!(baseline_value(&plan, "invention_patents"), 6.5);
}

/// Levels: finite and not negative. Percentages and ratios: within [0, 100].
#[test]
fn baseline_values_are_in_range() {
    let level = "must be a finite number, not negative";
    let pct = "must be a number within [0, 100]";
    refused(
        "negative level",
        &at("invention_patents", "baseline.value"),
        level,
        |v| ind(v, "invention_patents")["baseline"]["value"] = (-0.5).into(),
    );
    let plan = accepted("a level far above 100", |v| {
        ind(v, "invention_patents")["baseline"]["value"] = 1e9.into()
    });
    assert_eq!(baseline_value(&plan, "invention_patents"), 1e9);
    refused(
        "negative percent",
        &at("rd_intensity", "baseline.value"),
        pct,
        |v| ind(v, "rd_intensity")["baseline"]["value"] = (-0.01).into(),
    );
    refused(
        "percent over 100",
        &at("rd_intensity", "baseline.value"),
        pct,
        |v| ind(v, "rd_intensity")["baseline"]["value"] = 100.01.into(),
    );
    // rd_intensity grows in points, so zero is a usable start.
    accepted("percent 0", |v| {
        ind(v, "rd_intensity")["baseline"]["value"] = 0.0.into()
    });
    accepted("percent 100", |v| {
        ind(v, "rd_intensity")["baseline"]["value"] = 100.0.into()
    });
    refused(
        "ratio over 100",
        &at("core_share", "baseline.value"),
        pct,
        |v| ind(v, "core_share")["baseline"]["value"] = 100.5.into(),
    );
    accepted("ratio 100", |v| {
        ind(v, "core_share")["baseline"]["value"] = 100.0.into()
    });
}

/// An implied baseline names a ratio whose denominator is this indicator
/// and whose own baseline and numerator's baseline are printed values;
/// the loader computes `numerator / (ratio / 100)`.
#[test]
fn implied_baselines_name_a_usable_ratio() {
    let path = at("gdp", "baseline.implied.share");
    let rule = "must name a ratio with this indicator as denominator";
    refused("unknown", &path, "unknown indicator `nowhere`", |v| {
        ind(v, "gdp")["baseline"]["implied"]["share"] = "nowhere".into()
    });
    refused("not a ratio", &path, rule, |v| {
        ind(v, "gdp")["baseline"]["implied"]["share"] = "rd_intensity".into()
    });
    // de_share's denominator is gdp, not core_value_added.
    refused(
        "another's denominator",
        &at("core_value_added", "baseline.implied.share"),
        rule,
        |v| {
            ind(v, "core_value_added")["baseline"] =
                json!({"year": 2020, "implied": {"share": "de_share"}})
        },
    );
    refused("the ratio has no baseline", &path, rule, |v| {
        ind(v, "de_share")["baseline"] = Value::Null
    });
    // The ratio's own baseline is implied: moved to the end, so that gdp
    // (now first) is checked before it.
    let first = "indicators[0].baseline.implied.share";
    refused("the ratio's baseline is implied", first, rule, |v| {
        let list = v["indicators"].as_array_mut().unwrap();
        let mut share = list.remove(pos("de_share"));
        share["baseline"] = json!({"year": 2020, "implied": {"share": "core_share"}});
        list.push(share);
    });
    // The numerator's baseline is implied: gdp (checked before
    // de_value_added) is refused first.
    refused("the numerator's baseline is implied", &path, rule, |v| {
        ind(v, "de_value_added")["baseline"] =
            json!({"year": 2020, "implied": {"share": "de_share"}})
    });
    // Through core_share instead: 7020 / (10.9 / 100) = 64403.669...
    let plan = accepted("through core_share", |v| {
        ind(v, "gdp")["baseline"]["implied"]["share"] = "core_share".into()
    });
    let gdp = baseline_value(&plan, "gdp");
    assert!((gdp - 7020.0 / 0.109).abs() < 1e-6, "{gdp}");
    // The seed: 30218 / (46.8 / 100) = 64568.376...
    let gdp = baseline_value(&accepted("seed", |_| {}), "gdp");
    assert!((gdp - 64568.376).abs() < 1e-3, "{gdp}");
}

/// The implied value must be a positive finite number: a ratio baseline of
/// 0 gives 30218 / 0 = inf.
#[test]
fn implied_values_are_positive_and_finite() {
    refused(
        "ratio 0",
        &at("gdp", "baseline.implied"),
        "the implied value is not a positive finite number",
        |v| ind(v, "de_share")["baseline"]["value"] = 0.0.into(),
    );
    // 30218 / (100 / 100) = 30218
    let plan = accepted("ratio 100", |v| {
        ind(v, "de_share")["baseline"]["value"] = 100.0.into()
    });
    assert_eq!(baseline_value(&plan, "gdp"), 30218.0);
}

#[test]
fn only_drivers_may_lack_a_target() {
    refused(
        "table row without a target",
        &at("rd_intensity", "target"),
        "only drivers may lack one",
        |v| ind(v, "rd_intensity")["target"] = Value::Null,
    );
    accepted("driver without a target (the seed)", |_| {});
    accepted("driver with a target", |v| {
        ind(v, "gdp")["target"] = json!({"year": 2025, "value": 1e5, "comparator": "gte"})
    });
}

/// A target's year lies after its baseline's year (the base year where
/// there is no baseline) and not after the vision year (2035).
#[test]
fn target_year_lies_after_the_baseline_and_within_the_vision() {
    let t = |v: &mut Value, id: &str, y: u16| ind(v, id)["target"]["year"] = y.into();
    refused(
        "2020 baseline, 2020 target",
        &at("digitized_firms", "target.year"),
        "must be after 2020 and not after 2035",
        |v| t(v, "digitized_firms", 2020),
    );
    accepted("2020 baseline, 2021 target", |v| {
        t(v, "digitized_firms", 2021)
    });
    // rd_intensity's baseline is a 2019 value, so a 2020 target is later.
    accepted("2019 baseline, 2020 target", |v| t(v, "rd_intensity", 2020));
    refused(
        "2019 baseline, 2019 target",
        &at("rd_intensity", "target.year"),
        "must be after 2019",
        |v| t(v, "rd_intensity", 2019),
    );
    // No baseline: from the base year.
    refused(
        "no baseline, 2020 target",
        &at("digital_trade", "target.year"),
        "must be after 2020",
        |v| t(v, "digital_trade", 2020),
    );
    accepted("no baseline, 2021 target", |v| t(v, "digital_trade", 2021));
    accepted("the vision year", |v| t(v, "digitized_firms", 2035));
    refused(
        "after the vision year",
        &at("digitized_firms", "target.year"),
        "not after 2035",
        |v| t(v, "digitized_firms", 2036),
    );
}

#[test]
fn target_values_are_in_range() {
    let tv = |v: &mut Value, id: &str, x: f64| ind(v, id)["target"]["value"] = x.into();
    let pct = "must be a number within [0, 100]";
    refused(
        "percent over 100",
        &at("rd_intensity", "target.value"),
        pct,
        |v| tv(v, "rd_intensity", 100.01),
    );
    accepted("percent 100", |v| tv(v, "rd_intensity", 100.0));
    accepted("percent 0", |v| tv(v, "rd_intensity", 0.0));
    refused(
        "negative percent",
        &at("rd_intensity", "target.value"),
        pct,
        |v| tv(v, "rd_intensity", -0.01),
    );
    refused(
        "ratio over 100",
        &at("de_share", "target.value"),
        pct,
        |v| tv(v, "de_share", 101.0),
    );
    accepted("level far above 100", |v| tv(v, "invention_patents", 1e6));
    refused(
        "negative level",
        &at("invention_patents", "target.value"),
        "must be a finite number, not negative",
        |v| tv(v, "invention_patents", -1.0),
    );
}

/// `about` needs a finite tolerance >= 0; `gte` and `gt` take none.
#[test]
fn only_about_targets_take_a_tolerance() {
    let tol = |v: &mut Value, id: &str, t: Value| ind(v, id)["target"]["tolerance"] = t;
    let need = "an `about` target needs a finite tolerance >= 0";
    accepted("about, tolerance 0", |v| tol(v, "de_share", 0.0.into()));
    refused(
        "about, negative",
        &at("de_share", "target.tolerance"),
        need,
        |v| tol(v, "de_share", (-0.5).into()),
    );
    refused(
        "about, none",
        &at("de_share", "target.tolerance"),
        need,
        |v| {
            ind(v, "de_share")["target"]
                .as_object_mut()
                .unwrap()
                .remove("tolerance");
        },
    );
    let only = "only an `about` target takes a tolerance";
    refused("gte", &at("rd_intensity", "target.tolerance"), only, |v| {
        tol(v, "rd_intensity", 1.0.into())
    });
    refused(
        "gt",
        &at("one_stop_service", "target.tolerance"),
        only,
        |v| tol(v, "one_stop_service", 0.0.into()),
    );
}

#[test]
fn ratios_are_derived_from_two_relative_levels() {
    refused(
        "a ratio with a slider",
        &at("de_share", "slider"),
        "a ratio is derived and takes no slider",
        |v| {
            let s = ind(v, "gdp")["slider"].clone();
            ind(v, "de_share")["slider"] = s;
        },
    );
    let part = |v: &mut Value, id: &str, field: &str, to: &str| {
        ind(v, id)["kind"]["ratio"][field] = to.into()
    };
    refused(
        "unknown denominator",
        &at("core_share", "kind.ratio.denominator"),
        "unknown indicator `nope`",
        |v| part(v, "core_share", "denominator", "nope"),
    );
    refused(
        "a percent numerator",
        &at("core_share", "kind.ratio.numerator"),
        "`rd_intensity` must be a level with a baseline",
        |v| part(v, "core_share", "numerator", "rd_intensity"),
    );
    refused(
        "a level numerator without a baseline",
        &at("core_share", "kind.ratio.numerator"),
        "`digital_trade` must be a level with a baseline",
        |v| part(v, "core_share", "numerator", "digital_trade"),
    );
    refused(
        "a percent denominator",
        &at("core_share", "kind.ratio.denominator"),
        "must be a level with a baseline",
        |v| part(v, "core_share", "denominator", "open_data"),
    );
    refused(
        "a numerator growing in points",
        &at("de_share", "kind.ratio.numerator"),
        "`de_value_added` must have a relative-growth slider",
        |v| ind(v, "de_value_added")["slider"]["mode"] = "points".into(),
    );
    refused(
        "a numerator without a slider",
        &at("de_share", "kind.ratio.numerator"),
        "must have a relative-growth slider",
        |v| ind(v, "de_value_added")["slider"] = Value::Null,
    );
    accepted("any relative level with a baseline", |v| {
        part(v, "core_share", "numerator", "core_revenue");
        part(v, "core_share", "denominator", "de_value_added");
    });
}

#[test]
fn levels_and_percentages_have_a_slider() {
    refused(
        "no slider",
        &at("invention_patents", "slider"),
        "missing",
        |v| ind(v, "invention_patents")["slider"] = Value::Null,
    );
}

fn slider(v: &mut Value, id: &str, s: Value) {
    ind(v, id)["slider"] = s;
}

/// `min < max`, `0 < step <= max - min`, `min <= default <= max`, all finite.
#[test]
fn slider_range_step_and_default() {
    let ip = "invention_patents";
    let s = |min: f64, max: f64, step: f64, default: f64| json!({"mode": "relative", "min": min, "max": max, "step": step, "default": default});
    refused(
        "min = max",
        &at(ip, "slider.max"),
        "need finite min < max",
        |v| slider(v, ip, s(10.0, 10.0, 0.1, 10.0)),
    );
    refused(
        "min > max",
        &at(ip, "slider.max"),
        "need finite min < max",
        |v| slider(v, ip, s(11.0, 10.0, 0.1, 10.0)),
    );
    // The step may span the whole range, -1..1: 2 = 1 - (-1).
    accepted("step = max - min", |v| {
        slider(v, ip, s(-1.0, 1.0, 2.0, 1.0))
    });
    let step = "must be > 0 and fit the range";
    refused("step > max - min", &at(ip, "slider.step"), step, |v| {
        slider(v, ip, s(-1.0, 1.0, 2.5, 0.0))
    });
    refused("step 0", &at(ip, "slider.step"), step, |v| {
        slider(v, ip, s(-1.0, 1.0, 0.0, 0.0))
    });
    refused("negative step", &at(ip, "slider.step"), step, |v| {
        slider(v, ip, s(-1.0, 1.0, -0.1, 0.0))
    });
    let default = "must lie within [min, max]";
    accepted("default = min", |v| slider(v, ip, s(-1.0, 1.0, 0.5, -1.0)));
    accepted("default = max", |v| slider(v, ip, s(-1.0, 1.0, 0.5, 1.0)));
    refused("default < min", &at(ip, "slider.default"), default, |v| {
        slider(v, ip, s(-1.0, 1.0, 0.5, -1.01))
    });
    refused("default > max", &at(ip, "slider.default"), default, |v| {
        slider(v, ip, s(-1.0, 1.0, 0.5, 1.01))
    });
}

/// Relative growth cannot go below -100%; a level grows relatively; a zero
/// baseline cannot grow relatively.
#[test]
fn slider_modes() {
    let ip = "invention_patents";
    let rel = |min: f64| json!({"mode": "relative", "min": min, "max": 10.0, "step": 0.1, "default": 0.0});
    accepted("relative from -100%", |v| slider(v, ip, rel(-100.0)));
    refused(
        "relative below -100%",
        &at(ip, "slider.min"),
        "relative growth cannot be below -100%",
        |v| slider(v, ip, rel(-100.5)),
    );
    // Points may go below -100: it is -100 percentage points.
    accepted("points from -150 on a percent", |v| {
        slider(
            v,
            "rd_intensity",
            json!({"mode": "points", "min": -150.0, "max": 5.0, "step": 0.05, "default": 0.15}),
        )
    });
    refused(
        "a level in points",
        &at(ip, "slider.mode"),
        "a level grows `relative` or `additive`",
        |v| ind(v, ip)["slider"]["mode"] = "points".into(),
    );
    accepted("a percent growing relatively", |v| {
        ind(v, "rd_intensity")["slider"]["mode"] = "relative".into()
    });
    refused(
        "a zero percent growing relatively",
        &at("rd_intensity", "baseline.value"),
        "a zero baseline cannot grow relatively",
        |v| {
            ind(v, "rd_intensity")["slider"]["mode"] = "relative".into();
            ind(v, "rd_intensity")["baseline"]["value"] = 0.0.into();
        },
    );
    refused(
        "a zero level",
        &at(ip, "baseline.value"),
        "a zero baseline cannot grow relatively",
        |v| ind(v, ip)["baseline"]["value"] = 0.0.into(),
    );
    accepted("a zero percent growing in points", |v| {
        ind(v, "rd_intensity")["baseline"]["value"] = 0.0.into()
    });
    accepted("a tiny level growing relatively", |v| {
        ind(v, ip)["baseline"]["value"] = 1e-9.into()
    });
}

/// A trend's growth is a number; JSON cannot spell a non-finite one, so the
/// parser refuses it before the rule does.
#[test]
fn trends_are_numbers() {
    let e = load(|v| ind(v, "core_value_added")["trend"]["growth"] = "fast".into()).unwrap_err();
    assert_eq!(e.path, at("core_value_added", "trend.growth"));
    let text = SEED.replacen("\"growth\": 15.2", "\"growth\": 1e400", 1);
    assert_ne!(text, SEED, "the seed spells the trend as expected");
    assert!(Plan::from_json(&text).is_err());
    let plan = accepted("a negative trend", |v| {
        ind(v, "core_value_added")["trend"]["growth"] = (-3.5).into()
    });
    let t = plan.indicator("core_value_added").unwrap().trend.as_ref();
    assert_eq!(t.map(|t| t.growth), Some(-3.5));
}

/// An English unit's scale is a positive finite number: 0 and below are
/// refused, the smallest positive float loads. JSON cannot spell infinity,
/// so that case goes through `Plan::new` with a spec made in code.
#[test]
fn an_english_units_scale_is_positive_and_finite() {
    let id = "base_stations_5g";
    let plan = accepted("the seed's scale", |_| {});
    let unit = plan.indicator(id).unwrap().en_unit.as_ref().unwrap();
    assert_eq!(unit.scale, 10000.0);
    for bad in [0.0, -0.0, -1.0] {
        refused("scale", &at(id, "en_unit.scale"), "positive finite", |v| {
            ind(v, id)["en_unit"]["scale"] = bad.into()
        });
    }
    let plan = accepted("the smallest positive scale", |v| {
        ind(v, id)["en_unit"]["scale"] = f64::from_bits(1).into()
    });
    let unit = plan.indicator(id).unwrap().en_unit.as_ref().unwrap();
    assert_eq!(unit.scale, f64::from_bits(1));
    for bad in [f64::INFINITY, f64::NAN] {
        let mut spec = crate::core::plan::PlanSpec::from_json(&seed().to_string()).unwrap();
        let i = spec.index_of(id).unwrap();
        spec.indicators[i].en_unit.as_mut().unwrap().scale = bad;
        let e = Plan::new(spec).unwrap_err();
        assert_eq!(
            e.to_string(),
            format!(
                "{}: must be a positive finite number",
                at(id, "en_unit.scale")
            )
        );
    }
}

/// A zero numerator implies a zero denominator: 0 / (48.6 / 100) = 0, which
/// is not positive. `Plan::check` lists it after the numerator's own fault
/// (a zero baseline cannot grow relatively), so a reader fixing one sees
/// the other too.
#[test]
fn an_implied_value_of_zero_is_listed_with_the_zero_it_comes_from() {
    let mut v = seed();
    ind(&mut v, "de_value_added")["baseline"]["value"] = 0.0.into();
    let got: Vec<String> = Plan::check(&v.to_string())
        .iter()
        .map(|e| e.to_string())
        .collect();
    assert_eq!(
        got,
        [
            format!(
                "{}: a zero baseline cannot grow relatively; use `additive` growth",
                at("de_value_added", "baseline.value")
            ),
            format!(
                "{}: the implied value is not a positive finite number",
                at("gdp", "baseline.implied")
            ),
        ]
    );
}
