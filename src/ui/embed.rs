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
    /// issue 11a: `lock=1`: the scenario shown cannot be changed.
    #[prop_or_default]
    pub locked: bool,
    /// issue 11a: `view=chart`: the chart, its title and its source line.
    #[prop_or_default]
    pub chart_only: bool,
}

/// No page chrome: the card(s), the sliders they need, and a link to the
/// full page. Posts its height to the host page as it changes.
#[component]
pub fn EmbedView(p: &EmbedProps) -> Html {
    use_effect_with((), |_| super::browser::watch_height());
    let v = &p.view;
    let s = v.lang.s();
    let heads: Vec<&Indicator> = v.plan.with_role(Role::Headline).collect();
    // issue 11a: the scenario in one sentence, from the sliders the view needs
    let shown: Vec<&str> = if &*p.embed == HEADLINE_VIEW {
        heads.iter().map(|h| h.id.as_str()).collect()
    } else {
        vec![&*p.embed]
    };
    let sliders = crate::publish::sliders_of(&v.plan, &shown);
    let sentence = crate::publish::scenario_sentence(&v.plan, &v.scenario, &sliders, v.lang);
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
                    if !p.locked && !p.chart_only {
                        { for others.iter().map(|id| v.growth_control(id)) }
                    }
                </>
            }
        }
        Some(ind) if ind.target.is_some() => v.card(&ind.id),
        _ => {
            html! { <p class="error" role="alert">{ format!("{}{}", s.unknown_view, p.embed) }</p> }
        }
    };
    let class = classes!(
        "embed",
        p.locked.then_some("locked"),
        p.chart_only.then_some("chart-only")
    );
    html! {
        <div {class} data-embed={p.embed.clone()} data-locked={p.locked.to_string()}>
            <Notices notices={p.notices.clone()} lang={v.lang} on_action={v.on_action.clone()} />
            if !sentence.is_empty() {
                <p class="scenario-sentence" data-role="scenario-sentence">
                    { format!("{}: {sentence}", s.scenario_label) }
                    if p.locked { <span class="locked-note">{ format!(" · {}", s.locked_note) }</span> }
                </p>
            }
            { content }
            <p class="open-full"><a href={p.open.clone()} target="_blank" rel="noopener">{ s.open_full }{ " ↗" }</a>
                { format!(" · {}", v.plan.document_number) }</p>
        </div>
    }
}
