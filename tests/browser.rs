//! Browser tests of the components, in headless Chromium (wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use gloo::timers::future::TimeoutFuture;
use plansim::core::plan::Plan;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

async fn mount() -> Element {
    let doc = gloo::utils::document();
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<plansim::ui::App>::with_root(root.clone()).render();
    // issue 10: the parts below the first screen are built just after it.
    wait_for(|| {
        root.query_selector("[data-role=summary]")
            .unwrap()
            .is_some()
            && root.query_selector("[data-pending]").unwrap().is_none()
    })
    .await;
    root
}

/// Polls until `f` holds (rendering is asynchronous), for up to 5 s.
async fn wait_for(mut f: impl FnMut() -> bool) {
    for _ in 0..250 {
        if f() {
            return;
        }
        TimeoutFuture::new(20).await;
    }
}

/// The input matched by `sel`, after setting its value and firing `event`.
fn set_input(root: &Element, sel: &str, value: &str, event: &str) {
    let input: HtmlInputElement = root
        .query_selector(sel)
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    input.set_value(value);
    input
        .dispatch_event(&web_sys::Event::new(event).unwrap())
        .unwrap();
}

fn role(root: &Element, id: &str, role: &str) -> Option<String> {
    root.query_selector(&format!("[data-indicator=\"{id}\"] [data-role=\"{role}\"]"))
        .unwrap()
        .and_then(|e| e.get_attribute("data-value"))
}

#[wasm_bindgen_test]
async fn renders_every_indicator_with_its_hooks() {
    let root = mount().await;
    let plan = Plan::from_json(plansim::core::builtin::PLAN_FILES[0].text).unwrap();
    for ind in &plan.indicators {
        let sel = format!("[data-indicator=\"{}\"]", ind.id);
        assert!(
            root.query_selector(&sel).unwrap().is_some(),
            "{} is on the page",
            ind.id
        );
        assert!(
            role(&root, &ind.id, "projected").is_some(),
            "{} projected",
            ind.id
        );
        if ind.target.is_some() {
            let v = role(&root, &ind.id, "verdict").unwrap();
            assert!(
                ["hit", "miss", "needs-baseline"].contains(&v.as_str()),
                "{}: {v}",
                ind.id
            );
            assert!(
                role(&root, &ind.id, "required").is_some(),
                "{} required",
                ind.id
            );
        }
    }
    assert_eq!(
        role(&root, "digital_trade", "verdict").as_deref(),
        Some("needs-baseline")
    );
    let de: f64 = role(&root, "de_share", "projected")
        .unwrap()
        .parse()
        .unwrap();
    assert!((de - 60.1298).abs() < 1e-3, "{de}");
    let summary = root.query_selector("[data-role=summary]").unwrap().unwrap();
    assert_eq!(
        summary.get_attribute("data-hit"),
        summary.get_attribute("data-total")
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn moving_a_slider_flips_the_verdict() {
    let root = mount().await;
    assert_eq!(
        role(&root, "base_stations_5g", "verdict").as_deref(),
        Some("hit")
    );
    set_input(&root, "#g-base_stations_5g", "10", "input");
    wait_for(|| role(&root, "base_stations_5g", "verdict").as_deref() == Some("miss")).await;
    assert_eq!(
        role(&root, "base_stations_5g", "verdict").as_deref(),
        Some("miss")
    );
    let p: f64 = role(&root, "base_stations_5g", "projected")
        .unwrap()
        .parse()
        .unwrap();
    assert!((p - 6.3 * 1.1f64.powi(5)).abs() < 1e-9);
    root.remove();
}

/// issue 10: a slider's steps reach the address once the slider rests (the
/// write costs a few milliseconds a step), and the page shows them at once.
#[wasm_bindgen_test]
async fn a_sliders_steps_reach_the_link_once_it_rests() {
    let window = gloo::utils::window();
    let before = window.location().href().unwrap();
    let root = mount().await;
    let hash = || window.location().hash().unwrap();
    set_input(&root, "#g-base_stations_5g", "11.5", "input");
    set_input(&root, "#g-base_stations_5g", "12", "input");
    // Registered before the deferred write (250 ms), so it fires first.
    TimeoutFuture::new(50).await;
    assert_eq!(
        role(&root, "base_stations_5g", "verdict").as_deref(),
        Some("miss"),
        "the card follows at once"
    );
    assert!(!hash().contains("g.base_stations_5g=12"), "{}", hash());
    wait_for(|| hash().contains("g.base_stations_5g=12")).await;
    assert!(hash().contains("g.base_stations_5g=12"), "{}", hash());
    assert!(!hash().contains("11.5"), "one write for the two steps");
    root.remove();
    window
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&before))
        .unwrap();
}

