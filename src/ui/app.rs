//! The page: one reducer holds the state; URL and storage are side effects.

use super::browser;
use super::card::{growth_unit, GrowthControl, IndicatorCard};
use super::share::SharePanel;
use crate::core::engine::{growth_by_year, run, Run, Status, Verdict};
use crate::core::plan::{Indicator, Kind, Plan, Role};
use crate::core::reported;
use crate::i18n::Lang;
use crate::state::{self, Action, Preset, State};
use gloo::events::EventListener;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// The plan and the state; `Reducible` so that one `use_reducer` holds it.
#[derive(Debug, Clone, PartialEq)]
struct Model {
    plan: Rc<Plan>,
    state: State,
    /// How the next URL write treats history.
    url: UrlWrite,
}

/// A drag coalesces into one history entry a second; a link that was just
/// navigated to is only normalised in place, so forward history survives.
#[derive(Debug, Clone, Copy, PartialEq)]
enum UrlWrite {
    Push,
    Coalesce,
    Replace,
}

impl Reducible for Model {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let url = match action {
            Action::SetGrowth(..) => UrlWrite::Coalesce,
            Action::Load(_) => UrlWrite::Replace,
            _ => UrlWrite::Push,
        };
        Rc::new(Model {
            plan: self.plan.clone(),
            state: state::reduce(&self.plan, &self.state, action),
            url,
        })
    }
}

fn initial(plan: Rc<Plan>) -> Model {
    let fallback = browser::saved_lang()
        .or_else(browser::browser_lang)
        .unwrap_or_default();
    let frag = browser::fragment();
    let (state, _) = if !frag.is_empty() {
        state::from_fragment(&plan, &frag, fallback)
    } else if let Some(saved) = browser::saved_fragment() {
        state::from_saved(&plan, &saved, fallback)
    } else {
        state::from_fragment(&plan, "", fallback)
    };
    Model {
        plan,
        state,
        url: UrlWrite::Replace,
    }
}

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {}

#[component]
pub fn App(_props: &AppProps) -> Html {
    let plan = use_memo((), |_| Plan::zhejiang());
    let embed = use_memo((), |_| browser::embed_param());
    match plan.as_ref() {
        Ok(p) => html! { <Simulator plan={Rc::new(p.clone())} embed={(*embed).clone()} /> },
        Err(e) => {
            html! { <p class="error" role="alert">{ format!("The built-in plan failed to load: {e}") }</p> }
        }
    }
}

#[derive(Properties, PartialEq)]
struct SimProps {
    plan: Rc<Plan>,
    /// `Some(view)` for the compact embed view (`?embed=<id>` or `headline`).
    embed: Option<String>,
}

