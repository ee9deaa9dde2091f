//! Which plan is shown: a switcher when more than one is open, the button
//! that opens a plan file, and the removal of a plan the reader opened.

use super::files::{self, Opened};
use crate::i18n::Lang;
use crate::session::Source;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// An open plan as the switcher lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanItem {
    /// Its title in the language shown.
    pub title: AttrValue,
    /// Where it came from.
    pub source: Source,
}

#[derive(Properties, PartialEq)]
pub struct PlanBarProps {
    pub plans: Vec<PlanItem>,
    pub current: usize,
    pub lang: Lang,
    pub on_show: Callback<usize>,
    pub on_remove: Callback<usize>,
    /// A file the reader chose.
    pub on_file: Callback<Opened>,
}

/// A row under the header.
#[component]
pub fn PlanBar(p: &PlanBarProps) -> Html {
    let s = p.lang.s();
    let on_select = {
        let on_show = p.on_show.clone();
        Callback::from(move |e: Event| {
            let el: HtmlSelectElement = e.target_unchecked_into();
            if let Ok(i) = el.value().parse() {
                on_show.emit(i);
            }
        })
    };
    let current = p.current;
    let remove = p.on_remove.reform(move |_: MouseEvent| current);
    let removable = p
        .plans
        .get(current)
        .is_some_and(|x| x.source != Source::Builtin);
    let mark = |src: &Source| match src {
        Source::Builtin => s.builtin_mark,
        Source::File => s.file_mark,
        Source::Link(_) => s.link_mark,
    };
    html! {
        <div class="plan-bar" role="group" aria-label={s.plan_label}>
            if p.plans.len() > 1 {
                <label for="plan-select">{ s.plan_label }</label>
                <select id="plan-select" onchange={on_select}>
                    { for p.plans.iter().enumerate().map(|(i, x)| html! {
                        <option value={i.to_string()} selected={i == current}>{ format!("{} ({})", x.title, mark(&x.source)) }</option>
                    }) }
                </select>
                if removable {
                    <button type="button" class="link" onclick={remove} data-action="remove-plan">{ s.remove_plan }</button>
                }
            }
            <label class="button" for="open-plan">{ s.open_plan }</label>
            <input id="open-plan" class="visually-hidden" type="file" accept=".json,application/json,.csv,text/csv"
                onchange={files::on_change(p.on_file.clone())} />
        </div>
    }
}
