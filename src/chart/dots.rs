//! Two pictures of uncertainty for a headline target (issue 8), drawn on any
//! plotters backend like the path chart: a quantile dot plot (each dot one
//! equally likely future's value in the target year, stacked in bins,
//! against the target and its tolerance band) and individual futures, one
//! at a time, for a class to step through.

use super::{draw_header, palette, year_chart, Key, TEXT_PX};
use plotters::coord::Shift;
use plotters::prelude::*;

/// Misses in the dot plot and the futures: grey, hollow.
const MISS: RGBColor = RGBColor(120, 120, 120);
/// The target band of the dot plot: the target's colour, light.
const TARGET_FILL: RGBColor = RGBColor(249, 231, 217);
/// The central path of the futures, dashed.
const CENTRAL: RGBColor = RGBColor(77, 77, 77);

/// A quantile dot plot; all text comes in already translated.
#[derive(Debug, Clone, PartialEq)]
pub struct DotsSpec {
    /// Caption naming the unit of the values.
    pub x_label: String,
    /// Equally likely values, one a dot.
    pub dots: Vec<f64>,
    /// The value from which the target counts as hit.
    pub threshold: f64,
    /// The target's value.
    pub target: f64,
    /// Legend text: dots that hit, dots that miss, the target band.
    pub hit_label: String,
    pub miss_label: String,
    pub target_label: String,
    /// Device pixels per CSS pixel.
    pub scale: f64,
}

/// Individual futures of one indicator, the last one drawn bold.
#[derive(Debug, Clone, PartialEq)]
pub struct FuturesSpec {
    /// Caption naming the unit.
    pub y_label: String,
    /// The central path.
    pub central: Vec<(u16, f64)>,
    /// The futures shown so far, oldest first; the last is the current one.
    pub futures: Vec<Vec<(u16, f64)>>,
    /// `(year, value)` of the target and the value from which it counts as hit.
    pub target: (u16, f64),
    pub threshold: f64,
    /// Legend text: the central path, the current future, the target.
    pub central_label: String,
    pub current_label: String,
    pub target_label: String,
    /// Device pixels per CSS pixel.
    pub scale: f64,
}

/// The `(bin centre, height in the stack)` of each dot, for dots of
/// diameter `width` in bins with a boundary at `origin` (so that no bin
/// holds both hits and misses of a threshold there), in the dots' order.
pub fn stack(dots: &[f64], width: f64, origin: f64) -> Vec<(f64, usize)> {
    // Dots in each bin so far; a list, as a plot holds tens of dots (issue 10: no hash map of
    // its own in the wasm).
    let mut counts: Vec<(i64, usize)> = Vec::new();
    dots.iter()
        .map(|&v| {
            let bin = ((v - origin) / width).floor() as i64;
            let k = match counts.iter().position(|c| c.0 == bin) {
                Some(k) => k,
                None => {
                    counts.push((bin, 0));
                    counts.len() - 1
                }
            };
            counts[k].1 += 1;
            (origin + (bin as f64 + 0.5) * width, counts[k].1 - 1)
        })
        .collect()
}

fn range(values: impl Iterator<Item = f64>) -> (f64, f64) {
    let (lo, hi) = values
        .filter(|v| v.is_finite())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
            (a.min(v), b.max(v))
        });
    if !lo.is_finite() {
        return (0.0, 1.0);
    }
    let pad = ((hi - lo) * 0.08).max(hi.abs().max(1.0) * 1e-3);
    (lo - pad, hi + pad)
}

