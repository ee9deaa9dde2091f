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
    TimeoutFuture::new(100).await;
    root
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
    let input: HtmlInputElement = root
        .query_selector("#g-base_stations_5g")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    input.set_value("10");
    let ev = web_sys::Event::new("input").unwrap();
    input.dispatch_event(&ev).unwrap();
    TimeoutFuture::new(100).await;
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
