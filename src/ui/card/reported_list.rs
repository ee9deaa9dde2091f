//! Values published since the plan started, each with its source.

use crate::core::engine::Path;
use crate::core::reported::{ReportStatus, Reported};
use crate::i18n::{fill, fmt_num, Lang};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReportedListProps {
    pub reported: Rc<Vec<Reported>>,
    /// The projected path, to say whether each value lies above or below it.
    pub path: Option<Rc<Path>>,
    pub unit: AttrValue,
    /// The plan's base year: values are reported from the year after.
    pub base_year: u16,
    pub lang: Lang,
}

/// A reported value as text: `≥ 17.1` for a lower bound.
pub fn value_text(r: &Reported) -> String {
    let v = fmt_num(r.value);
    if r.status == ReportStatus::LowerBound {
        format!("≥ {v}")
    } else {
        v
    }
}

/// The list under a chart: year, value, how it compares with the path, source.
#[component]
pub fn ReportedList(p: &ReportedListProps) -> Html {
    let s = p.lang.s();
    if p.reported.is_empty() {
        return html! {};
    }
    html! {
        <div class="reported">
            <span class="label">{ fill(s.reported_title, "year", p.base_year + 1) }</span>
            <ul>
                { for p.reported.iter().map(|r| {
                    let cmp = p.path.as_ref().and_then(|x| x.at(r.year)).map(|pv| {
                        let word = if r.value >= pv { s.above_path } else { s.below_path };
                        format!(" ({word}: {})", fmt_num(pv))
                    }).unwrap_or_default();
                    let status = match r.status {
                        ReportStatus::Revised => format!(", {}", s.revised),
                        ReportStatus::FirstRelease => format!(", {}", s.first_release),
                        _ => String::new(),
                    };
                    html! {
                        <li data-reported={r.year.to_string()} title={r.note.clone()}>
                            { format!("{}: {} {}{cmp} — ", r.year, value_text(r), p.unit) }
                            if let Some(url) = crate::export::web_link(&r.url) {
                                <a href={url.to_string()} target="_blank" rel="noopener noreferrer">{ format!("{}{status}", crate::publish::source_text(p.lang, &r.source)) }</a>
                            } else {
                                { format!("{}{status}", crate::publish::source_text(p.lang, &r.source)) }
                            }
                        </li>
                    }
                }) }
            </ul>
        </div>
    }
}
