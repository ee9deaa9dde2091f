//! Fuzzing as a test suite: generated links, saved states, scenario files,
//! plan files, reported-values CSV and charts, each checked for no panic,
//! bounded work, and refusals that change nothing.
//!
//! `cargo test` runs a few thousand cases of each. The long run:
//!
//! ```sh
//! PLANSIM_FUZZ_CASES=100000 cargo test --release --test fuzz
//! ```
//!
//! Work is bounded by counting, not by timing: a counting allocator measures
//! the bytes each decoder allocates, which must stay linear in the size of
//! its input, and charts must be handed an axis range for which plotters'
//! tick loop ends ([`chart::is_safe_range`]).
//!
//! `state.rs`/`export.rs`/`ui`; run them with `-- --ignored`.
#![cfg(not(target_arch = "wasm32"))]

use plansim::chart::{self, ChartSpec};
use plansim::core::engine::{self, Scenario, Status};
use plansim::core::plan::{GrowthMode, Kind, Plan};
use plansim::core::reported;
use plansim::export::{self, ScenarioFile};
use plansim::i18n::Lang;
use plansim::state::{self, State};
use proptest::prelude::*;
use proptest::test_runner::Config;
use serde_json::{json, Value};
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::OnceLock;
use std::time::Instant;

// ---------------------------------------------------------------------------
// Counting: bytes allocated by this thread, the measure of work.

struct Counting;

thread_local! {
    static ALLOCATED: Cell<u64> = const { Cell::new(0) };
}

fn count(bytes: usize) {
    let _ = ALLOCATED.try_with(|a| a.set(a.get().saturating_add(bytes as u64)));
}

// SAFETY: every call is forwarded unchanged to the system allocator; the
// counter is a const-initialised thread-local that never allocates.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count(layout.size());
        unsafe { System.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count(layout.size());
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count(new_size);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

/// Runs `f` and returns its result with the bytes it allocated.
fn allocated<T>(f: impl FnOnce() -> T) -> (T, u64) {
    let before = ALLOCATED.with(Cell::get);
    let out = f();
    (out, ALLOCATED.with(Cell::get) - before)
}

/// The most a decoder may allocate for `input_len` bytes: linear, with room
/// for a few scenario copies per byte and a fixed start-up cost. Quadratic
/// decoding of 20,000 parts (issue 12) allocates gigabytes, far above it.
fn linear_budget(input_len: usize) -> u64 {
    2048 * input_len as u64 + (4 << 20)
}

/// Longest text a reader is shown about one refused input, once phase 2 cuts
/// echoed input to a short excerpt and caps the count of notices.
const SHOWN_BUDGET: usize = 8 << 10;

// ---------------------------------------------------------------------------
// Set-up.

/// Cases per property: `PLANSIM_FUZZ_CASES`, else `default`.
fn cases(default: u32) -> u32 {
    std::env::var("PLANSIM_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn config(default: u32) -> Config {
    Config {
        cases: cases(default),
        max_shrink_iters: 2000,
        ..Config::default()
    }
}

fn plan() -> &'static Plan {
    static PLAN: OnceLock<Plan> = OnceLock::new();
    PLAN.get_or_init(|| {
        Plan::from_json(plansim::core::builtin::PLAN_FILES[0].text).expect("the seed plan loads")
    })
}

fn ids() -> Vec<String> {
    plan().indicators.iter().map(|i| i.id.clone()).collect()
}

/// Nothing in `sc` is out of the model's bounds, and the engine runs it.
fn assert_valid(plan: &Plan, sc: &Scenario) -> Result<(), TestCaseError> {
    prop_assert!(
        (plan.target_year..=plan.vision_year).contains(&sc.horizon),
        "horizon {}",
        sc.horizon
    );
    let growths = sc.growth.iter().chain(
        sc.paths
            .iter()
            .flat_map(|(id, p)| p.values().map(move |g| (id, g))),
    );
    for (id, g) in growths {
        let ind = plan.indicator(id);
        prop_assert!(ind.is_some(), "unknown id {id} applied");
        let slider = ind.and_then(|i| i.slider.as_ref());
        prop_assert!(
            slider.is_some(),
            "growth applied to {id}, which has no slider"
        );
        prop_assert!(g.is_finite(), "{id}: growth {g}");
        prop_assert!(g.abs() <= state::MAX_TYPED_GROWTH, "{id}: growth {g}");
        if slider.map(|s| s.mode) == Some(GrowthMode::Relative) {
            prop_assert!(*g >= -100.0, "{id}: growth {g}");
        }
    }
    for (id, years) in &sc.paths {
        for y in years.keys() {
            prop_assert!(
                plan.base_year < *y && *y <= plan.vision_year,
                "{id}: year {y}"
            );
        }
    }
    for id in sc.baselines.keys() {
        let ind = plan.indicator(id);
        prop_assert!(ind.is_some(), "baseline for unknown id {id}");
        if let Some(ind) = ind {
            prop_assert!(
                engine::baseline_of(plan, sc, ind).is_ok(),
                "{id}: baseline {:?}",
                sc.baselines.get(id)
            );
        }
    }
    prop_assert!(engine::run(plan, sc).is_ok());
    Ok(())
}

/// The chart the page draws for `id` under `sc`, if it draws one.
fn chart_of(plan: &Plan, sc: &Scenario, id: &str) -> Option<ChartSpec> {
    let Ok(Status::Assessed(a)) = engine::assess(plan, sc, id) else {
        return None;
    };
    let t = plan.indicator(id)?.target.as_ref()?;
    Some(ChartSpec {
        y_label: "unit".into(),
        path: a.path.points().collect(),
        target: Some((t.year, t.value)),
        path_label: "projection".into(),
        target_label: "target".into(),
        reported: vec![],
        reported_label: "reported".into(),
        scale: 1.0,
        bands: vec![],
        bands_label: String::new(),
        reference: vec![],
        reference_label: String::new(),
        threshold: t.tolerance.map(|d| t.value - d),
        lower_label: "more than".into(),
        focus: Some(t.year),
    })
}

/// Draws `spec` as the page and the SVG export do; the range plotters gets
/// must be one whose ticks are computed in bounded steps.
fn draws(spec: &ChartSpec, w: u32, h: u32) -> Result<(), TestCaseError> {
    let (lo, hi) = chart::y_range(spec);
    prop_assert!(chart::is_safe_range(lo, hi), "unsafe axis {lo}..{hi}");
    let svg = chart::to_svg(spec, w, h);
    prop_assert!(svg.is_ok(), "{svg:?}");
    let svg = svg.unwrap_or_default();
    prop_assert!(svg.starts_with("<svg"), "{}", &svg[..svg.len().min(80)]);
    prop_assert!(svg.trim_end().ends_with("</svg>"));
    prop_assert!(
        !svg.contains("NaN") && !svg.contains("inf"),
        "non-finite number in SVG"
    );
    prop_assert_eq!(svg.matches("<text").count(), svg.matches("</text>").count());
    Ok(())
}

// ---------------------------------------------------------------------------
// Generators.

/// Number text as links, files and typing produce it, extremes included.
fn number_text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (-200i32..2000).prop_map(|v| v.to_string()),
        3 => (-1e4f64..1e4).prop_map(|v| v.to_string()),
        2 => any::<f64>().prop_map(|v| v.to_string()),
        1 => any::<f64>().prop_map(|v| format!("{v:e}")),
        3 => prop::sample::select(vec![
            "0", "-0", "1e308", "-1e308", "1.7e308", "1.8e308", "4e-7", "1e-300",
            "5e-324", "NaN", "nan", "inf", "-inf", "infinity", "", " ", "abc",
            "６．５", "－３", "6,5", "0x10", "1_000", "+7", ".5", "5.", "1e", "--1",
            "99999999999999999999999999999999999999",
        ])
        .prop_map(String::from),
        1 => "[0-9]{300,400}",
    ]
}

