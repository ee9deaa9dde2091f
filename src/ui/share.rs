//! Share, cite, embed, export and import: a panel of leaf controls.

use super::browser;
use super::copy_button::CopyButton;
use super::files::{self, Opened};
use super::shared::Shared;
use crate::core::engine::Scenario;
use crate::core::plan::{Plan, Role};
use crate::core::reported::Reported;
use crate::export;
use crate::i18n::{goal_heading, Lang};
use crate::state::State;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// The embed view of a plan's headline goals.
pub const HEADLINE_VIEW: &str = "headline";

/// issue 11a: the snippet's height where the host runs no script: enough
/// for the headline view on a wide page and, below, on a phone.
const DEFAULT_HEIGHT: u32 = 960;
const DEFAULT_PHONE_HEIGHT: u32 = 1240;

#[derive(Properties, PartialEq)]
pub struct ShareProps {
    pub plan: Shared<Plan>,
    pub scenario: Scenario,
    /// The `?plan=` value of the plan shown; `None` for the first built-in.
    pub link_key: Option<AttrValue>,
    /// The `reported=` address of values a link loaded.
    pub reported_link: Option<AttrValue>,
    /// Whether the plan came from a file, which a link opens only here.
    pub from_file: bool,
    pub citation: AttrValue,
    /// The reported values the page holds.
    pub reported: Rc<Vec<Reported>>,
    /// Whether the reader loaded some of them.
    pub loaded_reported: bool,
    pub lang: Lang,
    /// The uncertainty scale, which the link carries (issue 8).
    #[prop_or_default]
    pub scale: crate::core::uncertainty::Scale,
    /// The reference, which the link carries (issue 7).
    #[prop_or_default]
    pub reference: crate::state::Reference,
    /// A file the reader chose: a scenario, a plan or reported values.
    pub on_file: Callback<Opened>,
    /// Drop the reported values the reader loaded.
    pub on_remove_reported: Callback<()>,
}

