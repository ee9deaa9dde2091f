//! Charts of an indicator's path against its target, drawn on any plotters
//! backend: canvas in the page, SVG for export, a string in native tests.

pub mod dots;
pub mod tradeoff;

use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::element::{Drawable, PointCollection};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};

/// Okabe–Ito colours, safe for colour-blind readers.
pub mod palette {
    use plotters::style::RGBColor;
    /// The projected path.
    pub const PATH: RGBColor = RGBColor(0, 114, 178);
    /// The target line and marker.
    pub const TARGET: RGBColor = RGBColor(213, 94, 0);
    /// Reported values.
    pub const REPORTED: RGBColor = RGBColor(0, 0, 0);
    /// The reference scenario's path, dashed (issue 7).
    pub const REFERENCE: RGBColor = RGBColor(0, 158, 115);
    /// Grid and axes.
    pub const GRID: RGBColor = RGBColor(220, 220, 220);
}

/// What a chart shows; all text comes in already translated.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartSpec {
    /// Caption naming the values' unit.
    pub y_label: String,
    /// `(year, value)` of the projected path.
    pub path: Vec<(u16, f64)>,
    /// `(year, value)` of the target, drawn as a horizontal line and a marker.
    pub target: Option<(u16, f64)>,
    /// Legend text for the path.
    pub path_label: String,
    /// Legend text for the target.
    pub target_label: String,
    /// Reported values `(year, value, lower_bound)`: dots, or up-triangles
    /// for values published as "more than".
    pub reported: Vec<(u16, f64, bool)>,
    /// Legend text for reported values.
    pub reported_label: String,
    /// Device pixels per CSS pixel; fonts and lines scale with it.
    pub scale: f64,
    /// Uncertainty bands around the path (issue 8): `(year, [(low, high); 3])`
    /// for the 95%, 80% and 50% bands, widest first; empty for none.
    pub bands: Vec<(u16, [(f64, f64); 3])>,
    /// Legend text for the bands.
    pub bands_label: String,
    /// `(year, value)` of the reference scenario's path (issue 7), drawn
    /// dashed; empty for none.
    pub reference: Vec<(u16, f64)>,
    /// Legend text for the reference path: the reference's name.
    pub reference_label: String,
    /// issue 11: the value from which the target counts as hit, where it is
    /// below the target ("about 60%" from 59%): drawn as a band up to the target.
    pub threshold: Option<f64>,
    /// Legend text for reported values published as "more than" (▲).
    pub lower_label: String,
    /// The year whose values the reader is reading (hover or keyboard),
    /// marked on the chart; `None` for none.
    pub focus: Option<u16>,
}

/// Fills of the 95%, 80% and 50% bands: light, nested, under the path (issue 8).
const BAND_FILLS: [RGBColor; 3] = [
    RGBColor(224, 236, 246),
    RGBColor(196, 220, 239),
    RGBColor(160, 198, 229),
];

/// Largest magnitude an axis spans. Values beyond it (up to `f64::MAX`) are
/// drawn at this bound, so that headroom, the axis span and plotters' tick
/// arithmetic stay finite: plotters 0.3.7 never leaves its tick loop when
/// handed an infinite or NaN range.
pub const AXIS_LIMIT: f64 = 1e300;

/// Smallest span of an axis, so that a flat path at zero still has ticks.
const MIN_SPAN: f64 = 1e-9;

/// A value as drawn: finite values clamped to ±[`AXIS_LIMIT`], anything
/// else (NaN, ±∞) dropped.
fn drawable(v: f64) -> Option<f64> {
    v.is_finite().then(|| v.clamp(-AXIS_LIMIT, AXIS_LIMIT))
}

/// Whether plotters can compute ticks for `lo..hi` in bounded steps: both
/// ends and the span finite, `lo < hi`, and the span not lost in rounding
/// (at least [`MIN_SPAN`] and a millionth of the larger end).
pub fn is_safe_range(lo: f64, hi: f64) -> bool {
    let span = hi - lo;
    lo.is_finite()
        && hi.is_finite()
        && span.is_finite()
        && span >= MIN_SPAN
        && span >= lo.abs().max(hi.abs()) * 1e-6
}

/// The value axis of `spec`: every drawable value with 8% headroom (at least
/// 2% of the largest value, and [`MIN_SPAN`]), floored at zero when all
/// values are non-negative. Always a range for which [`is_safe_range`]
/// holds, whatever the values: huge, tiny, flat, none, NaN or infinite.
pub fn y_range(spec: &ChartSpec) -> (f64, f64) {
    let vals = spec
        .path
        .iter()
        .map(|p| p.1)
        .chain(spec.reported.iter().map(|r| r.1))
        .chain(spec.target.map(|t| t.1))
        .chain(spec.threshold)
        .chain(spec.reference.iter().map(|p| p.1))
        .chain(
            spec.bands
                .iter()
                .flat_map(|b| b.1.iter().flat_map(|r| [r.0, r.1])),
        )
        .filter_map(drawable);
    let (lo, hi) = vals.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
        (a.min(v), b.max(v))
    });
    if !lo.is_finite() {
        return (0.0, 1.0);
    }
    let pad = ((hi - lo) * 0.08).max(hi.abs() * 0.02).max(MIN_SPAN);
    let lo = if lo >= 0.0 && lo - pad < 0.0 {
        0.0
    } else {
        lo - pad
    };
    let range = (lo, hi + pad);
    // By construction the range is safe; the check keeps it so if the
    // arithmetic above ever changes.
    if is_safe_range(range.0, range.1) {
        range
    } else {
        (0.0, 1.0)
    }
}

/// The year axis of `spec`: every year of the path, the target and the
/// reported values, at least one year wide.
fn x_range(spec: &ChartSpec) -> (u16, u16) {
    let years = spec
        .path
        .iter()
        .map(|p| p.0)
        .chain(spec.reported.iter().map(|r| r.0))
        .chain(spec.reference.iter().map(|p| p.0))
        .chain(spec.target.map(|t| t.0));
    let (first, last) = years.fold((u16::MAX, u16::MIN), |(a, b), y| (a.min(y), b.max(y)));
    if first > last {
        return (2020, 2025);
    }
    if first == last {
        return match first.checked_add(1) {
            Some(next) => (first, next),
            None => (first - 1, first),
        };
    }
    (first, last)
}

/// The sans-serif face at `size` pixels in `style`: every text of every
/// chart. (Named by [`FontFamily::SansSerif`], not by the string
/// `"sans-serif"`, which plotters lowercases: issue 10, Unicode's case
/// tables in the bundle for one string.)
pub(crate) fn sans(size: f64, style: FontStyle) -> FontDesc<'static> {
    FontDesc::new(FontFamily::SansSerif, size, style)
}

/// Text size at 1×, in CSS pixels, of every axis, legend and caption:
/// never below 12 (issue 11).
pub const TEXT_PX: f64 = 12.0;

/// Dark grey of captions and tick labels: 10:1 on white.
const INK: RGBColor = RGBColor(60, 60, 60);

/// Tick label of a value axis spanning up to `magnitude`, in scientific
/// notation: used where fixed decimals would be too long or read `0.00`.
fn tick_label(y: f64, magnitude: f64) -> String {
    if magnitude >= 1e7 || (magnitude > 0.0 && magnitude < 0.01) {
        // `2.50e7` → `2.5e7`, `1.00e300` → `1e300`: short enough for the axis.
        let s = format!("{y:.2e}");
        match s.split_once('e') {
            Some((m, e)) if m.contains('.') => {
                format!("{}e{e}", m.trim_end_matches('0').trim_end_matches('.'))
            }
            _ => s,
        }
    } else {
        crate::i18n::fmt_num(y)
    }
}

/// `v` with `decimals` places and a comma between thousands
/// (`12,000`, `1,234.5`); `-0` written `0`.
pub fn grouped(v: f64, decimals: usize) -> String {
    let s = format!("{:.decimals$}", v.abs());
    let (int, frac) = s.split_once('.').map_or((s.as_str(), ""), |(i, f)| (i, f));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    let zero = s.chars().all(|c| c == '0' || c == '.');
    if v < 0.0 && !zero {
        format!("-{out}")
    } else {
        out
    }
}

