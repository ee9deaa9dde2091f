//! A panic never loses the reader's work: the hook shows, in both
//! languages, that the page stopped, the link of the current scenario (which
//! holds all of it), and a button that clears what plansim keeps in this
//! browser and starts fresh (a saved scenario that makes the page stop
//! would otherwise stop it again on every visit).

use super::browser;
use crate::i18n::{EN, ZH};
use gloo::events::EventListener;
use wasm_bindgen::JsCast;

/// The event a test dispatches on `window` to make the page panic on
/// purpose (`window.dispatchEvent(new Event('plansim:test-panic'))`): only
/// a script of the page's own origin can send it.
pub const TEST_PANIC_EVENT: &str = "plansim:test-panic";

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn console_error(message: &str);
}

/// Installs the panic hook (through Yew, which would otherwise install its
/// own at the first render) and the test event's listener.
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        console_error(&info.to_string());
        show();
    }));
    if let Some(w) = web_sys::window() {
        EventListener::new(&w, TEST_PANIC_EVENT, |_| {
            panic!("plansim: a panic on purpose ({TEST_PANIC_EVENT})")
        })
        .forget();
    }
}

/// Puts the message over the page; tolerates a missing document.
fn show() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = doc.body() else { return };
    if doc
        .query_selector("[data-role=\"panic\"]")
        .ok()
        .flatten()
        .is_some()
    {
        return;
    }
    let link = browser::last_link();
    let el = |tag: &str, text: &str| {
        let e = doc.create_element(tag).ok()?;
        e.set_text_content(Some(text));
        Some(e)
    };
    let build = || -> Option<web_sys::Element> {
        let panel = doc.create_element("div").ok()?;
        panel.set_class_name("panic");
        panel.set_attribute("role", "alert").ok()?;
        panel.set_attribute("data-role", "panic").ok()?;
        for s in [&ZH, &EN] {
            let title = el("h2", s.panic_title)?;
            let body = el("p", s.panic_body)?;
            panel.append_child(&title).ok()?;
            panel.append_child(&body).ok()?;
        }
        let a = el("a", &link)?;
        a.set_attribute("href", &link).ok()?;
        a.set_attribute("data-role", "panic-link").ok()?;
        panel.append_child(&a).ok()?;
        let button = el(
            "button",
            &format!("{} · {}", ZH.start_fresh, EN.start_fresh),
        )?;
        button.set_attribute("type", "button").ok()?;
        button.set_attribute("data-role", "start-fresh").ok()?;
        EventListener::new(&button, "click", |_| {
            browser::forget_everything();
            if let Some(w) = web_sys::window() {
                let l = w.location();
                let fresh = format!(
                    "{}{}",
                    l.origin().unwrap_or_default(),
                    l.pathname().unwrap_or_default()
                );
                let _ = l.replace(&fresh);
            }
        })
        .forget();
        panel.append_child(&button).ok()?;
        Some(panel)
    };
    if let Some(panel) = build() {
        let _ = body.append_child(&panel);
        if let Some(b) = panel.query_selector("button").ok().flatten() {
            let _ = b.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    }
}
