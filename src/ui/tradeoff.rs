//! A ratio target's trade-off map (issue 8): click, drag or use the arrow
//! keys to move the reader's point, which sets both sliders; a table of the
//! lines is its text alternative.

use super::view::View;
use crate::chances::tradeoff_map;
use crate::chart::tradeoff::{draw_tradeoff, Frame, TradeoffSpec};
use crate::i18n::{fill, fmt_signed};
use crate::state::Action;
use plotters::prelude::IntoDrawingArea;
use yew::prelude::*;

/// Growth step of an arrow key; with Shift, ten times as much.
const KEY_STEP: f64 = 0.1;

#[derive(Properties, PartialEq)]
pub struct TradeoffProps {
    pub view: View,
    /// The ratio target.
    pub id: AttrValue,
}

fn round(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

#[component]
pub fn TradeoffPanel(p: &TradeoffProps) -> Html {
    let v = &p.view;
    let lang = v.lang;
    let s = lang.s();
    let map = use_memo(
        (
            v.plan.clone(),
            v.scenario.clone(),
            v.scale,
            p.id.clone(),
            v.reports.clone(),
            lang,
        ),
        |(plan, sc, u, id, reports, lang)| tradeoff_map(plan, sc, *u, id, &reports.paces, *lang),
    );
    let node = use_node_ref();
    let frame = use_mut_ref(|| None::<Frame>);
    {
        let frame = frame.clone();
        let spec = map.as_ref().as_ref().map(|m| m.spec.clone());
        super::hooks::use_canvas_draw(&node, spec, (200, 160), move |canvas, dpr, spec| {
            let Some(spec) = spec else {
                return;
            };
            if let Some(b) = super::canvas_backend::backend(canvas) {
                let spec = TradeoffSpec {
                    scale: dpr,
                    ..spec.clone()
                };
                *frame.borrow_mut() = draw_tradeoff(&b.into_drawing_area(), &spec).ok();
            }
        });
    }
    let Some(m) = map.as_ref() else {
        return html! {};
    };
    let (Some(ind), Some(num), Some(den)) = (
        v.plan.indicator(&p.id),
        v.plan.indicator(&m.numerator),
        v.plan.indicator(&m.denominator),
    ) else {
        return html! {};
    };
    let (x0, y0) = m.spec.points[0].at;
    let set = {
        let (num, den) = (m.numerator.clone(), m.denominator.clone());
        let cb = v.on_action.clone();
        move |x: f64, y: f64| {
            cb.emit(Action::ApplyGrowths(vec![
                (den.clone(), round(x)),
                (num.clone(), round(y)),
            ]))
        }
    };
    let at_pointer = {
        let set = set.clone();
        let frame = frame.clone();
        move |e: &MouseEvent| {
            if let Some(f) = *frame.borrow() {
                let dpr = super::browser::dpr();
                let (x, y) =
                    f.value_at(f64::from(e.offset_x()) * dpr, f64::from(e.offset_y()) * dpr);
                set(x, y);
            }
        }
    };
    let onmousedown = {
        let at = at_pointer.clone();
        Callback::from(move |e: MouseEvent| at(&e))
    };
    let onmousemove = Callback::from(move |e: MouseEvent| {
        if e.buttons() & 1 == 1 {
            at_pointer(&e);
        }
    });
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        let k = if e.shift_key() {
            10.0 * KEY_STEP
        } else {
            KEY_STEP
        };
        let (dx, dy) = match e.key().as_str() {
            "ArrowLeft" => (-k, 0.0),
            "ArrowRight" => (k, 0.0),
            "ArrowUp" => (0.0, k),
            "ArrowDown" => (0.0, -k),
            _ => return,
        };
        e.prevent_default();
        set(x0 + dx, y0 + dy);
    });
    let name = |i: &crate::core::plan::Indicator| lang.pick(&i.name).to_string();
    let hint = fill(&fill(s.tradeoff_hint, "x", name(den)), "y", name(num));
    let label = format!(
        "{} — {}: {} / {}",
        fill(s.tradeoff_title, "name", lang.pick(&ind.name)),
        s.tradeoff_you,
        fmt_signed(x0),
        fmt_signed(y0)
    );
    html! {
        <section class="tradeoff" data-role="tradeoff" data-tradeoff={p.id.clone()}>
            <h3>{ fill(s.tradeoff_title, "name", lang.pick(&ind.name)) }</h3>
            <p class="hint">{ hint }</p>
            <canvas ref={node} class="chart tradeoff-map" tabindex="0" role="img" aria-label={label}
                data-x={x0.to_string()} data-y={y0.to_string()}
                {onmousedown} {onmousemove} {onkeydown}></canvas>
            <details class="tradeoff-text">
                <summary>{ s.tradeoff_table }</summary>
                <table>
                    <thead><tr>
                        <th>{ fill(s.tradeoff_row_x, "x", name(den)) }</th>
                        <th>{ s.tradeoff_exact }</th><th>{ s.tradeoff_50 }</th><th>{ s.tradeoff_80 }</th>
                    </tr></thead>
                    <tbody>
                        { for m.rows.iter().map(|r| html! {
                            <tr>{ for r.iter().map(|v| html! { <td>{ fmt_signed(round(*v)) }</td> }) }</tr>
                        }) }
                    </tbody>
                </table>
                <ul>
                    { for m.spec.points.iter().map(|pt| html! {
                        <li>{ format!("{}: {} {}, {} {}", pt.label, name(den), fmt_signed(pt.at.0), name(num), fmt_signed(pt.at.1)) }</li>
                    }) }
                </ul>
            </details>
        </section>
    }
}