/// Decimal places that label every tick plotters puts on an axis from
/// `lo` to `hi` with at most `n` labels alike and exactly (`3`, `4`, ...
/// `11`, not `3.00` ... `11.0`): the fewest that write each tick without
/// rounding, at most 6. For axes whose ticks plotters places.
pub fn axis_decimals(lo: f64, hi: f64, n: usize) -> usize {
    use plotters::coord::ranged1d::{BoldPoints, Ranged};
    if !is_safe_range(lo, hi) {
        return 2;
    }
    let ticks = RangedCoordf64::from(lo..hi).key_points(BoldPoints(n));
    (0..=6)
        .find(|&d| {
            let k = 10f64.powi(d as i32);
            ticks
                .iter()
                .all(|t| ((t * k).round() - t * k).abs() < 1e-6 * k.max(t.abs() * k))
        })
        .unwrap_or(6)
}

/// The ticks of a value axis from `lo` to `hi`: about `n` steps of 1, 2,
/// 2.5 or 5 times a power of ten, each labelled with the same number of
/// decimals and thousands separators (`800`, `1,000`, never `1000` beside
/// `800.0`); scientific notation where the values reach 10⁷ or stay below
/// 0.01. At most 50 ticks whatever the range.
pub fn y_ticks(lo: f64, hi: f64, n: usize) -> Vec<(f64, String)> {
    let magnitude = lo.abs().max(hi.abs());
    let raw = (hi - lo) / n.max(1) as f64;
    if !(raw.is_finite() && raw > 0.0) {
        return vec![(lo, tick_label(lo, magnitude))];
    }
    let exp = raw.log10().floor();
    let base = 10f64.powf(exp);
    let m = raw / base;
    // The round step whose count of ticks comes nearest to `n`.
    let nice = [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .min_by(|a, b| ((m / a).ln().abs()).total_cmp(&(m / b).ln().abs()))
        .unwrap_or(10.0);
    let step = nice * base;
    let decimals =
        if exp < 0.0 { (-exp) as usize } else { 0 } + usize::from(nice == 2.5 && exp <= 0.0);
    let sci = magnitude >= 1e7 || (magnitude > 0.0 && magnitude < 0.01);
    let label = |y: f64| {
        if sci {
            tick_label(y, magnitude)
        } else {
            grouped(y, decimals.min(12))
        }
    };
    let start = (lo / step).ceil();
    (0..50)
        .map(|k| (start + f64::from(k)) * step)
        .take_while(|t| *t <= hi + step * 1e-9)
        .map(|t| (t, label(t)))
        .collect()
}

/// A chart's plotting area in backend pixels and its years, to turn a
/// pointer's position into a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlotFrame {
    /// Left, top, right and bottom edges of the plotting area.
    pub left: i32,
    pub top: i32,
    pub right: i32,
    pub bottom: i32,
    /// The first and last year of the axis.
    pub first: u16,
    pub last: u16,
}

impl PlotFrame {
    /// The year nearest to backend pixel column `x`, within the axis.
    pub fn year_at(&self, x: f64) -> u16 {
        let w = f64::from((self.right - self.left).max(1));
        let f = ((x - f64::from(self.left)) / w).clamp(0.0, 1.0);
        let span = f64::from(self.last - self.first);
        self.first + (f * span).round() as u16
    }
}

/// What a chart holds in `year`, for its readout: `(label, value, lower
/// bound)` for the path, the reference, the reported value and the target
/// of that year, in the legend's words.
pub fn values_at(spec: &ChartSpec, year: u16) -> Vec<(String, f64, bool)> {
    let mut out = Vec::new();
    let at = |p: &[(u16, f64)]| p.iter().find(|q| q.0 == year).map(|q| q.1);
    if let Some(v) = at(&spec.path) {
        out.push((spec.path_label.clone(), v, false));
    }
    if let Some(v) = at(&spec.reference) {
        out.push((spec.reference_label.clone(), v, false));
    }
    if let Some(r) = spec.reported.iter().find(|r| r.0 == year) {
        let label = if r.2 {
            &spec.lower_label
        } else {
            &spec.reported_label
        };
        out.push((label.clone(), r.1, r.2));
    }
    if let Some((_, v)) = spec.target.filter(|t| t.0 == year) {
        out.push((spec.target_label.clone(), v, false));
    }
    out
}

/// Whether [`draw_with`] draws a chart's header (its caption and legend), or
/// finds it drawn: the page keeps each chart's header, which a slider's
/// step rarely changes, as a picture of its own (issue 10).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Header {
    /// Draw it, on a white background, as the rest.
    Draw,
    /// It is there already, [`header_height`] pixels tall: leave that strip.
    Drawn,
}

/// Everything a chart's header shows, to tell whether a header drawn
/// before still holds: its caption, its legend's entries and the scale.
#[derive(Debug, Clone, PartialEq)]
pub struct HeaderKey {
    caption: String,
    rows: Vec<(String, Key)>,
    scale: u64,
}

/// The header `spec` has ([`HeaderKey`]).
pub fn header_key(spec: &ChartSpec) -> HeaderKey {
    HeaderKey {
        caption: spec.y_label.clone(),
        rows: legend(spec)
            .into_iter()
            .map(|(label, key)| (label.to_string(), key))
            .collect(),
        scale: scale_of(spec.scale).to_bits(),
    }
}

/// The height in pixels of `spec`'s header on an area `width` pixels wide.
pub fn header_height(spec: &ChartSpec, width: u32) -> i32 {
    let rows = legend(spec);
    header_extent(&spec.y_label, &rows, width, scale_of(spec.scale))
}

/// Fills `area` white and draws `spec`'s header at its top, as [`draw`]
/// does; returns its height in pixels.
///
/// # Errors
/// Whatever the backend reports while drawing.
pub fn draw_header_of<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    spec: &ChartSpec,
) -> Result<i32, DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&WHITE)?;
    draw_header(area, &spec.y_label, &legend(spec), scale_of(spec.scale))
}

/// The legend of `spec`: the path, then the reference, the bands, the
/// target, the reported values and the lower bounds, each where the chart
/// has any.
fn legend(spec: &ChartSpec) -> Vec<(&str, Key)> {
    let target = spec.target.and_then(|(_, v)| drawable(v));
    let band = target.is_some_and(|tv| spec.threshold.and_then(drawable).is_some_and(|th| th < tv));
    let reported = || spec.reported.iter().filter(|r| drawable(r.1).is_some());
    let mut legend = vec![(spec.path_label.as_str(), Key::Line(palette::PATH, 2.5))];
    if spec.reference.iter().any(|p| drawable(p.1).is_some()) {
        legend.push((
            spec.reference_label.as_str(),
            Key::Dashed(palette::REFERENCE, 2.0),
        ));
    }
    if spec.bands.len() > 1 {
        legend.push((spec.bands_label.as_str(), Key::Patch(BAND_FILLS[1])));
    }
    if target.is_some() {
        legend.push((spec.target_label.as_str(), Key::Target { band }));
    }
    if reported().any(|r| !r.2) {
        legend.push((spec.reported_label.as_str(), Key::Dot(palette::REPORTED)));
    }
    if reported().any(|r| r.2) {
        legend.push((spec.lower_label.as_str(), Key::Triangle(palette::REPORTED)));
    }
    legend
}

/// Draws `spec` onto `area`: a caption naming the unit and the legend
/// above the plot (never over the data), the value axis with round ticks,
/// the target (with its tolerance as a band), the bands, the reference, the
/// path, the reported values and, for a readout, the year in `focus`. Wrap
/// the backend in [`Measured`] so that text is laid out the same on every
/// backend, without measuring it in the page.
///
/// # Errors
/// Whatever the backend reports while drawing.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    spec: &ChartSpec,
) -> Result<PlotFrame, DrawingAreaErrorKind<DB::ErrorType>> {
    draw_with(area, spec, Header::Draw)
}

