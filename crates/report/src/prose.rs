//! Small wording helpers: dates, numbers, labels. Every phrase the writer uses for a score,
//! a lean or a date comes from here, so the three formats and all sections agree.

use orbit_core::{Category, DateBasis, Direction, EventType, FuzzyDate};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn month_name(m: i8) -> &'static str {
    usize::try_from(m - 1)
        .ok()
        .and_then(|i| MONTHS.get(i))
        .copied()
        .unwrap_or("?")
}

/// A date at its own precision: `21 October 2024`, `June 2024`, `2024`.
pub fn date_words(d: FuzzyDate) -> String {
    match (d.month, d.day) {
        (Some(m), Some(day)) => format!("{day} {} {}", month_name(m), d.year),
        (Some(m), None) => format!("{} {}", month_name(m), d.year),
        _ => d.year.to_string(),
    }
}

/// How a quoted fact opens: `On 21 October 2024`, `In June 2024`, `In 2024`, `Undated`;
/// `Reported on 9 November 2024` when only the article's date is known, so nobody reads the
/// publication day as the day of the event.
pub fn event_date_opening(d: Option<FuzzyDate>, basis: Option<DateBasis>) -> String {
    let reported = if basis == Some(DateBasis::Published) {
        "Reported "
    } else {
        ""
    };
    let phrase = match d {
        None => return "Undated".to_string(),
        Some(d) if d.day.is_some() && d.month.is_some() => format!("on {}", date_words(d)),
        Some(d) => format!("in {}", date_words(d)),
    };
    let text = format!("{reported}{phrase}");
    let mut chars = text.chars();
    chars
        .next()
        .map_or(text.clone(), |c| c.to_uppercase().chain(chars).collect())
}

/// `+0.72`, `-0.35`, `+0.00` (never `-0.00`).
pub fn signed2(x: f64) -> String {
    let r = (x * 100.0).round() / 100.0;
    if r == 0.0 {
        "+0.00".to_string()
    } else {
        format!("{r:+.2}")
    }
}

/// The bootstrap interval's level in percent: `80`.
pub fn interval_level() -> String {
    let [lo, hi] = orbit_score::INTERVAL_PERCENTILES;
    format!("{}", ((hi - lo) * 100.0).round())
}

/// `80% interval +0.30 to +0.60`.
pub fn interval_words([lo, hi]: [f64; 2]) -> String {
    format!(
        "{}% interval {} to {}",
        interval_level(),
        signed2(lo),
        signed2(hi)
    )
}

/// `1 fact`, `3 facts`.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `a`, `a and b`, `a, b and c`.
pub fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The five-step reading of a score, also the badge label.
pub fn score_label(score: Option<u8>) -> &'static str {
    match score {
        Some(5) => "Russia-focused",
        Some(4) => "Russia-skewed",
        Some(3) => "neutral/unclear",
        Some(2) => "US-skewed",
        Some(1) => "US-focused",
        _ => "no evidence",
    }
}

/// What a score means on the scale, for the summary.
pub fn score_meaning(score: u8) -> &'static str {
    match score {
        5 => "overwhelming alignment with Russia",
        4 => "a clear lean toward Russia",
        3 => "a balance between Russia and the US/West, or no clear side",
        2 => "a clear lean toward the US/West",
        _ => "overwhelming alignment with the US/West",
    }
}

/// How an index leans, as a verb phrase: `leans toward Russia`, `is balanced`, ... (`lean`,
/// `are balanced` for several subjects). The steps are those of the score, so a category
/// and the country read alike.
pub fn lean_phrase(index: f64, plural: bool) -> &'static str {
    match (step(index), plural) {
        (5, false) => "leans strongly toward Russia",
        (5, true) => "lean strongly toward Russia",
        (4, false) => "leans toward Russia",
        (4, true) => "lean toward Russia",
        (3, false) => "is balanced",
        (3, true) => "are balanced",
        (2, false) => "leans toward the US/West",
        (2, true) => "lean toward the US/West",
        (_, false) => "leans strongly toward the US/West",
        (_, true) => "lean strongly toward the US/West",
    }
}

