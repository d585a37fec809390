//! The trend chart of a country page: its index month by month, drawn on the server as SVG
//! over the five score bands, one dot per month with evidence (bigger with more facts), a
//! link from each dot to that month, and the selected period shaded.

use std::fmt::Write;

use minijinja::HtmlEscape;
use orbit_core::Period;
use orbit_score::CountryScore;

const WIDTH: f64 = 760.0;
const HEIGHT: f64 = 240.0;
const LEFT: f64 = 40.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 34.0;

/// The five score bands as index ranges: score = clamp(round(3 + 2·index), 1, 5).
const BANDS: [(u8, f64, f64); 5] = [
    (5, 0.75, 1.0),
    (4, 0.25, 0.75),
    (3, -0.25, 0.25),
    (2, -0.75, -0.25),
    (1, -1.0, -0.75),
];

/// The chart for `series` (one score per month, oldest first); `link` is the country page
/// the dots link to with `?period=<month>`, `selected` the period the page shows.
pub fn trend_svg(series: &[CountryScore], selected: &Period, link: &str) -> String {
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let y = |index: f64| TOP + (1.0 - index.clamp(-1.0, 1.0)) / 2.0 * plot_h;
    let n = series.len().max(1) as f64;
    let step = plot_w / n;
    let x = |i: usize| LEFT + (i as f64 + 0.5) * step;
    let points = series.iter().filter(|c| c.index.is_some()).count();

    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="trend" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="Index by month" data-points="{points}">"#
    );
    for (score, lo, hi) in BANDS {
        let _ = write!(
            s,
            r#"<rect class="band s{score}" x="{LEFT}" y="{:.1}" width="{plot_w:.1}" height="{:.1}"><title>score {score}</title></rect>"#,
            y(hi),
            y(lo) - y(hi)
        );
    }
    // The selected period, when it is a span inside the series.
    if let (Some(from), Some(to)) = (selected.from, selected.to) {
        let inside: Vec<usize> = series
            .iter()
            .enumerate()
            .filter(|(_, c)| {
                let f = c.period.from.as_deref().and_then(|d| d.parse().ok());
                let t = c.period.to.as_deref().and_then(|d| d.parse().ok());
                f.is_some_and(|f: jiff::civil::Date| f >= from)
                    && t.is_some_and(|t: jiff::civil::Date| t <= to)
            })
            .map(|(i, _)| i)
            .collect();
        if let (Some(first), Some(last)) = (inside.first(), inside.last()) {
            let _ = write!(
                s,
                r#"<rect class="selected" x="{:.1}" y="{TOP}" width="{:.1}" height="{plot_h:.1}"/>"#,
                x(*first) - step / 2.0,
                (last - first + 1) as f64 * step
            );
        }
    }
    for (v, label) in [(1.0, "+1"), (0.0, "0"), (-1.0, "−1")] {
        let _ = write!(
            s,
            r#"<line class="grid" x1="{LEFT}" x2="{:.1}" y1="{:.1}" y2="{:.1}"/><text class="axis" x="{:.1}" y="{:.1}" text-anchor="end">{label}</text>"#,
            LEFT + plot_w,
            y(v),
            y(v),
            LEFT - 6.0,
            y(v) + 4.0
        );
    }
    let _ = write!(
        s,
        r#"<text class="axis hint" x="{:.1}" y="{:.1}">toward Russia</text><text class="axis hint" x="{:.1}" y="{:.1}">toward the US/West</text>"#,
        LEFT + 4.0,
        TOP + 12.0,
        LEFT + 4.0,
        TOP + plot_h - 5.0
    );

    // The line, broken where a month has no evidence.
    let mut path = String::new();
    let mut pen_down = false;
    for (i, c) in series.iter().enumerate() {
        match c.index {
            Some(v) => {
                let _ = write!(
                    path,
                    "{}{:.1},{:.1}",
                    if pen_down { " L" } else { "M" },
                    x(i),
                    y(v)
                );
                pen_down = true;
            }
            None => pen_down = false,
        }
    }
    if !path.is_empty() {
        let _ = write!(s, r#"<path class="line" d="{path}"/>"#);
    }

    // X labels: every month when few, else each January (or the first month) as its year.
    let every = (series.len() as f64 / 12.0).ceil().max(1.0) as usize;
    for (i, c) in series.iter().enumerate() {
        let key = &c.period.key;
        let (year, month) = key.split_once('-').unwrap_or((key, ""));
        let label = if series.len() <= 18 {
            format!("{} '{}", month_abbr(month), year.get(2..).unwrap_or(year))
        } else if month == "01" || (i == 0 && every > 1) {
            year.to_string()
        } else if every == 1 {
            month_abbr(month).to_string()
        } else {
            continue;
        };
        let _ = write!(
            s,
            r#"<text class="axis" x="{:.1}" y="{:.1}" text-anchor="middle">{}</text>"#,
            x(i),
            HEIGHT - BOTTOM + 16.0,
            HtmlEscape(&label)
        );
    }

    for (i, c) in series.iter().enumerate() {
        let Some(v) = c.index else { continue };
        let r = 3.0 + (c.n_facts as f64).sqrt().min(5.0);
        let title = format!(
            "{}: index {:+.2}, score {}, {} fact{}",
            c.period.label,
            v,
            c.score.map_or("-".to_string(), |s| s.to_string()),
            c.n_facts,
            if c.n_facts == 1 { "" } else { "s" }
        );
        let _ = write!(
            s,
            r#"<a href="{}?period={}"><circle class="dot s{}" cx="{:.1}" cy="{:.1}" r="{r:.1}"><title>{}</title></circle></a>"#,
            HtmlEscape(link),
            HtmlEscape(&c.period.key),
            c.score.unwrap_or(0),
            x(i),
            y(v),
            HtmlEscape(&title)
        );
    }
    if points == 0 {
        let _ = write!(
            s,
            r#"<text class="axis" x="{:.1}" y="{:.1}" text-anchor="middle">no dated evidence</text>"#,
            LEFT + plot_w / 2.0,
            TOP + plot_h / 2.0
        );
    }
    s.push_str("</svg>");
    s
}

