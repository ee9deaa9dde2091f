//! The app: one reducer holds the model; the URL, storage, fetching and
//! dropped files are hooks; the page or the embed view renders it.

use super::browser;
use super::embed::EmbedView;
use super::fetch_failed::FetchFailed;
use super::files::{Opened, MAX_FILE_BYTES};
use super::hooks::{use_file_drop, use_link_fetch, use_rested, use_storage_sync, use_url_sync};
use super::init::{initial, reported_key, KeptReported};
use super::page::Page;
use super::plan_bar::PlanItem;
use super::shared::Shared;
use super::view::{Reports, View};
use crate::core::builtin;
use crate::core::engine::run;
use crate::core::presets::reference_scenario;
use crate::export;
use crate::notice::Notice;
use crate::session::{open_file, Command, Opening, ReportedFrom, Source};
use crate::session::{Fetch, Msg, Visit};
use crate::state::{self, Action};
use yew::prelude::*;

/// What the full uncertainty figures were computed for (issue 8).
type ChancesKey = (
    Shared<crate::core::plan::Plan>,
    crate::core::engine::Scenario,
    crate::core::uncertainty::Scale,
);

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {}

/// Starts from the built-in plans and what this browser kept; a broken
/// seed is named instead of a blank page.
#[component]
pub fn App(_props: &AppProps) -> Html {
    let init = use_memo((), |_| initial().map(Shared::new));
    match &*init {
        Ok(model) => html! { <Plansim initial={model.clone()} /> },
        Err(e) => {
            html! { <p class="error" role="alert">{ format!("plansim could not load its built-in plans / 内置规划无法载入: {e}") }</p> }
        }
    }
}

#[derive(Properties, PartialEq)]
struct PlansimProps {
    initial: Shared<Visit>,
}