/// [`draw`], with the header drawn or found drawn ([`Header`]).
///
/// # Errors
/// Whatever the backend reports while drawing.
pub fn draw_with<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    spec: &ChartSpec,
    header: Header,
) -> Result<PlotFrame, DrawingAreaErrorKind<DB::ErrorType>> {
    let s = scale_of(spec.scale);
    let px = |v: f64| (v * s).round() as u32;
    let legend = legend(spec);
    // Where a header is drawn already, its height; the rest is filled below it.
    let drawn = match header {
        Header::Draw => {
            area.fill(&WHITE)?;
            None
        }
        Header::Drawn => {
            let (w, h) = area.dim_in_pixel();
            let top = header_extent(&spec.y_label, &legend, w, s);
            area.draw(&Rectangle::new(
                [(0, top), (w as i32, h as i32)],
                WHITE.filled(),
            ))?;
            Some(top)
        }
    };
    let (first, last) = x_range(spec);
    let (lo, hi) = y_range(spec);
    let (x0, x1) = (f64::from(first), f64::from(last));
    let target = spec.target.and_then(|(y, v)| Some((y, drawable(v)?)));
    let band = target.and_then(|(_, tv)| {
        let th = drawable(spec.threshold?)?;
        (th < tv).then_some((th, tv))
    });
    let reference: Vec<(f64, f64)> = spec
        .reference
        .iter()
        .filter_map(|&(y, v)| Some((f64::from(y), drawable(v)?)))
        .collect();
    let reported: Vec<(u16, f64, bool)> = spec
        .reported
        .iter()
        .filter_map(|&(y, v, lower)| Some((y, drawable(v)?, lower)))
        .collect();
    let mut chart = year_chart(
        area,
        (&spec.y_label, &legend, drawn),
        (first, last),
        (lo, hi),
        s,
    )?;
    if let Some((th, tv)) = band {
        chart.draw_series(std::iter::once(Rectangle::new(
            [(x0, th), (x1, tv)],
            TARGET_BAND.filled(),
        )))?;
    }
    for (k, fill) in BAND_FILLS.iter().enumerate() {
        let band: Vec<(f64, f64, f64)> = spec
            .bands
            .iter()
            .filter_map(|(y, b)| Some((f64::from(*y), drawable(b[k].0)?, drawable(b[k].1)?)))
            .collect();
        if band.len() > 1 {
            let outline = band
                .iter()
                .map(|b| (b.0, b.1))
                .chain(band.iter().rev().map(|b| (b.0, b.2)));
            chart.draw_series(std::iter::once(Polygon::new(
                outline.collect::<Vec<_>>(),
                fill.filled(),
            )))?;
        }
    }
    if let Some((_, tv)) = target {
        chart.draw_series(LineSeries::new(
            [(x0, tv), (x1, tv)],
            ShapeStyle::from(palette::TARGET).stroke_width(px(1.5)),
        ))?;
    }
    if !reference.is_empty() {
        chart.draw_series(DashedLineSeries::new(
            reference.clone(),
            px(6.0),
            px(4.0),
            ShapeStyle::from(palette::REFERENCE).stroke_width(px(2.0)),
        ))?;
    }
    let path: Vec<(f64, f64)> = spec
        .path
        .iter()
        .filter_map(|&(y, v)| Some((f64::from(y), drawable(v)?)))
        .collect();
    chart.draw_series(LineSeries::new(
        path.clone(),
        ShapeStyle::from(palette::PATH).stroke_width(px(2.5)),
    ))?;
    if let Some((ty, tv)) = target {
        chart.draw_series(std::iter::once(Cross::new(
            (f64::from(ty), tv),
            px(6.0),
            ShapeStyle::from(palette::TARGET).stroke_width(px(2.0)),
        )))?;
    }
    chart.draw_series(reported.iter().map(|&(y, v, lower)| {
        let at = (f64::from(y), v);
        if lower {
            Triangle::new(at, px(5.0), palette::REPORTED).into_dyn()
        } else {
            Circle::new(at, px(3.5), palette::REPORTED.filled()).into_dyn()
        }
    }))?;
    if let Some(year) = spec.focus.filter(|y| (first..=last).contains(y)) {
        let x = f64::from(year);
        chart.draw_series(std::iter::once(PathElement::new(
            [(x, lo), (x, hi)],
            ShapeStyle::from(BLACK.mix(0.45)).stroke_width(px(1.0).max(1)),
        )))?;
        let on = |p: &[(f64, f64)]| p.iter().find(|q| q.0 == x).copied();
        for (pt, c) in [
            (on(&path), palette::PATH),
            (on(&reference), palette::REFERENCE),
        ] {
            if let Some(pt) = pt {
                chart.draw_series(std::iter::once(Circle::new(
                    pt,
                    px(4.5),
                    ShapeStyle::from(c).stroke_width(px(2.0)),
                )))?;
            }
        }
    }
    let (left, top) = chart.backend_coord(&(x0, hi));
    let (right, bottom) = chart.backend_coord(&(x1, lo));
    area.present()?;
    Ok(PlotFrame {
        left,
        top,
        right,
        bottom,
        first,
        last,
    })
}

/// The scale a spec asks for, within 0.5–8 (1 for a value that is not finite).
pub(crate) fn scale_of(scale: f64) -> f64 {
    if scale.is_finite() {
        scale.clamp(0.5, 8.0)
    } else {
        1.0
    }
}

/// Fill of a target's tolerance band ("about 60%" counted from 59%).
const TARGET_BAND: RGBAColor = RGBAColor(213, 94, 0, 0.16);

/// A chart with years across and values up, as every path chart draws it.
pub(crate) type YearChart<'a, DB> =
    ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// Sets up a chart of years `x` across and values `y` up on `area`: the
/// caption and the legend above the plot ([`draw_header`]; where `drawn`
/// gives the height of one drawn already, below it), year ticks, round
/// value ticks from [`y_ticks`] with their grid lines, all text at least
/// [`TEXT_PX`]. Shared by the path chart and the futures.
///
/// # Errors
/// Whatever the backend reports while drawing.
pub(crate) fn year_chart<'a, DB: DrawingBackend>(
    area: &'a DrawingArea<DB, Shift>,
    (caption, legend, drawn): (&str, &[(&str, Key)], Option<i32>),
    (first, last): (u16, u16),
    (lo, hi): (f64, f64),
    s: f64,
) -> Result<YearChart<'a, DB>, DrawingAreaErrorKind<DB::ErrorType>> {
    let px = |v: f64| (v * s).round() as i32;
    let (w, h) = area.dim_in_pixel();
    let header = match drawn {
        None => draw_header(area, caption, legend, s)?,
        Some(top) => top,
    };
    let x_area = px(TEXT_PX * 1.2 + 10.0);
    let plot_h = f64::from(h as i32 - header - x_area - px(6.0)).max(1.0);
    let n = (plot_h / (30.0 * s)).floor().clamp(2.0, 6.0) as usize;
    let ticks = y_ticks(lo, hi, n);
    let size = TEXT_PX * s;
    let label_w = ticks
        .iter()
        .map(|t| text_size(&t.1, size).0 as i32)
        .max()
        .unwrap_or(0)
        + px(10.0);
    let mut chart = ChartBuilder::on(area)
        .margin_top(header.max(0) as u32)
        .margin_left(px(8.0) as u32)
        .margin_bottom(px(6.0) as u32)
        .margin_right(px(18.0) as u32)
        .x_label_area_size(x_area as u32)
        .y_label_area_size(label_w as u32)
        .build_cartesian_2d(f64::from(first)..f64::from(last), lo..hi)?;
    let plot_w = f64::from(w as i32 - label_w - px(26.0)).max(1.0);
    let fit = (plot_w / (44.0 * s)).floor().max(2.0) as usize;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(0)
        .light_line_style(WHITE.mix(0.0))
        .bold_line_style(palette::GRID)
        .axis_style(BLACK.mix(0.6))
        .x_labels((usize::from(last - first) + 1).min(8).min(fit))
        .x_label_formatter(&|x| format!("{}", x.round() as i64))
        .label_style(sans(size, FontStyle::Normal).color(&INK))
        .draw()?;
    for (t, _) in &ticks {
        chart.draw_series(std::iter::once(PathElement::new(
            [(f64::from(first), *t), (f64::from(last), *t)],
            ShapeStyle::from(palette::GRID).stroke_width(1),
        )))?;
    }
    let base = area.get_base_pixel();
    let style = TextStyle::from(sans(size, FontStyle::Normal))
        .color(&INK)
        .pos(Pos::new(HPos::Right, VPos::Center));
    for (t, label) in &ticks {
        let (x, y) = chart.backend_coord(&(f64::from(first), *t));
        area.draw(&Text::new(
            label.clone(),
            (x - base.0 - px(6.0), y - base.1),
            style.clone(),
        ))?;
    }
    Ok(chart)
}

