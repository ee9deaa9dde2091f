//! A chart drawn by `crate::chart` onto a canvas, crisp on HiDPI screens.

use crate::chart::{draw, ChartSpec};
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartProps {
    pub spec: ChartSpec,
    /// Text alternative; the data table beside the chart carries the numbers.
    pub label: AttrValue,
}

#[component]
pub fn Chart(props: &ChartProps) -> Html {
    let node = use_node_ref();
    // Redraw when the canvas changes width (a rotated phone, a resized window).
    let width = use_state(|| 0);
    {
        let (node, width) = (node.clone(), width.clone());
        use_effect_with((), move |_| {
            let listener =
                gloo::events::EventListener::new(&gloo::utils::window(), "resize", move |_| {
                    if let Some(c) = node.cast::<HtmlCanvasElement>() {
                        width.set(c.client_width());
                    }
                });
            move || drop(listener)
        });
    }
    {
        let node = node.clone();
        use_effect_with((props.spec.clone(), *width), move |(spec, _)| {
            if let Some(canvas) = node.cast::<HtmlCanvasElement>() {
                let dpr = super::browser::dpr();
                let w = f64::from(canvas.client_width().max(200));
                let h = f64::from(canvas.client_height().max(120));
                canvas.set_width((w * dpr).round() as u32);
                canvas.set_height((h * dpr).round() as u32);
                let spec = ChartSpec {
                    scale: dpr,
                    ..spec.clone()
                };
                if let Some(backend) = CanvasBackend::with_canvas_object(canvas) {
                    let _ = draw(&backend.into_drawing_area(), &spec);
                }
            }
        });
    }
    html! {
        <canvas ref={node} class="chart" role="img" aria-label={props.label.clone()}></canvas>
    }
}

/// Downloads the chart as SVG, drawn by the same code as the page.
pub fn export_svg(spec: &ChartSpec, name: &str) {
    if let Ok(svg) = crate::chart::to_svg(
        &ChartSpec {
            scale: 1.0,
            ..spec.clone()
        },
        720,
        360,
    ) {
        super::browser::download(&format!("{name}.svg"), "image/svg+xml", &svg);
    }
}

/// Downloads the chart as a PNG at twice its CSS size, for HiDPI.
pub fn export_png(spec: &ChartSpec, name: &str) {
    use wasm_bindgen::JsCast;
    let scale = 2.0;
    let Ok(el) = gloo::utils::document().create_element("canvas") else {
        return;
    };
    let canvas: HtmlCanvasElement = el.unchecked_into();
    canvas.set_width((720.0 * scale) as u32);
    canvas.set_height((360.0 * scale) as u32);
    let spec = ChartSpec {
        scale,
        ..spec.clone()
    };
    if let Some(backend) = CanvasBackend::with_canvas_object(canvas.clone()) {
        if draw(&backend.into_drawing_area(), &spec).is_ok() {
            if let Ok(url) = canvas.to_data_url_with_type("image/png") {
                super::browser::download_url(&format!("{name}.png"), &url);
            }
        }
    }
}
