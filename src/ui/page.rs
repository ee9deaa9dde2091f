//! The full page: header, plan bar, notices, summary, share panel, the
//! printed handout, the headline panel and a section per category.

use super::files::Opened;
use super::group::CategoryGroup;
use super::headline::HeadlinePanel;
use super::hero::Hero;
use super::near::Near;
use super::notices::Notices;
use super::overview::Overview;
use super::plan_bar::{PlanBar, PlanItem};
use super::preset_note::PresetNote;
use super::print::PrintSheet;
use super::share::SharePanel;
use super::summary::Summary;
use super::toolbar::Toolbar;
use super::view::View;
use crate::notice::Notice;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PageProps {
    pub view: View,
    pub notices: Rc<Vec<Notice>>,
    pub citation: AttrValue,
    /// The open plans, for the switcher.
    pub plans: Vec<PlanItem>,
    pub current: usize,
    /// The `?plan=` value of the plan shown.
    pub link_key: Option<AttrValue>,
    /// The `reported=` address of values a link loaded.
    pub reported_link: Option<AttrValue>,
    pub from_file: bool,
    pub loaded_reported: bool,
    /// Whether a file is being dragged over the page.
    pub dragging: bool,
    pub on_show: Callback<usize>,
    pub on_remove: Callback<usize>,
    pub on_file: Callback<Opened>,
    pub on_remove_reported: Callback<()>,
    /// issue 11a: the permalink of the scenario, for the handout.
    #[prop_or_default]
    pub permalink: AttrValue,
    /// issue 10: whether a slider is moving (what no one reads meanwhile
    /// waits for it to rest).
    #[prop_or_default]
    pub stepping: bool,
}