#[component]
fn Plansim(props: &PlansimProps) -> Html {
    let model = {
        let init = props.initial.clone();
        use_reducer(move || (*init).clone())
    };
    let embed = use_memo((), |_| browser::query_param("embed"));
    let embedded = embed.is_some();
    // The shown scenario's link fragment, once per render: written into the address, saved, and
    // (rested) the permalink's.
    let frag = state::to_fragment(&model.session.shown().plan, &model.session.state());
    use_url_sync(model.clone(), (*embed).clone(), frag.clone());
    use_storage_sync(&model, embedded, frag.clone());
    use_link_fetch(model.clone());
    // issue 11a: a locked embed (`lock=1`) takes no input; an embed's Reset
    // returns to the scenario it was given, kept once the plan is open.
    let locked = *use_memo((), |_| embedded && browser::query_flag("lock"));
    let chart_only = *use_memo((), |_| {
        browser::query_param("view").as_deref() == Some("chart")
    });
    let given = use_mut_ref(|| None::<crate::core::engine::Scenario>);
    let restored = {
        let init = props.initial.clone();
        use_state(move || super::init::restored_from_storage(&init, embedded))
    };
    if embedded && model.fetch.is_none() && given.borrow().is_none() {
        *given.borrow_mut() = Some(model.session.shown().scenario.clone());
    }
    // issue 10: the page's callbacks are made once, each reading the model of the latest render, so
    // that the parts given them (the share panel, the plan bar) are not rendered again on every
    // step of a slider for a callback that is new only in name.
    let latest = use_mut_ref(|| model.clone());
    *latest.borrow_mut() = model.clone();
    let callbacks = use_memo((), move |_| Callbacks::new(latest, embedded, locked));
    let on_file = callbacks.on_file.clone();
    let dragging = use_file_drop(on_file.clone());

    let on_action = {
        let d = model.dispatcher();
        let given = given.clone();
        use_memo((), move |_| {
            Callback::from(move |a: Action| {
                let a = match a {
                    Action::Dismiss => Action::Dismiss,
                    _ if locked => return,
                    Action::ResetOne(id) if embedded => match &*given.borrow() {
                        Some(sc) => Action::ResetOneTo(id, Box::new(sc.clone())),
                        None => Action::ResetOne(id),
                    },
                    a => a,
                };
                d.dispatch(Msg::Session(Command::Scenario(a)))
            })
        })
    };
    let s = &model.session;
    let shown = s.shown();
    let lang = s.lang;
    let plan: Shared<_> = shown.plan.clone().into();
    let result = use_memo((plan.clone(), shown.scenario.clone()), |(p, sc)| {
        run(p, sc).map(Shared::new)
    });
    let defaults = use_memo(plan.clone(), |p| crate::core::engine::Scenario::new(p));
    let reports = use_memo(
        (plan.clone(), Shared::from(shown.reported.clone())),
        |(p, all)| Reports::new(p, all.rc()),
    );
    // issue 7: the reference scenario the reader chose (by default the pace
    // published so far), with the reader's horizon and baselines
    // The run is memoised on the reference's own scenario: a slider's steps
    // leave a preset's reference unchanged (issue 10).
    let rsc = reference_scenario(&plan, &shown.scenario, &shown.reference, &reports.paces);
    let reference = use_memo((plan.clone(), rsc), |(p, rsc)| {
        Shared::new(run(p, rsc).unwrap_or(crate::core::engine::Run {
            outcomes: Vec::new(),
        }))
    });
    let notices = use_memo(s.notices.clone(), |n| n.clone());
    let scene = use_memo((), |_| super::export_scene::SceneCell::default());
    // Issue 8: quick figures (closed forms, 1,000 draws) at once, the full
    // ones (10,000 draws) once the scenario has rested for a moment. Issue 10:
    // each figure is computed when a part on the screen first shows it.
    let key = (plan.clone(), shown.scenario.clone(), s.scale);
    let quick = use_memo(key.clone(), |(p, sc, u)| {
        crate::chances::Chances::with_draws(p.rc(), sc, *u, crate::chances::QUICK_DRAWS)
    });
    let rested = use_state(|| None::<(ChancesKey, std::rc::Rc<crate::chances::Chances>)>);
    {
        let rested = rested.clone();
        use_effect_with(key.clone(), move |k| {
            let k = k.clone();
            let t = gloo::timers::callback::Timeout::new(super::hooks::REST_MS, move || {
                let full = crate::chances::Chances::new(k.0.rc(), &k.1, k.2);
                rested.set(Some((k, std::rc::Rc::new(full))));
            });
            move || drop(t)
        });
    }
    let chances = match &*rested {
        Some((k, full)) if *k == key => full.clone(),
        _ => quick.clone(),
    };
    // issue 10: the permalink, the citation and what an export says of the
    // page are rebuilt once the reader rests, not on every step of a slider.
    let reported_link = match &shown.loaded {
        Some((ReportedFrom::Link(url), _)) => Some(url.clone()),
        _ => None,
    };
    let stepping = model.url == crate::session::UrlWrite::Coalesce;
    let calm = use_rested(
        (
            plan.clone(),
            Shared::from(reports.clone()),
            shown.scenario.clone(),
            shown.reference.clone(),
            frag,
            s.link_key().map(str::to_string),
            reported_link.clone(),
            lang,
        ),
        stepping,
    );
    let links = use_memo(
        calm,
        |(plan, reports, scenario, reference, frag, key, rl, lang)| {
            let permalink = browser::page_link(key.as_deref(), rl.as_deref(), None, frag);
            let citation = export::citation(plan, *lang, &permalink, &browser::today());
            let scene = super::export_scene::Scene {
                scenario: Some(scenario.clone()),
                link: permalink.clone(),
                reference: Some((
                    reference.label(*lang).to_string(),
                    reference_scenario(plan, scenario, reference, &reports.paces),
                )),
                reported: reports.all.clone(),
            };
            (AttrValue::from(permalink), AttrValue::from(citation), scene)
        },
    );

    match &model.fetch {
        Some(Fetch::Loading { .. }) => {
            return html! {
                <>
                    <header class="top"><div class="brand"><h1>{ lang.s().app_title }</h1></div></header>
                    <main><p class="loading" role="status">{ lang.s().loading_plan }</p></main>
                </>
            };
        }
        Some(Fetch::Failed { url, why }) => {
            let d = model.dispatcher();
            let d2 = model.dispatcher();
            return html! {
                <FetchFailed url={AttrValue::from(url.clone())} why={why.clone()} {lang}
                    builtin={AttrValue::from(lang.pick(&s.plans[0].plan.title).to_string())}
                    on_builtin={Callback::from(move |_| d.dispatch(Msg::UseBuiltin))}
                    on_retry={Callback::from(move |_| d2.dispatch(Msg::Retry(browser::fragment())))} />
            };
        }
        None => {}
    }
    let result = match &*result {
        Ok(r) => r,
        Err(e) => {
            // Unreachable through the reducer, which checks the horizon.
            return html! { <p class="error" role="alert">{ crate::i18n::model_error(lang, e) }</p> };
        }
    };
    let view = View {
        plan: plan.clone(),
        run: result.clone(),
        reference: (*reference).clone(),
        reference_choice: shown.reference.clone(),
        reference_name: AttrValue::from(shown.reference.label(lang)),
        scenario: shown.scenario.clone(),
        defaults: Shared::from(defaults.clone()),
        reports: Shared::from(reports.clone()),
        lang,
        on_action: (*on_action).clone(),
        scale: s.scale,
        chances: Shared::from(chances.clone()),
    };
    let (permalink, citation, scene_now) = &*links;
    *scene.0.borrow_mut() = scene_now.clone();
    if let Some(embed) = &*embed {
        let open = permalink.clone();
        return html! {
            <ContextProvider<super::export_scene::SceneCell> context={(*scene).clone()}>
            <EmbedView {view} embed={AttrValue::from(embed.clone())} notices={notices.clone()}
                {open} {locked} {chart_only} />
            </ContextProvider<super::export_scene::SceneCell>>
        };
    }
    let plans: Vec<PlanItem> = s
        .plans
        .iter()
        .map(|p| PlanItem {
            title: AttrValue::from(lang.pick(&p.plan.title).to_string()),
            source: p.source.clone(),
        })
        .collect();
    let Callbacks {
        on_show,
        on_remove,
        on_remove_reported,
        ..
    } = (*callbacks).clone();
    let prompt = if *restored {
        let (model, r) = (model.clone(), restored.clone());
        let on_fresh = Callback::from(move |_| {
            for m in super::init::fresh_start(&model) {
                model.dispatch(m);
            }
            r.set(false);
        });
        let restored = restored.clone();
        let on_keep = Callback::from(move |_| restored.set(false));
        html! { <super::restore_prompt::RestorePrompt {lang} {on_fresh} {on_keep} /> }
    } else {
        html! {}
    };
    html! {
        <ContextProvider<super::export_scene::SceneCell> context={(*scene).clone()}>
        { prompt }
        <Page {view} notices={notices.clone()} citation={citation.clone()}
            {plans} current={s.current} link_key={s.link_key().map(|k| AttrValue::from(k.to_string()))}
            reported_link={reported_link.map(AttrValue::from)} from_file={shown.source == Source::File}
            loaded_reported={shown.loaded.is_some()} {dragging}
            {on_show} {on_remove} {on_file} {on_remove_reported} permalink={permalink.clone()} {stepping} />
        </ContextProvider<super::export_scene::SceneCell>>
    }
}

