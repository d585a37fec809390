//! Prints the facts orbit extracts from plain-text files (no cleaning): a quick look for
//! lexicon and gazetteer editors. `cargo run -p orbit-extract --example facts_of_text -- FILE...`
use orbit_core::{Document, Knowledge};
use orbit_extract::Extractor;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let knowledge = Knowledge::load(
        std::env::var_os("ORBIT_DATA")
            .as_deref()
            .map(std::path::Path::new),
    )?;
    let extractor = Extractor::new(&knowledge)?;
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path)?;
        let doc = Document {
            origin: path.clone(),
            url: None,
            source: None,
            title: None,
            published: None,
            lang: Some("en".into()),
            text,
        };
        for f in extractor.extract(&doc) {
            println!(
                "{} {:>3} {:<7} {:<13} {:<10} {:.2} {} | {}",
                f.country,
                f.counterpart,
                f.event_date.map(|d| d.to_string()).unwrap_or("-".into()),
                f.direction,
                f.event_type,
                f.weight,
                f.category,
                f.text
            );
        }
    }
    Ok(())
}