/// Everything but the embed view.
#[component]
pub fn Page(p: &PageProps) -> Html {
    let v = &p.view;
    let lang = v.lang;
    let s = lang.s();
    let plan = &v.plan;
    // issue 10: the share panel and the handout follow the scenario once the
    // reader rests; neither is read while a slider moves.
    let calm = super::hooks::use_rested(v.clone(), p.stepping);
    let (active, custom) = super::toolbar::preset_state(v);
    // issue 10: the panels and groups below the first screen are built one
    // by one after it (see `Near`), in page order.
    let order = std::cell::Cell::new(0);
    let lazy = || {
        let k = order.get();
        order.set(k + 1);
        k
    };
    html! {
        <>
            <Toolbar plan={plan.clone()} horizon={v.scenario.horizon} {active} {custom}
                paces={v.reports.paces.clone()} {lang} on_action={v.on_action.clone()} scale={v.scale} />
            <PlanBar plans={p.plans.clone()} current={p.current} {lang} on_show={p.on_show.clone()}
                on_remove={p.on_remove.clone()} on_file={p.on_file.clone()} />
            <main>
                <Near stagger={p.stepping} view={v.clone()} calm={calm.clone()} render={Callback::from(|(v, _): (View, View)| html! {
                    <Hero view={v} today_year={super::browser::year_now()} />
                })} />
                <PresetNote plan={plan.clone()} {active} {custom} {lang} />
                <Notices notices={p.notices.clone()} {lang} on_action={v.on_action.clone()} />
                <Near stagger={p.stepping} view={v.clone()} calm={calm.clone()} render={Callback::from(|(v, _): (View, View)| html! {
                    <>
                        <Summary plan={v.plan.clone()} run={v.run.clone()} reference={v.reference.clone()} lang={v.lang}
                            is_default={v.is_default()} chances={v.chances.clone()}
                            reference_name={v.reference_name.clone()} yours_name={super::reference_control::scenario_name(&v)} />
                        <super::reference_control::ReferenceControl reference={v.reference_choice.clone()}
                            pinned_is_current={super::reference_control::pinned_is_current(&v)} lang={v.lang} on_action={v.on_action.clone()} />
                    </>
                })} />
                // issue 10: the overview's table is three quarters of the first screen's DOM (311
                // of 419 elements) and mostly below it: built just after the answer, first of all.
                <Near stagger={p.stepping} view={v.clone()} calm={calm.clone()} lazy={Some(lazy())} render={{
                    // The rows off the screen show the rested view as Near stages it.
                    let stepping = p.stepping;
                    Callback::from(move |(view, calm): (View, View)| html! { <Overview {view} {calm} {stepping} /> })
                }} />
                // issue 10: the share panel (closed) and the handout (printed only)
                // are built just after the first screen, from the rested view.
                <Near stagger={p.stepping} view={calm.clone()} calm={calm.clone()} lazy={Some(lazy())} render={{
                    let p = (p.link_key.clone(), p.reported_link.clone(), p.from_file, p.citation.clone(),
                        p.loaded_reported, p.on_file.clone(), p.on_remove_reported.clone());
                    Callback::from(move |(calm, _): (View, View)| {
                        let (link_key, reported_link, from_file, citation, loaded_reported, on_file, on_remove_reported) = p.clone();
                        html! {
                            <SharePanel plan={calm.plan.clone()} scenario={calm.scenario.clone()} {link_key}
                                {reported_link} {from_file} {citation}
                                reported={calm.reports.all.clone()} {loaded_reported} lang={calm.lang} scale={calm.scale}
                                reference={calm.reference_choice.clone()} {on_file} {on_remove_reported} />
                        }
                    })
                }} />
                <Near stagger={p.stepping} view={calm.clone()} calm={calm.clone()} lazy={Some(lazy())} render={{
                    let (citation, permalink) = (p.citation.clone(), p.permalink.clone());
                    Callback::from(move |(calm, _): (View, View)| html! {
                        <PrintSheet plan={calm.plan.clone()} run={calm.run.clone()} scenario={calm.scenario.clone()}
                            citation={citation.clone()} lang={calm.lang} reference={Some(calm.reference.clone())}
                            paces={calm.reports.paces.clone()} permalink={permalink.clone()}
                            reference_choice={calm.reference_choice.clone()} reference_name={calm.reference_name.clone()} />
                    })
                }} />
                <Near stagger={p.stepping} view={v.clone()} calm={calm.clone()} lazy={Some(lazy())} render={Callback::from(|(v, _): (View, View)| html! { <HeadlinePanel view={v} /> })} />
                if v.scale.value() > 0.0 {
                    { for plan.with_role(crate::core::plan::Role::Headline)
                        .filter(|i| v.chances.chance(&i.id).is_some())
                        .map(|i| html! {
                            <Near stagger={p.stepping} key={format!("f-{}", i.id)} view={v.clone()} calm={calm.clone()} lazy={Some(lazy())} render={{
                                let id = AttrValue::from(i.id.clone());
                                Callback::from(move |(v, _): (View, View)| html! { <super::futures::FuturesPanel view={v} id={id.clone()} /> })
                            }} />
                        }) }
                }
                if plan.uncertainty.is_some() {
                    { for plan.indicators.iter()
                        .filter(|i| i.target.is_some() && plan.ratio_of(&i.id).is_some())
                        .map(|i| html! {
                            <Near stagger={p.stepping} key={format!("t-{}", i.id)} view={v.clone()} calm={calm.clone()} lazy={Some(lazy())} render={{
                                let id = AttrValue::from(i.id.clone());
                                Callback::from(move |(v, _): (View, View)| html! { <super::tradeoff::TradeoffPanel view={v} id={id.clone()} /> })
                            }} />
                        }) }
                }
                { for plan.target_groups().map(|c| html! {
                    <Near stagger={p.stepping} key={c.id.clone()} view={v.clone()} calm={calm.clone()} lazy={Some(lazy())} render={{
                        let category = AttrValue::from(c.id.clone());
                        Callback::from(move |(v, _): (View, View)| html! { <CategoryGroup view={v} category={category.clone()} /> })
                    }} />
                }) }
            </main>
            <footer>
                // issue 11a: said once, not on every card without a trend
                if plan.indicators.iter().any(|i| i.slider.is_some() && i.target.is_some() && i.trend.is_none()) {
                    <p data-role="no-trend">{ s.no_trend_once }</p>
                }
                <p>{ format!("{}: {} ({}, {}, {})", s.source, lang.pick(&plan.title), lang.pick(&plan.issuer), plan.document_number, plan.issued) }</p>
            </footer>
            if p.dragging {
                <div class="drop-overlay" aria-hidden="true"><p>{ s.drop_hint }</p></div>
            }
        </>
    }
}
