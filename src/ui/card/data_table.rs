//! A path's values year by year beside the values reported for those years.

use crate::core::engine::Path;
use crate::core::reported::Reported;
use crate::i18n::{fmt_num, Lang};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DataTableProps {
    pub path: Rc<Path>,
    pub reported: Rc<Vec<Reported>>,
    pub unit: AttrValue,
    pub lang: Lang,
}

/// The numbers behind a chart, in a disclosure.
#[component]
pub fn DataTable(p: &DataTableProps) -> Html {
    let s = p.lang.s();
    html! {
        <details class="table">
            <summary>{ s.data_table }</summary>
            <table>
                <thead><tr>
                    <th scope="col">{ s.year }</th>
                    <th scope="col">{ format!("{} ({})", s.projected, p.unit) }</th>
                    <th scope="col">{ s.reported_label }</th>
                </tr></thead>
                <tbody>
                    { for p.path.points().map(|(y, v)| {
                        let rep = p.reported.iter().find(|r| r.year == y).map(super::reported_list::value_text).unwrap_or_default();
                        html! { <tr><td>{ y }</td><td>{ fmt_num(v) }</td><td>{ rep }</td></tr> }
                    }) }
                </tbody>
            </table>
        </details>
    }
}
