//! A chart drawn by `crate::chart` onto a canvas, crisp on HiDPI screens,
//! with its values read out on hover and by keyboard (issue 11); and the
//! chart's exports as self-describing figures (PNG and SVG).

use super::hooks::use_canvas_draw;
use crate::chart::{draw_figure, draw_with, values_at, ChartSpec, Figure, Header, PlotFrame};
use crate::chart::{draw_header_of, header_key, HeaderKey};
use crate::i18n::{fmt_num, Lang};
use plotters::prelude::IntoDrawingArea;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartProps {
    pub spec: ChartSpec,
    /// Text alternative; the data table beside the chart carries the numbers.
    pub label: AttrValue,
    /// The values' unit, for the readout.
    #[prop_or_default]
    pub unit: AttrValue,
    #[prop_or_default]
    pub lang: Lang,
}

/// The readout of `spec` in `year`: `2023 · Projection 54.3 % · Reported ≥ 17.1 %`.
pub fn readout(spec: &ChartSpec, year: u16, unit: &str) -> String {
    let gap = if unit.starts_with('%') || unit.is_empty() {
        ""
    } else {
        " "
    };
    let parts: Vec<String> = values_at(spec, year)
        .into_iter()
        .map(|(label, v, lower)| {
            let ge = if lower { "≥ " } else { "" };
            format!("{label} {ge}{}{gap}{unit}", fmt_num(v))
        })
        .collect();
    format!("{year} · {}", parts.join(" · "))
}

/// The years a reader steps through: every year of the chart's axis.
fn years(spec: &ChartSpec) -> Vec<u16> {
    let mut ys: Vec<u16> = spec
        .path
        .iter()
        .map(|p| p.0)
        .chain(spec.reported.iter().map(|r| r.0))
        .chain(spec.reference.iter().map(|p| p.0))
        .collect();
    crate::core::order::sort_unique(&mut ys);
    ys
}

/// A chart's header (caption and legend) as drawn on a canvas of its own,
/// for the header it shows and the canvas size it was drawn at.
type KeptHeader = (HeaderKey, (u32, u32), HtmlCanvasElement);

/// Puts `spec`'s header at the top of the chart's `area` on `canvas` from
/// the picture `kept` (issue 10: a slider's step changes the plot, rarely
/// its caption and legend, whose text was a third of a redrawn chart's
/// script). Where the picture is missing or was drawn for another header
/// (caption, legend, scale) or canvas size,
/// the header is drawn on the page's canvas and kept: a canvas outside the
/// page would set its text in the fonts of no language. [`Header::Drawn`]
/// once the header is there; [`Header::Draw`] if it could not be put.
fn put_header<DB: plotters::prelude::DrawingBackend>(
    (canvas, ctx): (&HtmlCanvasElement, &web_sys::CanvasRenderingContext2d),
    area: &plotters::prelude::DrawingArea<DB, plotters::coord::Shift>,
    spec: &ChartSpec,
    kept: &mut Option<KeptHeader>,
) -> Header {
    let key = header_key(spec);
    let (width, height) = (canvas.width(), canvas.height());
    if let Some((k, size, picture)) = kept {
        if *k == key && *size == (width, height) {
            return match ctx.draw_image_with_html_canvas_element(picture, 0.0, 0.0) {
                Ok(()) => Header::Drawn,
                Err(_) => Header::Draw,
            };
        }
    }
    *kept = None;
    let Ok(top) = draw_header_of(area, spec) else {
        return Header::Draw;
    };
    let h = u32::try_from(top).map_or(0, |h| h.min(height));
    if h == 0 || width == 0 {
        return Header::Drawn;
    }
    if let Some(picture) = super::canvas_backend::detached(width, h) {
        let (w, hf) = (f64::from(width), f64::from(h));
        let copied = super::canvas_backend::context(&picture).is_some_and(|p| {
            p.draw_image_with_html_canvas_element_and_sw_and_sh_and_dx_and_dy_and_dw_and_dh(
                canvas, 0.0, 0.0, w, hf, 0.0, 0.0, w, hf,
            )
            .is_ok()
        });
        if copied {
            *kept = Some((key, (width, height), picture));
        }
    }
    Header::Drawn
}