/// The page's callbacks, made once; each reads the model of the latest render.
#[derive(Clone)]
struct Callbacks {
    on_file: Callback<Opened>,
    on_show: Callback<usize>,
    on_remove: Callback<usize>,
    on_remove_reported: Callback<()>,
}

impl Callbacks {
    fn new(latest: Latest, embedded: bool, locked: bool) -> Callbacks {
        let on_show = {
            let latest = latest.clone();
            Callback::from(move |i: usize| {
                let model = latest.borrow().clone();
                model.dispatch(Msg::Session(Command::Show(i, None)))
            })
        };
        let on_remove = {
            let latest = latest.clone();
            Callback::from(move |i: usize| {
                let model = latest.borrow().clone();
                if let Some(p) = model.session.plans.get(i) {
                    if p.source == Source::File {
                        browser::forget_plan(&p.plan.id, &p.scenario_key(false));
                    }
                }
                model.dispatch(Msg::Session(Command::Remove(i)));
            })
        };
        let on_remove_reported = {
            let latest = latest.clone();
            Callback::from(move |_| {
                let model = latest.borrow().clone();
                let key = model
                    .session
                    .shown()
                    .scenario_key(model.session.current == 0);
                browser::forget(&reported_key(&key));
                model.dispatch(Msg::Session(Command::RemoveReported));
            })
        };
        Callbacks {
            on_file: if locked {
                Callback::noop()
            } else {
                on_file(latest, embedded)
            },
            on_show,
            on_remove,
            on_remove_reported,
        }
    }
}

/// The model of the latest render, for callbacks made once.
type Latest = std::rc::Rc<std::cell::RefCell<UseReducerHandle<Visit>>>;

/// What to do with a file the reader opened or dropped: open a plan (and
/// keep it), import a scenario, or load reported values (and keep them).
fn on_file(latest: Latest, embedded: bool) -> Callback<Opened> {
    Callback::from(move |o: Opened| {
        let model = latest.borrow().clone();
        if let Some(bytes) = o.too_large {
            let n = Notice::FileTooLarge {
                name: crate::state::excerpt(&o.name),
                bytes,
                limit: MAX_FILE_BYTES,
            };
            return model.dispatch(Msg::Session(Command::Notice(n)));
        }
        let s = &model.session;
        let shown = s.shown();
        let msg = |c: Command| Msg::Session(c);
        match open_file(&shown.plan, s.lang, &o.name, o.text.as_deref()) {
            Opening::Plan(plan) => {
                let kept = !embedded
                    && browser::store_plan(&plan.id, o.text.as_deref().unwrap_or_default());
                let title = s.lang.pick(&plan.title).to_string();
                let id = plan.id.clone();
                model.dispatch(msg(Command::Open {
                    builtin_reported: builtin::reported_for(&plan),
                    plan,
                    source: Source::File,
                    scenario: None,
                }));
                if !kept {
                    model.dispatch(msg(Command::Notice(Notice::NotKept(title))));
                }
                if s.plans
                    .iter()
                    .any(|p| p.source == Source::Builtin && p.plan.id == id)
                {
                    model.dispatch(msg(Command::Notice(Notice::SameIdAsBuiltin(id))));
                }
            }
            Opening::Scenario(st) => model.dispatch(msg(Command::Scenario(Action::Replace(st)))),
            Opening::Reported(rows) => {
                let key = reported_key(&shown.scenario_key(s.current == 0));
                let kept = KeptReported {
                    file: o.name.clone(),
                    csv: o.text.clone().unwrap_or_default(),
                };
                let stored = !embedded
                    && serde_json::to_string(&kept).is_ok_and(|json| browser::store(&key, &json));
                model.dispatch(msg(Command::LoadReported {
                    from: ReportedFrom::File(o.name.clone()),
                    rows,
                    announce: true,
                }));
                if !stored {
                    model.dispatch(msg(Command::Notice(Notice::NotKept(o.name))));
                }
            }
            Opening::Refused(n) => model.dispatch(msg(Command::Notice(n))),
        }
    })
}
