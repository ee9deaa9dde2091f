//! The reader's baseline, for an indicator whose plan prints none (“/”).

use crate::i18n::{fill, Lang};
use crate::state::Action;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BaselineProps {
    pub id: AttrValue,
    pub unit: AttrValue,
    /// The plan's base year, which the value is for.
    pub year: u16,
    pub value: Option<f64>,
    pub lang: Lang,
    pub on_action: Callback<Action>,
}

/// A number field for a baseline the plan does not give.
#[component]
pub fn BaselineField(p: &BaselineProps) -> Html {
    let s = p.lang.s();
    let id = p.id.clone();
    let onchange = p.on_action.reform(move |e: Event| {
        let el: HtmlInputElement = e.target_unchecked_into();
        Action::TypeBaseline(id.to_string(), el.value())
    });
    html! {
        <div class="baseline-field">
            <p class="hint">{ s.plan_prints_slash }</p>
            <label for={format!("b-{}", p.id)}>{ fill(s.enter_baseline, "year", p.year) }{ format!(" ({})", p.unit) }</label>
            <input type="number" id={format!("b-{}", p.id)} class="num wide" min="0" step="any"
                value={p.value.map(|v| v.to_string()).unwrap_or_default()} {onchange} />
        </div>
    }
}