/// The panel under the summary.
#[component]
pub fn SharePanel(p: &ShareProps) -> Html {
    let lang = p.lang;
    let s = lang.s();
    let plan = &p.plan;
    let st = State {
        scenario: p.scenario.clone(),
        lang,
        notices: vec![],
        scale: p.scale,
        reference: p.reference.clone(),
    };
    let frag = crate::state::to_fragment(plan, &st);
    let key = p.link_key.as_deref();
    let permalink = browser::page_link(key, p.reported_link.as_deref(), None, &frag);
    let has_headline = plan.with_role(Role::Headline).next().is_some();
    let first_view = if has_headline {
        HEADLINE_VIEW.to_string()
    } else {
        plan.indicators
            .iter()
            .find(|i| i.target.is_some())
            .map(|i| i.id.clone())
            .unwrap_or_default()
    };
    let view = use_state(|| first_view.clone());
    let view_id = if *view == HEADLINE_VIEW || plan.indicator(&view).is_some() {
        (*view).clone()
    } else {
        first_view
    };
    // issue 11a: the snippet works as pasted: its script fits the frame to
    // the content; without script, these heights (wide, and below 480 px).
    let height = use_state(|| DEFAULT_HEIGHT);
    let phone = use_state(|| DEFAULT_PHONE_HEIGHT);
    let lock = use_state(|| false);
    let chart_only = use_state(|| false);
    let embed_url = browser::embed_link(
        key,
        p.reported_link.as_deref(),
        &view_id,
        *lock,
        *chart_only,
        &frag,
    );
    let headline_label = |plan: &Plan| {
        let heads: Vec<_> = plan.with_role(Role::Headline).collect();
        match heads.as_slice() {
            [one] => goal_heading(plan, one, lang),
            _ => heads
                .iter()
                .map(|h| lang.pick(&h.name))
                .collect::<Vec<_>>()
                .join(" · "),
        }
    };
    let title = match plan.indicator(&view_id) {
        Some(i) if view_id != HEADLINE_VIEW => format!("plansim: {}", lang.pick(&i.name)),
        _ => format!("plansim: {}", headline_label(plan)),
    };
    let snippet = crate::publish::embed_snippet(&embed_url, &title, *height, *phone);
    let on_lock = {
        let lock = lock.clone();
        Callback::from(move |e: Event| {
            let el: HtmlInputElement = e.target_unchecked_into();
            lock.set(el.checked());
        })
    };
    let on_chart = {
        let chart_only = chart_only.clone();
        Callback::from(move |e: Event| {
            let el: HtmlInputElement = e.target_unchecked_into();
            chart_only.set(el.checked());
        })
    };
    let on_phone = {
        let phone = phone.clone();
        Callback::from(move |e: Event| {
            let el: HtmlInputElement = e.target_unchecked_into();
            if let Ok(h) = el.value().trim().parse::<u32>() {
                phone.set(h.clamp(200, 6000));
            }
        })
    };
    let on_view = {
        let view = view.clone();
        Callback::from(move |e: Event| {
            let el: HtmlSelectElement = e.target_unchecked_into();
            view.set(el.value());
        })
    };
    let on_height = {
        let height = height.clone();
        Callback::from(move |e: Event| {
            let el: HtmlInputElement = e.target_unchecked_into();
            if let Ok(h) = el.value().trim().parse::<u32>() {
                height.set(h.clamp(200, 4000));
            }
        })
    };
    let csv = {
        // issue 11b: the scenario, the reference (the reported pace) and the
        // reported values with their sources, on every row.
        let (plan, sc, rows, link, chosen) = (
            plan.clone(),
            p.scenario.clone(),
            p.reported.clone(),
            permalink.clone(),
            p.reference.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let paces = crate::core::reported::paces(&plan, &rows);
            let reference = crate::core::presets::reference_scenario(&plan, &sc, &chosen, &paces);
            let table = export::Table {
                reference: Some(export::Reference {
                    name: chosen.label(lang),
                    scenario: &reference,
                }),
                reported: &rows,
                link: &link,
                lang,
                ..export::Table::new(&plan, &sc)
            };
            browser::download(
                "plansim-scenario.csv",
                "text/csv;charset=utf-8",
                &export::csv(&table),
            )
        })
    };
    let json = {
        let (plan, st) = (plan.clone(), st.clone());
        Callback::from(move |_: MouseEvent| {
            browser::download(
                "plansim-scenario.json",
                "application/json",
                &export::scenario_json(&plan, &st),
            )
        })
    };
    let reported_csv = {
        let (plan, rows) = (plan.clone(), p.reported.clone());
        Callback::from(move |_: MouseEvent| {
            let name = format!("plansim-reported-{}.csv", plan.id);
            browser::download(
                &name,
                "text/csv;charset=utf-8",
                &export::reported_csv(&plan, &rows),
            )
        })
    };
    let remove_reported = p.on_remove_reported.reform(|_: MouseEvent| ());
    let on_import = files::on_change(p.on_file.clone());
    let on_reported = files::on_change(p.on_file.clone());
    let print = Callback::from(|_: MouseEvent| browser::print());
    html! {
        <details class="share" id="share">
            <summary>{ s.share_title }</summary>
            <div class="share-grid">
                <div class="field">
                    <label for="permalink">{ s.link }</label>
                    <input id="permalink" readonly=true value={permalink.clone()} />
                    <CopyButton text={permalink} target="permalink" label={s.copy_link} done={s.copied} failed={s.copy_failed} />
                    if p.from_file { <p class="hint">{ s.file_plan_link }</p> }
                </div>
                <div class="field">
                    <label for="citation">{ s.cite_title }</label>
                    <textarea id="citation" readonly=true rows="5" value={p.citation.clone()} />
                    <CopyButton text={p.citation.clone()} target="citation" label={s.copy} done={s.copied} failed={s.copy_failed} />
                </div>
                <div class="field">
                    <span class="label">{ s.embed_title }</span>
                    <div class="row">
                        <label for="embed-view">{ s.embed_view }</label>
                        <select id="embed-view" onchange={on_view}>
                            if has_headline {
                                <option value={HEADLINE_VIEW} selected={view_id == HEADLINE_VIEW}>{ headline_label(plan) }</option>
                            }
                            { for plan.indicators.iter().filter(|i| i.target.is_some() && i.role != Role::Headline).map(|i| html! {
                                <option value={i.id.clone()} selected={view_id == i.id}>{ lang.pick(&i.name) }</option>
                            }) }
                        </select>
                        <label for="embed-height">{ s.embed_height }</label>
                        <input id="embed-height" class="num" type="number" min="200" max="4000" step="10" value={height.to_string()} onchange={on_height} />
                        <label for="embed-phone">{ s.embed_phone_height }</label>
                        <input id="embed-phone" class="num" type="number" min="200" max="6000" step="10" value={phone.to_string()} onchange={on_phone} />
                    </div>
                    <div class="row">
                        <label class="check"><input type="checkbox" id="embed-lock" checked={*lock} onchange={on_lock} />{ s.embed_lock }</label>
                        <label class="check"><input type="checkbox" id="embed-chart" checked={*chart_only} onchange={on_chart} />{ s.embed_chart_only }</label>
                    </div>
                    <textarea id="embed-snippet" readonly=true rows="3" value={snippet.clone()} aria-label={format!("{} (HTML)", s.embed_title)} />
                    <CopyButton text={snippet} target="embed-snippet" label={s.copy} done={s.copied} failed={s.copy_failed} />
                    <a href={embed_url} target="_blank" rel="noopener">{ s.preview }</a>
                </div>
                <div class="field">
                    <span class="label">{ s.downloads }</span>
                    <div class="row">
                        <button type="button" onclick={csv} data-export="csv">{ s.csv }</button>
                        <button type="button" onclick={json} data-export="json">{ s.json }</button>
                        <label class="button" for="import-json">{ s.import_json }</label>
                        <input id="import-json" class="visually-hidden" type="file" accept=".json,application/json" onchange={on_import} />
                        <button type="button" onclick={print}>{ s.print_handout }</button>
                    </div>
                    <div class="row">
                        <button type="button" onclick={reported_csv} data-export="reported">{ s.download_reported }</button>
                        <label class="button" for="load-reported">{ s.load_reported }</label>
                        <input id="load-reported" class="visually-hidden" type="file" accept=".csv,text/csv" onchange={on_reported} />
                        if p.loaded_reported {
                            <button type="button" class="link" onclick={remove_reported} data-action="remove-reported">{ s.remove_reported }</button>
                        }
                    </div>
                    if browser::base_url().starts_with("http") {
                        <a href="plansim-offline.html" download="plansim.html" data-export="offline">{ s.offline_copy }</a>
                    }
                </div>
            </div>
        </details>
    }
}