#[wasm_bindgen_test]
async fn entering_a_baseline_makes_a_target_projectable() {
    let root = mount().await;
    assert_eq!(
        role(&root, "digital_trade", "verdict").as_deref(),
        Some("needs-baseline")
    );
    set_input(&root, "#b-digital_trade", "5000", "change");
    wait_for(|| role(&root, "digital_trade", "verdict").as_deref() != Some("needs-baseline")).await;
    let v = role(&root, "digital_trade", "verdict").unwrap();
    assert!(v == "hit" || v == "miss", "{v}");
    // ((10000 / 5000)^(1/5) - 1) × 100
    let req: f64 = role(&root, "digital_trade", "required")
        .unwrap()
        .parse()
        .unwrap();
    assert!((req - 14.8698).abs() < 0.01, "{req}");
    let summary = root.query_selector("[data-role=summary]").unwrap().unwrap();
    assert_eq!(summary.get_attribute("data-total").as_deref(), Some("22"));
    // A bad baseline is refused with a notice, and the good one stays.
    set_input(&root, "#b-digital_trade", "-3", "change");
    wait_for(|| {
        root.query_selector("[data-role=notices]")
            .unwrap()
            .is_some()
    })
    .await;
    assert!(root
        .query_selector("[data-role=notices]")
        .unwrap()
        .is_some());
    assert_eq!(summary.get_attribute("data-total").as_deref(), Some("22"));
    root.remove();
}

const RIVERLAND: &str = include_str!("fixtures/riverland-water-2030.json");
const HOSTILE: &str = include_str!("fixtures/hostile-plan.json");

/// Mounts the app as a reader who opened `json` before (it is kept in this
/// browser) and follows a link to it by id; undoes both on drop.
struct OtherPlan {
    root: Element,
    id: String,
    url: String,
}

impl OtherPlan {
    async fn mount(json: &str) -> OtherPlan {
        let plan = Plan::from_json(json).unwrap();
        let window = gloo::utils::window();
        let storage = window.local_storage().unwrap().unwrap();
        storage
            .set_item("plansim:plans", &format!("[\"{}\"]", plan.id))
            .unwrap();
        storage
            .set_item(&format!("plansim:plan:{}", plan.id), json)
            .unwrap();
        let url = window.location().href().unwrap();
        window
            .history()
            .unwrap()
            .replace_state_with_url(
                &wasm_bindgen::JsValue::NULL,
                "",
                Some(&format!("?plan={}#lang=en", plan.id)),
            )
            .unwrap();
        OtherPlan {
            root: mount().await,
            id: plan.id.clone(),
            url,
        }
    }
}

impl Drop for OtherPlan {
    fn drop(&mut self) {
        self.root.remove();
        let window = gloo::utils::window();
        let storage = window.local_storage().unwrap().unwrap();
        for key in [
            "plansim:plans".to_string(),
            format!("plansim:plan:{}", self.id),
            format!("plansim:scenario:{}", self.id),
        ] {
            storage.remove_item(&key).unwrap();
        }
        window
            .history()
            .unwrap()
            .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&self.url))
            .unwrap();
    }
}

#[wasm_bindgen_test]
async fn another_plan_renders_from_its_own_ids_roles_and_units() {
    let page = OtherPlan::mount(RIVERLAND).await;
    let root = &page.root;
    let plan = Plan::from_json(RIVERLAND).unwrap();
    for ind in &plan.indicators {
        assert!(
            role(root, &ind.id, "projected").is_some(),
            "{} is on the page",
            ind.id
        );
    }
    for id in ["gdp", "de_share", "dc_racks"] {
        let sel = format!("[data-indicator=\"{id}\"]");
        assert!(root.query_selector(&sel).unwrap().is_none(), "{id}");
    }
    let heading = root
        .query_selector("#h-headline")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert_eq!(
        heading,
        "Overall goal: Reclaimed water, share of total use ≈ 35 %"
    );
    let groups: Vec<String> = (0..)
        .map_while(|i| {
            root.query_selector_all("section.group")
                .unwrap()
                .item(i)
                .and_then(|n| n.dyn_into::<Element>().ok())
                .map(|e| e.id())
        })
        .collect();
    assert_eq!(groups, ["group-supply", "group-quality"]);
    assert!(root.query_selector("#g-total_use").unwrap().is_some());
    // ((264 × 1.07^8) / (1200 × 1.01^8)) × 100
    let share: f64 = role(root, "reuse_rate", "projected")
        .unwrap()
        .parse()
        .unwrap();
    let want = 100.0 * 264.0 * 1.07f64.powi(8) / (1200.0 * 1.01f64.powi(8));
    assert!((share - want).abs() < 1e-9, "{share} vs {want}");
    set_input(root, "#g-total_use", "5", "input");
    wait_for(|| role(root, "reuse_rate", "verdict").as_deref() == Some("miss")).await;
    assert_eq!(role(root, "reuse_rate", "verdict").as_deref(), Some("miss"));
    assert_eq!(
        role(root, "certified_labs", "verdict").as_deref(),
        Some("needs-baseline")
    );
}

