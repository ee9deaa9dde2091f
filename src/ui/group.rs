//! One category of targets: the plan's table rows as cards, and the targets
//! from its text in a disclosure.

use super::view::View;
use crate::core::plan::Role;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct GroupProps {
    pub view: View,
    /// The category's id.
    pub category: AttrValue,
}

/// A section per category, titled with the category's name.
#[component]
pub fn CategoryGroup(p: &GroupProps) -> Html {
    let v = &p.view;
    let Some(c) = v.plan.category(&p.category) else {
        return html! {};
    };
    let table: Vec<String> = v
        .plan
        .members(&c.id, Role::Table)
        .map(|i| i.id.clone())
        .collect();
    let text: Vec<String> = v
        .plan
        .members(&c.id, Role::Text)
        .map(|i| i.id.clone())
        .collect();
    html! {
        <section class="group" id={format!("group-{}", c.id)} aria-labelledby={format!("h-{}", c.id)}>
            <h2 id={format!("h-{}", c.id)}>{ v.lang.pick(&c.name) }</h2>
            if !table.is_empty() {
                <div class="cards">{ for table.iter().map(|id| v.card(id)) }</div>
            }
            if !text.is_empty() {
                <details class="more">
                    <summary>{ format!("{} ({})", v.lang.s().other_targets, text.len()) }</summary>
                    <div class="cards">{ for text.iter().map(|id| v.card(id)) }</div>
                </details>
            }
        </section>
    }
}
