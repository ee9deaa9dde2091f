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
    wait_for(|| {
        root.query_selector("[data-role=summary]")
            .unwrap()
            .is_some()
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
    let plan = Plan::zhejiang().unwrap();
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