/// Year text: plausible years, edges of u16, and junk.
fn year_text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (2015u16..2040).prop_map(|y| y.to_string()),
        2 => any::<u16>().prop_map(|y| y.to_string()),
        1 => prop::sample::select(vec!["", "-1", "65536", "99999", "2e3", "x", "2025.0"])
            .prop_map(String::from),
    ]
}

/// An indicator id: one of the plan's, or not.
fn id_text() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => prop::sample::select(ids()),
        1 => prop::sample::select(vec!["nope", "", "gdp.x", "__proto__", "GDP", "中文", "g"])
            .prop_map(String::from),
        1 => "[a-z_]{0,12}",
    ]
}

fn percent_encode(s: &str) -> String {
    s.bytes().map(|b| format!("%{b:02X}")).collect()
}

/// One `&`-separated part of a link or saved state.
fn part() -> impl Strategy<Value = String> {
    let kv = prop_oneof![
        5 => (id_text(), number_text()).prop_map(|(id, v)| format!("g.{id}={v}")),
        3 => (id_text(), number_text()).prop_map(|(id, v)| format!("b.{id}={v}")),
        3 => (id_text(), year_text(), number_text())
            .prop_map(|(id, y, v)| format!("p.{id}.{y}={v}")),
        2 => year_text().prop_map(|y| format!("h={y}")),
        // issue 7: the reference, as a preset key or a pinned scenario
        2 => (id_text(), number_text()).prop_map(|(id, v)| format!("cmp.g.{id}={v}")),
        1 => (id_text(), year_text(), number_text())
            .prop_map(|(id, y, v)| format!("cmp.p.{id}.{y}={v}")),
        1 => prop::sample::select(vec!["reported", "plan", "trend", "pinned", "junk", "", "PLAN", "plan.x"])
            .prop_map(|k| format!("cmp={k}")),
        2 => prop::sample::select(vec!["zh", "en", "fr", "ZH", "zh-CN", "en-GB", "", "%E4%B8%AD"])
            .prop_map(|l| format!("lang={l}")),
        1 => prop::sample::select(vec!["v=1", "v=2", "embed=de_share", "x", "=", "==", "g.=1",
            "g..=1", "p.gdp=1", "b=1", "%", "%2", "%zz", "%FF%FE", "#", "g.gdp=1=2"])
            .prop_map(String::from),
        1 => "[^&]{0,24}",
    ];
    (kv, 0u8..10).prop_map(|(p, how)| match how {
        0 => percent_encode(&p),
        1 => p.replace('.', "%2E").replace('_', "%5F"),
        _ => p,
    })
}