/// The mark beside a legend entry.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Key {
    /// A line of this colour and width (in CSS pixels).
    Line(RGBColor, f64),
    /// A filled dot.
    Dot(RGBColor),
    /// A hollow dot.
    Ring(RGBColor),
    /// A filled up-triangle, as a value published as "more than".
    Triangle(RGBColor),
    /// A filled square, as a band.
    Patch(RGBColor),
    /// The target as the plot draws it: its line and cross, on its
    /// tolerance band where it has one.
    Target { band: bool },
    /// A dashed line of this colour and width (in CSS pixels): two dashes.
    Dashed(RGBColor, f64),
}

/// A filled triangle pointing up, its corners `size` pixels from its centre
/// at −90°, −210° and −330°: plotters' `TriangleMarker`, with the corners'
/// cosines and sines written out ([`TRIANGLE`]), as computing them took the
/// sine and cosine functions (7 KB) into the bundle for three angles
/// (issue 10). The same pixels (a test draws both).
pub(crate) struct Triangle<C> {
    center: C,
    size: u32,
    color: RGBColor,
}

/// `(cos, sin)` of −90°, −210° and −330° as `f64::cos` and `f64::sin` give
/// them for `degrees * PI / 180` (a test checks every bit).
const TRIANGLE: [(f64, f64); 3] = [
    (6.123_233_995_736_766e-17, -1.0),
    (-0.866_025_403_784_438_6, 0.500_000_000_000_000_1),
    (0.866_025_403_784_438_4, 0.500_000_000_000_000_4),
];

impl<C> Triangle<C> {
    pub(crate) fn new(center: C, size: u32, color: RGBColor) -> Self {
        Triangle {
            center,
            size,
            color,
        }
    }
}

impl<'a, C: 'a> PointCollection<'a, C> for &'a Triangle<C> {
    type Point = &'a C;
    type IntoIter = std::iter::Once<&'a C>;
    fn point_iter(self) -> std::iter::Once<&'a C> {
        std::iter::once(&self.center)
    }
}

impl<C, DB: DrawingBackend> Drawable<DB> for Triangle<C> {
    fn draw<I: Iterator<Item = BackendCoord>>(
        &self,
        mut points: I,
        backend: &mut DB,
        _: (u32, u32),
    ) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        if let Some((x, y)) = points.next() {
            let size = f64::from(self.size);
            let corners = TRIANGLE.iter().map(|(c, s)| {
                (
                    (c * size + f64::from(x)).ceil() as i32,
                    (s * size + f64::from(y)).ceil() as i32,
                )
            });
            backend.fill_polygon(corners, &self.color.to_backend_color())?;
        }
        Ok(())
    }
}

/// Width in pixels of a legend key at scale `s`.
fn key_w(s: f64) -> i32 {
    (22.0 * s).round() as i32
}

/// Places legend `rows` left to right within `width` pixels, wrapping:
/// `(x, y)` of each entry's key (top left of its text line) and the total
/// height. Text measured by [`text_size`] at [`TEXT_PX`].
pub fn legend_layout(rows: &[&str], width: i32, s: f64) -> (Vec<(i32, i32)>, i32) {
    let size = TEXT_PX * s;
    let line_h = (size * 1.5).round() as i32;
    let gap = (16.0 * s).round() as i32;
    let (mut x, mut y, mut out) = (0, 0, Vec::new());
    for label in rows {
        let w = key_w(s) + text_size(label, size).0 as i32;
        if x > 0 && x + w > width {
            x = 0;
            y += line_h;
        }
        out.push((x, y));
        x += w + gap;
    }
    let h = if rows.is_empty() { 0 } else { y + line_h };
    (out, h)
}

/// Draws the caption (the unit) and the legend at the top of `area`, above
/// where the plot goes, and returns their height in pixels.
///
/// # Errors
/// Whatever the backend reports while drawing.
pub(crate) fn draw_header<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    caption: &str,
    rows: &[(&str, Key)],
    s: f64,
) -> Result<i32, DrawingAreaErrorKind<DB::ErrorType>> {
    let px = |v: f64| (v * s).round() as i32;
    let size = TEXT_PX * s;
    let pad = px(8.0);
    let font = TextStyle::from(sans(size, FontStyle::Normal)).color(&INK);
    let mut y = pad;
    if !caption.is_empty() {
        area.draw(&Text::new(caption.to_string(), (pad, y), font.clone()))?;
        y += (size * 1.5).round() as i32;
    }
    let width = area.dim_in_pixel().0 as i32 - 2 * pad;
    let labels: Vec<&str> = rows.iter().map(|r| r.0).collect();
    let (at, _) = legend_layout(&labels, width, s);
    let text_h = text_size("Ag", size).1 as i32;
    for ((label, key), (x, ly)) in rows.iter().zip(at) {
        let (x, top) = (pad + x, y + ly);
        let mid = top + text_h / 2;
        area.draw(&Text::new(
            label.to_string(),
            (x + key_w(s), top),
            font.clone().color(&BLACK),
        ))?;
        draw_key(area, *key, (x, mid), s)?;
    }
    Ok(header_extent(caption, rows, area.dim_in_pixel().0, s))
}

/// The height in pixels of the header [`draw_header`] draws on an area
/// `width` pixels wide.
fn header_extent(caption: &str, rows: &[(&str, Key)], width: u32, s: f64) -> i32 {
    let px = |v: f64| (v * s).round() as i32;
    let size = TEXT_PX * s;
    let pad = px(8.0);
    let caption_h = if caption.is_empty() {
        0
    } else {
        (size * 1.5).round() as i32
    };
    let labels: Vec<&str> = rows.iter().map(|r| r.0).collect();
    let (_, h) = legend_layout(&labels, width as i32 - 2 * pad, s);
    pad + caption_h + h + px(4.0)
}

/// Draws legend key `key` with its left end at `(x, mid)`.
fn draw_key<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    key: Key,
    (x, mid): (i32, i32),
    s: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let px = |v: f64| (v * s).round() as i32;
    let stroke = |c: RGBColor, w: f64| ShapeStyle::from(c).stroke_width(px(w).max(1) as u32);
    let end = x + px(16.0);
    let centre = (x + px(8.0), mid);
    match key {
        Key::Line(color, width) => area.draw(&PathElement::new(
            [(x, mid), (end, mid)],
            stroke(color, width),
        ))?,
        Key::Dashed(color, width) => {
            let style = stroke(color, width);
            area.draw(&PathElement::new([(x, mid), (x + px(6.0), mid)], style))?;
            area.draw(&PathElement::new([(x + px(10.0), mid), (end, mid)], style))?;
        }
        Key::Dot(color) => {
            area.draw(&Circle::new(centre, px(3.5).max(1) as u32, color.filled()))?
        }
        Key::Ring(color) => area.draw(&Circle::new(
            centre,
            px(4.0).max(1) as u32,
            stroke(color, 1.5),
        ))?,
        Key::Triangle(color) => area.draw(&Triangle::new(centre, px(5.0).max(1) as u32, color))?,
        Key::Patch(color) => area.draw(&Rectangle::new(
            [(x, mid - px(5.0)), (end, mid + px(5.0))],
            color.filled(),
        ))?,
        Key::Target { band } => {
            if band {
                area.draw(&Rectangle::new(
                    [(x, mid), (end, mid + px(6.0))],
                    TARGET_BAND.filled(),
                ))?;
            }
            area.draw(&PathElement::new(
                [(x, mid), (end, mid)],
                stroke(palette::TARGET, 1.5),
            ))?;
            area.draw(&Cross::new(
                centre,
                px(4.0).max(1) as u32,
                stroke(palette::TARGET, 2.0),
            ))?;
        }
    }
    Ok(())
}

