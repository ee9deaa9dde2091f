//! A chart drawn by `crate::chart` onto a canvas, crisp on HiDPI screens.

use crate::chart::{draw, ChartSpec, Measured};
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
    // Charts are drawn once they come near the viewport: most of the 40 are
    // below the fold, and drawing them all would slow the first render.
    let visible = use_state(|| false);
    {
        let (node, visible) = (node.clone(), visible.clone());
        use_effect_with((), move |_| {
            let observer = watch_visibility(&node, visible.clone());
            if observer.is_none() {
                visible.set(true);
            }
            move || {
                if let Some((o, _cb)) = observer {
                    o.disconnect();
                }
            }
        });
    }
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
        use_effect_with(
            (props.spec.clone(), *width, *visible),
            move |(spec, _, visible)| {
                if !*visible {
                    return;
                }
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
                        let _ = draw(&Measured(backend).into_drawing_area(), &spec);
                    }
                }
            },
        );
    }
    html! {
        <canvas ref={node} class="chart" role="img" aria-label={props.label.clone()}></canvas>
    }
}

type Observed = (
    web_sys::IntersectionObserver,
    wasm_bindgen::closure::Closure<dyn FnMut(js_sys::Array)>,
);

/// Sets `visible` once the node comes within 300 px of the viewport; `None`
/// where IntersectionObserver is missing.
fn watch_visibility(node: &NodeRef, visible: UseStateHandle<bool>) -> Option<Observed> {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let el = node.cast::<web_sys::Element>()?;
    let cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let near = entries.iter().any(|e| {
            e.dyn_into::<web_sys::IntersectionObserverEntry>()
                .is_ok_and(|e| e.is_intersecting())
        });
        if near {
            visible.set(true);
        }
    });
    let init = web_sys::IntersectionObserverInit::new();
    init.set_root_margin("300px");
    let o =
        web_sys::IntersectionObserver::new_with_options(cb.as_ref().unchecked_ref(), &init).ok()?;
    o.observe(&el);
    Some((o, cb))
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
        if draw(&Measured(backend).into_drawing_area(), &spec).is_ok() {
            if let Ok(url) = canvas.to_data_url_with_type("image/png") {
                super::browser::download_url(&format!("{name}.png"), &url);
            }
        }
    }
}