/// Draws the dot plot of `spec` onto `area`.
///
/// # Errors
/// Whatever the backend reports while drawing.
pub fn draw_dots<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    spec: &DotsSpec,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let s = super::scale_of(spec.scale);
    let px = |v: f64| (v * s).round() as u32;
    area.fill(&WHITE)?;
    let (lo, hi) = range(
        spec.dots
            .iter()
            .copied()
            .chain([spec.threshold, spec.target]),
    );
    // About 25 bins across, so that 50 dots stack a few high.
    let width = (hi - lo) / 25.0;
    let stacked = stack(&spec.dots, width, spec.threshold);
    let tallest = stacked.iter().map(|d| d.1 + 1).max().unwrap_or(1).max(4);
    let header = draw_header(
        area,
        &spec.x_label,
        &[
            (spec.target_label.as_str(), Key::Patch(TARGET_FILL)),
            (spec.hit_label.as_str(), Key::Dot(palette::PATH)),
            (spec.miss_label.as_str(), Key::Ring(MISS)),
        ],
        s,
    )?;
    let font = super::sans(TEXT_PX * s, FontStyle::Normal);
    let x_dec = super::axis_decimals(lo, hi, 6);
    let mut chart = ChartBuilder::on(area)
        .margin_top(header.max(0) as u32)
        .margin_left(px(8.0))
        .margin_bottom(px(6.0))
        .margin_right(px(18.0))
        .x_label_area_size(px(TEXT_PX * 1.2 + 10.0))
        .y_label_area_size(px(8.0))
        .build_cartesian_2d(lo..hi, 0.0..(tallest as f64 + 1.5))?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .disable_y_axis()
        .light_line_style(WHITE)
        .bold_line_style(palette::GRID)
        .axis_style(BLACK.mix(0.6))
        .x_labels(6)
        .x_label_formatter(&|x| super::grouped(*x, x_dec))
        .label_style(font)
        .draw()?;
    let top = tallest as f64 + 1.5;
    let band_lo = spec.threshold.min(spec.target);
    let band_hi = spec.threshold.max(spec.target);
    chart.draw_series(std::iter::once(Rectangle::new(
        [(band_lo, 0.0), (band_hi.max(band_lo + width * 0.05), top)],
        TARGET_FILL.filled(),
    )))?;
    chart.draw_series(LineSeries::new(
        [(spec.target, 0.0), (spec.target, top)],
        ShapeStyle::from(palette::TARGET).stroke_width(px(1.5)),
    ))?;
    // Radius in pixels from the bin width on screen.
    let (x0, _) = chart.backend_coord(&(lo, 0.0));
    let (x1, _) = chart.backend_coord(&(lo + width, 0.0));
    let (_, y0) = chart.backend_coord(&(lo, 0.0));
    let (_, y1) = chart.backend_coord(&(lo, 1.0));
    let r = (((x1 - x0).abs().min((y0 - y1).abs())) as f64 / 2.0 - 1.0).max(1.5) as u32;
    let hit = |v: f64| v >= spec.threshold;
    chart.draw_series(
        stacked
            .iter()
            .zip(&spec.dots)
            .filter(|(_, v)| hit(**v))
            .map(|(&(x, k), _)| Circle::new((x, k as f64 + 0.5), r, palette::PATH.filled())),
    )?;
    chart.draw_series(
        stacked
            .iter()
            .zip(&spec.dots)
            .filter(|(_, v)| !hit(**v))
            .map(|(&(x, k), _)| {
                Circle::new(
                    (x, k as f64 + 0.5),
                    r,
                    ShapeStyle::from(MISS).stroke_width(px(1.5)),
                )
            }),
    )?;
    area.present()?;
    Ok(())
}

/// Draws the futures of `spec` onto `area`: earlier ones faint, the current
/// one bold (blue where it hits, grey where it misses), the central path
/// dashed and the target.
///
/// # Errors
/// Whatever the backend reports while drawing.
pub fn draw_futures<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    spec: &FuturesSpec,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let s = super::scale_of(spec.scale);
    let px = |v: f64| (v * s).round() as u32;
    area.fill(&WHITE)?;
    let first = spec.central.first().map_or(2020, |p| p.0);
    let last = spec.central.last().map_or(2025, |p| p.0).max(first + 1);
    let (lo, hi) = range(
        spec.central
            .iter()
            .map(|p| p.1)
            .chain(spec.futures.iter().flatten().map(|p| p.1))
            .chain([spec.target.1, spec.threshold]),
    );
    let mut chart = year_chart(
        area,
        (
            &spec.y_label,
            &[
                (spec.target_label.as_str(), Key::Line(palette::TARGET, 1.5)),
                (spec.central_label.as_str(), Key::Dashed(CENTRAL, 1.5)),
                (spec.current_label.as_str(), Key::Line(palette::PATH, 2.5)),
            ],
            None,
        ),
        (first, last),
        (lo, hi),
        s,
    )?;
    let xy = |p: &(u16, f64)| (f64::from(p.0), p.1);
    let (ty, tv) = spec.target;
    chart.draw_series(LineSeries::new(
        [(f64::from(first), tv), (f64::from(last), tv)],
        ShapeStyle::from(palette::TARGET).stroke_width(px(1.5)),
    ))?;
    let hits = |f: &[(u16, f64)]| {
        f.iter()
            .find(|p| p.0 == ty)
            .is_some_and(|p| p.1 >= spec.threshold)
    };
    // Earlier futures, faint; at most the last 200, which is what a reader can tell apart.
    let (current, earlier) = match spec.futures.split_last() {
        Some((c, e)) => (Some(c), e),
        None => (None, &[][..]),
    };
    let skip = earlier.len().saturating_sub(200);
    for f in &earlier[skip..] {
        let c = if hits(f) { palette::PATH } else { MISS };
        chart.draw_series(LineSeries::new(
            f.iter().map(xy),
            ShapeStyle::from(c.mix(0.18)).stroke_width(px(1.0)),
        ))?;
    }
    chart.draw_series(DashedLineSeries::new(
        spec.central.iter().map(xy),
        px(6.0),
        px(4.0),
        ShapeStyle::from(CENTRAL).stroke_width(px(1.5)),
    ))?;
    if let Some(f) = current {
        let c = if hits(f) { palette::PATH } else { MISS };
        chart.draw_series(LineSeries::new(
            f.iter().map(xy),
            ShapeStyle::from(c).stroke_width(px(2.5)),
        ))?;
        if let Some(end) = f.iter().find(|p| p.0 == ty) {
            chart.draw_series(std::iter::once(Circle::new(xy(end), px(4.0), c.filled())))?;
        }
    }
    area.present()?;
    Ok(())
}