/// Width and height in pixels of `text` set at `size` pixels in a
/// sans-serif face, estimated from its characters: full-width (CJK) ones are
/// one em, capitals 0.67, narrow ones (`i l . , : ; ' | ! space`) 0.28, wide
/// ones (`m w M W`) 0.85, others 0.55; the height is 1.2 em. The same on
/// every backend, so the SVG export lays out as the page does.
pub fn text_size(text: &str, size: f64) -> (u32, u32) {
    let em: f64 = text
        .chars()
        .map(|c| match c {
            'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | ' ' => 0.28,
            'm' | 'w' | 'M' | 'W' => 0.85,
            'A'..='Z' => 0.67,
            c if c.is_ascii() => 0.55,
            '\u{1100}'..='\u{115F}'
            | '\u{2E80}'..='\u{A4CF}'
            | '\u{AC00}'..='\u{D7A3}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{FE30}'..='\u{FE4F}'
            | '\u{FF00}'..='\u{FF60}'
            | '\u{FFE0}'..='\u{FFE6}' => 1.0,
            _ => 0.6,
        })
        .sum();
    let size = if size.is_finite() { size.max(0.0) } else { 0.0 };
    ((em * size).ceil() as u32, (1.2 * size).ceil() as u32)
}

/// A backend whose text is measured by [`text_size`] rather than by the
/// backend's font: plotters measures text in the browser by inserting a
/// `<span>` with a `style` attribute into the page for every label, a forced
/// layout each time and an inline style a strict Content-Security-Policy
/// refuses. Everything else is the wrapped backend's.
///
/// ```
/// # use plotters::prelude::*;
/// # use plansim::chart::{draw, Measured, ChartSpec};
/// # fn show(spec: &ChartSpec) {
/// let mut svg = String::new();
/// let area = Measured(SVGBackend::with_string(&mut svg, (480, 260))).into_drawing_area();
/// draw(&area, spec).unwrap();
/// # }
/// ```
pub struct Measured<DB>(pub DB);

/// The `DrawingBackend` methods a wrapping backend hands to the backend it
/// wraps (`self.0`) unchanged; [`Measured`] and [`SvgText`] differ only in text.
macro_rules! pass_to_inner {
    () => {
        fn get_size(&self) -> (u32, u32) {
            self.0.get_size()
        }
        fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
            self.0.ensure_prepared()
        }
        fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
            self.0.present()
        }
        fn draw_pixel(
            &mut self,
            point: BackendCoord,
            color: BackendColor,
        ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
            self.0.draw_pixel(point, color)
        }
        fn draw_line<S: BackendStyle>(
            &mut self,
            from: BackendCoord,
            to: BackendCoord,
            style: &S,
        ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
            self.0.draw_line(from, to, style)
        }
        fn draw_rect<S: BackendStyle>(
            &mut self,
            upper_left: BackendCoord,
            bottom_right: BackendCoord,
            style: &S,
            fill: bool,
        ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
            self.0.draw_rect(upper_left, bottom_right, style, fill)
        }
        fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
            &mut self,
            path: I,
            style: &S,
        ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
            self.0.draw_path(path, style)
        }
        fn draw_circle<S: BackendStyle>(
            &mut self,
            center: BackendCoord,
            radius: u32,
            style: &S,
            fill: bool,
        ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
            self.0.draw_circle(center, radius, style, fill)
        }
        fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
            &mut self,
            vert: I,
            style: &S,
        ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
            self.0.fill_polygon(vert, style)
        }
        fn blit_bitmap(
            &mut self,
            pos: BackendCoord,
            iwh: (u32, u32),
            src: &[u8],
        ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
            self.0.blit_bitmap(pos, iwh, src)
        }
    };
}

impl<DB: DrawingBackend> DrawingBackend for Measured<DB> {
    type ErrorType = DB::ErrorType;

    pass_to_inner!();
    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_text(text, style, pos)
    }
    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        Ok(text_size(text, style.size()))
    }
}

/// plotters' SVG backend writes a text's `font-size` as its size divided
/// by 1.24 (a point-to-pixel guess), so that text laid out at 12 px would
/// read 9.7 px in the file. This backend hands it sizes 1.24 times larger,
/// so that the file says the size the text was laid out at; wrap it in
/// [`Measured`] so that layout uses the size before this correction.
pub struct SvgText<DB>(pub DB);

/// The factor plotters' SVG backend divides font sizes by.
const SVG_FONT_FACTOR: f64 = 1.24;

/// A text style with its size multiplied by a factor.
struct Resized<'a, S> {
    inner: &'a S,
    factor: f64,
}

impl<S: BackendTextStyle> BackendTextStyle for Resized<'_, S> {
    type FontError = S::FontError;
    fn color(&self) -> BackendColor {
        self.inner.color()
    }
    fn size(&self) -> f64 {
        self.inner.size() * self.factor
    }
    fn transform(&self) -> plotters_backend::FontTransform {
        self.inner.transform()
    }
    fn style(&self) -> plotters_backend::FontStyle {
        self.inner.style()
    }
    fn anchor(&self) -> plotters_backend::text_anchor::Pos {
        self.inner.anchor()
    }
    fn family(&self) -> plotters_backend::FontFamily<'_> {
        self.inner.family()
    }
    fn layout_box(&self, text: &str) -> Result<((i32, i32), (i32, i32)), Self::FontError> {
        self.inner.layout_box(text)
    }
    fn draw<E, F: FnMut(i32, i32, BackendColor) -> Result<(), E>>(
        &self,
        text: &str,
        pos: BackendCoord,
        draw: F,
    ) -> Result<Result<(), E>, Self::FontError> {
        self.inner.draw(text, pos, draw)
    }
}

impl<DB: DrawingBackend> DrawingBackend for SvgText<DB> {
    type ErrorType = DB::ErrorType;

    pass_to_inner!();
    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let style = Resized {
            inner: style,
            factor: SVG_FONT_FACTOR,
        };
        self.0.draw_text(text, &style, pos)
    }
    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        self.0.estimate_text_size(text, style)
    }
}

/// The backend of every SVG plansim writes: text measured by
/// [`text_size`] and written at the size it was laid out at.
pub fn svg_backend(out: &mut String, size: (u32, u32)) -> Measured<SvgText<SVGBackend<'_>>> {
    Measured(SvgText(SVGBackend::with_string(out, size)))
}

/// Renders `spec` as an SVG document of `width × height` pixels.
///
/// # Errors
/// A message if drawing fails.
pub fn to_svg(spec: &ChartSpec, width: u32, height: u32) -> Result<String, String> {
    let mut out = String::new();
    {
        let area = svg_backend(&mut out, (width, height)).into_drawing_area();
        draw(&area, spec).map_err(|e| e.to_string())?;
    }
    Ok(out)
}

/// A chart as a figure that describes itself (issue 11), as Our World in
/// Data's downloads do: a title and lines under it (the scenario, the
/// verdict), the chart with its legend, and notes under it (the source
/// line, plansim and the permalink). All text comes in translated.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The title, in bold.
    pub title: String,
    /// Lines under the title.
    pub lines: Vec<String>,
    /// The chart; its `scale` scales the whole figure.
    pub chart: ChartSpec,
    /// Lines under the chart.
    pub notes: Vec<String>,
}

/// Width of an exported figure at 1×, in pixels.
pub const FIGURE_WIDTH: u32 = 720;
/// Height of an exported figure's chart at 1×, in pixels.
const FIGURE_CHART_H: i32 = 340;
/// Sizes at 1× of a figure's title, its lines and its notes.
const TITLE_PX: f64 = 18.0;
const LINE_PX: f64 = 13.0;
const NOTE_PX: f64 = TEXT_PX;