#[component]
fn Simulator(props: &SimProps) -> Html {
    let model = {
        let plan = props.plan.clone();
        use_reducer(move || initial(plan))
    };
    let last_push = use_mut_ref(|| 0.0f64);

    let embedded = props.embed.is_some();
    // URL, storage and <html lang> follow the state. An embed never adds
    // history entries to its host page and leaves the reader's storage alone.
    {
        let m = (*model).clone();
        use_effect_with(m, move |m| {
            let frag = state::to_fragment(&m.plan, &m.state);
            if browser::fragment() != frag {
                let now = browser::now_ms();
                let new_entry = !embedded
                    && match m.url {
                        UrlWrite::Push => true,
                        UrlWrite::Coalesce => now - *last_push.borrow() > 1000.0,
                        UrlWrite::Replace => false,
                    };
                if new_entry {
                    *last_push.borrow_mut() = now;
                }
                browser::write_fragment(&frag, new_entry);
            }
            if !embedded {
                browser::save(&frag, m.state.lang);
            }
            browser::set_document_lang(m.state.lang, m.state.lang.s().app_title);
        });
    }
    use_effect_with(embedded, |&embedded| {
        if embedded {
            browser::watch_height();
        }
    });
    // Back, forward and hand-edited links.
    {
        let model = model.clone();
        use_effect_with((), move |_| {
            let window = gloo::utils::window();
            let handler = move |_: &Event| model.dispatch(Action::Load(browser::fragment()));
            let handler = Rc::new(handler);
            let h1 = handler.clone();
            let pop = EventListener::new(&window, "popstate", move |e| h1(e));
            let hash = EventListener::new(&window, "hashchange", move |e| handler(e));
            move || drop((pop, hash))
        });
    }

    let reported = {
        let plan = props.plan.clone();
        use_memo((), move |_| {
            reported::parse(&plan, reported::ZHEJIANG_REPORTED_CSV)
        })
    };
    // Indicators shared by pointer with the cards, not cloned on every render.
    let shared = use_memo(props.plan.clone(), |p| {
        p.indicators
            .iter()
            .map(|i| Rc::new(i.clone()))
            .collect::<Vec<_>>()
    });
    let plan = &model.plan;
    let st = &model.state;
    let paces = {
        let reported = reported.clone();
        use_memo(props.plan.clone(), move |plan| match reported.as_ref() {
            Ok(all) => reported::paces(plan, all),
            Err(_) => vec![],
        })
    };
    let pace_of = |id: &str| paces.iter().find(|p| p.indicator == id).cloned();
    let reported_for = |id: &str| -> Vec<reported::Reported> {
        match reported.as_ref() {
            Ok(all) => reported::for_chart(all, id).into_iter().cloned().collect(),
            Err(_) => vec![],
        }
    };
    let lang = st.lang;
    let s = lang.s();
    let on_action = {
        let model = model.clone();
        Callback::from(move |a: Action| model.dispatch(a))
    };
    let result = run(plan, &st.scenario).map(Rc::new);
    let Ok(result) = result else {
        return html! { <p class="error" role="alert">{ "invalid horizon" }</p> };
    };

    let indicator = |id: &str| plan.index_of(id).map(|k| shared[k].clone());
    let card = |ind: &Indicator| {
        let driver = match &ind.kind {
            Kind::Ratio { numerator, .. } => indicator(numerator),
            _ => indicator(&ind.id),
        };
        let driver_id = driver.as_ref().map(|d| d.id.clone()).unwrap_or_default();
        let driver_growth = driver
            .as_ref()
            .and_then(|d| st.scenario.growth_of(d))
            .unwrap_or(0.0);
        let status = result
            .get(&ind.id)
            .map(|o| o.status.clone())
            .unwrap_or(Ok(Status::NeedsBaseline));
        html! {
            <IndicatorCard key={ind.id.clone()} ind={indicator(&ind.id).expect("from the plan")} {status} {driver} {driver_growth}
                driver_changed={st.scenario.growth.contains_key(&driver_id)}
                baseline_input={st.scenario.baselines.get(&ind.id).copied()}
                reported={reported_for(&ind.id)}
                pace={pace_of(&driver_id)}
                target_year={plan.target_year} {lang} on_action={on_action.clone()} />
        }
    };

    if let Some(view) = &props.embed {
        let open = format!("{}#{}", browser::base_url(), state::to_fragment(plan, st));
        let content = match plan.indicator(view) {
            _ if view == "headline" => {
                let gdp = plan.indicator("gdp");
                html! {
                    <>
                        { for plan.indicators.iter().filter(|i| i.role == Role::Headline).map(&card) }
                        if let Some(g) = gdp {
                            <GrowthControl ind={Rc::new(g.clone())} value={st.scenario.growth_of(g).unwrap_or(0.0)}
                                changed={st.scenario.growth.contains_key("gdp")} {lang} on_action={on_action.clone()} />
                        }
                    </>
                }
            }
            Some(ind) if ind.target.is_some() => card(ind),
            _ => {
                html! { <p class="error" role="alert">{ format!("{}{view}", s.unknown_view) }</p> }
            }
        };
        return html! {
            <div class="embed" data-embed={view.clone()}>
                <Notices notices={st.notices.clone()} {lang} on_action={on_action.clone()} />
                { content }
                <p class="open-full"><a href={open} target="_blank" rel="noopener">{ s.open_full }{ " ↗" }</a>
                    { format!(" · {}", plan.document_number) }</p>
            </div>
        };
    }

    let groups = plan.categories.iter().filter(|c| c.id != "headline" && c.id != "driver").map(|c| {
        let table: Vec<&Indicator> = plan.indicators.iter().filter(|i| i.category == c.id && i.role == Role::Table).collect();
        let text: Vec<&Indicator> = plan.indicators.iter().filter(|i| i.category == c.id && i.role == Role::Text).collect();
        html! {
            <section class="group" id={format!("group-{}", c.id)} aria-labelledby={format!("h-{}", c.id)}>
                <h2 id={format!("h-{}", c.id)}>{ lang.pick(&c.name) }</h2>
                <div class="cards">{ for table.iter().map(|i| card(i)) }</div>
                if !text.is_empty() {
                    <details class="more">
                        <summary>{ format!("{} ({})", s.other_targets, text.len()) }</summary>
                        <div class="cards">{ for text.iter().map(|i| card(i)) }</div>
                    </details>
                }
            </section>
        }
    });

    html! {
        <>
            <Toolbar plan={plan.clone()} state={st.clone()} on_action={on_action.clone()} paces={paces.clone()} />
            <main>
                <Notices notices={st.notices.clone()} {lang} on_action={on_action.clone()} />
                <Summary run={result.clone()} plan={plan.clone()} {lang}
                    is_default={st.scenario == crate::core::engine::Scenario::new(plan)} />
                <SharePanel plan={plan.clone()} state={st.clone()} on_action={on_action.clone()} />
                <PrintSheet plan={plan.clone()} state={st.clone()} run={result.clone()} />
                <Headline plan={plan.clone()} paces={paces.clone()} state={st.clone()} run={result.clone()} on_action={on_action.clone()}
                    reported={Rc::new(reported.as_ref().clone().unwrap_or_default())} />
                { for groups }
            </main>
            <footer>
                <p>{ format!("{}: {} ({}, {}, {})", s.source, lang.pick(&plan.title), lang.pick(&plan.issuer), plan.document_number, plan.issued) }</p>
            </footer>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct ToolbarProps {
    plan: Rc<Plan>,
    state: State,
    on_action: Callback<Action>,
    paces: Rc<Vec<reported::Pace>>,
}

#[component]
fn Toolbar(p: &ToolbarProps) -> Html {
    let lang = p.state.lang;
    let s = lang.s();
    let cb = p.on_action.clone();
    let preset = move |pr: Preset| {
        let cb = cb.clone();
        Callback::from(move |_| cb.emit(Action::Apply(pr)))
    };
    let cb = p.on_action.clone();
    let on_horizon = Callback::from(move |e: Event| {
        let el: HtmlSelectElement = e.target_unchecked_into();
        if let Ok(h) = el.value().parse() {
            cb.emit(Action::SetHorizon(h));
        }
    });
    let cb = p.on_action.clone();
    let other = if lang == Lang::Zh { Lang::En } else { Lang::Zh };
    let on_lang = Callback::from(move |_| cb.emit(Action::SetLang(other)));
    let cb = p.on_action.clone();
    let reset_all = Callback::from(move |_| cb.emit(Action::ResetAll));
    let cb = p.on_action.clone();
    let pairs: Vec<(String, f64)> = p
        .paces
        .iter()
        .filter(|x| x.is_point())
        .map(|x| (x.indicator.clone(), (x.growth * 100.0).round() / 100.0))
        .collect();
    let reported_pace = Callback::from(move |_| cb.emit(Action::ApplyGrowths(pairs.clone())));
    let custom = !p.state.scenario.growth.is_empty() || !p.state.scenario.paths.is_empty();
    let no_trend: Vec<String> = p
        .plan
        .indicators
        .iter()
        .filter(|i| i.slider.is_some() && i.trend.is_none())
        .map(|i| lang.pick(&i.name).to_string())
        .collect();
    html! {
        <header class="top">
            <div class="brand">
                <h1>{ s.app_title }</h1>
                <p class="tagline">{ s.tagline }</p>
                <p class="plan-title">{ format!("{} · {}", lang.pick(&p.plan.title), p.plan.document_number) }</p>
            </div>
            <div class="controls" role="group" aria-label={s.presets}>
                <span class="label">{ s.presets }{ ":" }</span>
                <button type="button" onclick={preset(Preset::PlanPace)}>{ s.preset_plan }</button>
                <button type="button" onclick={preset(Preset::Trend)} title={format!("{}: {}", s.no_trend, no_trend.join("; "))}>{ s.preset_trend }</button>
                <button type="button" onclick={reported_pace} title={s.preset_reported_hint} data-preset="reported">{ s.preset_reported }</button>
                <span class={classes!("chip", custom.then_some("on"))}>{ s.preset_custom }</span>
                <button type="button" onclick={reset_all}>{ s.reset_all }</button>
                <label for="horizon">{ s.horizon }</label>
                <select id="horizon" onchange={on_horizon}>
                    { for [p.plan.target_year, p.plan.vision_year].into_iter().map(|y| html! {
                        <option value={y.to_string()} selected={p.state.scenario.horizon == y}>{ y }</option>
                    }) }
                </select>
                <button type="button" class="lang" onclick={on_lang} lang={other.tag()} title={s.language}>
                    { if other == Lang::En { "English" } else { "中文" } }
                </button>
            </div>
        </header>
    }
}

#[derive(Properties, PartialEq)]
struct NoticeProps {
    notices: Vec<String>,
    lang: Lang,
    on_action: Callback<Action>,
}

#[component]
fn Notices(p: &NoticeProps) -> Html {
    if p.notices.is_empty() {
        return html! { <div class="notices" role="status" aria-live="polite"></div> };
    }
    let s = p.lang.s();
    let cb = p.on_action.clone();
    html! {
        <div class="notices shown" role="status" aria-live="polite" data-role="notices">
            <strong>{ s.notice_title }</strong>
            <ul>{ for p.notices.iter().map(|n| html! { <li>{ n }</li> }) }</ul>
            <button type="button" onclick={Callback::from(move |_| cb.emit(Action::Dismiss))}>{ s.dismiss }</button>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct SummaryProps {
    run: Rc<Run>,
    /// True while the scenario is the plan's default one.
    is_default: bool,
    plan: Rc<Plan>,
    lang: Lang,
}

#[component]
fn Summary(p: &SummaryProps) -> Html {
    let s = p.lang.s();
    let (hit, total) = p.run.tally();
    let missed: Vec<(String, String)> = p
        .run
        .assessments()
        .filter(|(_, a)| a.verdict == Verdict::Miss)
        .filter_map(|(id, _)| {
            p.plan
                .indicator(id)
                .map(|i| (id.to_string(), p.lang.pick(&i.name).to_string()))
        })
        .collect();
    let needs: Vec<(String, String)> = p
        .run
        .needing_baseline()
        .filter_map(|id| {
            p.plan
                .indicator(id)
                .map(|i| (id.to_string(), p.lang.pick(&i.name).to_string()))
        })
        .collect();
    html! {
        <section class="summary" data-role="summary" data-hit={hit.to_string()} data-total={total.to_string()} aria-live="polite">
            <p class="tally"><strong>{ hit }</strong>{ format!(" {} {} ", s.summary_hit, total) }</p>
            if p.is_default { <p class="hint">{ s.defaults_hint }</p> }
            if !needs.is_empty() {
                <details class="needs-list">
                    <summary>{ format!("{} {}", needs.len(), s.need_baseline_count.trim_end_matches([':', '：'])) }</summary>
                    <p>{ for needs.iter().enumerate().map(|(k, (id, name))| html! {
                        <>{ if k > 0 { "、" } else { "" } }<a href={format!("#ind-{id}")} onclick={scroll_to(id)}>{ name }</a></>
                    }) }</p>
                </details>
            }
            if missed.is_empty() {
                <p>{ s.all_hit }</p>
            } else {
                <p>{ s.missed }{" "}
                    { for missed.iter().enumerate().map(|(k, (id, name))| html! {
                        <>{ if k > 0 { "、" } else { "" } }<a href={format!("#ind-{id}")} onclick={scroll_to(id)}>{ name }</a></>
                    }) }
                </p>
            }
        </section>
    }
}

/// Scrolls to a card without touching the fragment, which holds the scenario.
fn scroll_to(id: &str) -> Callback<MouseEvent> {
    let target = format!("ind-{id}");
    Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        if let Some(el) = gloo::utils::document().get_element_by_id(&target) {
            el.scroll_into_view();
        }
    })
}

#[derive(Properties, PartialEq)]
struct HeadlineProps {
    plan: Rc<Plan>,
    paces: Rc<Vec<reported::Pace>>,
    reported: Rc<Vec<reported::Reported>>,
    state: State,
    run: Rc<Run>,
    on_action: Callback<Action>,
}

#[component]
fn Headline(p: &HeadlineProps) -> Html {
    let lang = p.state.lang;
    let s = lang.s();
    let Some(de) = p.plan.indicators.iter().find(|i| i.role == Role::Headline) else {
        return html! {};
    };
    let driver = |id: &str| p.plan.indicator(id).map(|i| Rc::new(i.clone()));
    let gdp = driver("gdp");
    let numerator = match &de.kind {
        Kind::Ratio { numerator, .. } => driver(numerator),
        _ => None,
    };
    let status = p
        .run
        .get(&de.id)
        .map(|o| o.status.clone())
        .unwrap_or(Ok(Status::NeedsBaseline));
    let sc = &p.state.scenario;
    let growth =
        |d: &Option<Rc<Indicator>>| d.as_ref().and_then(|d| sc.growth_of(d)).unwrap_or(0.0);
    let changed =
        |d: &Option<Rc<Indicator>>| d.as_ref().is_some_and(|d| sc.growth.contains_key(&d.id));
    let drivers: Vec<&Indicator> = p
        .plan
        .indicators
        .iter()
        .filter(|i| i.role == Role::Driver)
        .collect();
    html! {
        <section class="headline" aria-labelledby="h-headline">
            <h2 id="h-headline">{ s.headline_title }</h2>
            <div class="headline-grid">
                <IndicatorCard ind={Rc::new(de.clone())} {status} driver={numerator.clone()} driver_growth={growth(&numerator)}
                    reported={reported::for_chart(&p.reported, &de.id).into_iter().cloned().collect::<Vec<_>>()}
                    pace={numerator.as_ref().and_then(|n| p.paces.iter().find(|x| x.indicator == n.id).cloned())}
                    driver_changed={changed(&numerator)} baseline_input={None::<f64>} target_year={p.plan.target_year}
                    {lang} on_action={p.on_action.clone()} />
                <div class="drivers">
                    if let Some(g) = gdp.clone() {
                        <GrowthControl ind={g} value={growth(&gdp)} changed={changed(&gdp)} {lang} on_action={p.on_action.clone()} />
                    }
                    <h3>{ s.drivers_title }</h3>
                    { for drivers.iter().map(|d| driver_row(d, p, lang)) }
                </div>
            </div>
        </section>
    }
}

/// A driver's projected value, its per-year growth editor, under stable hooks.
fn driver_row(d: &Indicator, p: &HeadlineProps, lang: Lang) -> Html {
    let s = lang.s();
    let path = p.run.get(&d.id).and_then(|o| match &o.status {
        Ok(Status::Projected(path)) => Some(path.clone()),
        _ => None,
    });
    let end = p.plan.target_year;
    let value = path.as_ref().and_then(|x| x.at(end));
    let years = growth_by_year(&p.plan, &p.state.scenario, &d.id);
    let overrides = p
        .state
        .scenario
        .paths
        .get(&d.id)
        .cloned()
        .unwrap_or_default();
    let unit = lang.pick(&d.unit).to_string();
    html! {
        <details class="driver" data-indicator={d.id.clone()}>
            <summary>
                { lang.pick(&d.name) }{ ": " }
                <span data-role="projected" data-value={value.map(|v| v.to_string()).unwrap_or_default()}>
                    { format!("{end} {} {unit}", value.map(crate::i18n::fmt_num).unwrap_or_default()) }
                </span>
            </summary>
            { super::card::reported_list(&reported::for_chart(&p.reported, &d.id).into_iter().cloned().collect::<Vec<_>>(), path.as_ref(), &unit, s) }
            if let Some(n) = &d.note { <p class="note">{ lang.pick(n) }</p> }
            <p class="hint">{ s.per_year_editor }{ " — " }{ s.per_year_hint }</p>
            <div class="years">
                { for years.iter().map(|(&y, &g)| {
                    let (id, cb) = (d.id.clone(), p.on_action.clone());
                    let onchange = Callback::from(move |e: Event| {
                        let el: HtmlInputElement = e.target_unchecked_into();
                        cb.emit(Action::TypePathYear(id.clone(), y, el.value()));
                    });
                    let set = overrides.get(&y).map(|v| v.to_string()).unwrap_or_default();
                    html! {
                        <label class="year">
                            <span>{ y }</span>
                            <input type="number" class="num" step="0.1" value={set} placeholder={format!("{g}")} {onchange}
                                aria-label={format!("{} {y}", lang.pick(&d.name))} />
                        </label>
                    }
                }) }
            </div>
        </details>
    }
}

#[derive(Properties, PartialEq)]
struct PrintProps {
    plan: Rc<Plan>,
    state: State,
    run: Rc<Run>,
}

/// The one-page classroom handout; only visible when printed.
#[component]
fn PrintSheet(p: &PrintProps) -> Html {
    let lang = p.state.lang;
    let s = lang.s();
    let (hit, total) = p.run.tally();
    let permalink = format!(
        "{}#{}",
        browser::base_url(),
        state::to_fragment(&p.plan, &p.state)
    );
    let needs: Vec<&str> = p
        .run
        .needing_baseline()
        .filter_map(|id| p.plan.indicator(id).map(|i| lang.pick(&i.name)))
        .collect();
    let rows = p
        .plan
        .indicators
        .iter()
        .filter(|i| i.target.is_some())
        .filter_map(|ind| {
            let o = p.run.get(&ind.id)?;
            if matches!(o.status, Ok(Status::NeedsBaseline)) {
                return None;
            }
            let t = ind.target.as_ref()?;
            let driver = match &ind.kind {
                Kind::Ratio { numerator, .. } => p.plan.indicator(numerator),
                _ => Some(ind),
            }?;
            let g = p.state.scenario.growth_of(driver).unwrap_or(0.0);
            let gunit = growth_unit(lang, driver);
            let (proj, verdict) = match &o.status {
                Ok(Status::Assessed(a)) => (
                    crate::i18n::fmt_num(a.projected),
                    if a.verdict == Verdict::Hit {
                        format!("✔ {}", s.hit)
                    } else {
                        format!("✘ {}", s.miss)
                    },
                ),
                Ok(_) => ("/".to_string(), format!("？ {}", s.needs_baseline)),
                Err(_) => ("—".to_string(), "—".to_string()),
            };
            let base = ind
                .baseline
                .as_ref()
                .map_or("/".to_string(), |b| format!("{} ({})", b.value, b.year));
            Some(html! {
                <tr>
                    <td class="name">{ lang.pick(&ind.name) }</td>
                    <td>{ lang.pick(&ind.unit) }</td>
                    <td>{ base }</td>
                    // The plan's words (`printed`) are on the card; a handout cell takes the sign and value.
                    <td>{ format!("{} {}", super::card::comparator_sign(t.comparator), t.value) }</td>
                    <td>{ format!("{} {gunit}", crate::i18n::fmt_signed(g)) }</td>
                    <td>{ proj }</td>
                    <td>{ verdict }</td>
                </tr>
            })
        });
    html! {
        <section class="print-only" aria-hidden="true">
            <h2>{ format!("{} · {}", s.handout_title, lang.pick(&p.plan.title)) }</h2>
            <p>{ format!("{hit} {} {total} · {} {}", s.summary_hit, s.horizon, p.state.scenario.horizon) }</p>
            <table class="handout">
                <thead><tr>
                    <th>{ "" }</th><th>{ "" }</th><th>{ s.baseline }</th><th>{ format!("{} {}", s.target, p.plan.target_year) }</th>
                    <th>{ s.your_growth }</th><th>{ format!("{} {}", s.projected, p.plan.target_year) }</th><th>{ s.verdict }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
            if !needs.is_empty() {
                <p class="needs-print">{ format!("{} {} {}", needs.len(), s.need_baseline_count, needs.join("; ")) }</p>
            }
            <p class="cite">{ crate::export::citation(&p.plan, lang, &permalink, &browser::today()) }</p>
        </section>
    }
}