/// Renders the dot plot of `spec` as an SVG document of `width × height` pixels.
///
/// # Errors
/// A message if drawing fails.
pub fn dots_svg(spec: &DotsSpec, width: u32, height: u32) -> Result<String, String> {
    let mut out = String::new();
    {
        let area = super::svg_backend(&mut out, (width, height)).into_drawing_area();
        draw_dots(&area, spec).map_err(|e| e.to_string())?;
    }
    Ok(out)
}

/// Renders the futures of `spec` as an SVG document of `width × height` pixels.
///
/// # Errors
/// A message if drawing fails.
pub fn futures_svg(spec: &FuturesSpec, width: u32, height: u32) -> Result<String, String> {
    let mut out = String::new();
    {
        let area = super::svg_backend(&mut out, (width, height)).into_drawing_area();
        draw_futures(&area, spec).map_err(|e| e.to_string())?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::engine::Scenario;
    use crate::core::plan::Plan;
    use crate::core::uncertainty::{threshold, Outlook, Scale, DEFAULT_SEED};

    fn dots_spec(dots: Vec<f64>) -> DotsSpec {
        DotsSpec {
            x_label: "% (2025)".into(),
            dots,
            threshold: 59.0,
            target: 60.0,
            hit_label: "hits".into(),
            miss_label: "misses".into(),
            target_label: "target 59-60".into(),
            scale: 1.0,
        }
    }

    #[test]
    fn stacks_count_up_within_a_bin() {
        let s = stack(&[1.0, 1.1, 1.9, 2.5], 1.0, 0.0);
        assert_eq!(s, vec![(1.5, 0), (1.5, 1), (1.5, 2), (2.5, 0)]);
        let s = stack(&[0.9, 1.1], 1.0, 1.0);
        assert_eq!(s, vec![(0.5, 0), (1.5, 0)], "a boundary at the threshold");
    }

    #[test]
    fn the_headline_dot_plot_draws_hits_and_misses_to_svg() {
        let plan = Plan::zhejiang().unwrap();
        let sc = Scenario::new(&plan);
        let o = Outlook::new(&plan, &sc, Scale::ESTIMATED).unwrap();
        let dots = o.dot_plot("de_share", 50).unwrap();
        let t = plan.indicator("de_share").unwrap().target.clone().unwrap();
        let spec = DotsSpec {
            threshold: threshold(&t),
            target: t.value,
            ..dots_spec(dots.clone())
        };
        let svg = dots_svg(&spec, 640, 260).unwrap();
        let circles = svg.matches("<circle").count();
        // 50 dots and two legend markers.
        assert_eq!(circles, 52, "{circles}");
        let hits = dots.iter().filter(|v| **v >= spec.threshold).count();
        assert!(hits > 0 && hits < 50, "{hits}");
        for word in ["hits", "misses", "target 59-60"] {
            assert!(svg.contains(word), "{word}");
        }
    }

    #[test]
    fn degenerate_dots_still_draw() {
        for dots in [vec![], vec![60.0; 50], vec![f64::NAN, 1.0]] {
            dots_svg(&dots_spec(dots), 300, 150).unwrap();
        }
    }

    #[test]
    fn futures_draw_the_current_one_bold() {
        let plan = Plan::zhejiang().unwrap();
        let sc = Scenario::new(&plan);
        let o = Outlook::new(&plan, &sc, Scale::ESTIMATED).unwrap();
        let fs = o.futures("de_share", 30, DEFAULT_SEED).unwrap();
        let t = plan.indicator("de_share").unwrap().target.clone().unwrap();
        let central: Vec<(u16, f64)> = o
            .fan("de_share")
            .unwrap()
            .points()
            .map(|(y, q)| (y, q[3]))
            .collect();
        let spec = FuturesSpec {
            y_label: "%".into(),
            central,
            futures: fs.iter().map(|p| p.points().collect()).collect(),
            target: (t.year, t.value),
            threshold: threshold(&t),
            central_label: "central path".into(),
            current_label: "future 30".into(),
            target_label: "target".into(),
            scale: 1.0,
        };
        let svg = futures_svg(&spec, 640, 300).unwrap();
        assert!(svg.contains("future 30") && svg.contains("central path"));
        // 29 faint lines, the bold one, the central one, the target.
        assert!(svg.matches("<polyline").count() >= 32);
        let empty = FuturesSpec {
            futures: vec![],
            ..spec
        };
        futures_svg(&empty, 300, 150).unwrap();
    }
}
