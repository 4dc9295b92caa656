//! SVG charts drawn here (no chart library): grouped bars or lines, several series, with
//! a legend and the numbers as a table for screen readers and copying.

use hushdesk_api::app::StatsSeries;
use leptos::prelude::*;

pub const WIDTH: f64 = 640.0;
pub const HEIGHT: f64 = 240.0;
const LEFT: f64 = 44.0;
const RIGHT: f64 = 8.0;
const TOP: f64 = 10.0;
const BOTTOM: f64 = 28.0;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartKind {
    Bars,
    Lines,
}

/// The smallest 1, 2 or 5 × 10ⁿ at or above `v` (at least 1): the top of the y axis.
pub fn nice_max(v: i64) -> i64 {
    let v = v.max(1);
    let mut base = 1i64;
    loop {
        for m in [1, 2, 5] {
            if base.saturating_mul(m) >= v {
                return base.saturating_mul(m);
            }
        }
        base = base.saturating_mul(10);
    }
}

/// Labels of the x axis: the first series' (all series share them).
fn labels(series: &[StatsSeries]) -> Vec<String> {
    series
        .first()
        .map(|s| s.points.iter().map(|p| p.label.clone()).collect())
        .unwrap_or_default()
}

/// `2026-11-24` → `11-24`; other labels unchanged.
pub fn short_label(label: &str) -> String {
    if label.len() == 10 && label.as_bytes().get(4) == Some(&b'-') {
        label[5..].to_owned()
    } else {
        label.to_owned()
    }
}

/// One bar: series index, x, y, width, height (SVG units).
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub series: usize,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub value: i64,
    pub label: String,
}

fn plot_w() -> f64 {
    WIDTH - LEFT - RIGHT
}

fn plot_h() -> f64 {
    HEIGHT - TOP - BOTTOM
}

fn y_of(value: i64, max: i64) -> f64 {
    TOP + plot_h() * (1.0 - value as f64 / max as f64)
}

/// Grouped bars: one group per label, one bar per series inside it.
pub fn bars(series: &[StatsSeries], max: i64) -> Vec<Bar> {
    let n = labels(series).len();
    if n == 0 || series.is_empty() {
        return Vec::new();
    }
    let group = plot_w() / n as f64;
    let bar_w = (group * 0.8) / series.len() as f64;
    let mut out = Vec::new();
    for (si, s) in series.iter().enumerate() {
        for (i, p) in s.points.iter().enumerate().take(n) {
            let y = y_of(p.value.max(0), max);
            out.push(Bar {
                series: si,
                x: LEFT + group * i as f64 + group * 0.1 + bar_w * si as f64,
                y,
                w: bar_w,
                h: TOP + plot_h() - y,
                value: p.value,
                label: p.label.clone(),
            });
        }
    }
    out
}

