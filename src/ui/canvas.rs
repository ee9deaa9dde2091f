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
    {
        let node = node.clone();
        use_effect_with(props.spec.clone(), move |spec| {
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