fn month_abbr(month: &str) -> &'static str {
    const M: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    month
        .parse::<usize>()
        .ok()
        .and_then(|m| M.get(m.wrapping_sub(1)))
        .copied()
        .unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;
    use orbit_score::Scorer;

    #[test]
    fn draws_one_dot_per_month_with_evidence_and_breaks_the_line_at_gaps() {
        let scorer = Scorer::load(None).unwrap();
        let months = Period::series(
            orbit_core::PeriodKind::Month,
            "2024-04-01".parse().unwrap(),
            "2024-06-30".parse().unwrap(),
        );
        let mut cards: Vec<CountryScore> = months
            .iter()
            .map(|p| scorer.score("ML", "Mali", p, &[], None))
            .collect();
        cards[0].index = Some(0.5);
        cards[0].score = Some(4);
        cards[2].index = Some(-0.9);
        cards[2].score = Some(1);
        let svg = trend_svg(&cards, &Period::parse("2024-06").unwrap(), "/country/ML");
        assert!(svg.contains(r#"data-points="2""#));
        assert_eq!(svg.matches("<circle").count(), 2);
        let line = svg.split(r#"class="line" d=""#).nth(1).unwrap();
        let line = &line[..line.find('"').unwrap()];
        assert_eq!(
            line.matches('M').count(),
            2,
            "the gap in May breaks the line: {line}"
        );
        // minijinja's escaper writes `/` as `&#x2f;`, which the HTML parser reads back.
        assert!(
            svg.contains(r#"href="&#x2f;country&#x2f;ML?period=2024-04""#),
            "{svg}"
        );
        assert!(svg.contains(r#"class="selected""#));
        assert!(
            svg.contains("Apr &#x27;24") || svg.contains("Apr '24"),
            "{svg}"
        );
    }
}
