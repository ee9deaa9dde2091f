//! Every target in one table: baseline, target, projected value in the
//! reader's scenario and in the reference, the verdicts, and a link to its
//! card; a filter shows the misses only.

use super::hooks::use_on_screen_at_first;
use super::summary::scroll_to;
use super::view::View;
use crate::core::engine::{Status, Verdict};
use crate::i18n::{comparator_sign, fill, Lang};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OverviewProps {
    pub view: View,
    /// The view as of the reader's last rest, and whether a slider is
    /// moving: meanwhile a row off the screen shows the rested figures
    /// (issue 10: a step no longer changes, restyles and repaints rows no
    /// one sees; a changed row had Chromium lay out and paint the whole
    /// table again on every step, as a changed row on the screen still does).
    pub calm: View,
    pub stepping: bool,
}

/// The row of indicator `id` in `w`.
fn figures(w: &View, id: &str) -> Figures {
    let (yours, yv) = verdict_of(&w.run, id);
    let (reference, rv) = verdict_of(&w.reference, id);
    Figures {
        yours,
        yv,
        reference,
        rv,
    }
}

fn verdict_of(run: &crate::core::engine::Run, id: &str) -> (Option<f64>, &'static str) {
    match run.get(id).map(|o| &o.status) {
        Some(Ok(Status::Assessed(a))) => (
            Some(a.projected),
            if a.verdict == Verdict::Hit {
                "hit"
            } else {
                "miss"
            },
        ),
        Some(Ok(Status::NeedsBaseline)) => (None, "needs-baseline"),
        _ => (None, "none"),
    }
}

/// The overview table, `data-role="overview"`, folded on phones. While a
/// slider moves, the rows on the screen follow each step and the others
/// catch up when it rests.
#[component]
pub fn Overview(p: &OverviewProps) -> Html {
    let v = &p.view;
    let lang = v.lang;
    let s = lang.s();
    let misses_only = use_state(|| false);
    let on_filter = {
        let m = misses_only.clone();
        Callback::from(move |e: Event| {
            let el: HtmlInputElement = e.target_unchecked_into();
            m.set(el.checked());
        })
    };
    let rows = v.plan.indicators.iter().filter_map(|ind| {
        ind.target.as_ref()?;
        let live = figures(v, &ind.id);
        if *misses_only && live.yv != "miss" {
            return None;
        }
        // While a slider moves, the row shows these off the screen (not with the
        // filter on: the rows it keeps are chosen by their live verdicts).
        let calm = if p.stepping && !*misses_only {
            figures(&p.calm, &ind.id)
        } else {
            live
        };
        let id = AttrValue::from(ind.id.clone());
        let entered = v.scenario.baselines.get(&ind.id).copied();
        Some(html! {
            <OverviewRow key={ind.id.clone()} plan={v.plan.clone()} {id} {lang} {live} {calm} {entered} />
        })
    });
    html! {
        <details class="overview" data-role="overview" open=true>
            <summary>{ s.overview_title }</summary>
            <label class="misses-only">
                <input type="checkbox" checked={*misses_only} onchange={on_filter} data-role="misses-only" />
                { " " }{ s.overview_misses_only }
            </label>
            <div class="table-wrap">
                // The roles are the elements' own: on a phone the rows are laid out
                // as blocks (styles/main.css), which would otherwise cost the table
                // its semantics in some browsers.
                <table role="table">
                    <caption class="sr-only">{ s.overview_title }</caption>
                    <thead role="rowgroup"><tr role="row">
                        <th scope="col" role="columnheader">{ s.overview_indicator }</th>
                        <th scope="col" role="columnheader">{ s.baseline }</th>
                        <th scope="col" role="columnheader">{ s.target }</th>
                        <th scope="col" role="columnheader">{ format!("{} · {}", s.projected, s.overview_yours) }</th>
                        <th scope="col" role="columnheader" data-role="reference-head">{ format!("{} · {}", s.projected, fill(s.reference_named, "name", &v.reference_name)) }</th>
                        <th scope="col" role="columnheader">{ s.overview_verdict }</th>
                    </tr></thead>
                    <tbody role="rowgroup">{ for rows }</tbody>
                </table>
            </div>
        </details>
    }
}