/// A whole fragment: parts joined by `&`, with stray separators.
fn fragment() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(part(), 0..40),
        any::<bool>(),
        prop::sample::select(vec!["&", "&", "&", "&&"]),
    )
        .prop_map(|(parts, hash, sep)| {
            let body = parts.join(sep);
            if hash {
                format!("#{body}")
            } else {
                body
            }
        })
}

fn lang() -> impl Strategy<Value = Lang> {
    prop_oneof![Just(Lang::Zh), Just(Lang::En)]
}

/// Random JSON of a small depth, numbers at the extremes included.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|v| json!(v)),
        any::<f64>().prop_map(|v| json!(v)),
        prop::sample::select(vec![0.0, -1.0, 1e308, -1e308, 4e-7, 65535.0, 2025.0, 100.5])
            .prop_map(|v| json!(v)),
        "[a-z_]{0,10}".prop_map(Value::String),
        prop::sample::select(ids()).prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{0,8}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A change to a text: cut, insert or remove a few bytes.
#[derive(Debug, Clone)]
enum Edit {
    Truncate(usize),
    Insert(usize, String),
    Remove(usize, usize),
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    let edit = prop_oneof![
        1 => any::<usize>().prop_map(Edit::Truncate),
        3 => (any::<usize>(), prop::sample::select(vec!["\"", ",", "\n", "\r\n", "{", "}", "[",
            "]", ":", "\\", "\u{FEFF}", "-", "e", "9", "\"\"", "null", "中"]))
            .prop_map(|(at, s)| Edit::Insert(at, s.to_string())),
        2 => (any::<usize>(), 1usize..8).prop_map(|(at, n)| Edit::Remove(at, n)),
    ];
    prop::collection::vec(edit, 0..4)
}

fn char_floor(s: &str, at: usize) -> usize {
    let mut at = at % (s.len() + 1);
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn apply_edits(mut s: String, edits: &[Edit]) -> String {
    for e in edits {
        match e {
            Edit::Truncate(at) => {
                let at = char_floor(&s, *at);
                s.truncate(at);
            }
            Edit::Insert(at, text) => {
                let at = char_floor(&s, *at);
                s.insert_str(at, text);
            }
            Edit::Remove(at, n) => {
                let a = char_floor(&s, *at);
                let b = char_floor(&s, a + n);
                if b > a {
                    s.replace_range(a..b, "");
                }
            }
        }
    }
    s
}

/// A scenario file: mostly well-formed, with random ids, values and fields.
fn scenario_text() -> impl Strategy<Value = String> {
    let map = |val: BoxedStrategy<Value>| {
        prop::collection::btree_map(id_text(), val, 0..6)
            .prop_map(|m| Value::Object(m.into_iter().collect()))
    };
    let num = prop_oneof![
        4 => (-150.0f64..150.0).prop_map(|v| json!(v)),
        1 => any::<f64>().prop_map(|v| json!(v)),
        1 => prop::sample::select(vec![1e308, -1e308, 4e-7, 1e-300, 0.0, 5000.0, 100.0])
            .prop_map(|v| json!(v)),
        1 => json_value(),
    ]
    .boxed();
    let years = prop::collection::btree_map(year_text(), num.clone(), 0..4)
        .prop_map(|m| Value::Object(m.into_iter().collect()))
        .boxed();
    let file = (
        prop_oneof![4 => Just(json!(1)), 1 => json_value()],
        prop_oneof![4 => Just(json!(plan().id.clone())), 1 => json_value()],
        prop_oneof![
            Just(None),
            Just(Some(json!("en"))),
            Just(Some(json!("zh"))),
            json_value().prop_map(Some)
        ],
        prop_oneof![4 => (2020u16..2040).prop_map(|y| json!(y)), 1 => json_value()],
        prop::option::of(map(num.clone())),
        prop::option::of(map(years)),
        prop::option::of(map(num)),
        prop::option::of(("[a-z]{1,6}", json_value())),
    )
        .prop_map(
            |(v, plan_id, lang, horizon, growth, paths, baselines, extra)| {
                let mut o = serde_json::Map::new();
                o.insert("plansim".into(), v);
                o.insert("plan".into(), plan_id);
                if let Some(l) = lang {
                    o.insert("lang".into(), l);
                }
                o.insert("horizon".into(), horizon);
                for (k, v) in [
                    ("growth", growth),
                    ("paths", paths),
                    ("baselines", baselines),
                ] {
                    if let Some(v) = v {
                        o.insert(k.into(), v);
                    }
                }
                if let Some((k, v)) = extra {
                    o.insert(k, v);
                }
                serde_json::to_string_pretty(&Value::Object(o)).unwrap_or_default()
            },
        );
    prop_oneof![
        8 => (file, edits()).prop_map(|(f, e)| apply_edits(f, &e)),
        1 => "\\PC{0,200}",
        1 => json_value().prop_map(|v| v.to_string()),
    ]
}

/// A JSON pointer-like walk into a value: indices chosen modulo the length.
fn walk_mut<'v>(v: &'v mut Value, path: &[usize]) -> &'v mut Value {
    let Some((&i, rest)) = path.split_first() else {
        return v;
    };
    let n = match v {
        Value::Array(a) if !a.is_empty() => a.len(),
        Value::Object(o) if !o.is_empty() => o.len(),
        _ => return v,
    };
    match v {
        Value::Array(a) => walk_mut(&mut a[i % n], rest),
        Value::Object(o) => {
            let key = o.keys().nth(i % n).cloned().unwrap_or_default();
            walk_mut(o.get_mut(&key).expect("key exists"), rest)
        }
        _ => unreachable!("matched above"),
    }
}

