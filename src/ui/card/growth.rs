//! A slider plus a number field for one indicator's annual growth.

use crate::core::plan::Plan;
use crate::i18n::{fmt_signed, prices_word, slider_unit, Lang};
use crate::state::Action;
use crate::ui::shared::Shared;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct GrowthProps {
    pub plan: Shared<Plan>,
    /// The indicator whose slider this is.
    pub id: AttrValue,
    pub value: f64,
    /// Whether the reader moved it from the plan's default.
    pub changed: bool,
    pub lang: Lang,
    pub on_action: Callback<Action>,
}

/// The slider of indicator `id`, its number field, unit and reset.
#[component]
pub fn GrowthControl(p: &GrowthProps) -> Html {
    let s = p.lang.s();
    let Some(ind) = p.plan.indicator(&p.id) else {
        return html! {};
    };
    let Some(slider) = ind.slider.as_ref() else {
        return html! {};
    };
    let id = p.id.clone();
    let oninput = {
        let id = id.clone();
        p.on_action.reform(move |e: InputEvent| {
            let el: HtmlInputElement = e.target_unchecked_into();
            Action::SetGrowth(id.to_string(), el.value_as_number())
        })
    };
    let onchange = {
        let id = id.clone();
        p.on_action.reform(move |e: Event| {
            let el: HtmlInputElement = e.target_unchecked_into();
            Action::TypeGrowth(id.to_string(), el.value())
        })
    };
    let reset = {
        let id = id.clone();
        p.on_action
            .reform(move |_: MouseEvent| Action::ResetOne(id.to_string()))
    };
    let unit = slider_unit(p.lang, ind);
    // issue 7/13: the price basis beside typed growth ("nominal")
    let prices = prices_word(p.lang, slider.prices);
    let spoken = match prices {
        Some(w) => format!("{unit}, {w}"),
        None => unit.clone(),
    };
    let name = p.lang.pick(&ind.name);
    html! {
        <div class="growth" data-growth={id.clone()}>
            <label for={format!("g-{id}")}>{ format!("{} · {}", s.growth, name) }</label>
            <div class="growth-row">
                <input type="range" id={format!("g-{id}")} min={slider.min.to_string()} max={slider.max.to_string()}
                    step={slider.step.to_string()} value={p.value.to_string()} {oninput}
                    aria-valuetext={format!("{} {}", fmt_signed(p.value), spoken)} />
                <input type="number" id={format!("n-{id}")} class="num" step={slider.step.to_string()}
                    value={crate::publish::fmt_field(p.value, slider.step)} {onchange} aria-label={format!("{} ({})", name, spoken)} />
                <span class="unit">{ unit }
                    if let Some(w) = prices { <span class="prices" data-role="prices">{ w }</span> }
                </span>
                <button type="button" class="link" onclick={reset} disabled={!p.changed}
                    aria-label={format!("{} · {}", s.reset, name)}>{ s.reset }</button>
            </div>
        </div>
    }
}
