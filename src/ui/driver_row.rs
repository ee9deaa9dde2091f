//! A driver: its projected value and its growth year by year.

use super::card::ReportedList;
use crate::core::engine::Path;
use crate::core::map::Map;
use crate::core::plan::Plan;
use crate::core::reported::Reported;
use crate::i18n::{fmt_num, Lang};
use crate::state::Action;
use crate::ui::shared::Shared;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DriverProps {
    pub plan: Shared<Plan>,
    pub id: AttrValue,
    /// Its projected path; `None` where it needs a baseline.
    pub path: Option<Rc<Path>>,
    /// The growth in force each year.
    pub years: Rc<Map<u16, f64>>,
    /// The years the reader set.
    pub overrides: Rc<Map<u16, f64>>,
    pub reported: Rc<Vec<Reported>>,
    pub lang: Lang,
    pub on_action: Callback<Action>,
}

/// A disclosure with the driver's value in the target year, its reported
/// values, and a field for each year's growth.
#[component]
pub fn DriverRow(p: &DriverProps) -> Html {
    let lang = p.lang;
    let s = lang.s();
    let Some(d) = p.plan.indicator(&p.id) else {
        return html! {};
    };
    let end = p.plan.target_year;
    let value = p.path.as_ref().and_then(|x| x.at(end));
    let unit = lang.pick(&d.unit);
    let name = lang.pick(&d.name);
    html! {
        <details class="driver" data-indicator={p.id.clone()}>
            <summary>
                { name }{ ": " }
                <span data-role="projected" data-value={value.map(|v| v.to_string()).unwrap_or_default()}>
                    { format!("{end} {} {unit}", value.map(fmt_num).unwrap_or_default()) }
                </span>
            </summary>
            <ReportedList reported={p.reported.clone()} path={p.path.clone()} unit={AttrValue::from(unit.to_string())}
                base_year={p.plan.base_year} {lang} />
            if let Some(n) = &d.note { <p class="note">{ lang.pick(n) }</p> }
            <p class="hint">{ s.per_year_editor }{ " — " }{ s.per_year_hint }
                // issue 7/13: the price basis wherever growth is typed
                { d.slider.as_ref().and_then(|sl| crate::i18n::prices_word(lang, sl.prices)).map_or(String::new(), |w| format!(" ({w})")) }</p>
            <div class="years">
                { for p.years.iter().map(|(&y, &g)| {
                    let id = p.id.clone();
                    let onchange = p.on_action.reform(move |e: Event| {
                        let el: HtmlInputElement = e.target_unchecked_into();
                        Action::TypePathYear(id.to_string(), y, el.value())
                    });
                    let set = p.overrides.get(&y).map(|v| v.to_string()).unwrap_or_default();
                    html! {
                        <label class="year">
                            <span>{ y }</span>
                            <input type="number" class="num" step="0.1" value={set} placeholder={format!("{g}")} {onchange}
                                aria-label={format!("{name} {y}")} />
                        </label>
                    }
                }) }
            </div>
        </details>
    }
}
