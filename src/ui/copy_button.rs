//! A copy button that falls back to selecting the text.

use super::browser;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CopyProps {
    pub text: AttrValue,
    /// Id of the field that holds the text, selected for a manual copy.
    pub target: AttrValue,
    pub label: AttrValue,
    pub done: AttrValue,
    pub failed: AttrValue,
}

/// Tries the clipboard, else selects the field `target`; says what
/// happened in a live region.
#[component]
pub fn CopyButton(p: &CopyProps) -> Html {
    let status = use_state(|| AttrValue::from(""));
    let onclick = {
        let (text, target, status) = (p.text.clone(), p.target.clone(), status.clone());
        let (done, failed) = (p.done.clone(), p.failed.clone());
        Callback::from(move |_| {
            let (text, target, status) = (text.clone(), target.clone(), status.clone());
            let (done, failed) = (done.clone(), failed.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let ok = browser::copy(&text).await;
                if !ok {
                    select(&target);
                }
                status.set(if ok { done } else { failed });
            });
        })
    };
    html! {
        <>
            <button type="button" {onclick} data-copy={p.target.clone()}>{ p.label.clone() }</button>
            <span class="copy-status" aria-live="polite">{ (*status).clone() }</span>
        </>
    }
}

fn select(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = gloo::utils::document().get_element_by_id(id) {
        if let Some(t) = el.dyn_ref::<HtmlTextAreaElement>() {
            t.select();
        } else if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
            i.select();
        }
    }
}