/// `text` broken into lines no wider than `max` pixels at `size` (as
/// [`text_size`] measures): between words, and between any two characters
/// of Chinese or of a word too long for a line (a link).
pub fn wrap(text: &str, size: f64, max: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let fits = |s: &str| f64::from(text_size(s, size).0) <= max;
    // Units: a word with its trailing space, or one wide character.
    let mut units: Vec<String> = Vec::new();
    for c in text.chars() {
        let wide = !c.is_ascii();
        match units.last_mut() {
            Some(u)
                if !wide && !u.ends_with(' ') && u.chars().last().is_none_or(|l| l.is_ascii()) =>
            {
                u.push(c)
            }
            _ => units.push(c.to_string()),
        }
    }
    for unit in units {
        let next = format!("{line}{unit}");
        if fits(next.trim_end()) || line.is_empty() && fits(&unit) {
            line = next;
            continue;
        }
        if !line.is_empty() {
            lines.push(line.trim_end().to_string());
            line = String::new();
        }
        for c in unit.chars() {
            let next = format!("{line}{c}");
            if !line.is_empty() && !fits(next.trim_end()) {
                lines.push(line.trim_end().to_string());
                line = c.to_string();
            } else {
                line = next;
            }
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}

/// The lines of `fig` as laid out at width `w` (1×): `(text, size, bold)`
/// above the chart and under it.
/// Lines of a figure's text: `(text, size, bold)`.
type Lines = Vec<(String, f64, bool)>;

fn figure_text(fig: &Figure, w: f64) -> (Lines, Lines) {
    let max = w - 32.0;
    let mut above: Lines = wrap(&fig.title, TITLE_PX, max)
        .into_iter()
        .map(|l| (l, TITLE_PX, true))
        .collect();
    for l in &fig.lines {
        above.extend(
            wrap(l, LINE_PX, max)
                .into_iter()
                .map(|l| (l, LINE_PX, false)),
        );
    }
    let below = fig
        .notes
        .iter()
        .flat_map(|n| wrap(n, NOTE_PX, max))
        .map(|l| (l, NOTE_PX, false))
        .collect();
    (above, below)
}

/// Height of a text line set at `size`.
fn line_height(size: f64) -> f64 {
    (size * 1.4).round()
}

/// The height at 1× of `fig` drawn `width` pixels wide: its text wrapped
/// to the width and the chart.
pub fn figure_height(fig: &Figure, width: u32) -> u32 {
    let (above, below) = figure_text(fig, f64::from(width));
    let text: f64 = above.iter().chain(&below).map(|l| line_height(l.1)).sum();
    (16.0 + text + 8.0 + f64::from(FIGURE_CHART_H) + 8.0 + 12.0) as u32
}

/// Draws `fig` onto `area`, scaled by its chart's `scale`: the text above,
/// the chart, the text below; returns where the plot landed.
///
/// # Errors
/// Whatever the backend reports while drawing.
pub fn draw_figure<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    fig: &Figure,
) -> Result<PlotFrame, DrawingAreaErrorKind<DB::ErrorType>> {
    let s = scale_of(fig.chart.scale);
    area.fill(&WHITE)?;
    let (w, h) = area.dim_in_pixel();
    let (above, below) = figure_text(fig, f64::from(w) / s);
    let line = |area: &DrawingArea<DB, Shift>, (text, size, bold): &(String, f64, bool), y: f64| {
        let font = sans(
            size * s,
            if *bold {
                FontStyle::Bold
            } else {
                FontStyle::Normal
            },
        );
        let color = if *bold { BLACK } else { INK };
        area.draw(&Text::new(
            text.clone(),
            ((16.0 * s) as i32, y.round() as i32),
            TextStyle::from(font).color(&color),
        ))
    };
    let mut y = 16.0 * s;
    for l in &above {
        line(area, l, y)?;
        y += line_height(l.1) * s;
    }
    let top = (y + 8.0 * s).round() as i32;
    let below_h: f64 = below.iter().map(|l| line_height(l.1) * s).sum();
    let bottom = (f64::from(h) - below_h - 12.0 * s).round() as i32;
    let mut y = f64::from(bottom) + 8.0 * s;
    for l in &below {
        line(area, l, y)?;
        y += line_height(l.1) * s;
    }
    // The chart's own 8 px inset and this one line it up with the text.
    let side = (8.0 * s).round() as u32;
    let chart_area = area.margin(top.max(0) as u32, 0, side, side);
    let (cw, _) = chart_area.dim_in_pixel();
    let chart_area = chart_area.shrink((0, 0), (cw, (bottom - top).max(1) as u32));
    draw(&chart_area, &fig.chart)
}

/// Renders `fig` as an SVG document [`FIGURE_WIDTH`] pixels wide, as tall
/// as [`figure_height`] says.
///
/// # Errors
/// A message if drawing fails.
pub fn figure_svg(fig: &Figure) -> Result<String, String> {
    let fig = Figure {
        chart: ChartSpec {
            scale: 1.0,
            ..fig.chart.clone()
        },
        ..fig.clone()
    };
    let size = (FIGURE_WIDTH, figure_height(&fig, FIGURE_WIDTH));
    let mut out = String::new();
    {
        let area = svg_backend(&mut out, size).into_drawing_area();
        draw_figure(&area, &fig).map_err(|e| e.to_string())?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_triangles_corners_are_the_sines_and_cosines_of_its_angles() {
        for ((c, s), deg) in TRIANGLE.iter().zip([-90.0f64, -210.0, -330.0]) {
            let rad = deg * std::f64::consts::PI / 180.0;
            assert_eq!(
                (c.to_bits(), s.to_bits()),
                (rad.cos().to_bits(), rad.sin().to_bits()),
                "{deg}°"
            );
        }
    }

    #[test]
    fn a_triangle_is_drawn_as_plotters_triangle_marker() {
        let svg = |marker: bool| {
            let mut out = String::new();
            {
                let area = SVGBackend::with_string(&mut out, (80, 60)).into_drawing_area();
                for (i, size) in [0u32, 1, 3, 5, 7, 10, 13].into_iter().enumerate() {
                    let at = (3 + 11 * i as i32, 7 + 5 * i as i32);
                    if marker {
                        area.draw(&TriangleMarker::new(at, size, palette::REPORTED.filled()))
                            .unwrap();
                    } else {
                        area.draw(&Triangle::new(at, size, palette::REPORTED))
                            .unwrap();
                    }
                }
            }
            out
        };
        assert!(svg(false).contains("<polygon"), "{}", svg(false));
        assert_eq!(svg(false), svg(true));
    }

    fn spec() -> ChartSpec {
        ChartSpec {
            y_label: "万个".into(),
            path: vec![
                (2020, 6.3),
                (2021, 8.0),
                (2022, 10.0),
                (2023, 13.0),
                (2024, 16.0),
                (2025, 20.0),
            ],
            target: Some((2025, 20.0)),
            path_label: "projection".into(),
            target_label: "target 2025".into(),
            reported: vec![(2022, 17.1, true), (2023, 18.0, false)],
            reported_label: "reported".into(),
            scale: 1.0,
            bands: vec![],
            bands_label: String::new(),
            reference: vec![],
            reference_label: String::new(),
            threshold: None,
            lower_label: "reported, more than".into(),
            focus: None,
        }
    }

    #[test]
    fn a_chart_drawn_below_its_kept_header_is_the_chart_drawn_whole() {
        // The page puts a chart's header back from a picture and draws the
        // rest (`Header::Drawn`): with the header drawn first on the same
        // area, that is the whole chart, but for the one white fill below
        // the header. Several legends, scales and widths, a readout year.
        let full = ChartSpec {
            reference: vec![(2020, 6.3), (2025, 18.0)],
            reference_label: "reference: 参照".into(),
            bands: (2020..=2025)
                .map(|y| {
                    let c = 6.3 + f64::from(y - 2020) * 2.7;
                    (
                        y,
                        [(c - 1.0, c + 1.0), (c - 2.0, c + 2.0), (c - 3.0, c + 3.0)],
                    )
                })
                .collect(),
            bands_label: "50/80/95%".into(),
            threshold: Some(19.0),
            focus: Some(2023),
            ..spec()
        };
        for (s, scale, (w, h)) in [
            (spec(), 1.0, (480, 260)),
            (full.clone(), 1.0, (480, 260)),
            (full.clone(), 2.0, (900, 520)),
            (full, 1.0, (200, 120)),
        ] {
            let s = ChartSpec { scale, ..s };
            let svg = |split: bool| {
                let mut out = String::new();
                {
                    let area = svg_backend(&mut out, (w, h)).into_drawing_area();
                    if split {
                        let top = draw_header_of(&area, &s).unwrap();
                        assert_eq!(top, header_height(&s, w), "{w}x{h}");
                        draw_with(&area, &s, Header::Drawn).unwrap();
                    } else {
                        draw(&area, &s).unwrap();
                    }
                }
                out
            };
            // What the header draws lies within the height it gives.
            let mut head = String::new();
            let top = {
                let area = svg_backend(&mut head, (w, h)).into_drawing_area();
                draw_header_of(&area, &s).unwrap()
            };
            let texts = svg_texts(&head);
            assert!(texts.len() >= 3, "{head}");
            for (_, y, size, text) in texts {
                assert!(
                    y + 1.2 * size <= f64::from(top),
                    "{w}x{h}: {text} at {y} below {top}"
                );
            }
            let (whole, split) = (svg(false), svg(true));
            let (a, b): (Vec<&str>, Vec<&str>) = (whole.lines().collect(), split.lines().collect());
            assert_eq!(b.len(), a.len() + 1, "{w}x{h}: one element more");
            let at = a
                .iter()
                .zip(&b)
                .position(|(x, y)| x != y)
                .unwrap_or(a.len());
            assert!(
                b[at].contains("<rect") && b[at].contains("#FFFFFF"),
                "{}",
                b[at]
            );
            let mut rest = b.clone();
            rest.remove(at);
            assert_eq!(rest, a, "{w}x{h}");
        }
    }

    #[test]
    fn svg_has_path_target_and_labels() {
        let svg = to_svg(&spec(), 480, 260).unwrap();
        assert!(svg.starts_with("<svg"), "{}", &svg[..40]);
        assert!(svg.contains("万个"), "the unit is on the axis");
        assert!(
            svg.contains("target 2025") && svg.contains("projection") && svg.contains("reported")
        );
        assert!(svg.contains("2020") && svg.contains("2025"), "year ticks");
        assert!(
            svg.contains("rgb(0,114,178)") || svg.contains("#0072B2"),
            "path colour"
        );
        assert!(svg.contains("<circle"), "reported dot");
        assert!(svg.contains("<polygon"), "lower bound as a triangle");
    }

    #[test]
    fn degenerate_inputs_still_draw() {
        let mut s = spec();
        s.path = vec![(2020, 5.0)];
        s.target = None;
        s.reported.clear();
        assert!(to_svg(&s, 200, 120).is_ok());
        s.path.clear();
        assert!(to_svg(&s, 200, 120).is_ok());
        s.path = vec![(2020, 0.0), (2025, 0.0)];
        assert!(to_svg(&s, 200, 120).is_ok());
    }

    #[test]
    fn the_axis_is_finite_whatever_the_values() {
        // Issue 12: a path at 1.7e308 beside a target of 10000 made the axis
        // end at +inf, and plotters' tick loop never ended.
        let mut s = spec();
        s.path = vec![(2020, 1.7e308), (2025, 1.7e308)];
        s.target = Some((2025, 10000.0));
        for vals in [
            vec![1.7e308, f64::MAX, -f64::MAX],
            vec![f64::NAN, f64::INFINITY, f64::NEG_INFINITY],
            vec![1e-300, 1e-300],
            vec![-5.0],
            vec![],
        ] {
            s.reported = vals.iter().map(|&v| (2022, v, false)).collect();
            let (lo, hi) = y_range(&s);
            assert!(is_safe_range(lo, hi), "{vals:?}: {lo}..{hi}");
            assert!(to_svg(&s, 300, 200).is_ok());
        }
        assert!(!is_safe_range(0.0, f64::INFINITY));
        assert!(!is_safe_range(1e20, 1e20 + 1.0), "a span lost in rounding");
    }

    #[test]
    fn huge_and_tiny_ticks_are_short() {
        assert_eq!(tick_label(1e300, 1e300), "1e300");
        assert_eq!(tick_label(2.5e7, 3e7), "2.5e7");
        assert_eq!(tick_label(-1.25e-5, 2e-5), "-1.25e-5");
        assert_eq!(tick_label(0.0, 1e300), "0e0");
        assert_eq!(tick_label(12.5, 20.0), "12.5");
    }

    #[test]
    fn y_range_keeps_zero_floor_and_headroom() {
        let s = spec();
        let (lo, hi) = y_range(&s);
        assert!(lo < 6.3 && lo > 0.0, "{lo}");
        assert!(hi > 20.0);
        let mut z = spec();
        z.path = vec![(2020, 0.5), (2025, 20.0)];
        assert_eq!(y_range(&z).0, 0.0, "no negative axis for positive values");
    }

    // issue 8
    #[test]
    fn bands_are_drawn_under_the_path_and_widen_the_axis() {
        let plain = spec();
        let banded = ChartSpec {
            bands: plain
                .path
                .iter()
                .map(|&(y, v)| {
                    (
                        y,
                        [(v - 6.0, v + 6.0), (v - 4.0, v + 4.0), (v - 2.0, v + 2.0)],
                    )
                })
                .collect(),
            bands_label: "50/80/95% of futures".into(),
            ..plain.clone()
        };
        let svg = to_svg(&banded, 720, 360).unwrap();
        let plain_svg = to_svg(&plain, 720, 360).unwrap();
        let polygons = |s: &str| s.matches("<polygon").count();
        assert_eq!(polygons(&svg) - polygons(&plain_svg), 3, "three bands");
        assert!(svg.contains("50/80/95% of futures"));
        let (first_band, path) = (
            svg.find("<polygon").unwrap(),
            svg.rfind("<polyline").unwrap(),
        );
        assert!(first_band < path, "bands under the path");
        assert!(y_range(&banded).1 >= 26.0 && y_range(&plain).1 < 26.0);
    }

    // issue 7
    #[test]
    fn the_reference_is_a_dashed_labelled_path_or_nothing() {
        let plain = spec();
        let plain_svg = to_svg(&plain, 720, 360).unwrap();
        let colour = "#009E73";
        assert!(!plain_svg.contains(colour), "no reference, nothing drawn");
        let with = ChartSpec {
            reference: vec![(2020, 6.3), (2023, 9.0), (2025, 30.0)],
            reference_label: "reference: reported pace".into(),
            ..plain.clone()
        };
        let svg = to_svg(&with, 720, 360).unwrap();
        assert!(svg.contains("reference: reported pace"), "legend entry");
        let dashes = svg
            .split("<polyline")
            .skip(1)
            .filter(|p| p.split('>').next().is_some_and(|a| a.contains(colour)))
            .count();
        // A dashed path is many short strokes, plus the legend's two.
        assert!(dashes > 10, "{dashes} strokes in the reference colour");
        assert!(y_range(&with).1 >= 30.0, "the axis holds the reference");
        // Values that cannot be drawn are dropped, not drawn at infinity.
        let odd = ChartSpec {
            reference: vec![(2020, f64::NAN), (2025, f64::INFINITY)],
            ..with
        };
        assert!(to_svg(&odd, 300, 200).is_ok());
    }

    /// `(left, top, font size, text)` of every `<text>` of an SVG from
    /// plotters, the left edge from its anchor and [`text_size`].
    pub(crate) fn svg_texts(svg: &str) -> Vec<(f64, f64, f64, String)> {
        svg.split("<text")
            .skip(1)
            .filter_map(|t| {
                let attr = |name: &str| -> Option<&str> {
                    let k = t.find(&format!(" {name}=\""))? + name.len() + 3;
                    t[k..].split('"').next()
                };
                let num = |name: &str| attr(name)?.parse::<f64>().ok();
                let body = t.split_once('>')?.1.split("</text>").next()?;
                let text = body
                    .trim()
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&apos;", "'")
                    .replace("&quot;", "\"")
                    .replace("&amp;", "&");
                let size = num("font-size")?;
                let w = f64::from(text_size(&text, size).0);
                let left = match attr("text-anchor") {
                    Some("middle") => num("x")? - w / 2.0,
                    Some("end") => num("x")? - w,
                    _ => num("x")?,
                };
                Some((left, num("y")?, size, text))
            })
            .collect()
    }

    // issue 11
    #[test]
    fn ticks_share_one_format_with_thousands_separators() {
        let t = y_ticks(0.0, 1300.0, 6);
        let labels: Vec<&str> = t.iter().map(|t| t.1.as_str()).collect();
        assert_eq!(labels, ["0", "200", "400", "600", "800", "1,000", "1,200"]);
        let t = y_ticks(0.0, 10.0, 4);
        let labels: Vec<&str> = t.iter().map(|t| t.1.as_str()).collect();
        assert_eq!(labels, ["0.0", "2.5", "5.0", "7.5", "10.0"]);
        let t = y_ticks(6.0, 21.0, 5);
        assert!(
            t.iter().all(|t| t.1.ends_with(".0") || t.1.ends_with(".5")),
            "{t:?}"
        );
        let t = y_ticks(6.0, 26.0, 5);
        assert!(t.iter().all(|t| !t.1.contains('.')), "{t:?}");
        let t = y_ticks(0.0, 1.3, 5);
        assert!(
            t.iter().all(|t| t.1.len() == 4 && t.1.contains('.')),
            "{t:?}"
        );
        let t = y_ticks(40.0, 62.0, 4);
        let decimals: Vec<usize> = t
            .iter()
            .map(|t| t.1.split_once('.').map_or(0, |d| d.1.len()))
            .collect();
        assert!(decimals.windows(2).all(|w| w[0] == w[1]), "{t:?}");
        assert_eq!(grouped(-0.0001, 2), "0.00");
        assert_eq!(grouped(-12345.678, 1), "-12,345.7");
        assert!(y_ticks(0.0, 1e300, 6).len() <= 8);
        assert!(y_ticks(1e20, 1e20 + 1e15, 6).len() <= 8);
        assert_eq!(y_ticks(5.0, 5.0, 6).len(), 1);
        assert_eq!(axis_decimals(3.0, 11.0, 8), 0);
        assert_eq!(axis_decimals(0.0, 1.0, 6), 1);
        assert_eq!(axis_decimals(52.0, 69.0, 6), 0);
    }

    #[test]
    fn the_legend_sits_above_the_plot_and_text_is_at_least_12px() {
        let mut s = spec();
        s.reference = vec![(2020, 6.3), (2025, 15.0)];
        s.reference_label = "reference: reported pace".into();
        s.threshold = Some(19.0);
        for (w, h) in [(720, 360), (340, 260), (480, 260)] {
            let mut svg = String::new();
            let frame = {
                let area = svg_backend(&mut svg, (w, h)).into_drawing_area();
                draw(&area, &s).unwrap()
            };
            let texts = svg_texts(&svg);
            assert!(!texts.is_empty());
            for (_, _, size, text) in &texts {
                assert!(*size >= 12.0, "{text} at {size}px");
            }
            for label in [
                "projection",
                "target 2025",
                "reported",
                "reported, more than",
                "reference: reported pace",
            ] {
                let (x, y, size, _) = texts
                    .iter()
                    .find(|t| t.3 == label)
                    .unwrap_or_else(|| panic!("{label} in the legend at {w}x{h}"));
                // The text's box (plotters anchors it at its top) ends above the plot.
                let bottom = y + size * 1.2;
                assert!(
                    bottom <= f64::from(frame.top),
                    "{label} at {y} over the plot from {} ({w}x{h})",
                    frame.top
                );
                assert!(
                    *x >= 0.0 && x + f64::from(text_size(label, *size).0) <= f64::from(w),
                    "{label} inside the width"
                );
            }
            assert!(
                frame.bottom - frame.top > 100,
                "a plot to read at {w}x{h}: {frame:?}"
            );
        }
    }

    #[test]
    fn the_target_band_lower_bound_key_and_focus_are_drawn() {
        let mut s = spec();
        let plain = to_svg(&s, 720, 360).unwrap();
        s.threshold = Some(19.0);
        let banded = to_svg(&s, 720, 360).unwrap();
        let band = "opacity=\"0.16\" fill=\"#D55E00\"";
        assert!(!plain.contains(band));
        // The band in the plot and on the legend's target key.
        assert_eq!(banded.matches(band).count(), 2, "{banded}");
        // Two triangles: the reported ▲ and its legend key.
        assert_eq!(plain.matches("<polygon").count(), 2);
        s.focus = Some(2023);
        let focused = to_svg(&s, 720, 360).unwrap();
        assert!(focused.matches("<circle").count() > banded.matches("<circle").count());
        let v = values_at(&s, 2022);
        assert_eq!(v[0], ("projection".into(), 10.0, false));
        assert_eq!(v[1], ("reported, more than".into(), 17.1, true));
        assert_eq!(values_at(&s, 2025).last().unwrap().0, "target 2025");
        let frame = PlotFrame {
            left: 50,
            top: 10,
            right: 550,
            bottom: 300,
            first: 2020,
            last: 2025,
        };
        assert_eq!(frame.year_at(0.0), 2020);
        assert_eq!(frame.year_at(260.0), 2022);
        assert_eq!(frame.year_at(9999.0), 2025);
    }

    #[test]
    fn a_figure_carries_title_scenario_verdict_source_and_link() {
        let mut s = spec();
        s.threshold = Some(19.0);
        let fig = Figure {
            title: "Digital economy: 5G base stations ≥ 20".into(),
            lines: vec![
                "Scenario: GDP +6% a year, nominal (current prices); every other growth rate at the plan's defaults and a sentence long enough to wrap onto a second line of the figure".into(),
                "Projected 2025: 20.0, Hit (target ≥ 20)".into(),
            ],
            chart: s,
            notes: vec![
                "Source: A plan, 〔2021〕35号; published values: Yearbook 2023".into(),
                "plansim · https://example.org/plansim/?plan=x#v=1&g.gdp=6&g.de_value_added=10&lang=en&long=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".into(),
            ],
        };
        let svg = figure_svg(&fig).unwrap();
        let h = figure_height(&fig, FIGURE_WIDTH);
        assert!(svg.contains(&format!("height=\"{h}\"")), "{}", &svg[..120]);
        let texts = svg_texts(&svg);
        let all: String = texts
            .iter()
            .map(|t| t.3.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        for part in [
            "Digital economy",
            "Scenario: GDP +6% a year",
            "wrap",
            "Projected 2025",
            "published values: Yearbook 2023",
            "plansim · https://example.org/plansim/",
            "projection",
            "target 2025",
        ] {
            assert!(all.contains(part), "{part} in {all}");
        }
        for (x, y, size, text) in &texts {
            assert!(*size >= 12.0, "{text} at {size}");
            assert!(
                *x >= 0.0
                    && x + f64::from(text_size(text, *size).0) <= f64::from(FIGURE_WIDTH) + 1.0,
                "{text} within the width"
            );
            assert!(*y >= 0.0 && *y <= f64::from(h), "{text}");
        }
        assert!(
            svg.contains("font-weight=\"bold\"") || svg.contains("bold"),
            "a bold title"
        );
        // The source and the link are under the plot; the title above it.
        let y_of = |p: &str| texts.iter().find(|t| t.3.contains(p)).unwrap().1;
        let axis_year = y_of("2020");
        assert!(y_of("Digital economy") < axis_year && y_of("Source:") > axis_year);
    }
}