#[derive(Debug, Clone)]
enum PlanEdit {
    Replace(Vec<usize>, Value),
    RemoveKey(Vec<usize>, usize),
    Duplicate(Vec<usize>, usize),
}

fn plan_edits() -> impl Strategy<Value = Vec<PlanEdit>> {
    let path = prop::collection::vec(any::<usize>(), 0..6);
    let edit = prop_oneof![
        4 => (path.clone(), json_value()).prop_map(|(p, v)| PlanEdit::Replace(p, v)),
        2 => (path.clone(), any::<usize>()).prop_map(|(p, k)| PlanEdit::RemoveKey(p, k)),
        1 => (path, any::<usize>()).prop_map(|(p, k)| PlanEdit::Duplicate(p, k)),
    ];
    prop::collection::vec(edit, 1..4)
}

fn seed_plan_value() -> &'static Value {
    static V: OnceLock<Value> = OnceLock::new();
    V.get_or_init(|| {
        serde_json::from_str(plansim::core::builtin::PLAN_FILES[0].text).expect("seed is JSON")
    })
}

fn mutated_plan(edits: &[PlanEdit]) -> String {
    let mut v = seed_plan_value().clone();
    for e in edits {
        match e {
            PlanEdit::Replace(p, new) => *walk_mut(&mut v, p) = new.clone(),
            PlanEdit::RemoveKey(p, k) => match walk_mut(&mut v, p) {
                Value::Object(o) if !o.is_empty() => {
                    let key = o.keys().nth(k % o.len()).cloned().unwrap_or_default();
                    o.remove(&key);
                }
                Value::Array(a) if !a.is_empty() => {
                    a.remove(k % a.len());
                }
                _ => {}
            },
            PlanEdit::Duplicate(p, k) => {
                if let Value::Array(a) = walk_mut(&mut v, p) {
                    if !a.is_empty() {
                        let x = a[k % a.len()].clone();
                        a.push(x);
                    }
                }
            }
        }
    }
    v.to_string()
}

/// A reported-values CSV: the seed's rows, reshuffled, with fields replaced.
fn csv_text() -> impl Strategy<Value = String> {
    let seed: Vec<String> = plansim::core::builtin::REPORTED_FILES[0]
        .text
        .lines()
        .map(String::from)
        .collect();
    let header = seed[0].clone();
    let rows = seed[1..].to_vec();
    let field = prop_oneof![
        2 => id_text(),
        2 => number_text(),
        2 => year_text(),
        1 => prop::sample::select(vec!["reported", "first-release", "revised", "lower-bound",
            "", "\"", "\"a,b\"", "\"x\"\"y\"", "个", "万个", "%", "亿元"])
            .prop_map(String::from),
    ];
    let row = (prop::sample::select(rows), any::<usize>(), field).prop_map(|(r, col, f)| {
        let mut cells: Vec<&str> = r.split(',').collect();
        let n = cells.len();
        cells[col % n] = &f;
        cells.join(",")
    });
    let body = prop::collection::vec(row, 0..12);
    prop_oneof![
        6 => (Just(header), body, edits()).prop_map(|(h, rows, e)| {
            apply_edits(format!("{h}\n{}\n", rows.join("\n")), &e)
        }),
        1 => "\\PC{0,200}",
        1 => edits().prop_map(|e| apply_edits(plansim::core::builtin::REPORTED_FILES[0].text.to_string(), &e)),
    ]
}

/// Values a chart may be handed, extremes and non-finite ones included.
fn chart_value() -> impl Strategy<Value = f64> {
    prop_oneof![
        3 => -1e4f64..1e4,
        2 => any::<f64>(),
        3 => prop::sample::select(vec![
            0.0, -0.0, 1.0, f64::MAX, -f64::MAX, 1.7e308, -1.7e308, 1e308, -1e308, 1e300,
            1e-300, -1e-300, 4e-7, f64::MIN_POSITIVE, 5e-324, f64::NAN, f64::INFINITY,
            f64::NEG_INFINITY, 30218.0, 100.0,
        ]),
    ]
}

