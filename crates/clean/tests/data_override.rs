//! An analyst's copy of junk.toml (ORBIT_DATA / --data) replaces the built-in rules.

use orbit_clean::Cleaner;
use orbit_core::{Body, RawArticle};

fn text(t: &str) -> RawArticle {
    RawArticle {
        origin: "note.txt".into(),
        url: None,
        title: None,
        body: Body::Text(t.into()),
        published: None,
        source: None,
        lang: None,
    }
}

#[test]
fn an_edited_junk_file_in_the_data_dir_is_used() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("junk.toml"),
        "[lines]\ndrop = ['^sponsored by .*$']\n[end]\nafter = 0.4\nmarkers = []\n[inline]\n",
    )
    .unwrap();
    let cleaner = Cleaner::load(Some(dir.path())).unwrap();
    let doc = cleaner
        .clean(&text("Sponsored by Acme\n\nThe ministers met on Monday."))
        .unwrap();
    assert_eq!(doc.text, "The ministers met on Monday.");
}

#[test]
fn a_data_dir_without_junk_toml_falls_back_to_the_built_in_rules() {
    let dir = tempfile::tempdir().unwrap();
    let doc = Cleaner::load(Some(dir.path()))
        .unwrap()
        .clean(&text("Share this\n\nThe ministers met on Monday."))
        .unwrap();
    assert_eq!(doc.text, "The ministers met on Monday.");
}

#[test]
fn a_broken_junk_file_is_an_error_naming_file_and_entry() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("junk.toml");
    std::fs::write(
        &path,
        "[lines]\ndrop = ['(oops']\n[end]\nafter = 0.4\nmarkers = []\n[inline]\n",
    )
    .unwrap();
    let e = Cleaner::load(Some(dir.path())).unwrap_err().to_string();
    assert!(e.contains(&path.display().to_string()), "{e}");
    assert!(e.contains("lines.drop[0] '(oops'"), "{e}");
}