/// The 1–5 step of an index: clamp(round(3 + 2·index), 1, 5).
fn step(index: f64) -> u8 {
    (3.0 + 2.0 * index).round().clamp(1.0, 5.0) as u8
}

/// `toward Russia`, `toward the US/West`, `neutral`.
pub fn direction_words(d: Direction) -> &'static str {
    match d {
        Direction::TowardRussia => "toward Russia",
        Direction::TowardWest => "toward the US/West",
        Direction::Neutral => "neutral",
    }
}

/// `low`, `moderate`, `high`.
pub fn confidence_words(c: f64) -> &'static str {
    if c < 0.34 {
        "low"
    } else if c < 0.67 {
        "moderate"
    } else {
        "high"
    }
}

/// The section heading of a category.
pub fn category_heading(c: Category) -> &'static str {
    match c {
        Category::Military => "Military and security",
        Category::Diplomatic => "Diplomatic",
        Category::Economic => "Economic",
        Category::Information => "Information and public opinion",
        Category::Political => "Political",
    }
}

/// What a category's facts are about, for running text.
pub fn category_topic(c: Category) -> &'static str {
    match c {
        Category::Military => "military and security ties",
        Category::Diplomatic => "diplomatic relations",
        Category::Economic => "economic ties",
        Category::Information => "information and public opinion",
        Category::Political => "political alignment",
    }
}

/// The category's name in lower case, for lists.
pub fn category_name(c: Category) -> &'static str {
    match c {
        Category::Military => "military and security",
        Category::Diplomatic => "diplomatic",
        Category::Economic => "economic",
        Category::Information => "information",
        Category::Political => "political",
    }
}

/// A PLOVER event type as a noun phrase: `cooperation`, `a withdrawal`, `sanctions`.
pub fn event_noun(e: EventType) -> &'static str {
    match e {
        EventType::Agree => "an agreement",
        EventType::Consult => "consultations",
        EventType::Support => "support",
        EventType::Cooperate => "cooperation",
        EventType::Aid => "aid",
        EventType::Retreat => "a withdrawal",
        EventType::Request => "a request",
        EventType::Accuse => "accusations",
        EventType::Reject => "a rejection",
        EventType::Threaten => "threats",
        EventType::Protest => "protests",
        EventType::Sanction => "sanctions",
        EventType::Mobilize => "a mobilisation",
        EventType::Coerce => "coercion",
        EventType::Assault => "violence",
        EventType::Concede => "a concession",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_keep_their_precision() {
        assert_eq!(
            event_date_opening(FuzzyDate::ymd(2024, 10, 21), None),
            "On 21 October 2024"
        );
        assert_eq!(
            event_date_opening(FuzzyDate::ym(2024, 6), None),
            "In June 2024"
        );
        assert_eq!(
            event_date_opening(Some(FuzzyDate::year(2024)), None),
            "In 2024"
        );
        assert_eq!(event_date_opening(None, None), "Undated");
        assert_eq!(
            event_date_opening(FuzzyDate::ymd(2024, 11, 9), Some(DateBasis::Published)),
            "Reported on 9 November 2024"
        );
    }

    #[test]
    fn signed_numbers_never_show_negative_zero() {
        assert_eq!(signed2(0.724), "+0.72");
        assert_eq!(signed2(-0.351), "-0.35");
        assert_eq!(signed2(-0.001), "+0.00");
    }

    #[test]
    fn lists_read_as_english() {
        let s = |v: &[&str]| join_and(&v.iter().map(|x| x.to_string()).collect::<Vec<_>>());
        assert_eq!(s(&["a"]), "a");
        assert_eq!(s(&["a", "b"]), "a and b");
        assert_eq!(s(&["a", "b", "c"]), "a, b and c");
    }
}