fn chart_spec() -> impl Strategy<Value = ChartSpec> {
    let path = prop_oneof![
        // Consecutive years from a start, as the engine gives them.
        (0u16..=u16::MAX, prop::collection::vec(chart_value(), 0..12)).prop_map(|(start, vs)| {
            vs.into_iter()
                .enumerate()
                .filter_map(|(i, v)| Some((start.checked_add(i as u16)?, v)))
                .collect::<Vec<_>>()
        }),
        // Flat at one value.
        (2015u16..2030, 1usize..12, chart_value())
            .prop_map(|(start, n, v)| (0..n as u16).map(|i| (start + i, v)).collect()),
        // Any years, any order.
        prop::collection::vec((any::<u16>(), chart_value()), 0..6),
    ];
    (
        path,
        prop::option::of((any::<u16>(), chart_value())),
        prop::collection::vec((2015u16..2040, chart_value(), any::<bool>()), 0..5),
        prop_oneof![
            4 => Just(1.0),
            1 => prop::sample::select(vec![0.0, 0.5, 2.0, 3.0, -1.0, 1e9, f64::NAN, f64::INFINITY]),
        ],
        "[^\\x00]{0,12}",
    )
        .prop_map(|(path, target, reported, scale, label)| ChartSpec {
            y_label: label.clone(),
            target,
            path_label: format!("<path> & {label}"),
            target_label: "target \"2025\"".into(),
            reported,
            reported_label: "reported".into(),
            scale,
            // Bands around the path (issue 8), with whatever values the path has.
            bands: path
                .iter()
                .map(|&(y, v)| {
                    (
                        y,
                        [(v - 2.0, v + 2.0), (v - 1.0, v + 1.0), (v * 0.9, v * 1.1)],
                    )
                })
                .collect(),
            bands_label: "50/80/95%".into(),
            // A reference path (issue 7) from the same values, some scaled.
            reference: path.iter().map(|&(y, v)| (y, v * 0.9)).collect(),
            reference_label: "reference <b>".into(),
            // A tolerance band and a focused year (issue 11), from the same values.
            threshold: target.map(|t| t.1 - 1.0),
            lower_label: "more than <i>".into(),
            focus: path.get(1).map(|p| p.0),
            path,
        })
}

// ---------------------------------------------------------------------------
// Properties that hold today.

/// Checks one decode of `text` (a link or a saved state).
fn check_decode(text: &str, lang: Lang, saved: bool) -> Result<State, TestCaseError> {
    let plan = plan();
    let ((st, _named), bytes) = allocated(|| {
        if saved {
            state::from_saved(plan, text, lang)
        } else {
            state::from_fragment(plan, text, lang)
        }
    });
    let parts = text.split('&').filter(|p| !p.is_empty()).count();
    prop_assert!(
        st.notices.len() <= parts,
        "{} notices for {parts} parts",
        st.notices.len()
    );
    prop_assert!(
        bytes <= linear_budget(text.len()),
        "{bytes} bytes allocated for {} bytes of input",
        text.len()
    );
    assert_valid(plan, &st.scenario)?;
    // Whatever was applied, its charts draw; the extremes live in baselines.
    for id in st.scenario.baselines.keys() {
        if let Some(spec) = chart_of(plan, &st.scenario, id) {
            draws(&spec, 480, 260)?;
        }
    }
    Ok(st)
}

