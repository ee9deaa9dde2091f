//! Share, cite, embed, export and import: a panel of leaf controls.

use super::browser;
use crate::core::plan::Plan;
use crate::export;
use crate::state::{self, Action, State};
use gloo::file::callbacks::FileReader;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ShareProps {
    pub plan: Rc<Plan>,
    pub state: State,
    pub on_action: Callback<Action>,
}

/// A copy button: tries the clipboard, else selects the field `target` for a
/// manual copy; says what happened in a live region.
#[derive(Properties, PartialEq)]
struct CopyProps {
    text: AttrValue,
    target: AttrValue,
    label: AttrValue,
    done: AttrValue,
    failed: AttrValue,
}

#[component]
fn CopyButton(p: &CopyProps) -> Html {
    let status = use_state(String::new);
    let onclick = {
        let (text, target, status) = (p.text.clone(), p.target.clone(), status.clone());
        let (done, failed) = (p.done.clone(), p.failed.clone());
        Callback::from(move |_| {
            let (text, target, status) = (text.clone(), target.clone(), status.clone());
            let (done, failed) = (done.clone(), failed.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let ok = browser::copy(&text).await;
                if !ok {
                    select(&target);
                }
                status.set(if ok {
                    done.to_string()
                } else {
                    failed.to_string()
                });
            });
        })
    };
    html! {
        <>
            <button type="button" {onclick} data-copy={p.target.clone()}>{ p.label.clone() }</button>
            <span class="copy-status" aria-live="polite">{ (*status).clone() }</span>
        </>
    }
}

fn select(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = gloo::utils::document().get_element_by_id(id) {
        if let Some(t) = el.dyn_ref::<HtmlTextAreaElement>() {
            t.select();
        } else if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
            i.select();
        }
    }
}

#[component]
pub fn SharePanel(p: &ShareProps) -> Html {
    let s = p.state.lang.s();
    let plan = &p.plan;
    let frag = state::to_fragment(plan, &p.state);
    let base = browser::base_url();
    let permalink = format!("{base}#{frag}");
    let cite = export::citation(plan, p.state.lang, &permalink, &browser::today());
    let view = use_state(|| "headline".to_string());
    let height = use_state(|| 560u32);
    let embed_url = export::embed_url(&base, &view, &frag);
    let title = match plan.indicator(&view) {
        Some(i) if *view != "headline" => format!("plansim: {}", p.state.lang.pick(&i.name)),
        _ => format!("plansim: {}", s.headline_title),
    };
    let snippet = export::embed_snippet(&embed_url, &title, *height);
    let reader = use_mut_ref(|| None::<FileReader>);

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
        let (plan, sc) = (plan.clone(), p.state.scenario.clone());
        Callback::from(move |_| {
            browser::download(
                "plansim-scenario.csv",
                "text/csv;charset=utf-8",
                &export::csv(&plan, &sc),
            )
        })
    };
    let json = {
        let (plan, st) = (plan.clone(), p.state.clone());
        Callback::from(move |_| {
            browser::download(
                "plansim-scenario.json",
                "application/json",
                &export::scenario_json(&plan, &st),
            )
        })
    };
    let on_import = {
        let (plan, lang, cb, reader) = (
            plan.clone(),
            p.state.lang,
            p.on_action.clone(),
            reader.clone(),
        );
        let failed = s.import_failed;
        Callback::from(move |e: Event| {
            let el: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = el.files().and_then(|f| f.get(0)) else {
                return;
            };
            el.set_value("");
            let (plan, cb) = (plan.clone(), cb.clone());
            let task =
                gloo::file::callbacks::read_as_text(&gloo::file::File::from(file), move |res| {
                    let action = match res {
                        Ok(text) => match export::import_scenario(&plan, &text, lang) {
                            Ok(st) => Action::Replace(st),
                            Err(msg) => Action::Notice(format!("{failed}{msg}")),
                        },
                        Err(e) => Action::Notice(format!("{failed}{e}")),
                    };
                    cb.emit(action);
                });
            *reader.borrow_mut() = Some(task);
        })
    };
    let print = Callback::from(|_| browser::print());
    let lang = p.state.lang;
    html! {
        <details class="share" id="share">
            <summary>{ s.share_title }</summary>
            <div class="share-grid">
                <div class="field">
                    <label for="permalink">{ s.link }</label>
                    <input id="permalink" readonly=true value={permalink.clone()} />
                    <CopyButton text={permalink} target="permalink" label={s.copy_link} done={s.copied} failed={s.copy_failed} />
                </div>
                <div class="field">
                    <label for="citation">{ s.cite_title }</label>
                    <textarea id="citation" readonly=true rows="5" value={cite.clone()} />
                    <CopyButton text={cite} target="citation" label={s.copy} done={s.copied} failed={s.copy_failed} />
                </div>
                <div class="field">
                    <span class="label">{ s.embed_title }</span>
                    <div class="row">
                        <label for="embed-view">{ s.embed_view }</label>
                        <select id="embed-view" onchange={on_view}>
                            <option value="headline" selected={*view == "headline"}>{ s.headline_title }</option>
                            { for plan.indicators.iter().filter(|i| i.target.is_some() && i.role != crate::core::plan::Role::Headline).map(|i| html! {
                                <option value={i.id.clone()} selected={*view == i.id}>{ lang.pick(&i.name) }</option>
                            }) }
                        </select>
                        <label for="embed-height">{ s.embed_height }</label>
                        <input id="embed-height" class="num" type="number" min="200" max="4000" step="10" value={height.to_string()} onchange={on_height} />
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
                    if base.starts_with("http") {
                        <a href="plansim-offline.html" download="plansim.html" data-export="offline">{ s.offline_copy }</a>
                    }
                </div>
            </div>
        </details>
    }
}
