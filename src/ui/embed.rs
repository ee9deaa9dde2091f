//! The compact view of one indicator (`?embed=<id>`) or of the headline
//! goals (`?embed=headline`), for an iframe in someone else's page.

use super::notices::Notices;
use super::share::HEADLINE_VIEW;
use super::view::View;
use crate::core::plan::{Indicator, Role};
use crate::notice::Notice;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EmbedProps {
    pub view: View,
    /// An indicator id, or [`HEADLINE_VIEW`].
    pub embed: AttrValue,
    pub notices: Rc<Vec<Notice>>,
    /// The full page with the same plan and scenario.
    pub open: AttrValue,
}

/// No page chrome: the card(s), the sliders they need, and a link to the
/// full page. Posts its height to the host page as it changes.
#[component]
pub fn EmbedView(p: &EmbedProps) -> Html {
    use_effect_with((), |_| super::browser::watch_height());
    let v = &p.view;
    let s = v.lang.s();
    let heads: Vec<&Indicator> = v.plan.with_role(Role::Headline).collect();
    let content = match v.plan.indicator(&p.embed) {
        _ if &*p.embed == HEADLINE_VIEW && !heads.is_empty() => {
            let mut others: Vec<&str> = Vec::new();
            for h in &heads {
                for i in v.plan.other_inputs_of(&h.id) {
                    if !others.contains(&i.id.as_str()) {
                        others.push(&i.id);
                    }
                }
            }
            html! {
                <>
                    { for heads.iter().map(|h| v.card(&h.id)) }
                    { for others.iter().map(|id| v.growth_control(id)) }
                </>
            }
        }
        Some(ind) if ind.target.is_some() => v.card(&ind.id),
        _ => {
            html! { <p class="error" role="alert">{ format!("{}{}", s.unknown_view, p.embed) }</p> }
        }
    };
    html! {
        <div class="embed" data-embed={p.embed.clone()}>
            <Notices notices={p.notices.clone()} lang={v.lang} on_action={v.on_action.clone()} />
            { content }
            <p class="open-full"><a href={p.open.clone()} target="_blank" rel="noopener">{ s.open_full }{ " ↗" }</a>
                { format!(" · {}", v.plan.document_number) }</p>
        </div>
    }
}