#[wasm_bindgen_test]
async fn a_hostile_plan_renders_as_text() {
    let page = OtherPlan::mount(HOSTILE).await;
    let root = &page.root;
    for tag in ["img", "script", "b"] {
        assert_eq!(
            root.query_selector_all(tag).unwrap().length(),
            0,
            "no <{tag}> from the plan's text"
        );
    }
    let pwned = js_sys::Reflect::get(&gloo::utils::window(), &"__pwned".into()).unwrap();
    assert!(pwned.is_undefined(), "no script ran");
    let text = root.text_content().unwrap();
    assert!(text.contains("<script>window.__pwned='en"), "shown as text");
}

/// Issue 7: the reference control switches what every card is held against.
#[wasm_bindgen_test]
async fn choosing_the_reference_changes_every_card() {
    let root = mount().await;
    let reference = |attr: &str| {
        root.query_selector("[data-indicator=\"de_share\"] [data-role=\"reference\"]")
            .unwrap()
            .and_then(|e| e.get_attribute(attr))
    };
    let click = |sel: &str| {
        root.query_selector(sel)
            .unwrap()
            .unwrap()
            .dyn_into::<web_sys::HtmlElement>()
            .unwrap()
            .click()
    };
    click("[data-reference=\"reported\"]");
    wait_for(|| reference("data-verdict").as_deref() == Some("miss")).await;
    assert_eq!(reference("data-verdict").as_deref(), Some("miss"));
    let reported = reference("data-value");
    click("[data-reference=\"plan\"]");
    wait_for(|| reference("data-verdict").as_deref() == Some("hit")).await;
    assert_eq!(reference("data-verdict").as_deref(), Some("hit"));
    assert_ne!(reference("data-value"), reported);
    let pressed = root
        .query_selector("[data-reference=\"plan\"]")
        .unwrap()
        .and_then(|e| e.get_attribute("aria-pressed"));
    assert_eq!(pressed.as_deref(), Some("true"));
    click("[data-reference=\"reported\"]");
    wait_for(|| reference("data-value") == reported).await;
    root.remove();
}

/// issue 10: the page's canvas backend sets a colour, a line width and a font
/// only when they change; it draws what plotters-canvas draws, pixel for
/// pixel, for a chart with every kind of mark, and for another chart drawn
/// over it on the same canvas (each drawing starts from what it sets).
#[wasm_bindgen_test]
fn the_page_canvas_backend_draws_what_plotters_canvas_draws() {
    use plansim::chart::ChartSpec;
    let years = 2020..=2025u16;
    let spec = ChartSpec {
        y_label: "% · 占比".into(),
        path: years
            .clone()
            .map(|y| (y, 46.8 + f64::from(y - 2020) * 2.5))
            .collect(),
        target: Some((2025, 60.0)),
        path_label: "projection".into(),
        target_label: "target 2025".into(),
        reported: vec![(2021, 48.0, false), (2022, 50.6, true)],
        reported_label: "reported".into(),
        scale: 1.5,
        bands: years
            .clone()
            .map(|y| {
                let (c, w) = (46.8 + f64::from(y - 2020) * 2.5, f64::from(y - 2020));
                (
                    y,
                    [
                        (c - 2.0 * w, c + 2.0 * w),
                        (c - w, c + w),
                        (c - 0.5 * w, c + 0.5 * w),
                    ],
                )
            })
            .collect(),
        bands_label: "50/80/95%".into(),
        reference: years
            .map(|y| (y, 46.8 + f64::from(y - 2020) * 1.5))
            .collect(),
        reference_label: "reference".into(),
        threshold: Some(59.0),
        lower_label: "more than".into(),
        focus: Some(2023),
    };
    // The second over it: fewer marks, other colours in another order, another scale.
    let other = ChartSpec {
        bands: Vec::new(),
        reference: Vec::new(),
        threshold: None,
        focus: None,
        scale: 1.0,
        reported: vec![(2021, 50.0, true)],
        ..spec.clone()
    };
    for specs in [vec![spec.clone()], vec![spec, other]] {
        let (ours, theirs) = plansim::ui::canvas_backend::both_pictures(&specs, 640, 360)
            .expect("two canvases drawn");
        assert_eq!(ours.len(), 640 * 360 * 4);
        let mut colours: Vec<&[u8]> = ours.chunks(4).filter(|p| p[3] == 255).collect();
        colours.sort_unstable();
        colours.dedup();
        assert!(
            colours.len() > 20,
            "a chart drawn opaque in many colours ({})",
            colours.len()
        );
        let differ = ours.iter().zip(&theirs).filter(|(a, b)| a != b).count();
        assert_eq!(
            differ, 0,
            "bytes that differ from plotters-canvas's picture"
        );
    }
}