proptest! {
    #![proptest_config(config(2000))]

    /// The link decoder never panics, applies only what the model accepts,
    /// says at most one thing per part, and works in linear space.
    #[test]
    fn link_decoder(frag in fragment(), lang in lang()) {
        check_decode(&frag, lang, false)?;
    }

    /// The saved-state decoder, the same way.
    #[test]
    fn saved_state_decoder(frag in fragment(), lang in lang()) {
        check_decode(&frag, lang, true)?;
    }

    /// A part that is refused (it adds a notice) leaves the scenario as the
    /// parts before it made it, and the notices before it as they were.
    #[test]
    fn a_refused_link_part_changes_nothing(
        frag in fragment(),
        extra in part(),
        lang in lang(),
        saved in any::<bool>(),
    ) {
        let plan = plan();
        let decode = |t: &str| if saved {
            state::from_saved(plan, t, lang).0
        } else {
            state::from_fragment(plan, t, lang).0
        };
        let before = decode(&frag);
        let after = decode(&format!("{frag}&{extra}"));
        if after.notices.len() > before.notices.len() {
            prop_assert_eq!(&after.scenario, &before.scenario, "refused part {} changed the scenario", extra);
            prop_assert_eq!(&after.notices[..before.notices.len()], &before.notices[..]);
        }
    }

    /// The scenario importer: all or nothing. A file it accepts comes back
    /// whole (nothing dropped, nothing out of bounds) and exports back to
    /// itself; one it refuses says why. It works in linear space.
    #[test]
    fn scenario_importer(text in scenario_text(), lang in lang()) {
        let plan = plan();
        let (res, bytes) = allocated(|| export::import_scenario(plan, &text, lang));
        prop_assert!(bytes <= linear_budget(text.len()), "{} bytes for {} bytes", bytes, text.len());
        match res {
            Ok(st) => {
                prop_assert!(st.notices.is_empty());
                assert_valid(plan, &st.scenario)?;
                let file: ScenarioFile = serde_json::from_str(text.trim_start_matches(export::BOM))
                    .map_err(|e| TestCaseError::fail(format!("accepted a file serde refuses: {e}")))?;
                prop_assert_eq!(file.horizon, st.scenario.horizon);
                prop_assert_eq!(&file.growth, &st.scenario.growth, "a growth was dropped or changed");
                prop_assert_eq!(&file.baselines, &st.scenario.baselines, "a baseline was dropped or changed");
                let paths: plansim::core::map::Map<_, _> =
                    file.paths.iter().filter(|(_, p)| !p.is_empty()).map(|(k, v)| (k.clone(), v.clone())).collect();
                prop_assert_eq!(&paths, &st.scenario.paths, "a path was dropped or changed");
                let again = export::import_scenario(plan, &export::scenario_json(plan, &st), lang).ok();
                prop_assert_eq!(again.as_ref(), Some(&st), "export → import is not the identity");
            }
            Err(e) => {
                let message = format!("{e:?}");
                prop_assert!(!message.trim_matches('"').is_empty());
            }
        }
    }

    /// The plan loader: any plan text is refused with a path-naming error or
    /// loads into a plan the engine runs and whose charts draw.
    #[test]
    fn plan_loader(edits in plan_edits(), text_edits in edits(), raw in any::<bool>()) {
        let text = if raw {
            apply_edits(plansim::core::builtin::PLAN_FILES[0].text.to_string(), &text_edits)
        } else {
            mutated_plan(&edits)
        };
        let (res, bytes) = allocated(|| Plan::from_json(&text));
        prop_assert!(bytes <= linear_budget(text.len()), "{} bytes for {} bytes", bytes, text.len());
        match res {
            Err(e) => prop_assert!(!e.to_string().is_empty()),
            Ok(p) => {
                let sc = Scenario::new(&p);
                let span = usize::from(p.vision_year - p.base_year) + 1;
                let (run, bytes) = allocated(|| engine::run(&p, &sc));
                // Work grows with indicators × years, never more.
                let budget = 4096 * (p.indicators.len() as u64 + 1) * span as u64 + (1 << 20);
                prop_assert!(bytes <= budget, "run allocated {} bytes, budget {}", bytes, budget);
                if let Ok(run) = run {
                    for (id, _) in run.assessments().take(3) {
                        if let Some(spec) = chart_of(&p, &sc, id) {
                            draws(&spec, 320, 200)?;
                        }
                    }
                }
            }
        }
    }

    /// The reported-values parser: refused with a line number, or values
    /// that name known indicators, finite, within the plan's years.
    #[test]
    fn reported_csv_parser(text in csv_text()) {
        let plan = plan();
        let (res, bytes) = allocated(|| reported::parse(plan, &text));
        prop_assert!(bytes <= linear_budget(text.len()), "{} bytes for {} bytes", bytes, text.len());
        match res {
            Ok(rows) => {
                prop_assert!(rows.len() <= text.lines().count());
                for r in &rows {
                    let ind = plan.indicator(&r.indicator);
                    prop_assert!(ind.is_some(), "unknown {}", r.indicator);
                    prop_assert!(r.value.is_finite());
                    prop_assert!(plan.base_year < r.year && r.year <= plan.vision_year);
                }
                let _ = reported::paces(plan, &rows);
                for ind in &plan.indicators {
                    let _ = reported::for_chart(&rows, &ind.id);
                }
            }
            Err(e) => {
                prop_assert!(e.line >= 1 && e.line <= text.split('\n').count() + 1, "line {}", e.line);
                prop_assert!(!e.to_string().is_empty());
            }
        }
    }
}

proptest! {
    #![proptest_config(config(1000))]

    /// Charts draw to valid SVG whatever they are handed: huge (±1e308 and
    /// beyond), tiny, flat, one point, none, NaN and infinities, any years,
    /// any scale; the axis is always one plotters can tick.
    #[test]
    fn charts_draw_any_values(spec in chart_spec(), w in 1u32..1600, h in 1u32..900) {
        draws(&spec, w, h)?;
    }
}

// ---------------------------------------------------------------------------
// Named regressions of issue 12 that hold today.

/// The link of issue 12 that froze the tab: a baseline of 1.7e308 made the
/// chart's axis end at +∞, and plotters 0.3.7's tick loop never ended.
#[test]
fn regression_huge_baseline_chart_does_not_hang() {
    let plan = plan();
    // Straight into the engine, whether or not a link would let it in.
    let mut sc = Scenario::new(plan);
    sc.baselines.insert("digital_trade".into(), 1.7e308);
    sc.growth.insert("digital_trade".into(), 0.0);
    let spec = chart_of(plan, &sc, "digital_trade").expect("an assessed chart");
    assert!(spec.path.iter().all(|p| p.1 == 1.7e308));
    let (lo, hi) = chart::y_range(&spec);
    assert!(chart::is_safe_range(lo, hi), "{lo}..{hi}");
    let svg = chart::to_svg(&spec, 720, 360).expect("draws");
    assert!(svg.starts_with("<svg") && svg.contains("</svg>"));
    // And through the link, as the page decodes it, in the embed's view and
    // the full page's (every chart).
    for frag in [
        "b.digital_trade=1.7e308&g.digital_trade=0",
        "#b.digital_trade=1.7e308&g.digital_trade=0&h=2035&lang=en",
    ] {
        let (st, _) = state::from_fragment(plan, frag, Lang::En);
        for ind in &plan.indicators {
            if let Some(spec) = chart_of(plan, &st.scenario, &ind.id) {
                let (lo, hi) = chart::y_range(&spec);
                assert!(chart::is_safe_range(lo, hi), "{}: {lo}..{hi}", ind.id);
                chart::to_svg(&spec, 720, 360).expect("draws");
            }
        }
    }
}