#[derive(Properties, PartialEq)]
struct RowProps {
    plan: super::shared::Shared<crate::core::plan::Plan>,
    id: AttrValue,
    lang: Lang,
    /// The row's figures, and those it shows off the screen (the rested
    /// ones while a slider moves).
    live: Figures,
    calm: Figures,
    /// The baseline the reader entered where the plan prints none, shown
    /// as the card shows it, marked as entered (it is what the projections
    /// start from).
    entered: Option<f64>,
}

/// The projected value and verdict in the reader's scenario and in the
/// reference (`hit`, `miss`, `needs-baseline`, `none`).
#[derive(Clone, Copy, PartialEq)]
struct Figures {
    yours: Option<f64>,
    yv: &'static str,
    reference: Option<f64>,
    rv: &'static str,
}

/// One target's row: re-rendered only when its own figures (or the baseline
/// the reader entered) change (issue 10).
#[component]
fn OverviewRow(p: &RowProps) -> Html {
    let row = use_node_ref();
    let f = if use_on_screen_at_first(&row) {
        p.live
    } else {
        p.calm
    };
    let lang = p.lang;
    let s = lang.s();
    let (Some(ind), id) = (p.plan.indicator(&p.id), &p.id) else {
        return html! {};
    };
    let Some(t) = ind.target.as_ref() else {
        return html! {};
    };
    let word = |k: &str| match k {
        "hit" => s.hit,
        "miss" => s.miss,
        "needs-baseline" => s.needs_baseline,
        _ => "—",
    };
    // A unit the plan gives an English form for (a scale: `65,000 patents`, not
    // `6.50 10,000 patents`) is spelled as the cards spell it; any other figure
    // and target as before (`46.8 %`, `≥ 5 chains`, in Chinese `60%左右`).
    let spelled = lang == Lang::En && ind.en_unit.is_some();
    let value_text = |x: f64| {
        if spelled {
            crate::publish::value_text(lang, ind, x)
        } else {
            crate::hero::value_text(lang, ind, x)
        }
    };
    let target = if spelled {
        format!("{} {}", comparator_sign(t.comparator), value_text(t.value))
    } else {
        crate::hero::target_text(lang, ind, t)
    };
    let base = match (&ind.baseline, p.entered) {
        (Some(b), _) => format!("{} ({})", value_text(b.value), b.year),
        (None, Some(v)) => format!(
            "{} ({}){}",
            value_text(v),
            p.plan.base_year,
            s.entered_baseline
        ),
        // the plan's table prints "/": no baseline
        (None, None) => "/".to_string(),
    };
    let shown = |x: Option<f64>| x.map(value_text).unwrap_or_else(|| "—".into());
    html! {
        // `data-label`: the column's name, short ("Your scenario", "Reference":
        // the reference's name heads the column), which a narrow screen shows
        // above each figure.
        <tr ref={row} role="row" data-overview={id.clone()} data-verdict={f.yv} data-reference-verdict={f.rv}>
            <th scope="row" role="rowheader"><a href={format!("#ind-{id}")} onclick={scroll_to(id)}>{ lang.pick(&ind.name) }</a></th>
            <td role="cell" data-label={s.baseline}>{ base }</td>
            <td role="cell" data-label={s.target}>{ target }</td>
            <td role="cell" data-label={s.overview_yours}>{ shown(f.yours) }</td>
            <td role="cell" data-label={s.reference_label}>{ shown(f.reference) }</td>
            <td role="cell" data-label={s.overview_verdict} class={classes!("ov-verdict", f.yv)}>{ format!("{} / {}", word(f.yv), word(f.rv)) }</td>
        </tr>
    }
}
