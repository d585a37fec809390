//! Precision away from the topic: the 181 pages of the public article-extraction benchmark
//! (`../shared/bench`) are news and blog pages on everything but Africa's foreign relations.
//! Whatever orbit extracts from them is a false fact or, at best, a passing remark. The bound is
//! a ratchet: 2 facts before "the country" needed an antecedent, 1 since (Egypt and Israel's
//! peace treaty, recalled in a story on US policy).

mod common;

use std::io::Read;

use common::{Sandbox, shared};

#[test]
fn unrelated_news_pages_yield_almost_no_facts() {
    let Some(shared) = shared() else { return };
    let pages = shared.join("bench/article-extraction/html");
    let sb = Sandbox::new();
    let dir = sb.path("pages");
    std::fs::create_dir(&dir).unwrap();
    let mut count = 0;
    for entry in std::fs::read_dir(&pages).unwrap() {
        let path = entry.unwrap().path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let Some(html_name) = name.strip_suffix(".gz") else {
            continue;
        };
        let mut html = Vec::new();
        flate2::read::GzDecoder::new(std::fs::File::open(&path).unwrap())
            .read_to_end(&mut html)
            .unwrap();
        std::fs::write(dir.join(html_name), html).unwrap();
        count += 1;
    }
    assert_eq!(count, 181, "the benchmark has 181 pages");
    sb.ok(&["ingest", dir.to_str().unwrap()]);
    let facts: Vec<serde_json::Value> = sb
        .ok(&["facts", "--format", "jsonl"])
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let texts: Vec<&str> = facts.iter().filter_map(|f| f["text"].as_str()).collect();
    assert!(
        facts.len() <= 1,
        "{} facts from unrelated pages: {texts:#?}",
        facts.len()
    );
}