#[component]
pub fn Chart(props: &ChartProps) -> Html {
    let node = use_node_ref();
    // The year read out (hover or keyboard), and where the plot landed.
    let focus = use_state(|| None::<u16>);
    let frame = use_mut_ref(|| None::<PlotFrame>);
    let header = use_mut_ref(|| None::<KeptHeader>);
    let near;
    {
        // Drawn as it nears the viewport, and again when its spec, size or
        // readout year changed: most of the 40 charts are below the fold.
        let frame = frame.clone();
        let header = header.clone();
        near = use_canvas_draw(
            &node,
            (props.spec.clone(), *focus),
            (200, 120),
            move |canvas, dpr, (spec, focus)| {
                let spec = ChartSpec {
                    scale: dpr,
                    focus: *focus,
                    ..spec.clone()
                };
                if let Some((backend, ctx)) =
                    super::canvas_backend::backend_and_context(canvas.clone())
                {
                    let area = backend.into_drawing_area();
                    let head = put_header((&canvas, &ctx), &area, &spec, &mut header.borrow_mut());
                    *frame.borrow_mut() = draw_with(&area, &spec, head).ok();
                }
            },
        );
    }
    // A chart far from the screen lets its header picture go (a phone's
    // canvases share a memory cap): it is drawn again when the chart nears.
    // (Here, not in an effect: a cache dropped, at no cost in the bundle;
    // the chart renders again when it leaves the screen's neighbourhood.)
    if !near {
        header.borrow_mut().take();
    }
    let ys = years(&props.spec);
    let onmousemove = {
        let (focus, frame) = (focus.clone(), frame.clone());
        Callback::from(move |e: MouseEvent| {
            if let Some(f) = *frame.borrow() {
                let y = f.year_at(f64::from(e.offset_x()) * super::browser::dpr());
                if *focus != Some(y) {
                    focus.set(Some(y));
                }
            }
        })
    };
    let onmouseleave = {
        let focus = focus.clone();
        Callback::from(move |_: MouseEvent| focus.set(None))
    };
    let onkeydown = {
        let (focus, ys) = (focus.clone(), ys.clone());
        Callback::from(move |e: KeyboardEvent| {
            let at = focus.and_then(|y| ys.iter().position(|x| *x == y));
            let last = ys.len().saturating_sub(1);
            let next = match (e.key().as_str(), at) {
                ("ArrowLeft" | "ArrowDown", Some(i)) => i.saturating_sub(1),
                ("ArrowRight" | "ArrowUp", Some(i)) => (i + 1).min(last),
                ("ArrowLeft" | "ArrowDown" | "End", None) | ("End", _) => last,
                ("ArrowRight" | "ArrowUp" | "Home", None) | ("Home", _) => 0,
                ("Escape", _) => return focus.set(None),
                _ => return,
            };
            e.prevent_default();
            if let Some(y) = ys.get(next) {
                focus.set(Some(*y));
            }
        })
    };
    let onfocus = {
        let (focus, ys) = (focus.clone(), ys.clone());
        Callback::from(move |_: FocusEvent| {
            if focus.is_none() {
                focus.set(ys.last().copied());
            }
        })
    };
    let onblur = {
        let focus = focus.clone();
        Callback::from(move |_: FocusEvent| focus.set(None))
    };
    let s = props.lang.s();
    let text = focus.map(|y| readout(&props.spec, y, &props.unit));
    html! {
        <div class="chart-wrap">
            <canvas ref={node} class="chart" role="img" tabindex="0" aria-label={props.label.clone()}
                data-focus={focus.map(|y| y.to_string())}
                {onmousemove} {onmouseleave} {onkeydown} {onfocus} {onblur}></canvas>
            <p class={classes!("chart-readout", text.is_none().then_some("hint"))} data-role="readout"
                aria-live="polite">{ text.unwrap_or_else(|| s.chart_keys.to_string()) }</p>
        </div>
    }
}

/// Downloads `fig` as SVG, drawn by the same code as the page.
pub fn export_svg(fig: &Figure, name: &str) {
    if let Ok(svg) = crate::chart::figure_svg(fig) {
        super::browser::download(&format!("{name}.svg"), "image/svg+xml", &svg);
    }
}

/// Downloads `fig` as a PNG at twice its CSS size, for print and HiDPI:
/// the same figure as the SVG, drawn on a canvas.
pub fn export_png(fig: &Figure, name: &str) {
    let scale = 2.0;
    let w = crate::chart::FIGURE_WIDTH;
    let h = crate::chart::figure_height(fig, w);
    let Some(canvas) = super::canvas_backend::detached(
        (f64::from(w) * scale) as u32,
        (f64::from(h) * scale) as u32,
    ) else {
        return;
    };
    let fig = Figure {
        chart: ChartSpec {
            scale,
            focus: None,
            ..fig.chart.clone()
        },
        ..fig.clone()
    };
    if let Some(backend) = super::canvas_backend::backend(canvas.clone()) {
        if draw_figure(&backend.into_drawing_area(), &fig).is_ok() {
            if let Ok(url) = canvas.to_data_url_with_type("image/png") {
                super::browser::download_url(&format!("{name}.png"), &url);
            }
        }
    }
}