/// Values just below `f64::MAX`, negative ones, a target beside them, and
/// the largest growth a reader may type over the longest horizon.
#[test]
fn regression_extreme_chart_values() {
    let plan = plan();
    for (b, g) in [
        (f64::MAX, 0.0),
        (1.7e308, state::MAX_TYPED_GROWTH),
        (1e-300, 0.0),
        (4e-7, -100.0),
        (1.0, state::MAX_TYPED_GROWTH),
    ] {
        let mut sc = Scenario::new(plan);
        sc.horizon = plan.vision_year;
        sc.baselines.insert("digital_trade".into(), b);
        sc.growth.insert("digital_trade".into(), g);
        // Growth past f64::MAX is the engine's overflow error: no chart.
        let Some(spec) = chart_of(plan, &sc, "digital_trade") else {
            assert!(matches!(
                engine::assess(plan, &sc, "digital_trade"),
                Err(engine::ModelError::Overflow { .. })
            ));
            continue;
        };
        let (lo, hi) = chart::y_range(&spec);
        assert!(chart::is_safe_range(lo, hi), "{b} at {g}%: {lo}..{hi}");
        chart::to_svg(&spec, 720, 360).expect("draws");
    }
}

/// Found by the long run: serde_json's default float parser is off by one
/// unit in the last place for some numbers, so a scenario exported and
/// imported drifted (`-5.122015256473834e-97` came back `…835e-97`). Its
/// `float_roundtrip` feature parses exactly.
#[test]
fn regression_scenario_file_numbers_round_trip_exactly() {
    let plan = plan();
    let text = r#"{"plansim":1,"plan":"zhejiang-digital-economy-14fyp","horizon":2025,"growth":{"gdp":-5.122015256473834e-97}}"#;
    let st = export::import_scenario(plan, text, Lang::En).expect("accepted");
    assert_eq!(st.scenario.growth.get("gdp"), Some(&-5.122015256473834e-97));
    let again = export::import_scenario(plan, &export::scenario_json(plan, &st), Lang::En);
    assert_eq!(again.ok(), Some(st));
}

// ---------------------------------------------------------------------------
// Named regressions whose fix is phase 2 (state.rs, export.rs, ui).

/// Prints how long `f` took and what it allocated, for the report.
fn measured<T>(name: &str, f: impl FnOnce() -> T) -> (T, u64) {
    let t = Instant::now();
    let (out, bytes) = allocated(f);
    eprintln!(
        "{name}: {:.2} s, {:.1} MB allocated",
        t.elapsed().as_secs_f64(),
        bytes as f64 / 1e6
    );
    (out, bytes)
}

/// Total text shown to the reader for `st`.
fn shown(st: &State) -> usize {
    st.notices.iter().map(|n| format!("{n:?}").len()).sum()
}

/// `x&g.gdp=1&` 20,000 times (200 KB): each part replayed `reduce`, which
/// cloned the state with all notices so far, so time grew with the square of
/// the parts (7 s in the page). Decoding must be linear; notices capped.
#[test]
fn regression_repeated_link_part_is_linear() {
    let frag = "x&g.gdp=1&".repeat(20_000);
    let ((st, _), bytes) = measured("link of 20,000 × `x&g.gdp=1&`", || {
        state::from_fragment(plan(), &frag, Lang::En)
    });
    assert_eq!(st.scenario.growth.get("gdp"), Some(&1.0));
    assert!(!st.notices.is_empty(), "the skipped parts are counted");
    assert!(bytes <= linear_budget(frag.len()), "{bytes} bytes");
    assert!(
        shown(&st) <= SHOWN_BUDGET,
        "{} bytes of notices",
        shown(&st)
    );
}

/// issue 7: 21,000 reference parts (just under the size cap) decode in linear time and space.
#[test]
fn regression_repeated_reference_part_is_linear() {
    let frag = "cmp=junk&cmp.g.gdp=1&cmp=pinned&".repeat(7_000);
    let ((st, _), bytes) = measured(
        "link of 7,000 × `cmp=junk&cmp.g.gdp=1&cmp=pinned&` (231 KB)",
        || state::from_fragment(plan(), &frag, Lang::En),
    );
    assert!(matches!(st.reference, state::Reference::Pinned { .. }));
    assert!(bytes <= linear_budget(frag.len()), "{bytes} bytes");
    assert!(
        shown(&st) <= SHOWN_BUDGET,
        "{} bytes of notices",
        shown(&st)
    );
}

/// The same, for a saved state of about 5 MB: it never finished loading.
#[test]
fn regression_large_saved_state_is_linear() {
    let text = "x&g.gdp=1&".repeat(500_000);
    let ((st, _), bytes) = measured("saved state of 5 MB", || {
        state::from_saved(plan(), &text, Lang::En)
    });
    assert!(bytes <= linear_budget(text.len()), "{bytes} bytes");
    assert!(
        shown(&st) <= SHOWN_BUDGET,
        "{} bytes of notices",
        shown(&st)
    );
}