/// `points` attribute of one series' polyline.
pub fn line_points(s: &StatsSeries, n: usize, max: i64) -> String {
    let step = if n > 1 {
        plot_w() / (n - 1) as f64
    } else {
        0.0
    };
    s.points
        .iter()
        .take(n)
        .enumerate()
        .map(|(i, p)| {
            format!(
                "{:.1},{:.1}",
                LEFT + step * i as f64,
                y_of(p.value.max(0), max)
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[component]
pub fn Chart(
    title: String,
    series: Vec<StatsSeries>,
    kind: ChartKind,
    /// What the y axis counts ("tickets").
    unit: &'static str,
) -> impl IntoView {
    let labels = labels(&series);
    let n = labels.len();
    if n == 0 {
        return view! { <p class="empty">"No data in this period."</p> }.into_any();
    }
    let top = series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.value))
        .max()
        .unwrap_or(0);
    let max = nice_max(top);
    let every = n.div_ceil(8).max(1);
    let x_of = |i: usize| match kind {
        ChartKind::Bars => LEFT + plot_w() / n as f64 * (i as f64 + 0.5),
        ChartKind::Lines if n > 1 => LEFT + plot_w() / (n - 1) as f64 * i as f64,
        ChartKind::Lines => LEFT,
    };
    let x_labels = labels
        .iter()
        .enumerate()
        .filter(|(i, _)| i % every == 0)
        .map(|(i, l)| {
            view! { <text class="xl" x=format!("{:.1}", x_of(i)) y=HEIGHT - 10.0 text-anchor="middle">{short_label(l)}</text> }
        })
        .collect_view();
    let mut ticks = vec![0, max / 2, max];
    ticks.dedup();
    let y_ticks = ticks
        .into_iter()
        .map(|v| {
            let y = format!("{:.1}", y_of(v, max));
            view! {
                <line class="grid" x1=LEFT x2=WIDTH - RIGHT y1=y.clone() y2=y.clone() />
                <text class="yl" x=LEFT - 6.0 y=y dy="4" text-anchor="end">{v}</text>
            }
        })
        .collect_view();
    let marks = match kind {
        ChartKind::Bars => bars(&series, max)
            .into_iter()
            .map(|b| {
                let name = series.get(b.series).map(|s| s.name.clone()).unwrap_or_default();
                view! {
                    <rect class=format!("s{}", b.series % 6)
                        x=format!("{:.1}", b.x) y=format!("{:.1}", b.y)
                        width=format!("{:.1}", b.w.max(1.0)) height=format!("{:.1}", b.h)>
                        <title>{format!("{name} {}: {} {unit}", b.label, b.value)}</title>
                    </rect>
                }
            })
            .collect_view()
            .into_any(),
        ChartKind::Lines => series
            .iter()
            .enumerate()
            .map(|(i, s)| view! {
                <polyline class=format!("line s{}", i % 6) fill="none" points=line_points(s, n, max) />
            })
            .collect_view()
            .into_any(),
    };
    let legend = (series.len() > 1).then(|| {
        view! {
            <ul class="legend">
                {series.iter().enumerate().map(|(i, s)| view! {
                    <li><span class=format!("swatch s{}", i % 6)></span>{s.name.clone()}</li>
                }).collect_view()}
            </ul>
        }
    });
    let table_head = series
        .iter()
        .map(|s| view! { <th scope="col">{s.name.clone()}</th> })
        .collect_view();
    let table_rows = labels
        .iter()
        .enumerate()
        .map(|(i, l)| {
            view! {
                <tr>
                    <th scope="row">{l.clone()}</th>
                    {series.iter().map(|s| view! { <td>{s.points.get(i).map(|p| p.value).unwrap_or(0)}</td> }).collect_view()}
                </tr>
            }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-label=format!("{title} ({unit})")>
                {y_ticks}
                {marks}
                {x_labels}
                <line class="axis" x1=LEFT x2=WIDTH - RIGHT y1=TOP + plot_h() y2=TOP + plot_h() />
            </svg>
            {legend}
            <details class="numbers">
                <summary>"Numbers"</summary>
                <table class="plain">
                    <thead><tr><th scope="col">""</th>{table_head}</tr></thead>
                    <tbody>{table_rows}</tbody>
                </table>
            </details>
        </figure>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;
    use hushdesk_api::app::StatsPoint;

    fn series(name: &str, values: &[i64]) -> StatsSeries {
        StatsSeries {
            name: name.into(),
            points: values
                .iter()
                .enumerate()
                .map(|(i, v)| StatsPoint {
                    label: format!("2026-11-{:02}", i + 1),
                    value: *v,
                })
                .collect(),
        }
    }

    #[test]
    fn axis_tops_are_round() {
        assert_eq!(nice_max(0), 1);
        assert_eq!(nice_max(1), 1);
        assert_eq!(nice_max(3), 5);
        assert_eq!(nice_max(7), 10);
        assert_eq!(nice_max(11), 20);
        assert_eq!(nice_max(480), 500);
        assert_eq!(nice_max(501), 1000);
    }

    #[test]
    fn bars_scale_to_the_axis_and_sit_on_the_baseline() {
        let s = vec![series("en", &[0, 5, 10]), series("fr", &[10, 0, 5])];
        let b = bars(&s, 10);
        assert_eq!(b.len(), 6);
        let base = TOP + plot_h();
        for bar in &b {
            assert!(
                (bar.y + bar.h - base).abs() < 1e-9,
                "bar ends on the x axis"
            );
        }
        // The full bar reaches the top of the plot; a zero bar has no height.
        assert!((b[2].y - TOP).abs() < 1e-9 && (b[2].h - plot_h()).abs() < 1e-9);
        assert!(b[0].h.abs() < 1e-9);
        // Bars of the second series sit right of the first series' bar in the same group.
        assert!(b[3].x > b[0].x && b[3].x < b[1].x);
    }

    #[test]
    fn lines_span_the_plot() {
        let s = series("all", &[0, 10]);
        assert_eq!(
            line_points(&s, 2, 10),
            format!(
                "{LEFT:.1},{:.1} {:.1},{TOP:.1}",
                TOP + plot_h(),
                WIDTH - RIGHT
            )
        );
        assert_eq!(short_label("2026-11-24"), "11-24");
        assert_eq!(short_label("<1h"), "<1h");
    }
}