/// A 209 KB scenario file with 20,000 unknown ids took 7 s and echoed every
/// id: the importer must be linear and its message short.
#[test]
fn regression_scenario_file_with_20000_unknown_ids() {
    let growth: serde_json::Map<String, Value> = (0..20_000)
        .map(|i| (format!("unknown_{i:05}"), json!(1)))
        .collect();
    let text =
        json!({"plansim": 1, "plan": plan().id, "horizon": 2025, "growth": growth}).to_string();
    let (res, bytes) = measured("scenario file with 20,000 unknown ids", || {
        export::import_scenario(plan(), &text, Lang::En)
    });
    let err = format!("{:?}", res.expect_err("refused"));
    assert!(bytes <= linear_budget(text.len()), "{bytes} bytes");
    assert!(err.len() <= SHOWN_BUDGET, "{} bytes of message", err.len());
}

/// A 1 MB link part and a 50 MB `plan` field were shown whole.
#[test]
fn regression_echoed_input_is_cut() {
    let frag = format!("g.gdp={}", "9".repeat(1 << 20));
    let ((st, _), _) = measured("link part of 1 MB", || {
        state::from_fragment(plan(), &frag, Lang::En)
    });
    assert!(!st.notices.is_empty());
    assert!(
        shown(&st) <= SHOWN_BUDGET,
        "{} bytes of notices",
        shown(&st)
    );
    let text = json!({"plansim": 1, "plan": "p".repeat(50 << 20), "horizon": 2025}).to_string();
    let (res, _) = measured("scenario file with a 50 MB plan field", || {
        export::import_scenario(plan(), &text, Lang::En)
    });
    let err = format!("{:?}", res.expect_err("refused"));
    assert!(err.len() <= SHOWN_BUDGET, "{} bytes of message", err.len());
}

/// A baseline below 5e-7 was written to the link as `b.<id>=0` and refused
/// on reload. Every number written to a link must read back exactly.
#[test]
fn regression_tiny_baseline_round_trips() {
    let plan = plan();
    for frag in [
        "b.digital_trade=4e-7",
        "b.digital_trade=1e-300",
        "g.gdp=1.23456789&b.digital_trade=0.1234567891",
    ] {
        let (st, _) = state::from_fragment(plan, frag, Lang::En);
        assert!(st.notices.is_empty(), "{frag}: {:?}", st.notices);
        let link = state::to_fragment(plan, &st);
        let (back, _) = state::from_fragment(plan, &link, Lang::En);
        assert!(back.notices.is_empty(), "{link}: {:?}", back.notices);
        assert_eq!(back.scenario, st.scenario, "{frag} → {link}");
    }
}

/// A baseline for an indicator whose baseline the plan prints was kept
/// without a word, never used, and written back to the link in full
/// (`b.de_share=1e308` became a 309-digit link part). It must be refused
/// with a notice, like any other input the model cannot use.
#[test]
fn regression_baseline_only_where_the_plan_has_none() {
    for frag in ["b.gdp=-5", "b.de_share=1e308"] {
        let (st, _) = state::from_fragment(plan(), frag, Lang::En);
        assert!(st.scenario.baselines.is_empty(), "{frag}: kept");
        assert_eq!(st.notices.len(), 1, "{frag}: {:?}", st.notices);
    }
}

proptest! {
    #![proptest_config(config(1000))]

    /// Every state a link decodes to is written back to a link that decodes
    /// to the same scenario, with nothing refused.
    #[test]
    fn links_round_trip_exactly(frag in fragment(), lang in lang()) {
        let plan = plan();
        let (st, _) = state::from_fragment(plan, &frag, lang);
        let link = state::to_fragment(plan, &st);
        let (back, _) = state::from_fragment(plan, &link, lang);
        prop_assert!(back.notices.is_empty(), "{}: {:?}", link, back.notices);
        prop_assert_eq!(&back.scenario, &st.scenario, "{}", link);
        prop_assert_eq!(&back.reference, &st.reference, "{}", link);
    }

    /// Whatever is refused, the reader is shown a bounded amount of text.
    #[test]
    fn notices_are_capped(parts in prop::collection::vec(part(), 0..400), n in 1usize..60) {
        let frag = parts.join("&").repeat(n);
        let (st, _) = state::from_fragment(plan(), &frag, Lang::En);
        prop_assert!(shown(&st) <= SHOWN_BUDGET, "{} bytes of notices", shown(&st));
    }
}

/// The kinds the plan uses are all exercised by the generators above.
#[test]
fn generators_reach_every_kind_of_indicator() {
    let plan = plan();
    let kinds = |k: fn(&Kind) -> bool| plan.indicators.iter().any(|i| k(&i.kind));
    assert!(kinds(|k| *k == Kind::Level));
    assert!(kinds(|k| *k == Kind::Percent));
    assert!(kinds(|k| matches!(k, Kind::Ratio { .. })));
    assert!(
        plan.indicators.iter().any(|i| i.baseline.is_none()),
        "a baseline to supply"
    );
}
